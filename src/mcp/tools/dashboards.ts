/** Dashboards: list, create, get (with tiles), update, soft delete, collaborators, sharing. */
import { z } from 'zod';
import { resourcePath } from '../api';
import { ADD, CHANGE, READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import { isPlainObject, type Row } from '../values';
import { DEFAULT_LIMIT, compact, defineUpdateTool, given, id, listResult, paging, personName, search } from './common';

const dashboardId = id('dashboard');
const dashboardPath = resourcePath('dashboards');

/** The fields a person needs from a dashboard, with its link. */
async function dashboardDetail(ctx: ToolContext, d: Row) {
  return compact({
    id: d.id,
    name: d.name || 'Untitled',
    description: d.description,
    pinned: d.pinned || undefined,
    tags: d.tags,
    created_by: personName(d.created_by),
    last_accessed_at: d.last_accessed_at,
    url: await ctx.api.link(`dashboard/${d.id}`),
  });
}

/** A tile's place in the grid: PostHog keeps one layout per breakpoint in `layouts`; `sm` is the 12-column desktop grid. */
function tileLayout(t: Row): { x: number; y: number; w: number; h: number } | undefined {
  const sm = isPlainObject(t.layouts) && isPlainObject(t.layouts.sm) ? t.layouts.sm : undefined;
  if (!sm || ![sm.x, sm.y, sm.w, sm.h].every((v) => typeof v === 'number')) return undefined;
  return { x: sm.x as number, y: sm.y as number, w: sm.w as number, h: sm.h as number };
}

/** The query kind of an insight: its InsightVizNode's source kind (TrendsQuery…), or the query's own. */
function queryKind(insight: Row): string | undefined {
  const q = isPlainObject(insight.query) ? insight.query : undefined;
  if (!q) return undefined;
  return String((isPlainObject(q.source) ? q.source.kind : undefined) ?? q.kind);
}

function tileRow(t: Row, link: (page: string) => string) {
  const insight = t.insight as Row | null | undefined;
  const layout = tileLayout(t);
  if (insight) {
    return compact({
      tile_id: t.id,
      insight_id: insight.id,
      short_id: insight.short_id,
      name: insight.name || insight.derived_name || 'Untitled insight',
      description: insight.description,
      kind: queryKind(insight),
      layout,
      url: insight.short_id ? link(`insights/${insight.short_id}`) : undefined,
    });
  }
  const text = t.text as Row | null | undefined;
  return compact({ tile_id: t.id, text: text?.body, layout });
}

/** Tiles in the order the dashboard shows them: by row, then column; tiles without a layout after, as PostHog places them. */
function inLayoutOrder(tiles: Row[]): Row[] {
  const keyed = tiles.map((t, i) => ({ t, i, l: tileLayout(t) }));
  return keyed
    .sort((a, b) => {
      if (a.l && b.l) return a.l.y - b.l.y || a.l.x - b.l.x || a.i - b.i;
      if (a.l || b.l) return a.l ? -1 : 1;
      return a.i - b.i;
    })
    .map((k) => k.t);
}

export const dashboardsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_dashboards',
    title: 'List dashboards',
    description:
      'List dashboards in the project, pinned first (search matches name, description and tags). Returns id, name, description, pinned and a link for each; get_dashboard gives tags and tiles.',
    toolset: 'dashboards',
    input: { search, ...paging },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = await ctx.api.list(dashboardPath(), 'dashboards', {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        query: { search: args.search },
      });
      const link = await ctx.api.links();
      return listResult(
        page,
        (d) =>
          compact({
            id: d.id,
            name: d.name || 'Untitled',
            description: d.description,
            pinned: d.pinned || undefined,
            url: link(`dashboard/${d.id}`),
          }),
        link('dashboard/{id}'),
      );
    },
  }),
  defineTool({
    name: 'create_dashboard',
    title: 'Create dashboard',
    description: 'Create an empty dashboard. Returns the new dashboard with its id and link.',
    toolset: 'dashboards',
    input: {
      name: z.string().min(1).max(400).describe('Dashboard name'),
      description: z.string().max(4000).optional().describe('What the dashboard is for'),
      pinned: z.boolean().optional().describe('Pin it to the top of the list'),
      tags: z.array(z.string().max(100)).max(50).optional().describe('Tags'),
    },
    annotations: ADD,
    handler: async (args, ctx) => {
      const body = given(args, ['name', 'description', 'pinned', 'tags']);
      return dashboardDetail(ctx, await ctx.api.create(dashboardPath(), body, `dashboard "${args.name}"`));
    },
  }),
  defineTool({
    name: 'get_dashboard',
    title: 'Get dashboard',
    description:
      'Get one dashboard with its tiles in layout order: insight tiles (id, short_id, name, query kind, link; run_insight_query draws one) and text tiles (markdown), each with its grid place (x, y, w, h of 12 columns).',
    toolset: 'dashboards',
    input: { dashboard_id: dashboardId },
    annotations: READ,
    handler: async (args, ctx) => {
      const d = await ctx.api.get(dashboardPath(args.dashboard_id), `dashboard ${args.dashboard_id}`);
      const link = await ctx.api.links();
      const tiles = Array.isArray(d.tiles) ? (d.tiles as Row[]).filter((t) => !t.deleted) : [];
      return {
        ...(await dashboardDetail(ctx, d)),
        ...(d.deleted ? { deleted: true } : {}),
        tiles: inLayoutOrder(tiles).map((t) => tileRow(t, link)),
      };
    },
  }),
  defineUpdateTool({
    name: 'update_dashboard',
    title: 'Update dashboard',
    description: "Change a dashboard's name, description, pinned state or tags. Only the fields given are changed.",
    toolset: 'dashboards',
    input: {
      dashboard_id: dashboardId,
      name: z.string().min(1).max(400).optional().describe('New name'),
      description: z.string().max(4000).optional().describe('New description'),
      pinned: z.boolean().optional().describe('Pin or unpin'),
      tags: z.array(z.string().max(100)).max(50).optional().describe('Replaces the tags'),
    },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const body = given(args, ['name', 'description', 'pinned', 'tags']);
      return dashboardDetail(ctx, await ctx.api.patch(dashboardPath(args.dashboard_id), body, `dashboard ${args.dashboard_id}`));
    },
  }),
  defineTool({
    name: 'delete_dashboard',
    title: 'Delete dashboard',
    description: 'Delete a dashboard (a soft delete: PostHog keeps it restorable). Its insights are kept.',
    toolset: 'dashboards',
    input: { dashboard_id: dashboardId },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const d = await ctx.api.softDelete(dashboardPath(args.dashboard_id), `dashboard ${args.dashboard_id}`);
      return { id: d?.id ?? args.dashboard_id, name: d?.name, deleted: true };
    },
  }),
  defineTool({
    name: 'list_dashboard_collaborators',
    title: 'List dashboard collaborators',
    description: 'List the people explicitly given edit access to a dashboard.',
    toolset: 'dashboards',
    input: { dashboard_id: dashboardId },
    annotations: READ,
    handler: async (args, ctx) => {
      const data = await ctx.api.get<Row[]>(dashboardPath(args.dashboard_id, 'collaborators/'), {
        action: `list collaborators of dashboard ${args.dashboard_id}`,
        object: `dashboard ${args.dashboard_id}`,
      });
      const rows = Array.isArray(data) ? data : [];
      return {
        count: rows.length,
        results: rows.map((c) =>
          compact({
            user_uuid: (c.user as Row | undefined)?.uuid,
            name: personName(c.user),
            email: (c.user as Row | undefined)?.email,
            level: c.level,
            added_at: c.added_at,
          }),
        ),
      };
    },
  }),
  defineTool({
    name: 'add_dashboard_collaborator',
    title: 'Add dashboard collaborator',
    description: 'Give a project member edit access to a dashboard (the dashboard must be restricted to collaborators).',
    toolset: 'dashboards',
    input: {
      dashboard_id: dashboardId,
      user_uuid: z.string().uuid().describe("The member's user UUID"),
      level: z.literal(37).optional().describe('Access level; 37 (can edit) is the only one PostHog accepts'),
    },
    annotations: ADD,
    handler: async (args, ctx) => {
      const added = await ctx.api.post(
        dashboardPath(args.dashboard_id, 'collaborators/'),
        { user_uuid: args.user_uuid, level: args.level ?? 37 },
        { action: `add a collaborator to dashboard ${args.dashboard_id}`, object: `dashboard ${args.dashboard_id}` },
      );
      const c = added ?? {};
      return compact({
        dashboard_id: args.dashboard_id,
        user_uuid: (c.user as Row | undefined)?.uuid ?? args.user_uuid,
        name: personName(c.user),
        level: c.level ?? 37,
      });
    },
  }),
  defineTool({
    name: 'get_dashboard_sharing',
    title: 'Get dashboard sharing',
    description: 'Whether a dashboard is shared publicly, and its public link when it is.',
    toolset: 'dashboards',
    input: { dashboard_id: dashboardId },
    annotations: READ,
    handler: async (args, ctx) => {
      const sharing = await ctx.api.get(dashboardPath(args.dashboard_id, 'sharing/'), {
        action: `get sharing of dashboard ${args.dashboard_id}`,
        object: `dashboard ${args.dashboard_id}`,
      });
      return sharingDetail(ctx, sharing);
    },
  }),
];

/** Whether a dashboard or insight is shared, and its public link. Shared by dashboards and insights. */
export function sharingDetail(ctx: ToolContext, s: Row | undefined) {
  const enabled = !!s?.enabled;
  return compact({
    enabled,
    public_url: enabled && s?.access_token ? `${ctx.client.host}/shared/${s.access_token}` : undefined,
    password_required: s?.password_required || undefined,
    created_at: s?.created_at,
  });
}
