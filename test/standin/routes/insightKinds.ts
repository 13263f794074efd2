/**
 * The stand-in's FunnelsQuery, RetentionQuery, StickinessQuery and LifecycleQuery, and "compare to
 * previous period" for TrendsQuery, computed from the shared event store in PostHog's result
 * shapes (posthog/hogql_queries/insights/funnels/base.py, retention_query_runner.py,
 * stickiness_query_runner.py, lifecycle_query_runner.py, trends/trends_query_runner.py; see
 * /work/shared/posthog-api.md §16). The subset is documented in docs/posthog-compat.md. An actor
 * is a person (their uuid), or the distinct_id for events without one. Buckets are UTC.
 */
import { validation } from '../core';
import { personsTable } from '../analytics';
import type { Row, State, Team } from '../state';
import {
  INTERVALS,
  type EventView,
  type Interval,
  addUnits,
  bucketDay,
  bucketLabel,
  checkFilters,
  eventViews,
  matchFilters,
  parseDateExpr,
  personPropsLookup,
  truncate,
} from './insights';

const isObject = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);
const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: DAY, week: 7 * DAY, month: 31 * DAY };

interface Range {
  interval: Interval;
  start: number;
  end: number;
  buckets: number[];
}

/** The query's interval and date range as buckets, as the trends engine resolves them. */
function rangeOf(q: Row, events: EventView[], now: number, defaultFrom = '-7d'): Range {
  const interval: Interval = q.interval ?? 'day';
  if (!(INTERVALS as readonly string[]).includes(interval))
    throw validation('The stand-in supports only the intervals hour, day, week and month.', 'interval');
  const range = isObject(q.dateRange) ? q.dateRange : {};
  const rawFrom = range.date_from ?? defaultFrom;
  const from = rawFrom === 'all' ? events.reduce((min, e) => Math.min(min, e.t), now) : parseDateExpr(rawFrom, now, 'date_from');
  const end = range.date_to ? parseDateExpr(range.date_to, now, 'date_to') : now;
  const start = truncate(from, interval);
  const buckets: number[] = [];
  for (let b = start; b <= end; b = addUnits(b, interval, 1)) {
    buckets.push(b);
    if (buckets.length > 5000)
      throw validation('The date range has too many intervals: pick a longer interval or a shorter range.', 'interval');
  }
  return { interval, start, end, buckets };
}

function eventSeries(q: Row, where: string): Row[] {
  if (!Array.isArray(q.series) || !q.series.length) throw validation(`${where} needs at least one series.`, 'series');
  for (const s of q.series) {
    if (!isObject(s) || s.kind !== 'EventsNode') throw validation('The stand-in supports only EventsNode series.', 'series');
    checkFilters(s.properties, 'series');
  }
  return q.series as Row[];
}

function action(s: Row, order: number): Row {
  const event = s.event ?? null;
  return {
    id: event,
    type: 'events',
    order,
    name: event ?? 'All events',
    custom_name: s.custom_name ?? null,
    math: s.math ?? 'total',
    math_property: null,
    math_hogql: null,
    math_group_type_index: null,
    properties: Array.isArray(s.properties) ? s.properties : [],
  };
}

/**
 * Who did an event: the person its distinct_id belongs to now (PostHog resolves merged persons
 * through person_distinct_id overrides, so a visitor's anonymous events count for the person they
 * became), else the person stored on the event, else the distinct_id.
 */
function actors(state: State, teamId: number): (e: EventView) => string {
  const byDistinctId = new Map<string, string>();
  for (const p of personsTable(state, teamId).all()) for (const d of p.distinct_ids as string[]) byDistinctId.set(d, String(p.uuid));
  return (e) => byDistinctId.get(e.distinct_id) ?? e.person_id ?? e.distinct_id;
}

/** The events of the project matching the query's and the series' filters. */
function matching(state: State, team: Team, q: Row) {
  checkFilters(q.properties, 'properties');
  const all = eventViews(state, team.id);
  const personProps = personPropsLookup(state, team.id);
  const base = all.filter((e) => matchFilters(e, q.properties, personProps));
  const of = (s: Row, list = base) =>
    list.filter((e) => (s.event === null || s.event === undefined || e.event === s.event) && matchFilters(e, s.properties, personProps));
  return { all, base, of, actor: actors(state, team.id) };
}

