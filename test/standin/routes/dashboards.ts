/** Dashboards (dual-routed), collaborators (plain array) and sharing (single object). */
import { randomBytes } from 'node:crypto';
import { type Ctx, HttpError, envelope, notFound, r, type Router, required, validation } from '../core';
import { assign, matches, softDeleteResource } from '../crud';
import { isoDaysAgo, nowIso, type Row, type State, type Team } from '../state';
import type { RouteGroup } from './types';

const OPTS = { prefix: 'dual' as const, scope: 'dashboard' };

export const dashboards = (state: State, teamId: number) => state.table(teamId, 'dashboards');

function serialize(row: Row, ctx: Ctx, detail: boolean): Row {
  const basic = {
    id: row.id,
    name: row.name,
    description: row.description ?? '',
    pinned: !!row.pinned,
    created_at: row.created_at,
    created_by: row.created_by,
    last_accessed_at: row.last_accessed_at ?? null,
    last_viewed_at: null,
    is_shared: !!row.sharing?.enabled,
    deleted: !!row.deleted,
    creation_mode: 'default',
    tags: row.tags ?? [],
    restriction_level: row.restriction_level ?? 21,
    effective_restriction_level: row.restriction_level ?? 21,
    effective_privilege_level: 37,
    user_access_level: 'editor',
    access_control_version: 'v2',
    last_refresh: null,
    team_id: ctx.team.id,
  };
  if (!detail) return basic;
  const insights = ctx.state.table(ctx.team.id, 'insights');
  const tiles = (row.tiles ?? []).map((t: Row) => {
    const insight = t.insight_id !== undefined ? insights.get(t.insight_id) : undefined;
    return {
      id: t.id,
      color: null,
      layouts: t.layouts ?? {},
      deleted: !!t.deleted || !!insight?.deleted,
      insight: insight
        ? {
            id: insight.id,
            short_id: insight.short_id,
            name: insight.name,
            derived_name: insight.derived_name ?? null,
            description: insight.description ?? '',
            query: insight.query ?? null,
            filters: {},
          }
        : null,
      text: t.text ? { body: t.text } : null,
    };
  });
  return {
    ...basic,
    tiles,
    filters: row.filters ?? {},
    variables: {},
    persisted_filters: {},
    persisted_variables: {},
    quick_filter_ids: [],
  };
}

let tileSeq = 1000;

/** A tile's place in PostHog's 12-column grid (`layouts.sm`, and `xs` one column wide), as the dashboard editor saves it. */
export function tileLayouts(x: number, y: number, w: number, h: number): Row {
  return { sm: { x, y, w, h, minW: 3, minH: 2 }, xs: { x: 0, y, w: 1, h, minW: 1, minH: 2 } };
}

export function addTile(dashboard: Row, tile: { insight_id?: number; text?: string; layouts?: Row }): void {
  dashboard.tiles = [...(dashboard.tiles ?? []), { id: ++tileSeq, ...tile }];
}

/** GET/PATCH sharing for `dashboards` and `insights` (same viewset in PostHog). */
export function sharingRoutes(router: Router, resource: 'dashboards' | 'insights', scope: string): void {
  const find = (ctx: Ctx) => {
    const row = ctx.state.table(ctx.team.id, resource).get(ctx.params.id);
    if (!row)
      throw new HttpError(404, envelope('invalid_request', 'not_found', resource === 'dashboards' ? 'Dashboard not found.' : 'Not found.'));
    return row;
  };
  const view = (row: Row) => ({
    created_at: row.sharing?.created_at ?? null,
    enabled: !!row.sharing?.enabled,
    access_token: row.sharing?.access_token ?? randomBytes(16).toString('base64url'),
    settings: row.sharing?.settings ?? {},
    password_required: !!row.sharing?.password_required,
    share_passwords: [],
  });
  router.get(`${resource}/:id/sharing`, (ctx) => view(find(ctx)), { prefix: 'dual', scope });
  router.patch(
    `${resource}/:id/sharing`,
    (ctx) => {
      const row = find(ctx);
      const prev = row.sharing ?? { access_token: randomBytes(16).toString('base64url'), created_at: nowIso() };
      row.sharing = { ...prev, ...ctx.body };
      return view(row);
    },
    { prefix: 'dual', scope },
  );
}

