/**
 * Cohorts (§4): project-only; std list of live cohorts, newest first, `search` on the name
 * (substring matches first, then trigram-similar ones; over 200 characters → 400);
 * `filters` validated like PostHog's pydantic `CohortFilters`, legacy `groups` accepted and
 * turned into `filters` on output; DELETE → 405; soft delete by PATCH `{deleted: true}`, refused
 * while an active flag (directly or through another cohort), an insight or another cohort uses it.
 *
 * Sizes: seeded cohorts carry realistic `count`s; a cohort created or given new criteria is
 * counted at once against the stand-in's persons and events (no background calculation).
 */
import { type Ctx, validation } from '../core';
import { softDeleteResource, stdList } from '../crud';
import { eventsTable, personsTable } from '../analytics';
import { isoDaysAgo, nowIso, type Row, type State, type Table, type Team } from '../state';
import type { RouteGroup } from './types';

const OPTS = { prefix: 'project' as const, scope: 'cohort' };
const MAX_SEARCH_LENGTH = 200;

export const cohorts = (state: State, teamId: number) => state.table(teamId, 'cohorts');

// ---------------------------------------------------------------------------------------------
// Filter structure (pydantic CohortFilters, extra keys forbidden)

const LEAF_KEYS: Record<string, string[]> = {
  behavioral: [
    'type',
    'key',
    'value',
    'event_type',
    'time_value',
    'time_interval',
    'negation',
    'operator',
    'operator_value',
    'seq_time_interval',
    'seq_time_value',
    'seq_event',
    'seq_event_type',
    'total_periods',
    'min_periods',
    'event_filters',
    'explicit_datetime',
    'explicit_datetime_to',
  ],
  cohort: ['type', 'key', 'value', 'negation'],
  person: ['type', 'key', 'operator', 'value', 'negation'],
  person_metadata: ['type', 'key', 'operator', 'value', 'negation'],
};
const SERVER_KEYS = ['bytecode', 'bytecode_error', 'conditionHash'];
const PERSON_METADATA_FIELDS = ['created_at', 'id', 'is_identified', 'last_seen_at'];
const TAGS = "'behavioral', 'cohort', 'person', 'person_metadata', 'AND', 'OR'";

type Loc = Array<string | number>;
const pyLoc = (loc: Loc) => `(${loc.map((p) => (typeof p === 'number' ? String(p) : `'${p}'`)).join(', ')}${loc.length === 1 ? ',' : ''})`;
/** What `str(exc.errors())` looks like when PostHog cannot map a pydantic error to a message. */
const pydantic = (type: string, loc: Loc, msg: string) =>
  validation(`[{'type': '${type}', 'loc': ${pyLoc(loc)}, 'msg': "${msg}"}]`, 'filters');
const missing = (kind: string, fields: string) => validation(`Missing required keys for ${kind} filter: ${fields}`, 'filters');

