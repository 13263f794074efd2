/**
 * Annotations: project-only; std list with a default limit of 1000, ordered `-date_marker`,
 * `search` on content; organization-scoped annotations of every project in the organization are
 * visible (ids are global, as in PostHog); deleted ones are hidden everywhere except PATCH (restore);
 * annotations on a soft-deleted dashboard or insight are hidden; DELETE → 405.
 */
import { type Ctx, forbidDestroy, notFound, r, validation } from '../core';
import { stdList } from '../crud';
import { isoDaysAgo, nowIso, type Row, type State, type Team } from '../state';
import type { RouteGroup } from './types';

const OPTS = { prefix: 'project' as const, scope: 'annotation' };
const SCOPES = ['organization', 'project', 'dashboard', 'dashboard_item', 'recording', 'tag'];
const CREATION_TYPES = ['USR', 'GIT'];

export const annotations = (state: State, teamId: number) => state.table(teamId, 'annotations');

/** PostHog's ids are global: the next id across every project's annotations. */
function nextId(state: State): number {
  let max = 0;
  for (const t of state.teams.values()) for (const row of annotations(state, t.id).all()) max = Math.max(max, Number(row.id) || 0);
  return max + 1;
}

/** The parent it is attached to was soft-deleted: hidden until the parent is restored. */
function parentDeleted(state: State, row: Row): boolean {
  if (row.dashboard_id != null && state.table(row.team_id, 'dashboards').get(row.dashboard_id)?.deleted) return true;
  if (row.dashboard_item != null && state.table(row.team_id, 'insights').get(row.dashboard_item)?.deleted) return true;
  return false;
}

/** This project's annotations plus the organization-scoped ones of its organization. */
function visible(ctx: Ctx, includeDeleted: boolean): Row[] {
  const out: Row[] = [];
  for (const t of ctx.state.teams.values()) {
    if (t.organization !== ctx.team.organization) continue;
    for (const row of annotations(ctx.state, t.id).all()) {
      if (t.id !== ctx.team.id && row.scope !== 'organization') continue;
      if (!includeDeleted && row.deleted) continue;
      if (parentDeleted(ctx.state, row)) continue;
      out.push(row);
    }
  }
  return out;
}

function find(ctx: Ctx, includeDeleted: boolean): Row {
  const wanted = ctx.params.id;
  const row = visible(ctx, includeDeleted).find((a) => String(a.id) === wanted);
  if (!row) throw notFound();
  return row;
}

/** DRF's DateTimeField output: ISO 8601 with a Z for UTC. */
function isoOut(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

function parseDate(v: unknown, attr: string): string | null {
  if (v === null) return null;
  const m =
    typeof v === 'string'
      ? /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v.trim())
      : null;
  // No time: midnight; no offset: the project's time zone (UTC in the stand-in).
  const tz = m?.[3] === undefined || m[3] === 'Z' ? 'Z' : m[3].includes(':') ? m[3] : `${m[3].slice(0, 3)}:${m[3].slice(3)}`;
  const date = m ? new Date(`${m[1]}T${m[2] ?? '00:00'}${tz}`) : undefined;
  const realDay =
    !!m && !Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)) && new Date(`${m[1]}T00:00:00Z`).toISOString().slice(0, 10) === m[1];
  if (!date || Number.isNaN(date.getTime()) || !realDay) {
    throw validation(
      'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
      attr,
      'invalid',
    );
  }
  return isoOut(date);
}

const intOf = (v: unknown) =>
  typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;