// ---------------------------------------------------------------------------------------------
// Trends: compare to the previous period

/** The same TrendsQuery over the period just before, with as many buckets, for `compareFilter.compare`. */
export function previousPeriodQuery(q: Row, resolved: { date_from: string; date_to: string }, buckets: number): Row {
  const interval: Interval = q.interval ?? 'day';
  const from = Date.parse(resolved.date_from);
  return {
    ...q,
    compareFilter: undefined,
    dateRange: {
      date_from: new Date(addUnits(from, interval, -Math.max(1, buckets))).toISOString(),
      date_to: new Date(from - 1).toISOString(),
      explicitDate: true,
    },
  };
}

/** Marks current and previous series the way the trends runner does when comparing. */
export function markCompare(current: Row[], previous: Row[]): Row[] {
  return [
    ...current.map((s) => ({ ...s, compare: true, compare_label: 'current' })),
    ...previous.map((s) => ({ ...s, compare: true, compare_label: 'previous' })),
  ];
}

// ---------------------------------------------------------------------------------------------
// Funnels (ordered steps within a conversion window)

export function runFunnels(state: State, team: Team, q: Row, now = Date.now()): { results: unknown; resolved: Row } {
  const steps = eventSeries(q, 'A funnel');
  if (steps.length < 2) throw validation('Funnels require at least two steps.', 'series');
  const ff = isObject(q.funnelsFilter) ? q.funnelsFilter : {};
  if (ff.funnelVizType && ff.funnelVizType !== 'steps')
    throw validation(`The stand-in computes only funnelVizType "steps", not "${String(ff.funnelVizType)}".`, 'funnelsFilter');
  if (ff.funnelOrderType && ff.funnelOrderType !== 'ordered')
    throw validation(`The stand-in computes only ordered funnels, not "${String(ff.funnelOrderType)}".`, 'funnelsFilter');
  const unit = String(ff.funnelWindowIntervalUnit ?? 'day');
  if (!UNIT_MS[unit]) throw validation(`Unknown funnelWindowIntervalUnit "${unit}".`, 'funnelsFilter');
  const windowMs = Number(ff.funnelWindowInterval ?? 14) * UNIT_MS[unit];
  const m = matching(state, team, q);
  const range = rangeOf(q, m.all, now);
  const inRange = m.base.filter((e) => e.t >= range.start && e.t <= range.end).sort((a, b) => a.t - b.t);
  const perStep = steps.map((s) => new Set(m.of(s, inRange)));
  const bf = isObject(q.breakdownFilter) && typeof q.breakdownFilter.breakdown === 'string' ? q.breakdownFilter.breakdown : undefined;

  // Per actor: the furthest step reached from any first-step event, and the times between steps.
  const byActor = new Map<string, EventView[]>();
  for (const e of inRange) byActor.set(m.actor(e), [...(byActor.get(m.actor(e)) ?? []), e]);
  type Path = { reached: number; times: number[]; breakdown: string };
  const paths: Path[] = [];
  for (const evs of byActor.values()) {
    let best: Path | undefined;
    for (const first of evs.filter((e) => perStep[0].has(e))) {
      const times = [first.t];
      let k = 1;
      for (const e of evs) {
        if (k >= steps.length) break;
        if (e.t < times[k - 1] || e.t > first.t + windowMs) continue;
        if (perStep[k].has(e) && e !== first) {
          times.push(e.t);
          k++;
        }
      }
      const v = bf ? first.properties[bf] : undefined;
      const breakdown = v === undefined || v === null || v === '' ? '' : String(v);
      if (!best || k > best.reached) best = { reached: k, times, breakdown };
    }
    if (best) paths.push(best);
  }
  const stepRows = (list: Path[], breakdown?: string) =>
    steps.map((s, i) => {
      const converted = list.filter((p) => p.reached > i);
      const gaps = i === 0 ? [] : converted.map((p) => (p.times[i] - p.times[i - 1]) / 1000).sort((a, b) => a - b);
      const row: Row = {
        action_id: s.event ?? null,
        name: s.event ?? 'All events',
        custom_name: s.custom_name ?? null,
        order: i,
        count: converted.length,
        type: 'events',
        people: [],
        average_conversion_time: gaps.length ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null,
        median_conversion_time: gaps.length ? gaps[Math.floor(gaps.length / 2)] : null,
      };
      if (breakdown !== undefined) {
        row.breakdown = [breakdown];
        row.breakdown_value = [breakdown];
      }
      return row;
    });
  const resolved = { date_from: new Date(range.start).toISOString(), date_to: new Date(range.end).toISOString() };
  if (!bf) return { results: stepRows(paths), resolved };
  const values = [...new Set(paths.map((p) => p.breakdown))].sort(
    (a, b) => paths.filter((p) => p.breakdown === b).length - paths.filter((p) => p.breakdown === a).length || a.localeCompare(b),
  );
  return {
    results: values.map((v) =>
      stepRows(
        paths.filter((p) => p.breakdown === v),
        v,
      ),
    ),
    resolved,
  };
}