function checkNode(node: unknown, loc: Loc): void {
  if (!node || typeof node !== 'object' || Array.isArray(node))
    throw pydantic('model_attributes_type', loc, 'Input should be a valid dictionary or object to extract fields from');
  const n = node as Row;
  if (!('type' in n)) throw pydantic('union_tag_not_found', loc, "Unable to extract tag using discriminator 'type'");
  if (n.type === 'AND' || n.type === 'OR') {
    if (!('values' in n)) throw pydantic('missing', [...loc, n.type, 'values'], 'Field required');
    if (!Array.isArray(n.values)) throw pydantic('list_type', [...loc, n.type, 'values'], 'Input should be a valid list');
    const extra = Object.keys(n).find((k) => k !== 'type' && k !== 'values');
    if (extra) throw pydantic('extra_forbidden', [...loc, n.type, extra], 'Extra inputs are not permitted');
    n.values.forEach((v: unknown, i: number) => checkNode(v, [...loc, n.type, 'values', i]));
    return;
  }
  const kind = String(n.type);
  const allowed = LEAF_KEYS[kind];
  if (!allowed)
    throw pydantic('union_tag_invalid', loc, `Input tag '${kind}' found using 'type' does not match any of the expected tags: ${TAGS}`);
  const here = [...loc, kind];
  const extra = Object.keys(n).find((k) => !allowed.includes(k) && !SERVER_KEYS.includes(k));
  if (extra) throw pydantic('extra_forbidden', [...here, extra], 'Extra inputs are not permitted');
  if (typeof n.negation !== 'undefined' && typeof n.negation !== 'boolean')
    throw pydantic('bool_type', [...here, 'negation'], 'Input should be a valid boolean');
  if (kind === 'person' || kind === 'person_metadata') {
    if (n.key === undefined) throw missing(kind, 'key');
    if (typeof n.key !== 'string') throw pydantic('string_type', [...here, 'key'], 'Input should be a valid string');
    const gaps: string[] = [];
    if ((n.value === undefined || n.value === null) && n.operator !== 'is_set' && n.operator !== 'is_not_set') gaps.push('value');
    if (n.operator === undefined || n.operator === null) gaps.push('operator');
    if (gaps.length) throw missing(kind, gaps.join(', '));
    if (kind === 'person_metadata' && !PERSON_METADATA_FIELDS.includes(n.key)) {
      throw validation(
        `Value error, Unsupported person_metadata key '${n.key}'. Allowed keys: ${PERSON_METADATA_FIELDS.join(', ')}.`,
        'filters',
      );
    }
    return;
  }
  if (kind === 'cohort') {
    for (const f of ['key', 'value']) if (n[f] === undefined) throw missing('cohort', f);
    if (n.key !== 'id') throw pydantic('literal_error', [...here, 'key'], "Input should be 'id'");
    if (!Number.isInteger(Number(n.value)) || typeof n.value === 'boolean' || n.value === null || n.value === '') {
      throw pydantic('int_parsing', [...here, 'value'], 'Input should be a valid integer, unable to parse string as an integer');
    }
    return;
  }
  // behavioral
  for (const f of ['key', 'value', 'event_type']) if (n[f] === undefined) throw missing('behavioral', f);
  if (typeof n.value !== 'string') throw pydantic('string_type', [...here, 'value'], 'Input should be a valid string');
  for (const f of ['time_value', 'operator_value', 'seq_time_value', 'total_periods', 'min_periods']) {
    if (n[f] !== undefined && n[f] !== null && !Number.isInteger(Number(n[f])))
      throw pydantic('int_parsing', [...here, f], 'Input should be a valid integer, unable to parse string as an integer');
  }
}

/** Any leaf in the tree (PostHog's `cohort_filters_have_values`). */
export function filtersHaveValues(f: unknown): boolean {
  const walk = (n: unknown): boolean => {
    if (!n || typeof n !== 'object') return false;
    const o = n as Row;
    if (o.type === 'AND' || o.type === 'OR') return Array.isArray(o.values) && o.values.some(walk);
    return typeof o.type === 'string';
  };
  return !!f && typeof f === 'object' && walk((f as Row).properties);
}

function validateFilters(raw: unknown, willBeStatic: boolean): Row | null {
  if (raw === null) return null;
  if (willBeStatic && !filtersHaveValues(raw)) return raw as Row;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || !('properties' in (raw as Row))) {
    throw validation("Must contain a 'properties' key with type and values", 'filters__detail');
  }
  const extra = Object.keys(raw as Row).find((k) => k !== 'properties');
  if (extra) throw pydantic('extra_forbidden', [extra], 'Extra inputs are not permitted');
  const props = (raw as Row).properties;
  if (!props || typeof props !== 'object' || Array.isArray(props))
    throw pydantic('model_attributes_type', ['properties'], 'Input should be a valid dictionary or object to extract fields from');
  if (props.type !== 'AND' && props.type !== 'OR') throw pydantic('literal_error', ['properties', 'type'], "Input should be 'AND' or 'OR'");
  checkNode(props, ['properties']);
  return structuredClone(raw as Row);
}