/** Field checks in declaration order, then the serializer's validate(). Returns the fields to write. */
function validate(ctx: Ctx, body: Row, existing?: Row): Row {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw validation('Invalid data. Expected a dictionary, but got list.', 'non_field_errors', 'invalid');
  const out: Row = {};
  const has = (f: string) => Object.prototype.hasOwnProperty.call(body, f);
  if (has('content')) {
    const v = body.content;
    if (v !== null && typeof v !== 'string') throw validation('Not a valid string.', 'content', 'invalid');
    if (typeof v === 'string' && v.length > 400)
      throw validation('Ensure this field has no more than 400 characters.', 'content', 'max_length');
    out.content = v;
  }
  if (has('date_marker')) out.date_marker = parseDate(body.date_marker, 'date_marker');
  if (has('creation_type')) {
    if (!CREATION_TYPES.includes(body.creation_type))
      throw validation(`"${body.creation_type}" is not a valid choice.`, 'creation_type', 'invalid_choice');
    out.creation_type = body.creation_type;
  }
  if (has('dashboard_item')) {
    const v = body.dashboard_item;
    if (v === null) out.dashboard_item = null;
    else {
      const n = intOf(v);
      if (n === undefined)
        throw validation(
          `Incorrect type. Expected pk value, received ${typeof v === 'string' ? 'str' : typeof v}.`,
          'dashboard_item',
          'incorrect_type',
        );
      if (!ctx.state.table(ctx.team.id, 'insights').get(n))
        throw validation(`Invalid pk "${n}" - object does not exist.`, 'dashboard_item', 'does_not_exist');
      out.dashboard_item = n;
    }
  }
  if (has('dashboard_id')) {
    const v = body.dashboard_id;
    if (v === null) out.dashboard_id = null;
    else {
      const n = intOf(v);
      if (n === undefined) throw validation('A valid integer is required.', 'dashboard_id', 'invalid');
      out.dashboard_id = n;
    }
  }
  if (has('deleted')) {
    if (typeof body.deleted !== 'boolean') throw validation('Must be a valid boolean.', 'deleted', 'invalid');
    out.deleted = body.deleted;
  }
  if (has('scope')) {
    if (!SCOPES.includes(body.scope)) throw validation(`"${body.scope}" is not a valid choice.`, 'scope', 'invalid_choice');
    out.scope = body.scope;
  }
  if (has('emoji')) {
    if (body.emoji !== null && typeof body.emoji !== 'string') throw validation('Not a valid string.', 'emoji', 'invalid');
    out.emoji = body.emoji || null;
  }
  if (has('hidden_in_user_interface')) {
    if (body.hidden_in_user_interface !== null && typeof body.hidden_in_user_interface !== 'boolean')
      throw validation('Must be a valid boolean.', 'hidden_in_user_interface', 'invalid');
    out.hidden_in_user_interface = body.hidden_in_user_interface;
  }
  if (has('tags')) {
    if (!Array.isArray(body.tags))
      throw validation(`Expected a list of items but got type "${typeof body.tags === 'string' ? 'str' : 'dict'}".`, 'tags', 'not_a_list');
    if (body.tags.length > 100) throw validation('Ensure this field has no more than 100 elements.', 'tags', 'max_length');
    const tags = body.tags.map((t: unknown) => String(t));
    if (tags.some((t: string) => t.length > 255))
      throw validation('Ensure this field has no more than 255 characters.', 'tags', 'max_length');
    out.tags = [...new Set(tags)];
  }

  // AnnotationSerializer.validate()
  if (out.dashboard_id != null && !ctx.state.table(ctx.team.id, 'dashboards').get(out.dashboard_id)) {
    throw validation('Dashboard not found.', 'dashboard_id', 'invalid');
  }
  if (out.scope === 'recording') throw validation('Recording scope is deprecated');
  const effectiveScope = has('scope') ? out.scope : existing?.scope;
  if (effectiveScope === 'tag') {
    const tags = has('tags') ? out.tags : existing ? existing.tags : undefined;
    if (!tags || tags.length === 0) throw validation("At least one tag is required when scope is 'tag'.", 'tags', 'invalid');
  } else if (out.tags && out.tags.length) {
    throw validation("Tags can only be set when scope is 'tag'.", 'tags', 'invalid');
  }
  return out;
}

