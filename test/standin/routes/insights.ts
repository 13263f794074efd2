/**
 * Insights and the query API.
 *
 * Insights: dual-routed, scope `insight`, throttled as analytics. List (std envelope, filters
 * `saved`, `short_id`, `search`, `favorited`, `insight`, `created_by`, `order`, `basic`; ordered as
 * PostHog's `order_queryset`, see ./insightRules.ts), create (201; legacy `filters` without a
 * `query` is 403 while the legacy-filters switch is on, also on update), retrieve by numeric id
 * OR short_id, PATCH/PUT (soft delete with `{deleted: true}`, restore with `{deleted: false}`:
 * a deleted insight is invisible to everything but that restore), DELETE → 405 empty, sharing
 * (single object), activity (scope `activity_log`; `{results, next, previous, total_count}`,
 * `limit` default 10, `page` default 1; per insight and for all insights), viewed (current
 * `POST insights/viewed/ {insight_ids}` and legacy `POST insights/{id}/viewed/`, both 201 empty).
 * Representation quirk: an insight with a `query` shows `filters: {}`; legacy TRENDS filters are
 * shown converted to a query (and `filters: {}`); only unconvertible legacy filters are echoed.
 * Retrieve includes the (as if cached) `result` for TrendsQuery and HogQL insights.
 *
 * Query API: `POST query/` (dual, scope `query:read`, analytics throttle). Queries are always run
 * synchronously (`refresh` is accepted and ignored; never a 202). Supported kinds:
 *
 * TrendsQuery (also wrapped in an InsightVizNode), answered from the shared event store:
 *   series: EventsNode[] ({event | null for all events, custom_name?, math?, math_property?, properties?})
 *           math ∈ total | dau | sum | avg | min | max (the last four need math_property)
 *   interval: hour | day (default) | week (weeks start on Sunday) | month
 *   dateRange: {date_from?: "-7d" (default) | "-24h" | "-2w" | "-3m" | "-1y" | "-1mStart" | "mStart"
 *               | "all" | ISO date or datetime, date_to?: same forms, default now}
 *   properties: property filters (array, or {type: AND|OR, values}) of type event | person with
 *               operators exact, is_not, icontains, not_icontains, regex, not_regex, gt, gte, lt,
 *               lte, is_set, is_not_set
 *   breakdownFilter: {breakdown: "<property>", breakdown_type?: event | person, breakdown_limit? (25)}
 *   trendsFilter.display: aggregate displays (ActionsPie, ActionsTable, BoldNumber, WorldMap,
 *               ActionsBarValue) answer `aggregated_value` with empty `data`.
 *   Buckets are computed in UTC (the project timezone is reported but not applied).
 *   Series: {action, label ("<event>" or "<event> - <breakdown value>"), count, data, labels
 *   ("5-Mar-2025"), days ("2025-03-05" or "2025-03-05 14:00:00"), breakdown_value?, aggregated_value?}
 *
 * HogQLQuery, a small documented subset of HogQL (keywords case-insensitive):
 *
 *   query     := SELECT item {"," item} FROM events
 *                [WHERE cond {AND cond}]
 *                [GROUP BY key {"," key}]
 *                [ORDER BY order {"," order}]
 *                [LIMIT n [OFFSET m]] [";"]
 *   item      := ( event | toDate(timestamp) | count() | count(*) ) [[AS] alias]
 *   key       := event | toDate(timestamp) | alias
 *   cond      := event ( = | == | != | <> ) 'text'
 *              | event IN ( 'text' {"," 'text'} )
 *              | distinct_id ( = | != ) 'text'
 *              | properties.<key> ( = | != ) 'text' | number      -- <key> may start with $,
 *                                                                 -- or be "quoted" / `quoted`
 *              | timestamp ( > | >= | < | <= ) ( now() [- INTERVAL n (HOUR|DAY|WEEK|MONTH)] | 'ISO date' )
 *   order     := ( count() | event | toDate(timestamp) | alias ) [ASC | DESC]
 *
 *   toDate(timestamp) is the event's UTC day, returned as "YYYY-MM-DD" (ClickHouse's Date in
 *   JSON; type "Date"); its column is named by its alias, else "toDate(timestamp)". The editor's
 *   batched event-volume query is: SELECT event, toDate(timestamp) AS d, count() FROM events
 *   WHERE event IN (…) AND timestamp > now() - INTERVAL 7 DAY GROUP BY event, d.
 *
 *   Without GROUP BY, only count() may be selected. `event` in the select list needs GROUP BY event.
 *   Without LIMIT, LIMIT 100 applies; LIMIT is capped at 50000. Without ORDER BY, groups come out
 *   sorted by event name (deterministic). Strings use single quotes (\' or '' to escape).
 *   Errors, as PostHog's 400 validation_error envelope:
 *     - "Syntax error at line L, column C: …" (column counted from 0, as ANTLR does);
 *     - "Unable to resolve field: nope" for a field the events table does not have;
 *     - "Unknown table `nope`." for a table HogQL does not know;
 *     - "The stand-in supports only …" for valid HogQL outside this subset.
 *   Response: {results: rows, columns, types: [[column, type]], hogql (normalized), hasMore, limit,
 *   offset, timings, modifiers, query_status: null, is_cached, cache_key, last_refresh, timezone, error: null}.
 *
 * FunnelsQuery, RetentionQuery, StickinessQuery and LifecycleQuery, and TrendsQuery's compareFilter:
 * ./insightKinds.ts (the subset is listed in docs/posthog-compat.md).
 *
 * Anything else: 400 validation_error "The stand-in supports only HogQLQuery, TrendsQuery, FunnelsQuery, …".
 */
import { createHash } from 'node:crypto';
import { type Ctx, HttpError, envelope, forbidDestroy, notFound, r, type Router, required, validation } from '../core';
import { stdList } from '../crud';
import { eventsTable, personsTable } from '../analytics';
import { isoDaysAgo, nowIso, type Row, type State, type Team } from '../state';
import { sharingRoutes } from './dashboards';
import { activityPage, logActivity as logEntry } from '../activityLog';
import { hogqlMetadataQuery } from '../hogql/metadataQuery';
import { databaseSchema } from '../hogql/schema';
import { checkLegacyFilters, orderInsights } from './insightRules';
import type { RouteGroup } from './types';
import { markCompare, previousPeriodQuery, runFunnels, runLifecycle, runRetention, runStickiness } from './insightKinds';

const OPTS = { prefix: 'dual' as const, scope: 'insight', throttle: 'analytics' as const };
/** Activity logs need `activity_log:read`, not the insight scope (PostHog's activity actions). */
const ACTIVITY_OPTS = { ...OPTS, scope: 'activity_log' };
const QUERY_OPTS = { prefix: 'dual' as const, scope: 'query', scopeAction: 'read' as const, throttle: 'analytics' as const };

export const insightsTable = (state: State, teamId: number) => state.table(teamId, 'insights');
const activityTable = (state: State, teamId: number) => state.table(teamId, 'insight_activity');

// =============================================================================================
// short_id: 8 characters [A-Za-z0-9], deterministic (derived from project and insight id).

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function shortIdFor(teamId: number, insightId: number | string, salt = 0): string {
  const bytes = createHash('sha256').update(`insight:${teamId}:${insightId}:${salt}`).digest();
  let out = '';
  for (let i = 0; i < 8; i++) out += BASE62[bytes[i] % 62];
  return out;
}

function newShortId(state: State, teamId: number, insightId: number | string): string {
  const table = insightsTable(state, teamId);
  for (let salt = 0; ; salt++) {
    const candidate = shortIdFor(teamId, insightId, salt);
    // All digits would read as a numeric id; a clash would make the short_id ambiguous.
    if (/^\d+$/.test(candidate)) continue;
    if (!table.find((row) => row.short_id === candidate)) return candidate;
  }
}

// =============================================================================================
// Query validation (the parts of PostHog's schema the stand-in checks).

const TOP_KINDS = ['InsightVizNode', 'DataTableNode', 'DataVisualizationNode', 'HogQuery'];
const INSIGHT_SOURCE_KINDS = ['TrendsQuery', 'FunnelsQuery', 'RetentionQuery', 'PathsQuery', 'StickinessQuery', 'LifecycleQuery'];
export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];
const DISPLAYS = [
  'ActionsLineGraph',
  'ActionsBar',
  'ActionsTable',
  'ActionsPie',
  'BoldNumber',
  'WorldMap',
  'ActionsAreaGraph',
  'ActionsLineGraphCumulative',
  'ActionsBarValue',
  'ActionsStackedBar',
];
const AGGREGATE_DISPLAYS = new Set(['ActionsPie', 'ActionsTable', 'BoldNumber', 'WorldMap', 'ActionsBarValue']);

/** PostHog's QuerySchemaParser answers a DRF ParseError: `invalid_request` / `parse_error`. */
function parseError(detail: string): HttpError {
  return new HttpError(400, envelope('invalid_request', 'parse_error', detail));
}