// ---------------------------------------------------------------------------------------------
// Retention (first time or recurring; a cohort per period)

const PERIODS: Record<string, Interval> = { Hour: 'hour', Day: 'day', Week: 'week', Month: 'month' };

export function runRetention(state: State, team: Team, q: Row, now = Date.now()): { results: unknown; resolved: Row } {
  const rf = q.retentionFilter;
  if (!isObject(rf)) throw validation('This field is required.', 'retentionFilter', 'required');
  const period = String(rf.period ?? 'Day');
  const interval = PERIODS[period];
  if (!interval) throw validation(`Unknown retention period "${period}": use Hour, Day, Week or Month.`, 'retentionFilter');
  const total = Number(rf.totalIntervals ?? 8);
  if (!Number.isInteger(total) || total < 1 || total > 100)
    throw validation('totalIntervals must be between 1 and 100.', 'retentionFilter');
  const type = String(rf.retentionType ?? 'retention_recurring');
  if (type !== 'retention_recurring' && type !== 'retention_first_time')
    throw validation(`The stand-in computes retention_recurring and retention_first_time, not "${type}".`, 'retentionFilter');
  const entity = (e: unknown): Row => {
    if (!isObject(e)) return { kind: 'EventsNode', event: '$pageview' };
    if (e.type === 'actions' || e.kind === 'ActionsNode')
      throw validation('The stand-in supports only event retention entities.', 'retentionFilter');
    return { kind: 'EventsNode', event: e.id ?? e.event ?? null };
  };
  const m = matching(state, team, q);
  const targetEvents = m.of(entity(rf.targetEntity));
  const returningEvents = m.of(entity(rf.returningEntity ?? rf.targetEntity));
  const range = isObject(q.dateRange) ? q.dateRange : {};
  const end = range.date_to ? parseDateExpr(range.date_to, now, 'date_to') : now;
  const last = truncate(end, interval);
  const starts = Array.from({ length: total }, (_, i) => addUnits(last, interval, i - total + 1));
  const index = (t: number) => starts.indexOf(truncate(t, interval));
  const firstEver = new Map<string, number>();
  for (const e of targetEvents) firstEver.set(m.actor(e), Math.min(firstEver.get(m.actor(e)) ?? Infinity, e.t));
  const cohorts = starts.map(() => new Set<string>());
  for (const e of targetEvents) {
    const i = index(e.t);
    if (i < 0) continue;
    if (type === 'retention_first_time' && index(firstEver.get(m.actor(e))!) !== i) continue;
    cohorts[i].add(m.actor(e));
  }
  const active = starts.map(() => new Set<string>());
  for (const e of returningEvents) {
    const i = index(e.t);
    if (i >= 0) active[i].add(m.actor(e));
  }
  const results = starts.map((start, i) => ({
    date: new Date(start).toISOString().replace('.000Z', 'Z'),
    label: `${period} ${i}`,
    values: Array.from({ length: total - i }, (_, j) => ({
      count: j === 0 ? cohorts[i].size : [...cohorts[i]].filter((a) => active[i + j].has(a)).length,
      label: `${period} ${j}`,
    })),
  }));
  return { results, resolved: { date_from: new Date(starts[0]).toISOString(), date_to: new Date(end).toISOString() } };
}