function serialize(state: State, row: Row): Row {
  const dashboard = row.dashboard_id != null ? state.table(row.team_id, 'dashboards').get(row.dashboard_id) : undefined;
  const insight = row.dashboard_item != null ? state.table(row.team_id, 'insights').get(row.dashboard_item) : undefined;
  return {
    id: row.id,
    content: row.content ?? null,
    date_marker: row.date_marker ?? null,
    creation_type: row.creation_type ?? 'USR',
    dashboard_item: row.dashboard_item ?? null,
    dashboard_id: row.dashboard_id ?? null,
    dashboard_name: dashboard?.name ?? null,
    insight_short_id: insight?.short_id ?? null,
    insight_name: insight?.name ?? null,
    insight_derived_name: insight?.derived_name ?? null,
    created_by: row.created_by ?? null,
    created_at: row.created_at ?? null,
    updated_at: row.updated_at ?? row.created_at ?? null,
    deleted: !!row.deleted,
    scope: row.scope,
    emoji: row.emoji ?? null,
    hidden_in_user_interface: row.hidden_in_user_interface ?? null,
    tags: row.tags ?? [],
  };
}

const truthy = (v: string) => ['true', '1', 'yes'].includes(v.toLowerCase());

function listRows(ctx: Ctx): Row[] {
  let rows = visible(ctx, false);
  const q = ctx.query;
  const scopeParam = q.get('scope');
  if (scopeParam) {
    const s = scopeParam === 'insight' ? 'dashboard_item' : scopeParam;
    if (!SCOPES.includes(s)) throw validation(`Invalid scope: ${s}`);
    rows = rows.filter((a) => a.scope === s);
  }
  const dateFrom = q.get('date_from');
  const dateTo = q.get('date_to');
  const parse = (v: string, which: string) => {
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw validation(`Invalid date range: ${which} must be a valid ISO 8601 date`);
    return d.getTime();
  };
  const from = dateFrom ? parse(dateFrom, 'date_from') : undefined;
  const to = dateTo ? parse(dateTo, 'date_to') : undefined;
  if (from !== undefined && to !== undefined && from > to) throw validation('Invalid date range: date_from must be before date_to');
  if (from !== undefined) rows = rows.filter((a) => a.date_marker && Date.parse(a.date_marker) >= from);
  if (to !== undefined) rows = rows.filter((a) => a.date_marker && Date.parse(a.date_marker) <= to);
  const isEmoji = q.get('is_emoji');
  if (isEmoji !== null) rows = rows.filter((a) => !!a.emoji === truthy(isEmoji));
  const hidden = q.get('hidden_in_user_interface');
  if (hidden !== null) rows = rows.filter((a) => (truthy(hidden) ? a.hidden_in_user_interface === true : !a.hidden_in_user_interface));
  // DRF SearchFilter on `content`: every whitespace/comma separated term must appear.
  const terms = (q.get('search') ?? '')
    .replaceAll('\0', '')
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
  if (terms.length)
    rows = rows.filter((a) =>
      terms.every((t) =>
        String(a.content ?? '')
          .toLowerCase()
          .includes(t),
      ),
    );
  // -date_marker (Postgres: NULLs first when descending), then newest id
  return rows.sort(
    (a, b) =>
      (a.date_marker == null ? -1 : 0) - (b.date_marker == null ? -1 : 0) ||
      String(b.date_marker ?? '').localeCompare(String(a.date_marker ?? '')) ||
      Number(b.id) - Number(a.id),
  );
}

