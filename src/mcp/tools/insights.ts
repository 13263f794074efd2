/**
 * Insights: list, create, get (by id or short_id), update, sharing, activity, mark viewed, and
 * trends through the query API (computed, or saved as an insight).
 */
import { z } from 'zod';
import { PostHogError } from '../../posthog/errors';
import { resourcePath } from '../api';
import { ADD, ADD_IDEMPOTENT, CHANGE, READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import { clipText, isPlainObject, type Row } from '../values';
import { DEFAULT_LIMIT, compact, defineUpdateTool, given, id, jsonObject, listResult, paging, personName, search } from './common';
import { sharingDetail } from './dashboards';

const insightId = id('insight');
const insightPath = resourcePath('insights');

export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export const DISPLAYS = [
  'ActionsLineGraph',
  'ActionsBar',
  'ActionsTable',
  'ActionsPie',
  'BoldNumber',
  'WorldMap',
  'ActionsAreaGraph',
  'ActionsLineGraphCumulative',
  'ActionsBarValue',
] as const;

/** Insight query kinds PostHog only accepts inside an InsightVizNode. */
const INSIGHT_SOURCE_KINDS = new Set(['TrendsQuery', 'FunnelsQuery', 'RetentionQuery', 'PathsQuery', 'StickinessQuery', 'LifecycleQuery']);

/** PostHog's relative dates (-7d, -24h, -3m, -1mStart, mStart, all) or an ISO date / datetime. */
const DATE_RE = /^(-?\d+[Mhdwmqy](Start|End)?|[dwmqy]Start|all|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)$/;
const dateFrom = z
  .string()
  .max(40)
  .regex(DATE_RE, 'use a relative date like -7d, -24h, -30d, -3m, or an ISO date like 2025-01-31')
  .optional()
  .describe('Start of the range: -7d (default), -24h, -30d, -3m, mStart, all, or an ISO date');
const interval = z.enum(INTERVALS).optional().describe('Bucket size (default day)');
const events = z.array(z.string().min(1).max(400)).min(1).max(10).describe('Event names, one series each, e.g. ["$pageview", "signed_up"]');

/** A bare insight query is wrapped the way PostHog stores it (InsightVizNode / DataVisualizationNode). */
function wrapQuery(query: Row): Row {
  if (INSIGHT_SOURCE_KINDS.has(String(query.kind))) return { kind: 'InsightVizNode', source: query };
  if (query.kind === 'HogQLQuery') return { kind: 'DataVisualizationNode', source: query };
  return query;
}

function checkQueryOrFilters(a: { query?: Row; filters?: Row }, required: boolean): string | undefined {
  if (a.query !== undefined && a.filters !== undefined) return 'give query or filters, not both (filters is the legacy format)';
  if (required && a.query === undefined && a.filters === undefined) return 'give query (preferred) or filters';
  if (a.query !== undefined && typeof a.query.kind !== 'string') return "query needs a 'kind', e.g. InsightVizNode or TrendsQuery";
  return undefined;
}

/**
 * Sends an insight write; when it carried legacy `filters` and PostHog refused them (403 "Creating or
 * updating insights with legacy filters is not available for this user.", as PostHog Cloud does:
 * products/product_analytics/backend/api/insight.py, InsightSerializer.validate), says to send a query.
 */
async function refusingLegacyFilters<T>(filters: Row | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (filters === undefined || !(err instanceof PostHogError) || err.status !== 403 || !/legacy filters/i.test(err.message)) throw err;
    throw new PostHogError({
      kind: 'permission',
      status: err.status,
      code: err.code,
      attr: 'filters',
      message:
        'This PostHog no longer accepts legacy insight filters (403). Give query instead, e.g. {kind: "TrendsQuery", series: [{kind: "EventsNode", event: "$pageview"}]}, or use create_trend_insight.',
    });
  }
}

/** "TrendsQuery", "HogQLQuery", or the legacy filters' insight type. */
function insightKind(i: Row): string | undefined {
  const q = i.query as Row | null | undefined;
  if (q && typeof q === 'object') {
    const source = q.source as Row | undefined;
    return String((source && typeof source === 'object' ? source.kind : undefined) ?? q.kind);
  }
  const f = i.filters as Row | undefined;
  return f && typeof f.insight === 'string' ? f.insight : undefined;
}

