/**
 * run_insight_query: an insight's query (or a given one) run through `POST query/`, as PostHog's
 * own frontend does, with date range / interval / compare / breakdown / display overrides that are
 * never saved, answered as a ChartModel (src/insights/chart.ts) for the insight and dashboard views
 * and the MCP App view. Agents get a few lines per series instead (src/insights/summary.ts).
 */
import { z } from 'zod';
import type { ChartModel } from '../../insights/chart';
import { chartFromPostHog, querySource } from '../../insights/fromPostHog';
import { MCP_APP_URI } from '../../insights/mcpApp';
import { summarizeChart, summaryText } from '../../insights/summary';
import { resourcePath } from '../api';
import { ToolInputError } from '../registry';
import { READ, defineTool, type ToolDefinition } from '../tool';
import { isPlainObject, type Row } from '../values';
import { compact, jsonObject } from './common';
import { DISPLAYS, INTERVALS } from './insights';

const insightPath = resourcePath('insights');

/** The insight kinds whose query takes a date range and an interval (HogQL and others run as they are). */
const INSIGHT_KINDS = ['TrendsQuery', 'FunnelsQuery', 'RetentionQuery', 'StickinessQuery', 'LifecycleQuery', 'PathsQuery'];
const COMPARE_KINDS = ['TrendsQuery', 'StickinessQuery', 'FunnelsQuery'];
const BREAKDOWN_KINDS = ['TrendsQuery', 'FunnelsQuery', 'RetentionQuery'];
const DISPLAY_KINDS = ['TrendsQuery', 'StickinessQuery'];
const RETENTION_PERIOD: Record<string, string> = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' };

const DATE_RE = /^(-?\d+[Mhdwmqy](Start|End)?|[dwmqy]Start|all|\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)$/;
const date = (what: string) =>
  z
    .string()
    .max(40)
    .regex(DATE_RE, 'use a relative date like -7d, -24h, -30d, -3m, or an ISO date like 2025-01-31')
    .optional()
    .describe(what);

const OVERRIDES = ['date_from', 'date_to', 'interval', 'compare', 'breakdown', 'display'] as const;

export interface InsightQueryResult {
  insight?: { id: number; short_id?: string; name: string; description?: string; url: string };
  kind: string;
  chart: ChartModel;
  computed_at: string;
  cached: boolean;
  /** The query as run (overrides applied), ready to run again or to save with update_insight. */
  query: Row;
  date_range?: { date_from?: string; date_to?: string };
}

type Overrides = {
  date_from?: string;
  date_to?: string;
  interval?: (typeof INTERVALS)[number];
  compare?: boolean;
  breakdown?: string | null;
  display?: string;
};

/** The source query with the overrides applied (a copy: the insight itself is never changed). */
function applyOverrides(source: Row, o: Overrides): Row {
  const kind = String(source.kind);
  const given = OVERRIDES.filter((k) => o[k] !== undefined);
  if (given.length && !INSIGHT_KINDS.includes(kind)) {
    throw new ToolInputError(
      `${given.join(', ')} apply to insight queries (${INSIGHT_KINDS.join(', ')}), not to a ${kind}: run it without them.`,
    );
  }
  const refuse = (field: string, kinds: string[]) => {
    throw new ToolInputError(`${field} applies to ${kinds.join(', ')}, not to a ${kind}.`);
  };
  const q: Row = structuredClone(source);
  if (o.date_from !== undefined || o.date_to !== undefined) {
    const range = isPlainObject(q.dateRange) ? { ...q.dateRange } : {};
    if (o.date_from !== undefined) range.date_from = o.date_from;
    // A new start without an end means "until now", as PostHog's date presets do.
    if (o.date_to !== undefined) range.date_to = o.date_to;
    else if (o.date_from !== undefined) delete range.date_to;
    q.dateRange = range;
  }
  if (o.interval !== undefined) {
    if (kind === 'RetentionQuery')
      q.retentionFilter = { ...(isPlainObject(q.retentionFilter) ? q.retentionFilter : {}), period: RETENTION_PERIOD[o.interval] };
    else q.interval = o.interval;
  }
  if (o.compare !== undefined) {
    if (!COMPARE_KINDS.includes(kind)) refuse('compare', COMPARE_KINDS);
    q.compareFilter = { ...(isPlainObject(q.compareFilter) ? q.compareFilter : {}), compare: o.compare };
  }
  if (o.breakdown !== undefined) {
    if (!BREAKDOWN_KINDS.includes(kind)) refuse('breakdown', BREAKDOWN_KINDS);
    if (o.breakdown === null) delete q.breakdownFilter;
    else q.breakdownFilter = { breakdown: o.breakdown, breakdown_type: 'event', breakdown_limit: 25 };
  }
  if (o.display !== undefined) {
    if (!DISPLAY_KINDS.includes(kind)) refuse('display', DISPLAY_KINDS);
    const key = kind === 'TrendsQuery' ? 'trendsFilter' : 'stickinessFilter';
    q[key] = { ...(isPlainObject(q[key]) ? q[key] : {}), display: o.display };
  }
  return q;
}