export const dashboardsRoutes: RouteGroup = {
  register(router) {
    softDeleteResource(router, {
      path: 'dashboards',
      table: (ctx) => dashboards(ctx.state, ctx.team.id),
      routeOptions: OPTS,
      serialize,
      filter: (row, ctx) => matches(row, ['name', 'description', 'tags'], ctx.query.get('search')),
      sort: (a, b) => Number(!!b.pinned) - Number(!!a.pinned) || String(a.name).localeCompare(String(b.name)),
      create: (ctx) => {
        const b = ctx.body ?? {};
        if (b.name !== undefined && typeof b.name !== 'string') throw validation('Not a valid string.', 'name', 'invalid');
        if (b.use_template && b.use_dashboard) throw validation('Cannot use both use_template and use_dashboard.');
        if (b.tags !== undefined && !Array.isArray(b.tags)) throw validation('Expected a list of items.', 'tags', 'not_a_list');
        return dashboards(ctx.state, ctx.team.id).insert({
          name: b.name ?? '',
          description: b.description ?? '',
          pinned: !!b.pinned,
          tags: b.tags ?? [],
          created_at: nowIso(),
          created_by: ctx.state.userBasic(ctx.user),
          restriction_level: b.restriction_level ?? 21,
          tiles: [],
          deleted: false,
        });
      },
      update: (row, ctx) => {
        const b = ctx.body;
        if (b.name !== undefined && typeof b.name !== 'string') throw validation('Not a valid string.', 'name', 'invalid');
        if (b.tags !== undefined && !Array.isArray(b.tags)) throw validation('Expected a list of items.', 'tags', 'not_a_list');
        assign(row, b, ['name', 'description', 'pinned', 'tags', 'restriction_level', 'filters']);
      },
    });

    // Collaborators: a plain array (no pagination).
    const collabOpts = { prefix: 'dual' as const, scope: 'dashboard' };
    const dash = (ctx: Ctx) => {
      const row = dashboards(ctx.state, ctx.team.id).get(ctx.params.id);
      if (!row) throw notFound('Dashboard not found.');
      return row;
    };
    const collaboratorView = (ctx: Ctx, dashboardId: number, c: Row) => {
      const user = [...ctx.state.users.values()].find((u) => u.uuid === c.user_uuid);
      return {
        id: c.id,
        dashboard_id: dashboardId,
        user: user ? ctx.state.userBasic(user) : null,
        level: c.level,
        added_at: c.added_at,
        updated_at: c.added_at,
      };
    };
    router.get(
      'dashboards/:id/collaborators',
      (ctx) => {
        const d = dash(ctx);
        return (d.collaborators ?? []).map((c: Row) => collaboratorView(ctx, d.id, c));
      },
      collabOpts,
    );
    router.post(
      'dashboards/:id/collaborators',
      (ctx) => {
        const d = dash(ctx);
        const b = ctx.body ?? {};
        if (!b.user_uuid) throw required('user_uuid');
        if ((d.restriction_level ?? 21) === 21)
          throw validation('Cannot add collaborators to a dashboard on the lowest restriction level.');
        if (b.level !== undefined && b.level !== 37) throw validation('Only edit access can be explicitly specified currently.', 'level');
        const user = [...ctx.state.users.values()].find((u) => u.uuid === b.user_uuid);
        if (!user) throw validation('User does not exist.', 'user_uuid');
        if (user.id === d.created_by?.id)
          throw validation('Cannot add collaborators that already have inherent access (the dashboard owner or a project admins).');
        d.collaborators = d.collaborators ?? [];
        if (d.collaborators.some((c: Row) => c.user_uuid === b.user_uuid)) throw validation('User already is a collaborator.');
        const c = { id: d.collaborators.length + 1, user_uuid: b.user_uuid, level: 37, added_at: nowIso() };
        d.collaborators.push(c);
        return r(201, collaboratorView(ctx, d.id, c));
      },
      collabOpts,
    );
    router.delete(
      'dashboards/:id/collaborators/:uuid',
      (ctx) => {
        const d = dash(ctx);
        d.collaborators = (d.collaborators ?? []).filter((c: Row) => c.user_uuid !== ctx.params.uuid);
        return r(204);
      },
      collabOpts,
    );
    sharingRoutes(router, 'dashboards', 'sharing_configuration');
  },

  seed(state: State, team: Team, options) {
    const table = dashboards(state, team.id);
    const ada = state.userBasic(state.users.get(1)!);
    const insights = state.table(team.id, 'insights').all();
    const names: Array<[string, string, boolean, string[]]> = [
      ['Product analytics', 'Weekly active users, signups and retention at a glance', true, ['core']],
      ['Growth', 'Acquisition funnel and activation', true, ['growth']],
      ['Marketing site', 'Traffic and conversion of hedgebox.net', false, ['marketing']],
      ['Revenue', 'Upgrades, churn and MRR proxies', false, ['finance']],
      ['Feature adoption', 'Usage of recently launched features', false, ['product']],
      ['Reliability', 'Errors and slow pages', false, ['engineering']],
      ['Onboarding', 'First-week activation checklist', false, []],
      ['Mobile app', 'iOS and Android usage', false, ['mobile']],
    ];
    const count = team.id === 1 ? names.length : 2;
    for (let i = 0; i < count; i++) {
      const [name, description, pinned, tags] = names[i];
      const d = table.insert({
        name,
        description,
        pinned,
        tags,
        created_at: isoDaysAgo(90 - i * 7),
        created_by: ada,
        last_accessed_at: isoDaysAgo(i),
        restriction_level: i === 1 ? 37 : 21,
        tiles: [],
        deleted: false,
      });
      // Three insight tiles per dashboard, round robin over the first twelve seeded (trends and SQL) insights.
      const classic = insights.slice(0, 12);
      if (i !== 0) {
        for (let k = 0; k < Math.min(3, classic.length); k++) addTile(d, { insight_id: classic[(i * 3 + k) % classic.length].id });
        continue;
      }
      // The first dashboard has one insight of each kind (./insights.ts seeds them after the twelve), laid out
      // two to a row under a full-width text tile that is added last, so layout order differs from tile order.
      const tiled = [...classic.slice(0, 3), ...insights.slice(12)];
      tiled.forEach((insight, k) =>
        addTile(d, { insight_id: insight.id, layouts: tileLayouts((k % 2) * 6, 2 + Math.floor(k / 2) * 5, 6, 5) }),
      );
      addTile(d, { text: 'Numbers refresh hourly. Ask #analytics before changing these tiles.', layouts: tileLayouts(0, 0, 12, 2) });
    }
    const extra = options.scale?.dashboards ?? 0;
    for (let i = 0; i < extra && team.id === 1; i++) {
      table.insert({
        name: `Scale dashboard ${String(i).padStart(5, '0')}`,
        description: '',
        pinned: false,
        tags: [],
        created_at: isoDaysAgo(200),
        created_by: ada,
        tiles: [],
        deleted: false,
      });
    }
  },
};