const insightName = (i: Row) => (i.name as string) || (i.derived_name as string) || 'Untitled insight';

function insightLink(link: (page: string) => string, i: Row): string {
  return link(`insights/${i.short_id ?? i.id}`);
}

/** PostHog's breakdown sentinels, in words. */
function breakdownLabel(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map((x) => breakdownLabel(x) ?? '').join(' / ');
  const s = String(v);
  if (s === '$$_posthog_breakdown_null_$$') return '(none)';
  if (s === '$$_posthog_breakdown_other_$$') return '(other)';
  return s;
}

function seriesTotal(s: Row): number | undefined {
  if (typeof s.aggregated_value === 'number') return s.aggregated_value;
  if (typeof s.count === 'number') return s.count;
  return undefined;
}

/** The insight as a person needs it, with its link. */
async function insightDetail(ctx: ToolContext, i: Row, withResult = false) {
  const link = await ctx.api.links();
  const filters = i.filters as Row | undefined;
  const result = Array.isArray(i.result) ? (i.result as Row[]) : undefined;
  const trendSeries =
    withResult && result && result.every((s) => isPlainObject(s) && 'label' in s)
      ? result
          .slice(0, 25)
          .map((s) => compact({ label: s.label, breakdown_value: breakdownLabel(s.breakdown_value), total: seriesTotal(s) }))
      : undefined;
  return compact({
    id: i.id,
    short_id: i.short_id,
    name: insightName(i),
    description: i.description,
    kind: insightKind(i),
    query: i.query ?? undefined,
    filters: filters && Object.keys(filters).length ? filters : undefined,
    tags: i.tags,
    saved: i.saved,
    favorited: i.favorited || undefined,
    dashboards: i.dashboards,
    created_by: personName(i.created_by),
    created_at: i.created_at,
    last_modified_at: i.last_modified_at,
    last_viewed_at: i.last_viewed_at,
    deleted: i.deleted || undefined,
    series: trendSeries,
    url: insightLink(link, i),
  });
}

/** Activity values can be whole queries: keep them short. */
function brief(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  const s = JSON.stringify(v);
  return s.length > 300 ? clipText(s, 300) : v;
}

function activityList(data: Row | undefined, page: number) {
  const rows = Array.isArray(data?.results) ? (data!.results as Row[]) : [];
  const hasMore = typeof data?.next === 'string' && data.next.length > 0;
  return compact({
    total_count: typeof data?.total_count === 'number' ? data.total_count : undefined,
    has_more: hasMore,
    next_page: hasMore ? page + 1 : undefined,
    results: rows.map((a) => {
      const detail = (a.detail ?? {}) as Row;
      const changes = Array.isArray(detail.changes) ? (detail.changes as Row[]) : [];
      return compact({
        at: a.created_at,
        by: personName(a.user),
        activity: a.activity,
        insight_id: Number(a.item_id) || a.item_id,
        name: detail.name,
        short_id: detail.short_id,
        changes: changes.map((c) => compact({ field: c.field, action: c.action, before: brief(c.before), after: brief(c.after) })),
      });
    }),
  });
}

const activityPaging = {
  limit: z.number().int().min(1).max(100).optional().describe('Entries per page (default 10)'),
  page: z.number().int().min(1).optional().describe('Page number, from 1'),
};

function trendsSource(args: { events: string[]; date_from?: string; interval?: string }): Row {
  return {
    kind: 'TrendsQuery',
    series: args.events.map((event) => ({ kind: 'EventsNode', event, name: event, math: 'total' })),
    interval: args.interval ?? 'day',
    dateRange: { date_from: args.date_from ?? '-7d' },
  };
}