function present(data: unknown): { text: string; structured: Record<string, unknown> } {
  const r = data as InsightQueryResult;
  const summary = summarizeChart(r.chart);
  const title = r.insight ? `${r.insight.name} (${r.kind}, insight ${r.insight.id})` : r.kind;
  const heading = `${title}, computed ${r.computed_at}${r.cached ? ' (cached)' : ''}${r.insight ? `: ${r.insight.url}` : ''}`;
  return {
    text: summaryText(heading, summary),
    structured: compact({ insight: r.insight, query_kind: r.kind, computed_at: r.computed_at, cached: r.cached, ...summary }) as Record<
      string,
      unknown
    >,
  };
}

export const insightQueryTools: ToolDefinition[] = [
  defineTool({
    name: 'run_insight_query',
    title: 'Run insight query',
    description:
      "Compute an insight's chart: a saved insight (id or short_id) or a query (Trends, Funnels, Retention, Stickiness, Lifecycle). Date range, interval, compare, breakdown and display apply to this run only. Returns per series its total and last value, funnel steps or retention cohorts.",
    toolset: 'insights',
    input: {
      insight_id: z
        .union([z.number().int().positive(), z.string().min(1).max(50)])
        .optional()
        .describe("A saved insight's numeric id or short_id (give this or query)"),
      query: jsonObject(
        'A PostHog query with a kind, e.g. {kind: "TrendsQuery", series: [{kind: "EventsNode", event: "$pageview"}]}',
      ).optional(),
      date_from: date('Start of the range for this run: -24h, -7d, -30d, -90d, mStart, all, or an ISO date'),
      date_to: date('End of the range for this run (default now)'),
      interval: z.enum(INTERVALS).optional().describe('Bucket size for this run'),
      compare: z.boolean().optional().describe('Also compute the previous period (trends, stickiness, funnels)'),
      breakdown: z
        .string()
        .min(1)
        .max(400)
        .nullable()
        .optional()
        .describe("Split by this event property for this run; null removes the insight's breakdown"),
      display: z
        .enum([...new Set([...DISPLAYS, 'ActionsAreaGraph', 'ActionsStackedBar'])] as [string, ...string[]])
        .optional()
        .describe('Chart type for this run'),
      refresh: z.boolean().optional().describe("Compute afresh instead of using PostHog's cache"),
    },
    check: (a) => {
      if ((a.insight_id === undefined) === (a.query === undefined)) return 'give insight_id or query (one of them)';
      if (a.query !== undefined && typeof a.query.kind !== 'string') return "query needs a 'kind', e.g. TrendsQuery";
      return undefined;
    },
    annotations: READ,
    ui: { resourceUri: MCP_APP_URI },
    present,
    handler: async (args, ctx): Promise<InsightQueryResult> => {
      let insight: InsightQueryResult['insight'];
      let query = args.query;
      if (args.insight_id !== undefined) {
        const row = await ctx.api.get(insightPath(args.insight_id), `insight ${args.insight_id}`, { query: { basic: true } });
        if (!isPlainObject(row.query)) {
          const url = await ctx.api.link(`insights/${String(row.short_id ?? row.id)}`);
          throw new Error(
            `Insight ${args.insight_id} has no query this tool can run (it is stored as legacy filters): open it in PostHog: ${url}`,
          );
        }
        query = row.query;
        insight = compact({
          id: Number(row.id),
          short_id: typeof row.short_id === 'string' ? row.short_id : undefined,
          name: String(row.name || row.derived_name || 'Untitled insight'),
          description: typeof row.description === 'string' ? row.description : undefined,
          url: await ctx.api.link(`insights/${String(row.short_id ?? row.id)}`),
        });
      }
      const source = applyOverrides(querySource(query!), args);
      const what = insight ? `insight ${insight.id}` : `the ${String(source.kind)}`;
      const answer =
        (await ctx.api.post<Row>(
          'query/',
          { query: source, refresh: args.refresh ? 'force_blocking' : 'blocking' },
          { action: `run the query of ${what}` },
          { retrySafe: true, readOnly: true },
        )) ?? {};
      const range = isPlainObject(answer.resolved_date_range) ? answer.resolved_date_range : undefined;
      // Not compacted: the chart's empty arrays and the query's fields are meaningful as they are.
      const result: InsightQueryResult = {
        kind: String(source.kind),
        chart: chartFromPostHog(source, answer),
        computed_at: typeof answer.last_refresh === 'string' ? answer.last_refresh : new Date().toISOString(),
        cached: answer.is_cached === true,
        query: source,
      };
      if (insight) result.insight = insight;
      if (range) result.date_range = range as InsightQueryResult['date_range'];
      return result;
    },
  }),
];