function isObject(v: unknown): v is Row {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

export function validateTrendsShape(q: Row, where: string): void {
  if (!Array.isArray(q.series)) throw parseError(`1 validation error for ${where}\nseries\n  Field required [type=missing]`);
  q.series.forEach((s: unknown, i: number) => {
    if (!isObject(s) || (s.kind !== 'EventsNode' && s.kind !== 'ActionsNode' && s.kind !== 'DataWarehouseNode')) {
      throw parseError(
        `1 validation error for ${where}\nseries.${i}\n  Input should be an EventsNode, ActionsNode or DataWarehouseNode [type=union_tag_invalid]`,
      );
    }
  });
  if (
    q.interval !== undefined &&
    q.interval !== null &&
    !(INTERVALS as readonly string[]).includes(q.interval) &&
    q.interval !== 'minute'
  ) {
    throw parseError(
      `1 validation error for ${where}\ninterval\n  Input should be 'minute', 'hour', 'day', 'week' or 'month' [type=enum, input_value='${String(q.interval)}']`,
    );
  }
  const display = isObject(q.trendsFilter) ? q.trendsFilter.display : undefined;
  if (display !== undefined && display !== null && !DISPLAYS.includes(display)) {
    throw parseError(
      `1 validation error for ${where}\ntrendsFilter.display\n  Input should be one of ${DISPLAYS.join(', ')} [type=enum, input_value='${String(display)}']`,
    );
  }
}

/** Validates an insight's `query` the way PostHog's schema parser does (top kinds, then the source). */
function validateInsightQuery(query: unknown): void {
  if (!isObject(query)) throw parseError('1 validation error for QuerySchemaRoot\n  Input should be a valid dictionary [type=dict_type]');
  if (!TOP_KINDS.includes(query.kind)) {
    throw parseError(
      `1 validation error for QuerySchemaRoot\nkind\n  Input tag '${String(query.kind)}' found using 'kind' does not match any of the expected tags: ${TOP_KINDS.map((k) => `'${k}'`).join(', ')} [type=union_tag_invalid]`,
    );
  }
  if (query.kind === 'InsightVizNode') {
    const source = query.source;
    if (!isObject(source) || !INSIGHT_SOURCE_KINDS.includes(source.kind)) {
      throw parseError(
        `1 validation error for InsightVizNode\nsource\n  Input tag '${String(isObject(source) ? source.kind : source)}' found using 'kind' does not match any of the expected tags: ${INSIGHT_SOURCE_KINDS.map((k) => `'${k}'`).join(', ')} [type=union_tag_invalid]`,
      );
    }
    if (source.kind === 'TrendsQuery') validateTrendsShape(source, 'TrendsQuery');
  }
  if ((query.kind === 'DataVisualizationNode' || query.kind === 'DataTableNode') && !isObject(query.source)) {
    throw parseError(`1 validation error for ${query.kind}\nsource\n  Field required [type=missing]`);
  }
}

/** Legacy TRENDS filters → the InsightVizNode PostHog shows instead (query_from_filters). */
function queryFromFilters(filters: Row): Row | undefined {
  const insight = String(filters.insight ?? 'TRENDS').toUpperCase();
  if (insight !== 'TRENDS' || !Array.isArray(filters.events) || filters.events.length === 0) return undefined;
  const series = (filters.events as Row[])
    .filter((e) => isObject(e))
    .sort((a, b) => Number(a.order ?? 0) - Number(b.order ?? 0))
    .map((e) => ({
      kind: 'EventsNode',
      event: e.id ?? null,
      name: e.name ?? e.id ?? 'All events',
      math: e.math ?? 'total',
      ...(e.math_property ? { math_property: e.math_property } : {}),
      ...(e.custom_name ? { custom_name: e.custom_name } : {}),
      ...(Array.isArray(e.properties) && e.properties.length ? { properties: e.properties } : {}),
    }));
  const source: Row = {
    kind: 'TrendsQuery',
    series,
    interval: filters.interval ?? 'day',
    dateRange: { date_from: filters.date_from ?? '-7d', ...(filters.date_to ? { date_to: filters.date_to } : {}) },
    trendsFilter: { display: filters.display ?? 'ActionsLineGraph' },
    ...(Array.isArray(filters.properties) && filters.properties.length ? { properties: filters.properties } : {}),
    ...(filters.breakdown ? { breakdownFilter: { breakdown: filters.breakdown, breakdown_type: filters.breakdown_type ?? 'event' } } : {}),
    filterTestAccounts: !!filters.filter_test_accounts,
  };
  return { kind: 'InsightVizNode', source };
}

/** The query PostHog shows for a row: its own, or the one converted from legacy filters. */
function effectiveQuery(row: Row): Row | null {
  if (isObject(row.query)) return row.query;
  if (isObject(row.filters) && Object.keys(row.filters).length) return queryFromFilters(row.filters) ?? null;
  return null;
}

// =============================================================================================
// Trends engine

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOUR = 3_600_000;
const DAY = 86_400_000;
const MAX_BUCKETS = 10_000;
const BREAKDOWN_NULL = '$$_posthog_breakdown_null_$$';
const BREAKDOWN_OTHER = '$$_posthog_breakdown_other_$$';

const pad = (n: number) => String(n).padStart(2, '0');

export function truncate(ms: number, unit: Interval | 'year' | 'quarter'): number {
  const d = new Date(ms);
  switch (unit) {
    case 'hour':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours());
    case 'day':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    case 'week':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - d.getUTCDay());
    case 'month':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'quarter':
      return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % 3), 1);
    case 'year':
      return Date.UTC(d.getUTCFullYear(), 0, 1);
  }
}

export function addUnits(ms: number, unit: Interval | 'year' | 'quarter' | 'minute', n: number): number {
  const d = new Date(ms);
  switch (unit) {
    case 'minute':
      return ms + n * 60_000;
    case 'hour':
      return ms + n * HOUR;
    case 'day':
      return ms + n * DAY;
    case 'week':
      return ms + n * 7 * DAY;
    case 'month':
      d.setUTCMonth(d.getUTCMonth() + n);
      return d.getTime();
    case 'quarter':
      d.setUTCMonth(d.getUTCMonth() + 3 * n);
      return d.getTime();
    case 'year':
      d.setUTCFullYear(d.getUTCFullYear() + n);
      return d.getTime();
  }
}

const UNIT_OF: Record<string, Interval | 'year' | 'quarter' | 'minute'> = {
  M: 'minute',
  h: 'hour',
  d: 'day',
  w: 'week',
  m: 'month',
  q: 'quarter',
  y: 'year',
};

/** PostHog's relative_date_parse, plus ISO dates. `which` decides how a bare date is completed. */
export function parseDateExpr(input: unknown, now: number, which: 'date_from' | 'date_to'): number {
  const s = String(input ?? '').trim();
  const bad = () => validation(`Could not parse ${which} "${s}": use a relative date like -7d, -24h, -3m, mStart, or an ISO date.`, which);
  const rel = /^-?(\d+)([Mhdwmqy])(Start|End)?$/.exec(s);
  if (rel) {
    const unit = UNIT_OF[rel[2]];
    let t = addUnits(now, unit, -Number(rel[1]));
    const pos = rel[3];
    if (pos && unit !== 'minute') {
      const start = truncate(t, unit);
      t = pos === 'Start' ? start : addUnits(start, unit, 1) - 1;
    } else if (unit !== 'hour' && unit !== 'minute') {
      t = which === 'date_from' ? truncate(t, 'day') : truncate(t, 'day') + DAY - 1;
    }
    return t;
  }
  const startOf = /^([dwmqy])Start$/.exec(s);
  if (startOf) {
    const unit = UNIT_OF[startOf[1]] as Interval | 'year' | 'quarter';
    return truncate(now, unit);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const t = Date.parse(`${s}T00:00:00Z`);
    if (!Number.isFinite(t)) throw bad();
    return which === 'date_to' ? t + DAY - 1 : t;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]/.test(s)) {
    const iso = s.replace(' ', 'T');
    const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
    if (!Number.isFinite(t)) throw bad();
    return t;
  }
  throw bad();
}

interface PropFilter {
  key: string;
  value?: unknown;
  operator?: string;
  type?: string;
}

type PropGroup = { type: 'AND' | 'OR'; values: Array<PropGroup | PropFilter> };

const OPERATORS = new Set([
  'exact',
  'is_not',
  'icontains',
  'not_icontains',
  'regex',
  'not_regex',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_set',
  'is_not_set',
]);

export function checkFilters(filters: unknown, attr: string): void {
  const visit = (f: unknown): void => {
    if (!isObject(f)) throw validation('Property filters must be objects.', attr);
    if (Array.isArray(f.values) && !('key' in f)) {
      f.values.forEach(visit);
      return;
    }
    if (typeof f.key !== 'string' || !f.key) throw validation('A property filter needs a key.', attr);
    const type = f.type ?? 'event';
    if (type !== 'event' && type !== 'person')
      throw validation(`The stand-in supports only event and person property filters, not "${String(type)}".`, attr);
    const op = f.operator ?? 'exact';
    if (!OPERATORS.has(op))
      throw validation(
        `The stand-in does not support the property operator "${String(op)}". Supported: ${[...OPERATORS].join(', ')}.`,
        attr,
      );
    if ((op === 'regex' || op === 'not_regex') && typeof f.value === 'string') {
      try {
        new RegExp(f.value);
      } catch {
        throw validation(`Invalid regular expression: ${f.value}`, attr);
      }
    }
  };
  if (filters === undefined || filters === null) return;
  if (Array.isArray(filters)) filters.forEach(visit);
  else visit(filters);
}

export interface EventView {
  event: string;
  distinct_id: string;
  person_id?: string;
  t: number;
  properties: Row;
}

function matchOne(v: unknown, f: PropFilter): boolean {
  const op = f.operator ?? 'exact';
  const has = v !== undefined && v !== null;
  const values = Array.isArray(f.value) ? f.value : [f.value];
  const text = has ? (typeof v === 'object' ? JSON.stringify(v) : String(v)) : '';
  switch (op) {
    case 'exact':
      return has && values.some((x) => String(x) === text);
    case 'is_not':
      return !has || !values.some((x) => String(x) === text);
    case 'icontains':
      return has && text.toLowerCase().includes(String(f.value).toLowerCase());
    case 'not_icontains':
      return !has || !text.toLowerCase().includes(String(f.value).toLowerCase());
    case 'regex':
      return has && new RegExp(String(f.value)).test(text);
    case 'not_regex':
      return !has || !new RegExp(String(f.value)).test(text);
    case 'gt':
      return has && Number(v) > Number(f.value);
    case 'gte':
      return has && Number(v) >= Number(f.value);
    case 'lt':
      return has && Number(v) < Number(f.value);
    case 'lte':
      return has && Number(v) <= Number(f.value);
    case 'is_set':
      return has;
    case 'is_not_set':
      return !has;
    default:
      return false;
  }
}