export const insightsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_insights',
    title: 'List insights',
    description: 'List insights in the project, most recently modified first. Returns id, short_id, name, kind and a link for each.',
    toolset: 'insights',
    input: {
      search,
      saved: z.boolean().optional().describe('true: only saved insights; false: only unsaved ones'),
      ...paging,
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = await ctx.api.list(insightPath(), 'insights', {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        // Without an order PostHog sorts by the nullable `order` column, not by last change
        // (products/product_analytics/backend/api/insight.py, InsightViewSet.order_queryset).
        query: { search: args.search, saved: args.saved, basic: true, order: '-last_modified_at' },
      });
      const link = await ctx.api.links();
      return listResult(
        page,
        (i) =>
          compact({
            id: i.id,
            short_id: i.short_id,
            name: insightName(i),
            description: i.description,
            kind: insightKind(i),
            tags: i.tags,
            saved: i.saved === false ? false : undefined,
            favorited: i.favorited || undefined,
            last_modified_at: i.last_modified_at,
            url: insightLink(link, i),
          }),
        link('insights/{short_id}'),
      );
    },
  }),
  defineTool({
    name: 'create_insight',
    title: 'Create insight',
    description:
      'Save a new insight from a PostHog query (an InsightVizNode, or a bare TrendsQuery/FunnelsQuery/HogQLQuery… which is wrapped) or legacy filters (refused by PostHog Cloud: prefer query). Returns the insight with its link.',
    toolset: 'insights',
    input: {
      name: z.string().min(1).max(400).describe('Insight name'),
      query: jsonObject(
        'PostHog query object with a kind, e.g. {kind: "InsightVizNode", source: {kind: "TrendsQuery", series: [...]}}',
      ).optional(),
      filters: jsonObject(
        'Legacy insight filters, e.g. {insight: "TRENDS", events: [{id: "$pageview"}]}; only older self-hosted PostHogs accept them',
      ).optional(),
      description: z.string().max(4000).optional().describe('What the insight shows'),
    },
    check: (a) => checkQueryOrFilters(a, true),
    annotations: ADD,
    handler: async (args, ctx) => {
      const body: Row = { ...given(args, ['name', 'description', 'filters']), saved: true };
      if (args.query) body.query = wrapQuery(args.query);
      const created = await refusingLegacyFilters(args.filters, () => ctx.api.create(insightPath(), body, `insight "${args.name}"`));
      return insightDetail(ctx, created);
    },
  }),
  defineTool({
    name: 'get_insight',
    title: 'Get insight',
    description:
      "Get one insight by numeric id or short_id: its query, tags, dashboards, link, and the series' totals when PostHog has results cached.",
    toolset: 'insights',
    input: {
      insight_id: z
        .union([z.number().int().positive(), z.string().min(1).max(50)])
        .describe("The insight's numeric id, or its short_id (from its URL)"),
    },
    annotations: READ,
    handler: async (args, ctx) => {
      return insightDetail(ctx, await ctx.api.get(insightPath(args.insight_id), `insight ${args.insight_id}`), true);
    },
  }),
  defineUpdateTool({
    name: 'update_insight',
    title: 'Update insight',
    description:
      "Change an insight's name, description, query or legacy filters (refused by PostHog Cloud: prefer query). Only the fields given are changed.",
    toolset: 'insights',
    input: {
      insight_id: insightId,
      name: z.string().min(1).max(400).optional().describe('New name'),
      description: z.string().max(4000).optional().describe('New description'),
      query: jsonObject('Replacement PostHog query object (with a kind)').optional(),
      filters: jsonObject('Replacement legacy filters; only older self-hosted PostHogs accept them').optional(),
    },
    check: (a) => checkQueryOrFilters(a, false),
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const body = given(args, ['name', 'description', 'filters']);
      if (args.query) body.query = wrapQuery(args.query);
      const updated = await refusingLegacyFilters(args.filters, () =>
        ctx.api.patch(insightPath(args.insight_id), body, `insight ${args.insight_id}`),
      );
      return insightDetail(ctx, updated);
    },
  }),
  defineTool({
    name: 'get_insight_sharing',
    title: 'Get insight sharing',
    description: 'Whether an insight is shared publicly, and its public link when it is.',
    toolset: 'insights',
    input: { insight_id: insightId },
    annotations: READ,
    handler: async (args, ctx) => {
      const sharing = await ctx.api.get(insightPath(args.insight_id, 'sharing/'), {
        action: `get sharing of insight ${args.insight_id}`,
        object: `insight ${args.insight_id}`,
      });
      return sharingDetail(ctx, sharing);
    },
  }),
  defineTool({
    name: 'get_insight_activity',
    title: 'Get insight activity',
    description: 'Who created or changed an insight and what changed, newest first.',
    toolset: 'insights',
    input: { insight_id: insightId, ...activityPaging },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = args.page ?? 1;
      const activity = await ctx.api.get(
        insightPath(args.insight_id, 'activity/'),
        { action: `get activity of insight ${args.insight_id}`, object: `insight ${args.insight_id}` },
        { query: { limit: args.limit ?? 10, page } },
      );
      return activityList(activity, page);
    },
  }),
  defineTool({
    name: 'mark_insight_viewed',
    title: 'Mark insight viewed',
    description: "Record that you viewed an insight (updates its last viewed time, e.g. for 'recently viewed').",
    toolset: 'insights',
    input: { insight_id: insightId },
    annotations: ADD_IDEMPOTENT,
    handler: async (args, ctx) => {
      // PostHog drops unknown ids silently, so look the insight up first: a wrong id is reported.
      const action = `mark insight ${args.insight_id} viewed`;
      const object = `insight ${args.insight_id}`;
      const found = await ctx.api.get(insightPath(args.insight_id), { action, object });
      try {
        await ctx.api.post(insightPath(undefined, 'viewed/'), { insight_ids: [args.insight_id] }, { action }, { retrySafe: true });
      } catch (err) {
        // Older PostHog versions only have the per-insight action.
        if (!(err instanceof PostHogError) || (err.status !== 404 && err.status !== 405)) throw err;
        await ctx.api.post(insightPath(args.insight_id, 'viewed/'), undefined, { action, object }, { retrySafe: true });
      }
      return compact({
        insight_id: args.insight_id,
        name: insightName(found ?? {}),
        viewed: true,
        url: insightLink(await ctx.api.links(), { id: args.insight_id, ...found }),
      });
    },
  }),
  defineTool({
    name: 'get_insights_activity',
    title: 'Get insights activity',
    description: 'Recent insight changes across the project (created, updated, deleted), newest first.',
    toolset: 'insights',
    input: { ...activityPaging },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = args.page ?? 1;
      const activity = await ctx.api.get(
        insightPath(undefined, 'activity/'),
        { action: 'get insights activity' },
        { query: { limit: args.limit ?? 10, page } },
      );
      return activityList(activity, page);
    },
  }),
  defineTool({
    name: 'get_trend_insights',
    title: 'Get event trends',
    description:
      'Count events over time (a TrendsQuery, computed, not saved). Returns per event (and breakdown value) the total and counts per interval.',
    toolset: 'insights',
    input: {
      events,
      date_from: dateFrom,
      interval,
      breakdown: z.string().min(1).max(400).optional().describe('Event property to split each series by, e.g. $browser'),
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const query: Row = trendsSource(args);
      if (args.breakdown) query.breakdownFilter = { breakdown: args.breakdown, breakdown_type: 'event', breakdown_limit: 10 };
      const answer = await ctx.api.query(query, `run a trends query for ${args.events.join(', ')}`);
      const series = Array.isArray(answer?.results) ? (answer.results as Row[]) : [];
      return {
        interval: query.interval,
        date_from: (query.dateRange as Row).date_from,
        results: series.map((s) => {
          const data = Array.isArray(s.data) ? (s.data as number[]) : [];
          const days = Array.isArray(s.days) ? (s.days as string[]) : Array.isArray(s.labels) ? (s.labels as string[]) : [];
          return compact({
            event: ((s.action as Row | undefined)?.id as string | undefined) ?? s.label,
            breakdown_value: breakdownLabel(s.breakdown_value),
            total: seriesTotal(s) ?? data.reduce((a, b) => a + b, 0),
            data: data.map((count, i) => ({ date: days[i], count })),
          });
        }),
      };
    },
  }),
  defineTool({
    name: 'create_trend_insight',
    title: 'Create trend insight',
    description: 'Save a trends insight counting the given events over time. Returns the saved insight with its link.',
    toolset: 'insights',
    input: {
      name: z.string().min(1).max(400).describe('Insight name'),
      events,
      date_from: dateFrom,
      interval,
      display: z.enum(DISPLAYS).optional().describe('Chart type (default ActionsLineGraph)'),
      description: z.string().max(4000).optional().describe('What the insight shows'),
    },
    annotations: ADD,
    handler: async (args, ctx) => {
      const source = { ...trendsSource(args), trendsFilter: { display: args.display ?? 'ActionsLineGraph' } };
      const body = { ...given(args, ['name', 'description']), query: { kind: 'InsightVizNode', source }, saved: true };
      return insightDetail(ctx, await ctx.api.create(insightPath(), body, `trend insight "${args.name}"`));
    },
  }),
];