/** Legacy `groups` as the `filters` PostHog returns for them. */
function filtersFromGroups(groups: unknown): Row {
  const list = Array.isArray(groups) ? (groups as Row[]) : [];
  return {
    properties: {
      type: 'OR',
      values: list.map((g) => {
        const values: Row[] = [];
        if (g.action_id !== undefined || g.event_id !== undefined) {
          values.push({
            type: 'behavioral',
            key: g.action_id ?? g.event_id,
            value: 'performed_event',
            event_type: g.action_id !== undefined ? 'actions' : 'events',
            time_value: g.days ?? 365,
            time_interval: 'day',
            negation: false,
          });
        }
        const props = Array.isArray(g.properties) ? (g.properties as Row[]) : [];
        for (const p of props) values.push({ negation: false, ...p, type: p.type ?? 'person', operator: p.operator ?? 'exact' });
        return { type: 'AND', values };
      }),
    },
  };
}

const effectiveFilters = (c: Row): Row =>
  c.filters && filtersHaveValues(c.filters)
    ? c.filters
    : c.groups && (c.groups as unknown[]).length
      ? filtersFromGroups(c.groups)
      : (c.filters ?? { properties: { type: 'OR', values: [] } });

/** Every `{type: 'cohort', value}` in a JSON tree. */
function cohortRefs(tree: unknown, out = new Set<number>()): Set<number> {
  if (Array.isArray(tree)) for (const v of tree) cohortRefs(v, out);
  else if (tree && typeof tree === 'object') {
    const o = tree as Row;
    if (o.type === 'cohort' && o.value !== undefined && o.value !== null && Number.isInteger(Number(o.value))) out.add(Number(o.value));
    for (const v of Object.values(o)) if (v && typeof v === 'object') cohortRefs(v, out);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Who uses a cohort

/** `FeatureFlag.get_cohort_ids(stop_traversal_at_static=True)`: direct and nested cohort ids. */
function flagCohortIds(table: Table, flag: Row): Set<number> {
  const direct = new Set<number>();
  const groups = Array.isArray(flag.filters?.groups) ? (flag.filters.groups as Row[]) : [];
  for (const g of groups) {
    for (const p of Array.isArray(g.properties) ? (g.properties as Row[]) : []) {
      if (p.type === 'cohort' && Number.isInteger(Number(p.value))) direct.add(Number(p.value));
    }
  }
  const all = new Set<number>();
  const visit = (cid: number) => {
    if (all.has(cid)) return;
    all.add(cid);
    const c = table.get(cid);
    if (!c || c.deleted || c.is_static) return;
    for (const next of cohortRefs(effectiveFilters(c))) visit(next);
  };
  for (const cid of direct) visit(cid);
  return all;
}

function activeFlagsUsing(state: State, teamId: number, cohortId: number): Row[] {
  const table = cohorts(state, teamId);
  return state
    .table(teamId, 'feature_flags')
    .all()
    .filter((f) => f.active && !f.deleted && flagCohortIds(table, f).has(cohortId));
}

function insightsUsing(state: State, teamId: number, cohortId: number): Row[] {
  return state
    .table(teamId, 'insights')
    .all()
    .filter((i) => {
      if (i.deleted || !i.query) return false;
      if (cohortRefs(i.query).has(cohortId)) return true;
      const bf = i.query?.source?.breakdownFilter;
      return bf?.breakdown_type === 'cohort' && Array.isArray(bf.breakdown) && bf.breakdown.map(Number).includes(cohortId);
    })
    .sort((a, b) => Number(a.id) - Number(b.id));
}

function cohortsUsing(state: State, teamId: number, cohortId: number): Row[] {
  return cohorts(state, teamId)
    .all()
    .filter((c) => !c.deleted && c.id !== cohortId && cohortRefs(c.filters).has(cohortId))
    .sort((a, b) => Number(a.id) - Number(b.id));
}

const fiveNames = (names: string[]) =>
  names.length > 5 ? `${names.slice(0, 5).join(', ')}, and ${names.length - 5} more` : names.join(', ');

function refuseDeleteIfUsed(state: State, teamId: number, c: Row): void {
  const flags = activeFlagsUsing(state, teamId, c.id);
  if (flags.length) {
    throw validation(
      `This cohort is used in ${flags.length} active feature flag(s): ${flags.map((f) => f.name || f.key).join(', ')}. ` +
        'Please remove the cohort from these feature flags before deleting it.',
    );
  }
  const insights = insightsUsing(state, teamId, c.id);
  if (insights.length) {
    throw validation(
      `This cohort is used in ${insights.length} insight(s): ${fiveNames(insights.map((i) => i.name || i.derived_name || 'Unnamed'))}. ` +
        'Please remove the cohort from these insights before deleting it.',
    );
  }
  const users = cohortsUsing(state, teamId, c.id);
  if (users.length) {
    throw validation(
      `This cohort is used as criteria in ${users.length} other cohort(s): ${fiveNames(users.map((u) => u.name || 'Unnamed'))}. ` +
        'Please remove this cohort from those cohort definitions before deleting it.',
    );
  }
}

function createsLoop(table: Table, start: Row): boolean {
  const seen = new Set<number>();
  const stack = [...cohortRefs(effectiveFilters(start))];
  while (stack.length) {
    const cid = stack.pop()!;
    if (cid === start.id) return true;
    if (seen.has(cid)) continue;
    seen.add(cid);
    const c = table.get(cid);
    if (c && !c.deleted) stack.push(...cohortRefs(effectiveFilters(c)));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Counting members against the stand-in's persons and events

const DAY = 86_400_000;
const INTERVAL_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: DAY, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY };

function compare(actual: unknown, operator: string, expected: unknown): boolean {
  const values = Array.isArray(expected) ? expected : [expected];
  const s = (v: unknown) => String(v ?? '').toLowerCase();
  switch (operator) {
    case 'is_set':
      return actual !== undefined && actual !== null;
    case 'is_not_set':
      return actual === undefined || actual === null;
    case 'exact':
      return actual !== undefined && values.some((v) => s(v) === s(actual));
    case 'is_not':
      return !values.some((v) => s(v) === s(actual));
    case 'icontains':
      return actual !== undefined && values.some((v) => s(actual).includes(s(v)));
    case 'not_icontains':
      return !values.some((v) => s(actual).includes(s(v)));
    case 'regex':
    case 'not_regex': {
      let hit: boolean;
      try {
        hit = actual !== undefined && new RegExp(String(values[0])).test(String(actual));
      } catch {
        hit = false;
      }
      return operator === 'regex' ? hit : !hit;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = Number(actual);
      const e = Number(values[0]);
      if (!Number.isFinite(a) || !Number.isFinite(e)) return false;
      return operator === 'gt' ? a > e : operator === 'gte' ? a >= e : operator === 'lt' ? a < e : a <= e;
    }
    case 'is_date_before':
    case 'is_date_after': {
      const a = Date.parse(String(actual));
      const e = Date.parse(String(values[0]));
      if (Number.isNaN(a) || Number.isNaN(e)) return false;
      return operator === 'is_date_before' ? a < e : a > e;
    }
    default:
      return false;
  }
}

interface Counter {
  state: State;
  teamId: number;
  /** person uuid → that person's events */
  events: Map<string, Row[]>;
  seen: Set<number>;
}

function eventMatches(c: Counter, e: Row, key: unknown, eventType: unknown): boolean {
  if (eventType === 'actions') {
    const action = c.state.table(c.teamId, 'actions').get(String(key));
    return !!action && (action.steps ?? []).some((s: Row) => !s.event || s.event === e.event);
  }
  return e.event === key;
}

function matchesNode(c: Counter, node: Row, person: Row): boolean {
  if (node.type === 'AND' || node.type === 'OR') {
    const values = Array.isArray(node.values) ? (node.values as Row[]) : [];
    if (values.length === 0) return false;
    return node.type === 'AND' ? values.every((v) => matchesNode(c, v, person)) : values.some((v) => matchesNode(c, v, person));
  }
  let hit = false;
  if (node.type === 'person') hit = compare((person.properties ?? {})[node.key], node.operator ?? 'exact', node.value);
  else if (node.type === 'person_metadata')
    hit = compare(node.key === 'id' ? person.uuid : person[node.key], node.operator ?? 'exact', node.value);
  else if (node.type === 'cohort') hit = isMember(c, Number(node.value), person);
  else if (node.type === 'behavioral') {
    const window = node.time_value
      ? Number(node.time_value) * (INTERVAL_MS[String(node.time_interval ?? 'day')] ?? DAY)
      : Number.POSITIVE_INFINITY;
    const since = Date.now() - window;
    const n = (c.events.get(person.uuid) ?? []).filter(
      (e) => Date.parse(e.timestamp) >= since && eventMatches(c, e, node.key, node.event_type),
    ).length;
    if (node.value === 'performed_event') hit = n > 0;
    else if (node.value === 'performed_event_multiple') hit = compare(n, node.operator ?? 'gte', node.operator_value ?? 1);
    else hit = false; // lifecycle / sequence criteria are not modelled
  }
  return node.negation ? !hit : hit;
}

function isMember(c: Counter, cohortId: number, person: Row): boolean {
  const cohort = cohorts(c.state, c.teamId).get(cohortId);
  if (!cohort || cohort.deleted || c.seen.has(cohortId)) return false;
  if (cohort.is_static) return (cohort.people ?? []).includes(person.uuid);
  c.seen.add(cohortId);
  try {
    return matchesNode(c, effectiveFilters(cohort).properties ?? {}, person);
  } finally {
    c.seen.delete(cohortId);
  }
}

/** The uuids of persons matching a cohort's criteria right now. */
function members(state: State, teamId: number, cohort: Row): string[] {
  const events = new Map<string, Row[]>();
  for (const e of eventsTable(state, teamId).all()) {
    const list = events.get(e.person_id) ?? [];
    list.push(e);
    events.set(e.person_id, list);
  }
  const c: Counter = { state, teamId, events, seen: new Set(cohort.id !== undefined ? [cohort.id] : []) };
  const root = effectiveFilters(cohort).properties ?? {};
  return personsTable(state, teamId)
    .all()
    .filter((p) => matchesNode(c, root, p))
    .map((p) => p.uuid as string);
}

function recalculate(state: State, teamId: number, cohort: Row): void {
  if (cohort.is_static) {
    if (filtersHaveValues(cohort.filters)) cohort.people = [...new Set([...(cohort.people ?? []), ...members(state, teamId, cohort)])];
    cohort.count = (cohort.people ?? []).length;
  } else {
    cohort.count = members(state, teamId, cohort).length;
  }
  cohort.is_calculating = false;
  cohort.last_calculation = nowIso();
}

// ---------------------------------------------------------------------------------------------
// Search: case-insensitive substring matches ("exact") first, then trigram-similar names

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const word of s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)) {
    const w = `  ${word} `;
    for (let i = 0; i + 3 <= w.length; i++) out.add(w.slice(i, i + 3));
  }
  return out;
}

function similarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  if (!x.size || !y.size) return 0;
  let inter = 0;
  for (const t of x) if (y.has(t)) inter++;
  return inter / (x.size + y.size - inter);
}

// ---------------------------------------------------------------------------------------------

function validateQuery(q: unknown): Row | null {
  if (!q) return null;
  if (typeof q !== 'object' || Array.isArray(q)) throw validation('Query must be a dictionary.', 'query');
  const kind = (q as Row).kind;
  if (kind !== 'ActorsQuery' && kind !== 'HogQLQuery')
    throw validation(`Query must be an ActorsQuery or HogQLQuery. Got: ${kind ?? 'None'}`, 'query');
  return q as Row;
}

function validateScalars(b: Row): void {
  for (const f of ['name', 'description']) {
    if (b[f] !== undefined && b[f] !== null && typeof b[f] !== 'string') throw validation('Not a valid string.', f, 'invalid');
  }
  if (typeof b.name === 'string' && b.name.length > 400)
    throw validation('Ensure this field has no more than 400 characters.', 'name', 'max_length');
  if (typeof b.description === 'string' && b.description.length > 1000)
    throw validation('Ensure this field has no more than 1000 characters.', 'description', 'max_length');
  for (const f of ['is_static', 'deleted']) {
    if (b[f] !== undefined && typeof b[f] !== 'boolean') throw validation('Must be a valid boolean.', f, 'invalid');
  }
}