export function matchFilters(e: EventView, filters: unknown, personProps: (e: EventView) => Row): boolean {
  if (filters === undefined || filters === null) return true;
  const evalNode = (node: PropGroup | PropFilter): boolean => {
    if ('values' in node && Array.isArray(node.values) && !('key' in node)) {
      const parts = node.values.map(evalNode);
      return node.type === 'OR' ? parts.some(Boolean) : parts.every(Boolean);
    }
    const f = node as PropFilter;
    const source = (f.type ?? 'event') === 'person' ? personProps(e) : e.properties;
    return matchOne(source[f.key], f);
  };
  if (Array.isArray(filters)) return filters.every((f) => evalNode(f as PropFilter));
  return evalNode(filters as PropGroup);
}

export function eventViews(state: State, teamId: number): EventView[] {
  return eventsTable(state, teamId)
    .all()
    .map((e) => ({
      event: String(e.event),
      distinct_id: String(e.distinct_id),
      person_id: e.person_id,
      t: Date.parse(e.timestamp),
      properties: (e.properties as Row) ?? {},
    }))
    .filter((e) => Number.isFinite(e.t));
}

export function personPropsLookup(state: State, teamId: number): (e: EventView) => Row {
  let byUuid: Map<string, Row> | undefined;
  return (e) => {
    if (!byUuid)
      byUuid = new Map(
        personsTable(state, teamId)
          .all()
          .map((p) => [String(p.uuid), (p.properties as Row) ?? {}]),
      );
    return (e.person_id && byUuid.get(e.person_id)) || {};
  };
}

export const bucketLabel = (ms: number, interval: Interval) => {
  const d = new Date(ms);
  const base = `${d.getUTCDate()}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()}`;
  return interval === 'hour' ? `${base} ${pad(d.getUTCHours())}:00` : base;
};
export const bucketDay = (ms: number, interval: Interval) => {
  const iso = new Date(ms).toISOString();
  return interval === 'hour' ? `${iso.slice(0, 10)} ${iso.slice(11, 13)}:00:00` : iso.slice(0, 10);
};

const SUPPORTED_MATH = new Set(['total', 'dau', 'sum', 'avg', 'min', 'max']);

/** Runs a TrendsQuery against the event store: PostHog's series objects, and the resolved range. */
export function runTrends(state: State, team: Team, q: Row, now = Date.now()) {
  validateTrendsShape(q, 'TrendsQuery');
  const interval: Interval = q.interval === undefined || q.interval === null ? 'day' : q.interval;
  if (!(INTERVALS as readonly string[]).includes(interval))
    throw validation('The stand-in supports only the intervals hour, day, week and month.', 'interval');
  const range = isObject(q.dateRange) ? q.dateRange : {};
  const events = eventViews(state, team.id);
  const personProps = personPropsLookup(state, team.id);
  const rawFrom = range.date_from ?? '-7d';
  const fromMs = rawFrom === 'all' ? events.reduce((min, e) => Math.min(min, e.t), now) : parseDateExpr(rawFrom, now, 'date_from');
  const toMs = range.date_to ? parseDateExpr(range.date_to, now, 'date_to') : now;
  const start = truncate(fromMs, interval);
  const buckets: number[] = [];
  for (let b = start; b <= toMs; b = addUnits(b, interval, 1)) {
    buckets.push(b);
    if (buckets.length > MAX_BUCKETS)
      throw validation(`The date range has more than ${MAX_BUCKETS} ${interval}s: pick a longer interval or a shorter range.`, 'interval');
  }
  const indexOf = (t: number): number => {
    const b = truncate(t, interval);
    if (interval === 'hour' || interval === 'day' || interval === 'week') {
      const step = interval === 'hour' ? HOUR : interval === 'day' ? DAY : 7 * DAY;
      return Math.round((b - start) / step);
    }
    const a = new Date(start);
    const d = new Date(b);
    return (d.getUTCFullYear() - a.getUTCFullYear()) * 12 + d.getUTCMonth() - a.getUTCMonth();
  };

  checkFilters(q.properties, 'properties');
  const bf = isObject(q.breakdownFilter) ? q.breakdownFilter : undefined;
  let breakdown: { key: string; type: string; limit: number } | undefined;
  if (bf) {
    const first = Array.isArray(bf.breakdowns) && bf.breakdowns.length && isObject(bf.breakdowns[0]) ? bf.breakdowns[0] : undefined;
    const key = first ? first.property : bf.breakdown;
    const type = (first ? first.type : bf.breakdown_type) ?? 'event';
    if (key !== undefined && key !== null && key !== '') {
      if (typeof key !== 'string') throw validation('The stand-in supports only a single property breakdown.', 'breakdownFilter');
      if (type !== 'event' && type !== 'person')
        throw validation(`The stand-in supports only event and person breakdowns, not "${String(type)}".`, 'breakdownFilter');
      const limit = Number.isInteger(bf.breakdown_limit) && bf.breakdown_limit > 0 ? bf.breakdown_limit : 25;
      breakdown = { key, type, limit };
    }
  }
  const display = isObject(q.trendsFilter) ? q.trendsFilter.display : undefined;
  const aggregate = typeof display === 'string' && AGGREGATE_DISPLAYS.has(display);
  const labels = buckets.map((b) => bucketLabel(b, interval));
  const days = buckets.map((b) => bucketDay(b, interval));

  const inRange = events.filter((e) => e.t >= start && e.t <= toMs && matchFilters(e, q.properties, personProps));
  const results: Row[] = [];
  (q.series as Row[]).forEach((series, order) => {
    if (series.kind !== 'EventsNode') throw validation('The stand-in supports only EventsNode series.', 'series');
    const math = series.math ?? 'total';
    if (!SUPPORTED_MATH.has(math))
      throw validation(`The stand-in supports only math ${[...SUPPORTED_MATH].join(', ')}, not "${String(math)}".`, 'series');
    if (math !== 'total' && math !== 'dau' && typeof series.math_property !== 'string') {
      throw validation(`math "${math}" needs a math_property.`, 'series');
    }
    checkFilters(series.properties, 'series');
    const eventName: string | null = series.event ?? null;
    const matching = inRange.filter(
      (e) => (eventName === null || e.event === eventName) && matchFilters(e, series.properties, personProps),
    );
    const groups = new Map<string, EventView[]>();
    if (breakdown) {
      const bd = breakdown;
      for (const e of matching) {
        const src = bd.type === 'person' ? personProps(e) : e.properties;
        const v = src[bd.key];
        const k = v === undefined || v === null || v === '' ? BREAKDOWN_NULL : typeof v === 'object' ? JSON.stringify(v) : String(v);
        groups.set(k, [...(groups.get(k) ?? []), e]);
      }
    } else {
      groups.set('', matching);
    }
    const compute = (list: EventView[]) => {
      const per: EventView[][] = buckets.map(() => []);
      for (const e of list) {
        const i = indexOf(e.t);
        if (i >= 0 && i < per.length) per[i].push(e);
      }
      const value = (evs: EventView[]): number => {
        if (math === 'total') return evs.length;
        if (math === 'dau') return new Set(evs.map((e) => e.person_id ?? e.distinct_id)).size;
        const nums = evs.map((e) => Number(e.properties[series.math_property])).filter((n) => Number.isFinite(n));
        if (!nums.length) return 0;
        if (math === 'sum') return nums.reduce((a, b) => a + b, 0);
        if (math === 'avg') return Math.round((nums.reduce((a, b) => a + b, 0) / nums.length) * 100) / 100;
        if (math === 'min') return Math.min(...nums);
        return Math.max(...nums);
      };
      const data = per.map(value);
      const aggregated =
        math === 'dau' ? new Set(list.map((e) => e.person_id ?? e.distinct_id)).size : math === 'total' ? list.length : value(list);
      return { data, count: data.reduce((a, b) => a + b, 0), aggregated };
    };
    const label = eventName ?? 'All events';
    const action = {
      id: eventName,
      type: 'events',
      order,
      name: eventName ?? 'All events',
      custom_name: series.custom_name ?? null,
      math,
      math_property: series.math_property ?? null,
      math_hogql: null,
      math_group_type_index: null,
      properties: Array.isArray(series.properties) ? series.properties : [],
    };
    let keys = [...groups.keys()];
    if (breakdown) {
      const totals = new Map(keys.map((k) => [k, groups.get(k)!.length]));
      keys.sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
      if (keys.length > breakdown.limit) {
        const rest = keys.slice(breakdown.limit);
        keys = keys.slice(0, breakdown.limit);
        groups.set(
          BREAKDOWN_OTHER,
          rest.flatMap((k) => groups.get(k)!),
        );
        keys.push(BREAKDOWN_OTHER);
      }
    }
    for (const k of keys) {
      const { data, count, aggregated } = compute(groups.get(k)!);
      const out: Row = {
        action,
        label: breakdown ? `${label} - ${k}` : label,
        count: aggregate ? aggregated : count,
        data: aggregate ? [] : data,
        labels: aggregate ? [] : labels,
        days: aggregate ? [] : days,
        filter: {
          date_from: new Date(start).toISOString(),
          date_to: new Date(toMs).toISOString(),
          interval,
          display: display ?? 'ActionsLineGraph',
        },
      };
      if (aggregate) out.aggregated_value = aggregated;
      if (breakdown) out.breakdown_value = k;
      results.push(out);
    }
  });
  const resolved = { date_from: new Date(start).toISOString(), date_to: new Date(toMs).toISOString() };
  const eventsList = (q.series as Row[])
    .map((s) => (s.event ? `equals(event, '${String(s.event).replace(/'/g, "\\'")}')` : '1'))
    .join(', ');
  const hogql = `SELECT count() AS total, toStartOf${interval[0].toUpperCase()}${interval.slice(1)}(timestamp) AS ${interval}_start FROM events WHERE and(greaterOrEquals(timestamp, toDateTime('${resolved.date_from}')), lessOrEquals(timestamp, toDateTime('${resolved.date_to}')), or(${eventsList}))${breakdown ? ` GROUP BY ${interval}_start, properties.${breakdown.key}` : ` GROUP BY ${interval}_start`} LIMIT 50000`;
  return { results, resolved, hogql };
}