export const annotationsRoutes: RouteGroup = {
  register(router) {
    router.get(
      'annotations',
      (ctx) => {
        const list = stdList(ctx, listRows(ctx), 1000);
        return { ...list, results: list.results.map((a) => serialize(ctx.state, a)) };
      },
      OPTS,
    );
    router.post(
      'annotations',
      (ctx) => {
        const fields = validate(ctx, ctx.body ?? {});
        const now = nowIso();
        const row = annotations(ctx.state, ctx.team.id).insert({
          id: nextId(ctx.state),
          team_id: ctx.team.id,
          content: null,
          date_marker: null,
          creation_type: 'USR',
          dashboard_item: null,
          dashboard_id: null,
          scope: 'dashboard_item',
          emoji: null,
          hidden_in_user_interface: null,
          tags: [],
          ...fields,
          deleted: fields.deleted ?? false,
          created_by: ctx.state.userBasic(ctx.user),
          created_at: now,
          updated_at: now,
        });
        return r(201, serialize(ctx.state, row));
      },
      OPTS,
    );
    router.get('annotations/:id', (ctx) => serialize(ctx.state, find(ctx, false)), OPTS);
    const patch = (ctx: Ctx) => {
      const row = find(ctx, true);
      const fields = validate(ctx, ctx.body ?? {}, row);
      Object.assign(row, fields, { updated_at: nowIso() });
      return serialize(ctx.state, row);
    };
    router.patch('annotations/:id', patch, OPTS);
    router.put('annotations/:id', patch, OPTS);
    router.delete(
      'annotations/:id',
      () => {
        throw forbidDestroy();
      },
      OPTS,
    );
  },

  seed(state: State, team: Team) {
    const table = annotations(state, team.id);
    const ada = state.userBasic(state.users.get(1)!);
    const bob = state.users.get(2) ? state.userBasic(state.users.get(2)!) : ada;
    type Def = {
      content: string;
      days: number;
      hour?: number;
      type?: 'USR' | 'GIT';
      by?: Row | null;
      scope?: string;
      dashboard_id?: number;
      emoji?: string;
      deleted?: boolean;
    };
    const production: Def[] = [
      { content: 'Deployed v2.15: granular sharing permissions', days: 2, hour: 14, type: 'GIT', by: null },
      { content: 'Incident: login latency spike (p95 over 4 s for 25 min)', days: 5, hour: 9, by: bob, emoji: '🔥' },
      { content: 'Onboarding checklist A/B test started', days: 9, hour: 11 },
      { content: 'Deployed v2.14: faster uploads (chunked, resumable)', days: 14, hour: 16, type: 'GIT', by: null },
      { content: 'Newsletter sent: "Hedgebox for teams"', days: 18, hour: 8, by: bob },
      { content: 'Incident: upload failures during S3 outage (40 min)', days: 23, hour: 13, by: bob, emoji: '🔥' },
      { content: 'Pricing page redesign shipped', days: 30, hour: 10 },
      { content: 'Referral program launched: 5 GB per invite', days: 41, hour: 10 },
      { content: 'Black Friday campaign started (30% off annual plans)', days: 60, hour: 7, by: bob },
      { content: 'Mobile app 1.0 released on iOS and Android', days: 75, hour: 15 },
      { content: 'Launched on Product Hunt', days: 90, hour: 8, emoji: '🚀' },
      { content: 'Tiles reorganised after the Q3 review', days: 20, hour: 12, scope: 'dashboard', dashboard_id: 1 },
      { content: 'Hedgebox rebrand went live (new logo and domain)', days: 120, hour: 9, scope: 'organization' },
      { content: 'Deployed v2.14 (duplicate marker)', days: 14, hour: 16, type: 'GIT', by: null, deleted: true },
    ];
    const staging: Def[] = [
      { content: 'Staging: load test, 10k concurrent uploads', days: 3, hour: 22, type: 'GIT', by: null },
      { content: 'Staging database migrated to Postgres 16', days: 12, hour: 6 },
      { content: 'Company offsite: code freeze for all projects', days: 35, hour: 9, scope: 'organization' },
    ];
    for (const d of team.id === 1 ? production : staging) {
      const at = isoDaysAgo(d.days, d.hour ?? 10);
      table.insert({
        id: nextId(state),
        team_id: team.id,
        content: d.content,
        date_marker: isoOut(new Date(at)),
        creation_type: d.type ?? 'USR',
        dashboard_item: null,
        dashboard_id: d.dashboard_id ?? null,
        scope: d.scope ?? 'project',
        emoji: d.emoji ?? null,
        hidden_in_user_interface: null,
        tags: [],
        deleted: !!d.deleted,
        created_by: d.by === undefined ? ada : d.by,
        created_at: at,
        updated_at: at,
      });
    }
  },
};