function serialize(row: Row, ctx: Ctx): Row {
  const basic = ctx.query.get('basic');
  const out: Row = {
    id: row.id,
    name: row.name ?? null,
    description: row.description ?? '',
    groups: row.groups ?? [],
    deleted: !!row.deleted,
    filters:
      row.filters && filtersHaveValues(row.filters)
        ? row.filters
        : row.groups?.length
          ? filtersFromGroups(row.groups)
          : (row.filters ?? { properties: { type: 'OR', values: [] } }),
    query: row.query ?? null,
    version: row.version ?? null,
    pending_version: row.pending_version ?? null,
    is_calculating: !!row.is_calculating,
    created_by: row.created_by ?? null,
    created_at: row.created_at,
    last_calculation: row.last_calculation ?? null,
    last_backfill_person_properties_at: null,
    errors_calculating: row.errors_calculating ?? 0,
    last_error_message: row.last_error_message ?? null,
    count: row.count ?? null,
    is_static: !!row.is_static,
    cohort_type: row.is_static ? null : (row.cohort_type ?? null),
    experiment_set: [],
    search_match_type: row.search_match_type ?? null,
  };
  if (basic && ['true', '1', 'yes'].includes(basic.toLowerCase())) {
    delete out.filters;
    delete out.query;
    delete out.groups;
  }
  return out;
}