// =============================================================================================
// HogQL subset (grammar at the top of this file)

type TokKind = 'word' | 'qident' | 'num' | 'str' | 'op' | 'eof';
interface Tok {
  kind: TokKind;
  text: string;
  value: string;
  pos: number;
}

const KEYWORDS = new Set([
  'select',
  'from',
  'where',
  'and',
  'or',
  'not',
  'group',
  'by',
  'order',
  'asc',
  'desc',
  'limit',
  'offset',
  'as',
  'interval',
  'having',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'on',
  'union',
  'distinct',
  'with',
  'like',
  'ilike',
  'in',
  'between',
  'is',
  'settings',
]);
const EVENT_FIELDS = new Set([
  'uuid',
  'event',
  'properties',
  'timestamp',
  'distinct_id',
  'elements_chain',
  'created_at',
  'person_id',
  'person',
  'pdi',
  'poe',
  'goe_0',
  'goe_1',
  'goe_2',
  'goe_3',
  'goe_4',
  '$group_0',
  '$group_1',
  '$group_2',
  '$group_3',
  '$group_4',
  '$session_id',
  '$window_id',
  'session',
  'elements_chain_href',
  'elements_chain_texts',
  'elements_chain_ids',
  'elements_chain_elements',
  'event_person_id',
  'event_issue_id',
]);
const HOGQL_TABLES = new Set([
  'persons',
  'person_distinct_ids',
  'person_distinct_id_overrides',
  'groups',
  'sessions',
  'raw_sessions',
  'session_replay_events',
  'cohort_people',
  'static_cohort_people',
  'log_entries',
  'numbers',
  'query_log',
  'logs',
  'heatmaps',
  'error_tracking_issues',
]);
const SUPPORTED =
  "SELECT event, toDate(timestamp), count() FROM events [WHERE event = '…' | event != '…' | event IN ('…', …) | properties.<key> = '…' | distinct_id = '…' | timestamp > now() - INTERVAL n DAY, joined with AND] [GROUP BY event, toDate(timestamp)] [ORDER BY count()|event|toDate(timestamp) ASC|DESC] [LIMIT n [OFFSET m]]";

function unsupported(what: string): HttpError {
  return validation(`The stand-in supports only a subset of HogQL, and ${what} is not in it. Supported: ${SUPPORTED}`);
}

function tokenize(src: string, fail: (pos: number, msg: string) => HttpError): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && src[i + 1] === '-') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw fail(i, 'unterminated comment');
      i = end + 2;
      continue;
    }
    const start = i;
    if (/[A-Za-z_$]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_$]/.test(src[i])) i++;
      const text = src.slice(start, i);
      toks.push({ kind: 'word', text, value: text, pos: start });
      continue;
    }
    if (/[0-9]/.test(c)) {
      while (i < src.length && /[0-9.]/.test(src[i])) i++;
      const text = src.slice(start, i);
      toks.push({ kind: 'num', text, value: text, pos: start });
      continue;
    }
    if (c === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) throw fail(start, `unterminated string literal starting at '${src.slice(start, start + 20)}'`);
        const ch = src[i];
        if (ch === '\\' && i + 1 < src.length) {
          const next = src[i + 1];
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else if (ch === "'" && src[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (ch === "'") {
          i++;
          break;
        } else {
          value += ch;
          i++;
        }
      }
      toks.push({ kind: 'str', text: src.slice(start, i), value, pos: start });
      continue;
    }
    if (c === '"' || c === '`') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw fail(start, `unterminated quoted identifier starting at '${src.slice(start, start + 20)}'`);
      toks.push({ kind: 'qident', text: src.slice(start, end + 1), value: src.slice(i + 1, end), pos: start });
      i = end + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['!=', '<>', '>=', '<=', '=='].includes(two)) {
      toks.push({ kind: 'op', text: two, value: two, pos: start });
      i += 2;
      continue;
    }
    if ('=<>(),.*;+-/%'.includes(c)) {
      toks.push({ kind: 'op', text: c, value: c, pos: start });
      i++;
      continue;
    }
    throw fail(start, `token recognition error at: '${c}'`);
  }
  toks.push({ kind: 'eof', text: '<EOF>', value: '', pos: src.length });
  return toks;
}

type Expr = { kind: 'count' } | { kind: 'day' } | { kind: 'field'; path: string[] };
interface SelectItem {
  expr: Expr;
  alias?: string;
}
type Cond =
  | { kind: 'event'; op: '=' | '!='; value: string }
  | { kind: 'eventIn'; values: string[] }
  | { kind: 'distinct_id'; op: '=' | '!='; value: string }
  | { kind: 'prop'; key: string; op: '=' | '!='; value: string; literal: string }
  | { kind: 'time'; op: '>' | '>=' | '<' | '<='; ms: number; text: string };
interface OrderItem {
  ref: 'count' | 'event' | 'day';
  desc: boolean;
  text: string;
}
interface HogQLAst {
  items: SelectItem[];
  where: Cond[];
  groupByEvent: boolean;
  /** GROUP BY toDate(timestamp): one row per event (if grouped) and UTC day. */
  groupByDay: boolean;
  order: OrderItem[];
  limit?: number;
  offset?: number;
}