// ---------------------------------------------------------------------------------------------
// Stickiness (how many intervals of the range each actor was active in)

export function runStickiness(state: State, team: Team, q: Row, now = Date.now()): { results: unknown; resolved: Row } {
  const series = eventSeries(q, 'A stickiness query');
  if (isObject(q.compareFilter) && q.compareFilter.compare)
    throw validation('The stand-in compares periods only for TrendsQuery.', 'compareFilter');
  const sf = isObject(q.stickinessFilter) ? q.stickinessFilter : {};
  const cumulative = sf.computedAs === 'cumulative';
  const m = matching(state, team, q);
  const range = rangeOf(q, m.all, now);
  const n = range.buckets.length;
  const word = (k: number) => `${k} ${range.interval}${k === 1 ? '' : 's'}${cumulative ? ' or more' : ''}`;
  const results = series.map((s, order) => {
    const active = new Map<string, Set<number>>();
    for (const e of m.of(s)) {
      if (e.t < range.start || e.t > range.end) continue;
      const set = active.get(m.actor(e)) ?? new Set<number>();
      set.add(truncate(e.t, range.interval));
      active.set(m.actor(e), set);
    }
    const exact = Array.from({ length: n }, () => 0);
    for (const set of active.values()) exact[Math.min(n, set.size) - 1]++;
    const data = cumulative ? exact.map((_, i) => exact.slice(i).reduce((a, b) => a + b, 0)) : exact;
    return {
      action: action(s, order),
      label: s.custom_name ?? s.event ?? 'All events',
      count: data.reduce((a, b) => a + b, 0),
      data,
      labels: data.map((_, i) => word(i + 1)),
      days: data.map((_, i) => i + 1),
    };
  });
  return { results, resolved: { date_from: new Date(range.start).toISOString(), date_to: new Date(range.end).toISOString() } };
}

// ---------------------------------------------------------------------------------------------
// Lifecycle (new, returning, resurrecting, dormant)

export function runLifecycle(state: State, team: Team, q: Row, now = Date.now()): { results: unknown; resolved: Row } {
  const [s] = eventSeries(q, 'A lifecycle query');
  const m = matching(state, team, q);
  const range = rangeOf(q, m.all, now);
  const iv = range.interval;
  // "New" is the interval of the actor's first event of any kind (PostHog: the person's created_at).
  const created = new Map<string, number>();
  for (const e of m.all) created.set(m.actor(e), Math.min(created.get(m.actor(e)) ?? Infinity, e.t));
  const active = new Map<string, Set<number>>();
  for (const e of m.of(s)) {
    const set = active.get(m.actor(e)) ?? new Set<number>();
    set.add(truncate(e.t, iv));
    active.set(m.actor(e), set);
  }
  const statuses = ['new', 'returning', 'resurrecting', 'dormant'] as const;
  const data: Record<(typeof statuses)[number], number[]> = { new: [], returning: [], resurrecting: [], dormant: [] };
  for (const b of range.buckets) {
    const prev = addUnits(b, iv, -1);
    const counts = { new: 0, returning: 0, resurrecting: 0, dormant: 0 };
    for (const [actor, set] of active) {
      if (set.has(b)) {
        if (truncate(created.get(actor)!, iv) === b) counts.new++;
        else if (set.has(prev)) counts.returning++;
        else counts.resurrecting++;
      } else if (set.has(prev)) counts.dormant--;
    }
    for (const k of statuses) data[k].push(counts[k]);
  }
  const labels = range.buckets.map((b) => bucketLabel(b, iv));
  const days = range.buckets.map((b) => bucketDay(b, iv));
  const name = s.custom_name ?? s.event ?? 'All events';
  const results = statuses.map((status) => ({
    action: action(s, 0),
    label: `${name} - ${status}`,
    count: data[status].reduce((a, b) => a + b, 0),
    data: data[status],
    labels,
    days,
    status,
  }));
  return { results, resolved: { date_from: new Date(range.start).toISOString(), date_to: new Date(range.end).toISOString() } };
}