/** GET cohorts/: live cohorts, filtered; with a search, substring matches first, then similar names. */
function listCohorts(ctx: Ctx) {
  const q = ctx.query;
  const search = q.get('search');
  if (search !== null && search.length > MAX_SEARCH_LENGTH)
    throw validation(`Search query must be ${MAX_SEARCH_LENGTH} characters or fewer.`, 'search');
  const type = q.get('type');
  const by = q.get('created_by_id');
  const hideBehavioral = (q.get('hide_behavioral_cohorts') ?? '').toLowerCase() === 'true';
  let rows = cohorts(ctx.state, ctx.team.id)
    .all()
    .filter((c) => !c.deleted)
    .filter((c) => (type === 'static' ? c.is_static : type === 'dynamic' ? !c.is_static : true))
    .filter((c) => !by || String(c.created_by?.id) === by)
    .filter((c) => !hideBehavioral || !JSON.stringify(effectiveFilters(c)).includes('"behavioral"'));
  const newest = (a: Row, b: Row) => String(b.created_at).localeCompare(String(a.created_at)) || Number(b.id) - Number(a.id);
  const term = (search ?? '').trim().toLowerCase();
  let ranked: Row[];
  if (term) {
    const scored = rows
      .map((c) => {
        const name = String(c.name ?? '');
        if (name.toLowerCase().includes(term)) return { c, type: 'exact', score: 2 };
        const score = Math.max(similarity(term, name), ...name.split(/\s+/).map((w) => similarity(term, w)));
        return { c, type: 'similar', score };
      })
      .filter((x) => x.type === 'exact' || x.score >= 0.3)
      .sort((a, b) => b.score - a.score || newest(a.c, b.c));
    ranked = scored.map((x) => ({ ...x.c, search_match_type: x.type }));
  } else {
    ranked = rows.sort(newest);
  }
  rows = ranked;
  const page = stdList(ctx, rows);
  return { ...page, results: page.results.map((c) => serialize(c, ctx)) };
}