const exprText = (e: Expr) => (e.kind === 'count' ? 'count()' : e.kind === 'day' ? 'toDate(timestamp)' : e.path.join('.'));
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function parseHogQL(src: string, now = Date.now()): HogQLAst {
  const fail = (pos: number, msg: string) => {
    const before = src.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - (before.lastIndexOf('\n') + 1);
    return validation(`Syntax error at line ${line}, column ${column}: ${msg}`);
  };
  const toks = tokenize(src, fail);
  let p = 0;
  const peek = (o = 0) => toks[Math.min(p + o, toks.length - 1)];
  const isKw = (t: Tok, kw: string) => t.kind === 'word' && t.value.toLowerCase() === kw;
  const isOp = (t: Tok, op: string) => t.kind === 'op' && t.value === op;
  const desc = (t: Tok) => (t.kind === 'eof' ? '<EOF>' : `'${t.text}'`);
  const expectKw = (kw: string) => {
    const t = peek();
    if (!isKw(t, kw)) throw fail(t.pos, `mismatched input ${desc(t)} expecting ${kw.toUpperCase()}`);
    p++;
  };
  const expectOp = (op: string) => {
    const t = peek();
    if (!isOp(t, op)) throw fail(t.pos, `mismatched input ${desc(t)} expecting '${op}'`);
    p++;
  };
  const ident = (): string => {
    const t = peek();
    if (t.kind === 'qident' || (t.kind === 'word' && !KEYWORDS.has(t.value.toLowerCase()))) {
      p++;
      return t.value;
    }
    throw fail(t.pos, `mismatched input ${desc(t)} expecting an identifier`);
  };
  const checkField = (path: string[]) => {
    const head = path[0];
    if (!EVENT_FIELDS.has(head)) throw validation(`Unable to resolve field: ${head}`);
  };
  /** count() / count(*) / a field path; other expressions are outside the subset. */
  const expr = (): Expr => {
    const t = peek();
    if (t.kind === 'word' && isOp(peek(1), '(')) {
      const name = t.value;
      if (name === 'toDate') {
        p += 2;
        const arg = peek();
        if (!(arg.kind === 'word' && arg.value === 'timestamp' && isOp(peek(1), ')')))
          throw unsupported('toDate() of anything but timestamp');
        p += 2;
        return { kind: 'day' };
      }
      if (name.toLowerCase() !== 'count') throw unsupported(`the function ${name}()`);
      p += 2;
      if (isOp(peek(), '*')) p++;
      else if (!isOp(peek(), ')')) throw unsupported('count() with an argument');
      expectOp(')');
      return { kind: 'count' };
    }
    if (isOp(t, '*')) throw unsupported('SELECT *');
    if (t.kind === 'str' || t.kind === 'num') throw unsupported(`the literal ${t.text} as an expression`);
    if (isOp(t, '(')) throw unsupported('a subquery or parenthesized expression');
    const path = [ident()];
    while (isOp(peek(), '.')) {
      p++;
      path.push(ident());
    }
    checkField(path);
    return { kind: 'field', path };
  };

  if (isKw(peek(), 'with')) throw unsupported('WITH');
  expectKw('select');
  if (isKw(peek(), 'distinct')) throw unsupported('SELECT DISTINCT');
  const items: SelectItem[] = [];
  for (;;) {
    const start = peek();
    if (isKw(start, 'from')) throw fail(start.pos, `no viable alternative at input 'SELECT FROM'`);
    const e = expr();
    let alias: string | undefined;
    if (isKw(peek(), 'as')) {
      p++;
      alias = ident();
    } else if (peek().kind === 'qident' || (peek().kind === 'word' && !KEYWORDS.has(peek().value.toLowerCase()))) {
      alias = ident();
    }
    const after = peek();
    if (after.kind === 'op' && '+-*/%=<>'.includes(after.value[0])) throw unsupported(`the operator ${after.text} in the select list`);
    if (e.kind === 'field' && !(e.path.length === 1 && e.path[0] === 'event')) throw unsupported(`selecting ${exprText(e)}`);
    items.push({ expr: e, alias });
    if (isOp(peek(), ',')) {
      p++;
      continue;
    }
    break;
  }
  expectKw('from');
  {
    const t = peek();
    if (isOp(t, '(')) throw unsupported('a subquery in FROM');
    const table = ident();
    if (table !== 'events') {
      if (HOGQL_TABLES.has(table)) throw unsupported(`the table ${table}`);
      throw validation(`Unknown table \`${table}\`.`);
    }
    const next = peek();
    if (next.kind === 'word' && ['join', 'inner', 'left', 'right', 'full', 'cross'].includes(next.value.toLowerCase()))
      throw unsupported('JOIN');
    if (isKw(next, 'as') || next.kind === 'qident' || (next.kind === 'word' && !KEYWORDS.has(next.value.toLowerCase())))
      throw unsupported('a table alias');
  }

  const aliasOf = (name: string): Expr | undefined => items.find((i) => i.alias === name)?.expr;
  const where: Cond[] = [];
  if (isKw(peek(), 'where')) {
    p++;
    for (;;) {
      where.push(condition());
      if (isKw(peek(), 'and')) {
        p++;
        continue;
      }
      if (isKw(peek(), 'or')) throw unsupported('OR');
      break;
    }
  }

  function condition(): Cond {
    const t = peek();
    if (isKw(t, 'not')) throw unsupported('NOT');
    if (isOp(t, '(')) throw unsupported('parentheses in WHERE');
    const lhs = expr();
    if (lhs.kind === 'count') throw unsupported('count() in WHERE (use HAVING in full HogQL)');
    if (lhs.kind === 'day') throw unsupported('toDate(timestamp) in WHERE');
    const opTok = peek();
    if (isKw(opTok, 'in') && lhs.path.length === 1 && lhs.path[0] === 'event') {
      p++;
      expectOp('(');
      const values: string[] = [];
      for (;;) {
        const v = peek();
        if (v.kind !== 'str') {
          if (v.kind === 'eof' || v.kind === 'op') throw fail(v.pos, `mismatched input ${desc(v)} expecting a value`);
          throw unsupported(`event IN with ${v.text}`);
        }
        p++;
        values.push(v.value);
        if (isOp(peek(), ',')) {
          p++;
          continue;
        }
        break;
      }
      expectOp(')');
      return { kind: 'eventIn', values };
    }
    if (opTok.kind === 'word' && ['like', 'ilike', 'in', 'between', 'is', 'not'].includes(opTok.value.toLowerCase()))
      throw unsupported(opTok.value.toUpperCase());
    if (opTok.kind !== 'op' || !['=', '==', '!=', '<>', '>', '>=', '<', '<='].includes(opTok.value)) {
      throw fail(opTok.pos, `mismatched input ${desc(opTok)} expecting a comparison operator`);
    }
    p++;
    const op = opTok.value === '==' ? '=' : opTok.value === '<>' ? '!=' : opTok.value;
    const field = lhs.path;
    const head = field[0];
    const literal = (): Tok => {
      const v = peek();
      if (v.kind === 'str' || v.kind === 'num') {
        p++;
        return v;
      }
      if (v.kind === 'eof' || v.kind === 'op') throw fail(v.pos, `mismatched input ${desc(v)} expecting a value`);
      throw unsupported(`comparing ${head} with ${v.text}`);
    };
    if (head === 'event' || head === 'distinct_id') {
      if (field.length > 1) throw unsupported(`${field.join('.')}`);
      if (op !== '=' && op !== '!=') throw unsupported(`${head} ${op}`);
      const v = literal();
      if (v.kind !== 'str') throw unsupported(`comparing ${head} with a number`);
      return { kind: head, op, value: v.value };
    }
    if (head === 'properties') {
      if (field.length !== 2)
        throw unsupported(field.length === 1 ? 'comparing the whole properties object' : `the nested property ${field.join('.')}`);
      if (op !== '=' && op !== '!=') throw unsupported(`properties.${field[1]} ${op}`);
      const v = literal();
      return { kind: 'prop', key: field[1], op, value: v.value, literal: v.kind === 'str' ? quote(v.value) : v.text };
    }
    if (head === 'timestamp') {
      if (field.length > 1) throw unsupported(field.join('.'));
      if (op === '=' || op === '!=') throw unsupported(`timestamp ${op}`);
      const v = peek();
      if (v.kind === 'str') {
        p++;
        const ms = parseDateExpr(v.value, now, 'date_from');
        return { kind: 'time', op: op as '>', ms, text: quote(v.value) };
      }
      if (v.kind === 'word' && v.value.toLowerCase() === 'now' && isOp(peek(1), '(')) {
        p += 2;
        expectOp(')');
        if (!isOp(peek(), '-')) return { kind: 'time', op: op as '>', ms: now, text: 'now()' };
        p++;
        expectKw('interval');
        const n = peek();
        if (n.kind !== 'num' || !/^\d+$/.test(n.value)) throw fail(n.pos, `mismatched input ${desc(n)} expecting a whole number`);
        p++;
        const unitTok = peek();
        const unit = unitTok.kind === 'word' ? unitTok.value.toLowerCase().replace(/s$/, '') : '';
        const ms =
          unit === 'hour'
            ? HOUR
            : unit === 'day'
              ? DAY
              : unit === 'week'
                ? 7 * DAY
                : unit === 'month'
                  ? -1
                  : unit === 'minute'
                    ? 60_000
                    : 0;
        if (!ms) throw fail(unitTok.pos, `mismatched input ${desc(unitTok)} expecting MINUTE, HOUR, DAY, WEEK or MONTH`);
        p++;
        const amount = Number(n.value);
        const at = ms === -1 ? addUnits(now, 'month', -amount) : now - amount * ms;
        return { kind: 'time', op: op as '>', ms: at, text: `now() - INTERVAL ${amount} ${unit.toUpperCase()}` };
      }
      throw unsupported(`comparing timestamp with ${v.kind === 'eof' ? 'nothing' : v.text}`);
    }
    throw unsupported(`a condition on ${field.join('.')}`);
  }

  let groupByEvent = false;
  let groupByDay = false;
  if (isKw(peek(), 'group')) {
    p++;
    expectKw('by');
    for (;;) {
      const t = peek();
      const e = t.kind === 'word' && !isOp(peek(1), '(') && !isOp(peek(1), '.') && aliasOf(t.value) ? (p++, aliasOf(t.value)!) : expr();
      if (e.kind === 'day') groupByDay = true;
      else if (e.kind === 'field' && e.path.length === 1 && e.path[0] === 'event') groupByEvent = true;
      else throw unsupported(`GROUP BY ${exprText(e)}`);
      if (isOp(peek(), ',')) {
        p++;
        continue;
      }
      break;
    }
  }
  if (isKw(peek(), 'having')) throw unsupported('HAVING');
  const order: OrderItem[] = [];
  if (isKw(peek(), 'order')) {
    p++;
    expectKw('by');
    for (;;) {
      const t = peek();
      const e = t.kind === 'word' && !isOp(peek(1), '(') && !isOp(peek(1), '.') && aliasOf(t.value) ? (p++, aliasOf(t.value)!) : expr();
      const ref =
        e.kind === 'count' ? 'count' : e.kind === 'day' ? 'day' : e.path.length === 1 && e.path[0] === 'event' ? 'event' : undefined;
      if (!ref) throw unsupported(`ORDER BY ${exprText(e)}`);
      let isDesc = false;
      if (isKw(peek(), 'desc')) {
        isDesc = true;
        p++;
      } else if (isKw(peek(), 'asc')) p++;
      order.push({ ref, desc: isDesc, text: `${exprText(e)} ${isDesc ? 'DESC' : 'ASC'}` });
      if (isOp(peek(), ',')) {
        p++;
        continue;
      }
      break;
    }
  }
  let limit: number | undefined;
  let offset: number | undefined;
  if (isKw(peek(), 'limit')) {
    p++;
    const n = peek();
    if (n.kind !== 'num' || !/^\d+$/.test(n.value)) throw fail(n.pos, `mismatched input ${desc(n)} expecting a whole number`);
    p++;
    limit = Number(n.value);
    if (isOp(peek(), ',')) throw unsupported('LIMIT offset, count (use LIMIT n OFFSET m)');
    if (isKw(peek(), 'offset')) {
      p++;
      const m = peek();
      if (m.kind !== 'num' || !/^\d+$/.test(m.value)) throw fail(m.pos, `mismatched input ${desc(m)} expecting a whole number`);
      p++;
      offset = Number(m.value);
    }
  }
  if (isKw(peek(), 'union')) throw unsupported('UNION');
  if (isKw(peek(), 'settings')) throw unsupported('SETTINGS');
  if (isOp(peek(), ';')) p++;
  const rest = peek();
  if (rest.kind !== 'eof') throw fail(rest.pos, `extraneous input ${desc(rest)} expecting <EOF>`);

  const hasEvent = items.some((i) => i.expr.kind === 'field');
  const hasCount = items.some((i) => i.expr.kind === 'count');
  if (!groupByDay && (items.some((i) => i.expr.kind === 'day') || order.some((o) => o.ref === 'day')))
    throw validation('Column `toDate(timestamp)` is not under aggregate function and not in GROUP BY keys. Add it to GROUP BY.');
  if (!groupByEvent && hasEvent) {
    if (hasCount) throw validation('Column `event` is not under aggregate function and not in GROUP BY keys. Add GROUP BY event.');
    throw unsupported('selecting event without GROUP BY event');
  }
  if (!groupByEvent && order.some((o) => o.ref === 'event'))
    throw validation('Column `event` is not under aggregate function and not in GROUP BY keys.');
  return { items, where, groupByEvent, groupByDay, order, limit, offset };
}

const MAX_ROWS = 50_000;
const DEFAULT_ROWS = 100;

function hogqlText(ast: HogQLAst, limit: number): string {
  const items = ast.items.map((i) => `${exprText(i.expr)}${i.alias ? ` AS ${i.alias}` : ''}`).join(', ');
  const conds = ast.where.map((c) => {
    if (c.kind === 'event' || c.kind === 'distinct_id') return `${c.kind} ${c.op} ${quote(c.value)}`;
    if (c.kind === 'eventIn') return `in(event, tuple(${c.values.map(quote).join(', ')}))`;
    if (c.kind === 'prop') return `properties.${c.key} ${c.op} ${c.literal}`;
    return `timestamp ${c.op} ${c.text}`;
  });
  return [
    `SELECT ${items} FROM events`,
    conds.length ? `WHERE ${conds.join(' AND ')}` : '',
    ast.groupByEvent || ast.groupByDay
      ? `GROUP BY ${[ast.groupByEvent ? 'event' : '', ast.groupByDay ? 'toDate(timestamp)' : ''].filter(Boolean).join(', ')}`
      : '',
    ast.order.length ? `ORDER BY ${ast.order.map((o) => o.text).join(', ')}` : '',
    `LIMIT ${limit}`,
    ast.offset ? `OFFSET ${ast.offset}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Runs a HogQL query (the subset above) against the event store. */
export function runHogQL(state: State, team: Team, src: string, now = Date.now()) {
  const ast = parseHogQL(src, now);
  const events = eventViews(state, team.id).filter((e) =>
    ast.where.every((c) => {
      switch (c.kind) {
        case 'event':
          return c.op === '=' ? e.event === c.value : e.event !== c.value;
        case 'eventIn':
          return c.values.includes(e.event);
        case 'distinct_id':
          return c.op === '=' ? e.distinct_id === c.value : e.distinct_id !== c.value;
        case 'prop': {
          const v = e.properties[c.key];
          const text = v === undefined || v === null ? undefined : typeof v === 'object' ? JSON.stringify(v) : String(v);
          return c.op === '=' ? text === c.value : text !== c.value;
        }
        case 'time':
          return c.op === '>' ? e.t > c.ms : c.op === '>=' ? e.t >= c.ms : c.op === '<' ? e.t < c.ms : e.t <= c.ms;
      }
    }),
  );
  let groups: Array<{ event: string; day: string; count: number }>;
  if (ast.groupByEvent || ast.groupByDay) {
    const counts = new Map<string, { event: string; day: string; count: number }>();
    for (const e of events) {
      const event = ast.groupByEvent ? e.event : '';
      const day = ast.groupByDay ? new Date(e.t).toISOString().slice(0, 10) : '';
      const k = `${event}\u0000${day}`;
      const g = counts.get(k) ?? counts.set(k, { event, day, count: 0 }).get(k)!;
      g.count++;
    }
    groups = [...counts.values()].sort((a, b) => a.event.localeCompare(b.event) || a.day.localeCompare(b.day));
    for (const o of [...ast.order].reverse()) {
      groups.sort((a, b) => {
        const d = o.ref === 'count' ? a.count - b.count : o.ref === 'day' ? a.day.localeCompare(b.day) : a.event.localeCompare(b.event);
        return o.desc ? -d : d;
      });
    }
  } else {
    groups = [{ event: '', day: '', count: events.length }];
  }
  const limit = Math.min(ast.limit ?? DEFAULT_ROWS, MAX_ROWS);
  const offset = ast.offset ?? 0;
  const page = groups.slice(offset, offset + limit);
  const columns = ast.items.map((i) => i.alias ?? exprText(i.expr));
  const types = ast.items.map((i, k) => [columns[k], i.expr.kind === 'count' ? 'UInt64' : i.expr.kind === 'day' ? 'Date' : 'String']);
  const rows = page.map((g) => ast.items.map((i) => (i.expr.kind === 'count' ? g.count : i.expr.kind === 'day' ? g.day : g.event)));
  return { results: rows, columns, types, hogql: hogqlText(ast, limit), hasMore: groups.length > offset + limit, limit, offset };
}

// =============================================================================================
// The query endpoint

function cacheKey(teamId: number, query: unknown): string {
  return `cache_${createHash('sha1')
    .update(`${teamId}:${JSON.stringify(query)}`)
    .digest('hex')
    .slice(0, 32)}`;
}

function queryResponseCommon(ctx: Ctx, query: unknown) {
  const now = nowIso();
  return {
    timings: [],
    modifiers: {},
    query_status: null,
    is_cached: false,
    cache_key: cacheKey(ctx.team.id, query),
    last_refresh: now,
    next_allowed_client_refresh: new Date(Date.now() + 60_000).toISOString(),
    cache_target_age: null,
    timezone: ctx.team.timezone,
    error: null,
  };
}

function runQuery(ctx: Ctx, query: unknown) {
  if (!isObject(query)) throw validation('This field is required.', 'query', 'required');
  const kind = query.kind;
  if (typeof kind !== 'string') throw parseError('1 validation error for QueryRequest\nquery.kind\n  Field required [type=missing]');
  if (kind === 'HogQLQuery') {
    if (typeof query.query !== 'string' || !query.query.trim())
      throw parseError('1 validation error for HogQLQuery\nquery\n  Field required [type=missing]');
    return { ...runHogQL(ctx.state, ctx.team, query.query), ...queryResponseCommon(ctx, query) };
  }
  // PostHog answers these two without caching (posthog/api/services/query.py); see test/standin/hogql/.
  if (kind === 'HogQLMetadata') return hogqlMetadataQuery(query);
  if (kind === 'DatabaseSchemaQuery') return databaseSchema(ctx.team.id);
  const source = kind === 'InsightVizNode' && isObject(query.source) ? query.source : query;
  const computed = runInsightSource(ctx.state, ctx.team, source);
  if (computed) {
    const { results, resolved, hogql } = computed;
    return { results, hogql: hogql ?? null, resolved_date_range: resolved, ...queryResponseCommon(ctx, query) };
  }
  throw validation(
    `The stand-in supports only HogQLQuery, TrendsQuery, FunnelsQuery, RetentionQuery, StickinessQuery and LifecycleQuery (optionally wrapped in an InsightVizNode), not ${String(source.kind ?? kind)}.`,
    'query',
  );
}

/** An insight query kind computed from the event store (./insightKinds.ts for all but trends), or undefined for other kinds. */
function runInsightSource(state: State, team: Team, source: Row): { results: unknown; resolved: unknown; hogql?: string } | undefined {
  switch (source.kind) {
    case 'TrendsQuery': {
      const current = runTrends(state, team, source);
      if (!isObject(source.compareFilter) || source.compareFilter.compare !== true) return current;
      if (source.compareFilter.compare_to)
        throw validation('The stand-in compares only with the previous period, not compare_to.', 'compareFilter');
      const buckets = Math.max(1, ...current.results.map((r) => (Array.isArray(r.days) ? r.days.length : 0)));
      const previous = runTrends(state, team, previousPeriodQuery(source, current.resolved, buckets));
      return { ...current, results: markCompare(current.results, previous.results) };
    }
    case 'FunnelsQuery':
      return runFunnels(state, team, source);
    case 'RetentionQuery':
      return runRetention(state, team, source);
    case 'StickinessQuery':
      return runStickiness(state, team, source);
    case 'LifecycleQuery':
      return runLifecycle(state, team, source);
    default:
      return undefined;
  }
}

// =============================================================================================
// Insights

function resolveInsight(ctx: Ctx, id: string, opts: { allowDeleted?: boolean } = {}): Row {
  const table = insightsTable(ctx.state, ctx.team.id);
  const row = /^\d+$/.test(id) ? table.get(id) : table.find((x) => x.short_id === id);
  if (!row || (row.deleted && !opts.allowDeleted)) throw notFound();
  return row;
}

/** The insight's cached result, computed on demand (null when its query cannot be run here). */
function insightResult(
  ctx: Ctx,
  query: Row | null,
): { result: unknown; columns?: string[]; types?: unknown[]; hogql?: string; resolved_date_range?: unknown } {
  if (!query) return { result: null };
  try {
    const source = isObject(query.source) ? query.source : query;
    const computed = runInsightSource(ctx.state, ctx.team, source);
    if (computed) return { result: computed.results, hogql: computed.hogql, resolved_date_range: computed.resolved };
    if (source.kind === 'HogQLQuery' && typeof source.query === 'string') {
      const h = runHogQL(ctx.state, ctx.team, source.query);
      return { result: h.results, columns: h.columns, types: h.types, hogql: h.hogql };
    }
  } catch {
    /* an insight PostHog could not compute has no cached result */
  }
  return { result: null };
}

function serializeInsight(row: Row, ctx: Ctx, detail: boolean, basic = false): Row {
  const query = effectiveQuery(row);
  const convertible = !!query;
  const tiles: Row[] = [];
  for (const d of ctx.state.table(ctx.team.id, 'dashboards').all()) {
    for (const t of (d.tiles ?? []) as Row[])
      if (t.insight_id === row.id) tiles.push({ id: t.id, dashboard_id: d.id, deleted: !!(t.deleted || d.deleted) });
  }
  const out: Row = {
    id: row.id,
    short_id: row.short_id,
    name: row.name ?? null,
    derived_name: row.derived_name ?? null,
    query,
    filters: convertible ? {} : (row.filters ?? {}),
    dashboards: tiles.filter((t) => !t.deleted).map((t) => t.dashboard_id),
    dashboard_tiles: tiles,
    description: row.description ?? '',
    last_refresh: null,
    refreshing: false,
    saved: !!row.saved,
    tags: row.tags ?? [],
    favorited: !!row.favorited,
    created_at: row.created_at,
    created_by: row.created_by ?? null,
    updated_at: row.updated_at ?? row.last_modified_at,
    last_modified_at: row.last_modified_at,
    last_modified_by: row.last_modified_by ?? row.created_by ?? null,
    last_viewed_at: row.last_viewed_at ?? null,
    deleted: !!row.deleted,
    order: row.order ?? null,
    is_sample: false,
    effective_restriction_level: 21,
    effective_privilege_level: 37,
    user_access_level: 'editor',
    timezone: ctx.team.timezone,
  };
  if (basic) return out;
  const computed = detail ? insightResult(ctx, query) : { result: null };
  return {
    ...out,
    result: computed.result,
    hasMore: false,
    columns: computed.columns ?? null,
    types: computed.types ?? null,
    hogql: computed.hogql ?? null,
    resolved_date_range: computed.resolved_date_range ?? null,
    last_refresh: computed.result ? nowIso() : null,
    is_cached: !!computed.result,
    query_status: null,
    cache_target_age: null,
    next_allowed_client_refresh: null,
    alerts: [],
  };
}

const WRITABLE = ['name', 'derived_name', 'description', 'query', 'filters', 'tags', 'favorited', 'saved', 'deleted', 'order'] as const;

function validateBody(b: Row): void {
  for (const f of ['name', 'derived_name', 'description'] as const) {
    if (b[f] !== undefined && b[f] !== null && typeof b[f] !== 'string') throw validation('Not a valid string.', f, 'invalid');
  }
  if (typeof b.name === 'string' && b.name.length > 400)
    throw validation('Ensure this field has no more than 400 characters.', 'name', 'max_length');
  if (b.query !== undefined && b.query !== null) validateInsightQuery(b.query);
  if (b.filters !== undefined && b.filters !== null && !isObject(b.filters))
    throw validation(
      'Expected a dictionary of items but got type "' + (Array.isArray(b.filters) ? 'list' : typeof b.filters) + '".',
      'filters',
      'not_a_dict',
    );
  if (b.tags !== undefined && (!Array.isArray(b.tags) || b.tags.some((t: unknown) => typeof t !== 'string')))
    throw validation('Expected a list of items.', 'tags', 'not_a_list');
  for (const f of ['favorited', 'saved', 'deleted'] as const) {
    if (b[f] !== undefined && typeof b[f] !== 'boolean') throw validation('Must be a valid boolean.', f, 'invalid');
  }
  if (b.order !== undefined && b.order !== null && !Number.isInteger(b.order))
    throw validation('A valid integer is required.', 'order', 'invalid');
}

function logActivity(state: State, team: Team, user: Row | null, row: Row, activity: string, changes: Row[] | null, at = nowIso()): void {
  logEntry(activityTable(state, team.id), {
    user,
    activity,
    scope: 'Insight',
    itemId: row.id,
    detail: { id: row.id, changes, name: row.name || row.derived_name || null, short_id: row.short_id },
    at,
  });
}

const SOURCE_KIND_OF: Record<string, string> = {
  TRENDS: 'TrendsQuery',
  FUNNELS: 'FunnelsQuery',
  RETENTION: 'RetentionQuery',
  PATHS: 'PathsQuery',
  STICKINESS: 'StickinessQuery',
  LIFECYCLE: 'LifecycleQuery',
  SQL: 'HogQLQuery',
};

function truthy(v: string | null): boolean | undefined {
  if (v === null || v === '') return undefined;
  return v === 'true' || v === '1' || v === 'True';
}

function registerInsights(router: Router): void {
  // Collection-level actions first, so `activity` / `viewed` are not taken for ids.
  router.get('insights/activity', (ctx) => activityPage(ctx, activityTable(ctx.state, ctx.team.id).all()), ACTIVITY_OPTS);
  router.post(
    'insights/viewed',
    (ctx) => {
      const ids = ctx.body?.insight_ids;
      if (ids === undefined) throw required('insight_ids');
      if (!Array.isArray(ids) || ids.some((x: unknown) => !Number.isInteger(Number(x))))
        throw validation('A valid integer is required.', 'insight_ids', 'invalid');
      const table = insightsTable(ctx.state, ctx.team.id);
      const at = nowIso();
      for (const id of ids) {
        const row = table.get(Number(id));
        if (row && !row.deleted) row.last_viewed_at = at; // unknown or deleted ids are dropped silently
      }
      return r(201);
    },
    OPTS,
  );

  router.get(
    'insights',
    (ctx) => {
      const q = ctx.query;
      const saved = truthy(q.get('saved'));
      const favorited = truthy(q.get('favorited'));
      const shortId = q.get('short_id');
      const search = q.get('search')?.toLowerCase();
      const kind = q.get('insight') ? (SOURCE_KIND_OF[q.get('insight')!.toUpperCase()] ?? '__none__') : undefined;
      let createdBy: number[] | undefined;
      if (q.get('created_by')) {
        try {
          const parsed = JSON.parse(q.get('created_by')!);
          createdBy = (Array.isArray(parsed) ? parsed : [parsed]).map(Number);
        } catch {
          throw validation('created_by must be a JSON list of user ids.', 'created_by');
        }
      }
      let rows = insightsTable(ctx.state, ctx.team.id)
        .all()
        .filter((row) => !row.deleted)
        .filter((row) => saved === undefined || !!row.saved === saved)
        .filter((row) => !favorited || !!row.favorited)
        .filter((row) => !shortId || row.short_id === shortId)
        .filter((row) => !createdBy || createdBy.includes(Number(row.created_by?.id)))
        .filter((row) => {
          if (!search) return true;
          const hay = [row.name, row.derived_name, row.description, ...((row.tags as string[]) ?? [])];
          return hay.some((v) => typeof v === 'string' && v.toLowerCase().includes(search));
        })
        .filter((row) => {
          if (!kind) return true;
          const query = effectiveQuery(row);
          const source = query && isObject(query.source) ? query.source : query;
          return source?.kind === kind;
        });
      rows = orderInsights(rows, q.get('order'), q.get('search'));
      const basic = truthy(q.get('basic')) === true;
      const list = stdList(ctx, rows);
      return { ...list, results: list.results.map((row) => serializeInsight(row, ctx, false, basic)) };
    },
    OPTS,
  );

  router.post(
    'insights',
    (ctx) => {
      const b = ctx.body;
      if (!isObject(b)) throw validation('Invalid data. Expected a dictionary, but got list.', 'non_field_errors');
      validateBody(b);
      checkLegacyFilters(ctx.state, b);
      const table = insightsTable(ctx.state, ctx.team.id);
      const user = ctx.state.userBasic(ctx.user);
      const now = nowIso();
      const row = table.insert({
        short_id: '',
        name: b.name ?? null,
        derived_name: b.derived_name ?? null,
        description: b.description ?? '',
        query: b.query ?? null,
        filters: b.filters ?? {},
        saved: b.saved ?? false,
        favorited: b.favorited ?? false,
        deleted: b.deleted ?? false,
        tags: b.tags ?? [],
        order: b.order ?? null,
        created_by: user,
        created_at: now,
        last_modified_at: now,
        last_modified_by: user,
        updated_at: now,
      });
      row.short_id = newShortId(ctx.state, ctx.team.id, row.id);
      logActivity(ctx.state, ctx.team, user, row, 'created', null, now);
      return r(201, serializeInsight(row, ctx, true));
    },
    OPTS,
  );

  router.get(
    'insights/:id/activity',
    (ctx) => {
      const table = insightsTable(ctx.state, ctx.team.id);
      // PostHog answers a bare empty 404 when the insight does not exist.
      if (!/^\d+$/.test(ctx.params.id) || !table.get(ctx.params.id)) return r(404, '');
      return activityPage(
        ctx,
        activityTable(ctx.state, ctx.team.id)
          .all()
          .filter((a) => a.item_id === String(ctx.params.id)),
      );
    },
    ACTIVITY_OPTS,
  );

  router.post(
    'insights/:id/viewed',
    (ctx) => {
      const row = resolveInsight(ctx, ctx.params.id);
      row.last_viewed_at = nowIso();
      return r(201);
    },
    OPTS,
  );

  sharingRoutes(router, 'insights', 'sharing_configuration');

  router.get('insights/:id', (ctx) => serializeInsight(resolveInsight(ctx, ctx.params.id), ctx, true), OPTS);

  const patch = (ctx: Ctx) => {
    const b = ctx.body;
    // A deleted insight can only be reached by the PATCH that restores it.
    const row = resolveInsight(ctx, ctx.params.id, { allowDeleted: isObject(b) && b.deleted === false });
    if (!isObject(b)) throw validation('Invalid data. Expected a dictionary, but got list.', 'non_field_errors');
    validateBody(b);
    checkLegacyFilters(ctx.state, b);
    const user = ctx.state.userBasic(ctx.user);
    const changes: Row[] = [];
    for (const f of WRITABLE) {
      if (!Object.prototype.hasOwnProperty.call(b, f)) continue;
      const before = row[f] ?? null;
      const after = b[f] ?? null;
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      changes.push({
        type: 'Insight',
        action: before === null || before === '' ? 'created' : after === null || after === '' ? 'deleted' : 'changed',
        field: f,
        before,
        after,
      });
      row[f] = b[f] ?? (f === 'filters' ? {} : f === 'tags' ? [] : null);
    }
    if (changes.length) {
      const now = nowIso();
      if (changes.some((c) => c.field !== 'favorited' && c.field !== 'deleted')) {
        row.last_modified_at = now;
        row.last_modified_by = user;
      }
      row.updated_at = now;
      logActivity(ctx.state, ctx.team, user, row, 'updated', changes, now);
    }
    return serializeInsight(row, ctx, true);
  };
  router.patch('insights/:id', patch, OPTS);
  router.put('insights/:id', patch, OPTS);
  router.delete(
    'insights/:id',
    () => {
      throw forbidDestroy();
    },
    OPTS,
  );
}

// =============================================================================================
// Seed

const trend = (
  series: Array<{ event: string; math?: string }>,
  opts: { interval?: Interval; date_from?: string; display?: string; breakdown?: { breakdown: string; breakdown_type: string } } = {},
): Row => ({
  kind: 'InsightVizNode',
  source: {
    kind: 'TrendsQuery',
    series: series.map((s) => ({ kind: 'EventsNode', event: s.event, name: s.event, math: s.math ?? 'total' })),
    interval: opts.interval ?? 'day',
    dateRange: { date_from: opts.date_from ?? '-7d' },
    trendsFilter: { display: opts.display ?? 'ActionsLineGraph' },
    ...(opts.breakdown ? { breakdownFilter: opts.breakdown } : {}),
    filterTestAccounts: false,
  },
});

const viz = (source: Row): Row => ({ kind: 'InsightVizNode', source });

interface SeedInsight {
  name: string;
  description: string;
  query?: Row;
  filters?: Row;
  tags: string[];
  by: 1 | 2;
  favorited?: boolean;
}

const SEED: SeedInsight[] = [
  {
    name: 'Daily pageviews',
    description: 'All pageviews across hedgebox.net and the app',
    query: trend([{ event: '$pageview' }], { date_from: '-14d' }),
    tags: ['traffic'],
    by: 1,
    favorited: true,
  },
  {
    name: 'Daily active users',
    description: 'Unique users with at least one pageview',
    query: trend([{ event: '$pageview', math: 'dau' }], { date_from: '-14d' }),
    tags: ['core'],
    by: 1,
    favorited: true,
  },
  {
    name: 'Signups per week',
    description: 'New accounts, weekly',
    query: trend([{ event: 'signed_up' }], { interval: 'week', date_from: '-30d', display: 'ActionsBar' }),
    tags: ['growth'],
    by: 1,
  },
  {
    name: 'Signups vs. pageviews',
    description: 'Top of funnel against conversions',
    query: trend([{ event: '$pageview' }, { event: 'signed_up' }], { date_from: '-14d' }),
    tags: ['growth'],
    by: 2,
  },
  {
    name: 'Signups (last 30 days)',
    description: '',
    query: trend([{ event: 'signed_up' }], { date_from: '-30d', display: 'BoldNumber' }),
    tags: ['growth'],
    by: 2,
  },
  {
    name: 'Uploads per day',
    description: 'Files uploaded: the activation event',
    query: trend([{ event: 'uploaded_file' }], { date_from: '-14d', display: 'ActionsBar' }),
    tags: ['activation'],
    by: 1,
  },
  {
    name: 'Pageviews by page',
    description: 'Which pages get the traffic',
    query: trend([{ event: '$pageview' }], {
      date_from: '-14d',
      display: 'ActionsBarValue',
      breakdown: { breakdown: '$current_url', breakdown_type: 'event' },
    }),
    tags: ['marketing'],
    by: 2,
  },
  {
    name: 'Marketing site visits',
    description: 'Built before the query editor: stored as legacy filters',
    filters: {
      insight: 'TRENDS',
      events: [{ id: '$pageview', name: '$pageview', type: 'events', order: 0, math: 'total' }],
      date_from: '-7d',
      interval: 'day',
      display: 'ActionsLineGraph',
    },
    tags: ['marketing'],
    by: 1,
  },
  {
    name: 'Top events (SQL)',
    description: 'Event volume in the last 7 days',
    query: {
      kind: 'DataVisualizationNode',
      source: {
        kind: 'HogQLQuery',
        query: 'SELECT event, count() FROM events WHERE timestamp > now() - INTERVAL 7 DAY GROUP BY event ORDER BY count() DESC LIMIT 20',
      },
    },
    tags: ['engineering'],
    by: 2,
  },
  {
    name: 'Upgrades per week',
    description: 'Plan upgrades, weekly',
    query: trend([{ event: 'upgraded_plan' }], { interval: 'week', date_from: '-30d', display: 'ActionsBar' }),
    tags: ['revenue'],
    by: 1,
  },
  {
    name: 'Uploads by plan',
    description: "Uploads split by the uploader's plan",
    query: trend([{ event: 'uploaded_file' }], {
      date_from: '-14d',
      display: 'ActionsBar',
      breakdown: { breakdown: 'plan', breakdown_type: 'person' },
    }),
    tags: ['revenue', 'activation'],
    by: 1,
  },
  {
    name: 'Upgrades (last 30 days)',
    description: '',
    query: trend([{ event: 'upgraded_plan' }], { date_from: '-30d', display: 'BoldNumber' }),
    tags: ['revenue'],
    by: 2,
  },
  // One insight of each other kind (./insightKinds.ts computes them), on the first dashboard.
  {
    name: 'Signup funnel',
    description: 'From a pageview to a signup to the first upload, within 14 days',
    query: viz({
      kind: 'FunnelsQuery',
      series: ['$pageview', 'signed_up', 'uploaded_file'].map((event) => ({ kind: 'EventsNode', event, name: event })),
      dateRange: { date_from: '-14d' },
      funnelsFilter: { funnelVizType: 'steps', funnelOrderType: 'ordered', funnelWindowInterval: 14, funnelWindowIntervalUnit: 'day' },
    }),
    tags: ['growth'],
    by: 1,
  },
  {
    name: 'Pageview retention',
    description: 'Users coming back to the app day after day',
    query: viz({
      kind: 'RetentionQuery',
      retentionFilter: {
        targetEntity: { id: '$pageview', name: '$pageview', type: 'events' },
        returningEntity: { id: '$pageview', name: '$pageview', type: 'events' },
        period: 'Day',
        totalIntervals: 8,
        retentionType: 'retention_first_time',
      },
    }),
    tags: ['core'],
    by: 1,
  },
  {
    name: 'Upload stickiness',
    description: 'On how many of the last 14 days people uploaded',
    query: viz({
      kind: 'StickinessQuery',
      series: [{ kind: 'EventsNode', event: 'uploaded_file', name: 'uploaded_file', math: 'total' }],
      interval: 'day',
      dateRange: { date_from: '-14d' },
    }),
    tags: ['activation'],
    by: 2,
  },
  {
    name: 'Pageview lifecycle',
    description: 'New, returning, resurrecting and dormant users',
    query: viz({
      kind: 'LifecycleQuery',
      series: [{ kind: 'EventsNode', event: '$pageview', name: '$pageview', math: 'total' }],
      interval: 'day',
      dateRange: { date_from: '-14d' },
    }),
    tags: ['core'],
    by: 1,
  },
  {
    name: 'Pageviews vs. the week before',
    description: 'This week against the previous one',
    query: viz({
      ...(trend([{ event: '$pageview' }], { date_from: '-7d' }).source as Row),
      compareFilter: { compare: true },
    }),
    tags: ['traffic'],
    by: 2,
  },
];

function seedInsights(state: State, team: Team): void {
  const table = insightsTable(state, team.id);
  const list = team.id === 1 ? SEED : SEED.filter((s) => s.name === 'Daily pageviews' || s.name === 'Signups per week');
  list.forEach((s, i) => {
    const user = state.userBasic(state.users.get(s.by)!);
    const created = isoDaysAgo(60 - i * 4, 9 + (i % 8));
    const modified = isoDaysAgo(Math.max(1, 40 - i * 3), 11 + (i % 6));
    const id = i + 1;
    const row = table.insert({
      id,
      short_id: newShortId(state, team.id, id),
      name: s.name,
      derived_name: null,
      description: s.description,
      query: s.query ?? null,
      filters: s.filters ?? {},
      saved: true,
      favorited: !!s.favorited,
      deleted: false,
      tags: s.tags,
      created_by: user,
      created_at: created,
      last_modified_at: modified,
      last_modified_by: user,
      updated_at: modified,
      last_viewed_at: i < 4 ? isoDaysAgo(i, 15) : null,
    });
    logActivity(state, team, user, row, 'created', null, created);
    if (s.description && modified > created) {
      logActivity(
        state,
        team,
        user,
        row,
        'updated',
        [{ type: 'Insight', action: 'created', field: 'description', before: '', after: s.description }],
        modified,
      );
    }
  });
}

export const insightsRoutes: RouteGroup = {
  register(router) {
    registerInsights(router);
    router.post(
      'query',
      (ctx) => {
        const b = ctx.body;
        if (!isObject(b)) throw validation('Invalid data. Expected a dictionary.', 'non_field_errors');
        if (b.query === undefined) throw required('query');
        return runQuery(ctx, b.query);
      },
      QUERY_OPTS,
    );
  },
  seed(state, team) {
    seedInsights(state, team);
  },
};