export const cohortsRoutes: RouteGroup = {
  register(router) {
    // Registered before softDeleteResource's own list, so this one answers GET cohorts/.
    router.get('cohorts', listCohorts, OPTS);
    softDeleteResource(router, {
      path: 'cohorts',
      table: (ctx) => cohorts(ctx.state, ctx.team.id),
      routeOptions: OPTS,
      serialize: (row, ctx) => serialize(row, ctx),
      create: (ctx) => {
        const b = ctx.body;
        if (!b || typeof b !== 'object' || Array.isArray(b))
          throw validation('Invalid data. Expected a dictionary, but got list.', 'non_field_errors', 'invalid');
        validateScalars(b);
        const isStatic = !!b.is_static;
        const filters = b.filters === undefined ? undefined : validateFilters(b.filters, isStatic);
        const query = validateQuery(b.query);
        if (query && filtersHaveValues(filters)) throw validation('Cannot set both query and filters at the same time.');
        if (query && !isStatic) throw validation('Cannot create a dynamic cohort with a query. Set is_static to true.');
        const table = cohorts(ctx.state, ctx.team.id);
        const row: Row = {
          name: b.name ?? null,
          description: b.description ?? '',
          groups: b.groups ?? [],
          filters: filters ?? null,
          query,
          is_static: isStatic,
          deleted: false,
          version: isStatic ? null : 1,
          pending_version: null,
          is_calculating: false,
          created_by: ctx.state.userBasic(ctx.user),
          created_at: nowIso(),
          errors_calculating: 0,
          count: null,
          people: [],
          cohort_type: null,
        };
        if (isStatic && Array.isArray(b._create_static_person_ids)) {
          const known = new Set(
            personsTable(ctx.state, ctx.team.id)
              .all()
              .map((p) => p.uuid),
          );
          row.people = [...new Set((b._create_static_person_ids as unknown[]).map(String).filter((u) => known.has(u)))];
        }
        const inserted = table.insert(row);
        recalculate(ctx.state, ctx.team.id, inserted);
        return inserted;
      },
      beforeDelete: (row, ctx) => refuseDeleteIfUsed(ctx.state, ctx.team.id, row),
      update: (row, ctx) => {
        const b = ctx.body;
        validateScalars(b);
        const willBeStatic = 'is_static' in b ? !!b.is_static : !!row.is_static;
        const next: Row = {};
        if ('filters' in b) next.filters = validateFilters(b.filters, willBeStatic);
        if ('query' in b) next.query = validateQuery(b.query);
        if ('groups' in b) next.groups = b.groups ?? [];
        const criteriaChanged = 'filters' in b && JSON.stringify(next.filters) !== JSON.stringify(row.filters);
        if (row.is_static && willBeStatic && criteriaChanged && (filtersHaveValues(row.filters) || filtersHaveValues(next.filters))) {
          throw validation('Editing the criteria of a static cohort is not supported yet. Create a new static cohort instead.');
        }
        // Behavioral criteria cannot target a cohort that active flags evaluate.
        if ('filters' in b && !willBeStatic && filtersHaveValues(next.filters) && activeFlagsUsing(ctx.state, ctx.team.id, row.id).length) {
          if (JSON.stringify(next.filters).includes('"behavioral"')) {
            throw validation('Behavioral filters cannot be added to cohorts used in feature flags.', 'filters', 'behavioral_cohort_found');
          }
        }
        const candidate = { ...row, ...next };
        if (createsLoop(cohorts(ctx.state, ctx.team.id), candidate)) throw validation('Cohorts cannot reference other cohorts in a loop.');
        for (const f of ['name', 'description']) if (f in b) next[f] = b[f] ?? (f === 'description' ? '' : null);
        if ('is_static' in b) next.is_static = willBeStatic;
        Object.assign(row, next);
        if ('filters' in b || 'groups' in b || 'is_static' in b) {
          if (!row.is_static) row.version = (row.version ?? 0) + 1;
          recalculate(ctx.state, ctx.team.id, row);
        }
      },
    });
  },

  seed(state: State, team: Team) {
    const table = cohorts(state, team.id);
    const ada = state.userBasic(state.users.get(1)!);
    const bob = state.users.get(2) ? state.userBasic(state.users.get(2)!) : ada;
    const or = (...ands: Row[][]) => ({ properties: { type: 'OR', values: ands.map((values) => ({ type: 'AND', values })) } });
    const person = (key: string, operator: string, value: unknown) => ({ type: 'person', key, operator, value, negation: false });
    type Def = {
      name: string;
      description: string;
      filters?: Row | ((ids: Map<string, number>) => Row);
      groups?: Row[];
      is_static?: boolean;
      count: number;
      days: number;
      by?: Row;
    };
    const production: Def[] = [
      {
        name: 'Power users',
        description: 'Uploaded at least 10 files in the last 30 days.',
        filters: or([
          {
            type: 'behavioral',
            key: 'uploaded_file',
            value: 'performed_event_multiple',
            event_type: 'events',
            operator: 'gte',
            operator_value: 10,
            time_value: 30,
            time_interval: 'day',
            negation: false,
          },
        ]),
        count: 312,
        days: 150,
      },
      {
        name: 'Paying customers',
        description: 'On the Standard or Premium plan.',
        filters: or([person('plan', 'exact', ['starter', 'pro', 'enterprise'])]),
        count: 1284,
        days: 140,
      },
      {
        name: 'Churn risk',
        description: 'Paying, but no login in the last 30 days.',
        filters: (ids) =>
          or([
            { type: 'cohort', key: 'id', value: ids.get('Paying customers'), negation: false },
            {
              type: 'behavioral',
              key: 'logged_in',
              value: 'performed_event',
              event_type: 'events',
              time_value: 30,
              time_interval: 'day',
              negation: true,
            },
          ]),
        count: 97,
        days: 120,
        by: bob,
      },
      { name: 'Beta testers', description: 'Uploaded from the beta sign-up sheet (CSV).', is_static: true, count: 48, days: 100, by: bob },
      {
        name: 'EU users',
        description: 'Located in the European Union (GeoIP).',
        filters: or([person('$geoip_continent_code', 'exact', ['EU'])]),
        count: 2210,
        days: 80,
      },
      {
        name: 'Internal team',
        description: 'Hedgebox staff and test accounts: excluded from analysis.',
        filters: or([person('email', 'icontains', '@hedgebox.net')], [person('is_test_account', 'exact', ['true'])]),
        count: 14,
        days: 60,
      },
      {
        name: 'Early adopters (legacy)',
        description: 'Signed up before the 2023 public launch.',
        groups: [{ properties: [{ key: 'signup_date', value: '2023-06-01', operator: 'is_date_before', type: 'person' }] }],
        count: 530,
        days: 400,
      },
    ];
    const staging: Def[] = [
      {
        name: 'Internal team',
        description: 'Staff accounts on staging.',
        filters: or([person('email', 'icontains', '@hedgebox.net')]),
        count: 5,
        days: 60,
      },
      { name: 'QA testers', description: 'Accounts used by the QA rota.', is_static: true, count: 3, days: 30 },
    ];
    const ids = new Map<string, number>();
    for (const d of team.id === 1 ? production : staging) {
      const at = isoDaysAgo(d.days, 9);
      const row = table.insert({
        name: d.name,
        description: d.description,
        groups: d.groups ?? [],
        filters: (typeof d.filters === 'function' ? d.filters(ids) : d.filters) ?? null,
        query: null,
        is_static: !!d.is_static,
        deleted: false,
        version: d.is_static ? null : 3,
        pending_version: null,
        is_calculating: false,
        created_by: d.by ?? ada,
        created_at: at,
        last_calculation: isoDaysAgo(0, 4),
        errors_calculating: 0,
        count: d.count,
        people: [],
        cohort_type: null,
      });
      ids.set(d.name, row.id as number);
    }
  },
};
