/**
 * Public flag evaluation: `/flags` and the legacy `/decide` on the ingestion host (same
 * origin here), project token in the body, no personal key, errors as plain text.
 *
 * Flags are evaluated from the token's project's stored `feature_flags` rows the way PostHog does:
 * - inactive → `flag_disabled`; group-aggregated flags need the group in the request (`no_group_type`);
 * - `super_groups` (early access enrolment) first, then condition groups in order (groups with a
 *   variant override first), all properties of a group must match;
 * - person properties from the request, falling back to the stored person's (plus `distinct_id`);
 *   group properties from `group_properties`, falling back to the stored group's;
 * - operators: exact / is_not (value or list), icontains / not_icontains, regex / not_regex,
 *   gt / gte / lt / lte, is_set / is_not_set, is_date_before / is_date_after / is_date_exact,
 *   semver_*, icontains_multi / not_icontains_multi; cohorts (`in` / `not_in`) from the
 *   `cohorts` table (property filters, nested AND/OR, negation, static member lists); flag
 *   dependencies (`flag_evaluates_to`);
 * - rollout by PostHog's hash: sha1(`${key}.${id}${salt}`), first 15 hex digits / 0xFFFFFFFFFFFFFFF,
 *   out of the rollout when hash > rollout/100; variants by the same hash with salt `variant`;
 * - payloads from `filters.payloads`, returned as stored: the JSON-encoded string (`"\"hello\""`,
 *   `"42"`, `"{\"a\":1}"`), as `rust/feature-flags` `get_matching_payload` does; the SDKs parse it;
 * - `flag_keys_to_evaluate` (the SDKs' name, posthog-node `evaluateFlags({flagKeys})`) or its
 *   alias `flag_keys` limits the answer to those flags.
 *
 * Response shapes follow `get_versioned_response`: `/flags` v≥2 → `{flags: {key: FlagDetails}}`;
 * `/flags` without v / v=1 and `/decide?v=3` → legacy `featureFlags` + `featureFlagPayloads`;
 * `/decide` without v / v=1 → array of enabled keys; `/decide?v=2` → enabled flags only;
 * `/decide?v≥4` → as `/flags?v=2`.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type Ctx, HttpError, r } from '../core';
import { groupsTable, personByDistinctId, eventsTable } from '../analytics';
import type { Row, State, Team } from '../state';
import { conditionGroups, featureFlags, variantsOf } from './featureFlags';
import type { RouteGroup } from './types';
import { switches } from '../switches';

const PUBLIC = { prefix: 'root' as const, auth: false, throttle: 'none' as const };
const LONG_SCALE = Number(0xfffffffffffffffn);

export type ReasonCode =
  | 'condition_match'
  | 'no_condition_match'
  | 'out_of_rollout_bound'
  | 'no_group_type'
  | 'super_condition_value'
  | 'holdout_condition_value'
  | 'flag_disabled'
  | 'missing_dependency';

const REASON_SCORE: Record<ReasonCode, number> = {
  super_condition_value: 6,
  holdout_condition_value: 5,
  condition_match: 4,
  no_group_type: 3,
  out_of_rollout_bound: 2,
  no_condition_match: 1,
  missing_dependency: 0,
  flag_disabled: 0,
};

export interface FlagMatch {
  enabled: boolean;
  variant: string | null;
  code: ReasonCode;
  conditionIndex: number | null;
  payload: unknown;
}

export interface EvalRequest {
  distinctId: string;
  personProperties?: Row;
  groups?: Record<string, string>;
  groupProperties?: Record<string, Row>;
}

/** PostHog's bucketing hash: a float in [0, 1]. */
export function flagHash(key: string, identifier: string, salt = ''): number {
  const hex = createHash('sha1').update(`${key}.${identifier}${salt}`).digest('hex').slice(0, 15);
  return Number(BigInt(`0x${hex}`)) / LONG_SCALE;
}

export function reasonDescription(code: ReasonCode, conditionIndex: number | null): string {
  switch (code) {
    case 'condition_match':
      return `Matched condition set ${(conditionIndex ?? 0) + 1}`;
    case 'no_condition_match':
      return 'No matching condition set';
    case 'out_of_rollout_bound':
      return 'Out of rollout bound';
    case 'no_group_type':
      return 'No group type';
    case 'super_condition_value':
      return 'Super condition value';
    case 'holdout_condition_value':
      return 'Holdout condition value';
    case 'flag_disabled':
      return 'Feature flag is disabled';
    case 'missing_dependency':
      return 'A flag this flag depends on is missing';
  }
}

// ---------------------------------------------------------------------------------------------
// Property matching (the Rust service's `match_property`)

function isObject(v: unknown): v is Row {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function asString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** "-7d", "-2w", "-1m", "-1y", "-12h" relative to now, or an absolute date. */
function parseDate(v: unknown): number | undefined {
  if (typeof v === 'number') return v > 1e11 ? v : v * 1000;
  if (typeof v !== 'string' || !v) return undefined;
  const rel = /^-?(\d+)([hdwmy])$/.exec(v.trim());
  if (rel) {
    const n = Number(rel[1]);
    const unit = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, m: 30 * 86_400_000, y: 365 * 86_400_000 }[
      rel[2] as 'h' | 'd' | 'w' | 'm' | 'y'
    ];
    return Date.now() - n * unit;
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

function semver(v: unknown): number[] | undefined {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(asString(v).trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : undefined;
}

function cmpSemver(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function safeRegex(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** Does one property filter match these property values? Missing values match only is_not_set. */
export function matchProperty(filter: Row, values: Row): boolean {
  const key = String(filter.key);
  const operator = (filter.operator as string | undefined) ?? 'exact';
  const expected = filter.value;
  const present = Object.prototype.hasOwnProperty.call(values, key) && values[key] !== undefined;
  if (operator === 'is_not_set') return !present || values[key] === null;
  if (operator === 'is_set') return present && values[key] !== null;
  if (!present) return false;
  const actual = values[key];
  const exact = () => {
    const a = asString(actual).toLowerCase();
    return Array.isArray(expected) ? expected.some((e) => asString(e).toLowerCase() === a) : asString(expected).toLowerCase() === a;
  };
  const list = (Array.isArray(expected) ? expected : [expected]).map((e) => asString(e).toLowerCase());
  switch (operator) {
    case 'exact':
      return exact();
    case 'is_not':
      return !exact();
    case 'icontains':
      return asString(actual).toLowerCase().includes(asString(expected).toLowerCase());
    case 'not_icontains':
      return !asString(actual).toLowerCase().includes(asString(expected).toLowerCase());
    case 'icontains_multi':
      return list.some((e) => asString(actual).toLowerCase().includes(e));
    case 'not_icontains_multi':
      return !list.some((e) => asString(actual).toLowerCase().includes(e));
    case 'regex': {
      const re = safeRegex(asString(expected));
      return !!re && re.test(asString(actual));
    }
    case 'not_regex': {
      const re = safeRegex(asString(expected));
      return !!re && !re.test(asString(actual));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const a = toNumber(actual);
      const e = toNumber(expected);
      const c = a !== undefined && e !== undefined ? a - e : asString(actual).localeCompare(asString(expected));
      return operator === 'gt' ? c > 0 : operator === 'gte' ? c >= 0 : operator === 'lt' ? c < 0 : c <= 0;
    }
    case 'is_date_before':
    case 'is_date_after':
    case 'is_date_exact': {
      const a = parseDate(actual);
      const e = parseDate(expected);
      if (a === undefined || e === undefined) return false;
      if (operator === 'is_date_exact') return new Date(a).toISOString().slice(0, 10) === new Date(e).toISOString().slice(0, 10);
      return operator === 'is_date_before' ? a < e : a > e;
    }
    default:
      if (operator.startsWith('semver_')) {
        const a = semver(actual);
        const e = semver(expected);
        if (!a || !e) return false;
        const c = cmpSemver(a, e);
        switch (operator) {
          case 'semver_gt':
            return c > 0;
          case 'semver_gte':
            return c >= 0;
          case 'semver_lt':
            return c < 0;
          case 'semver_lte':
            return c <= 0;
          case 'semver_eq':
            return c === 0;
          case 'semver_neq':
            return c !== 0;
          case 'semver_tilde':
            return a[0] === e[0] && a[1] === e[1] && a[2] >= e[2];
          case 'semver_caret':
            return a[0] === e[0] && (e[0] !== 0 ? cmpSemver(a, e) >= 0 : a[1] === e[1] && a[2] >= e[2]);
          case 'semver_wildcard': {
            const parts = asString(expected).replace(/^v/, '').split('.');
            return parts.every((p, i) => p === '*' || p === 'x' || Number(p) === a[i]);
          }
        }
      }
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

interface Evaluator {
  state: State;
  team: Team;
  request: EvalRequest;
  personProps: Row;
  flagsById: Map<string, Row>;
  flagsByKey: Map<string, Row>;
  cache: Map<string, FlagMatch>;
  visiting: Set<string>;
}

/** Group types by index: the project's types in the order they were first seen. */
export function groupTypes(state: State, teamId: number): string[] {
  const types: string[] = [];
  for (const g of groupsTable(state, teamId).all()) if (!types.includes(g.group_type)) types.push(g.group_type);
  return types;
}

function storedPersonProps(state: State, team: Team, distinctId: string): Row {
  const p = personByDistinctId(state, team.id, distinctId);
  return { ...((p?.properties as Row | undefined) ?? {}) };
}

function groupProps(ev: Evaluator, type: string): Row | undefined {
  const key = ev.request.groups?.[type];
  if (key === undefined) return undefined;
  const stored = groupsTable(ev.state, ev.team.id).find((g) => g.group_type === type && g.group_key === key);
  return { ...((stored?.properties as Row | undefined) ?? {}), ...(ev.request.groupProperties?.[type] ?? {}) };
}

function leafMatches(ev: Evaluator, leaf: Row, props: Row, depth: number): boolean {
  const negate = leaf.negation === true;
  let result: boolean;
  switch (leaf.type) {
    case 'cohort':
      result = inCohort(ev, leaf.value, depth + 1);
      if (leaf.operator === 'not_in') result = !result;
      break;
    case 'person':
    case undefined:
      result = matchProperty(leaf, props);
      break;
    default:
      result = false; // behavioral and other leaves cannot be evaluated at flag time
  }
  return negate ? !result : result;
}

function treeMatches(ev: Evaluator, node: unknown, depth: number): boolean {
  if (!isObject(node)) return false;
  if ((node.type === 'AND' || node.type === 'OR') && Array.isArray(node.values)) {
    const values = node.values as unknown[];
    if (values.length === 0) return false;
    return node.type === 'AND' ? values.every((v) => treeMatches(ev, v, depth)) : values.some((v) => treeMatches(ev, v, depth));
  }
  return leafMatches(ev, node, ev.personProps, depth);
}

/** Whether the request's person is in a cohort (dynamic by property filters, or static by members). */
function inCohort(ev: Evaluator, cohortId: unknown, depth: number): boolean {
  if (depth > 10) return false;
  const cohort = ev.state.table(ev.team.id, 'cohorts').get(String(cohortId));
  if (!cohort || cohort.deleted) return false;
  if (cohort.is_static) {
    const person = personByDistinctId(ev.state, ev.team.id, ev.request.distinctId);
    if (!person) return false;
    const members = [cohort.people, cohort.person_uuids, cohort.static_person_uuids, cohort.members].find(Array.isArray) as
      unknown[] | undefined;
    return !!members?.some((m) => m === person.uuid || m === person.id || (isObject(m) && (m.uuid === person.uuid || m.id === person.id)));
  }
  const tree = (cohort.filters as Row | undefined)?.properties;
  if (isObject(tree)) return treeMatches(ev, tree, depth);
  const groups = (Array.isArray(cohort.groups) ? cohort.groups : []) as Row[];
  return groups.some((g) => {
    if (g.action_id !== undefined || g.event_id !== undefined) return performedRecently(ev, g);
    const props = (Array.isArray(g.properties) ? g.properties : []) as Row[];
    return props.length > 0 && props.every((p) => leafMatches(ev, p, ev.personProps, depth));
  });
}

/** Legacy cohort group "performed action/event in the last N days" — best effort from the event store. */
function performedRecently(ev: Evaluator, g: Row): boolean {
  const person = personByDistinctId(ev.state, ev.team.id, ev.request.distinctId);
  if (!person || typeof g.event_id !== 'string') return false;
  const since = Date.now() - Number(g.days ?? 30) * 86_400_000;
  const ids = new Set(person.distinct_ids as string[]);
  return eventsTable(ev.state, ev.team.id)
    .all()
    .some((e) => e.event === g.event_id && ids.has(e.distinct_id) && Date.parse(e.timestamp) >= since);
}

function dependencyMatches(ev: Evaluator, prop: Row): boolean {
  const dep = ev.flagsById.get(String(prop.key)) ?? ev.flagsByKey.get(String(prop.key));
  if (!dep) return false;
  const m = evaluate(ev, dep);
  const want = prop.value;
  if (want === true || want === 'true') return m.enabled;
  if (want === false || want === 'false') return !m.enabled;
  return m.enabled && m.variant === want;
}

function conditionPropertiesMatch(ev: Evaluator, condition: Row, props: Row): boolean {
  const properties = (Array.isArray(condition.properties) ? condition.properties : []) as Row[];
  return properties.every((p) => {
    if (p.type === 'flag') return dependencyMatches(ev, p);
    if (p.type === 'group') {
      const type = groupTypes(ev.state, ev.team.id)[Number(p.group_type_index)];
      const gp = type !== undefined ? groupProps(ev, type) : undefined;
      return gp ? matchProperty(p, gp) : false;
    }
    return leafMatches(ev, p, props, 0);
  });
}

/** The stored payload, not parsed (PostHog answers the JSON-encoded string it stored). */
function storedPayload(raw: unknown): unknown {
  return raw === undefined ? null : raw;
}

function matchingVariant(flag: Row, identifier: string): string | null {
  const h = flagHash(flag.key, identifier, 'variant');
  let min = 0;
  for (const v of variantsOf(flag.filters)) {
    const max = min + Number(v.rollout_percentage) / 100;
    if (h >= min && h < max) return v.key as string;
    min = max;
  }
  return null;
}

function evaluate(ev: Evaluator, flag: Row): FlagMatch {
  const cacheKey = String(flag.id);
  const cached = ev.cache.get(cacheKey);
  if (cached) return cached;
  if (ev.visiting.has(cacheKey)) return { enabled: false, variant: null, code: 'missing_dependency', conditionIndex: null, payload: null };
  ev.visiting.add(cacheKey);
  const result = evaluateUncached(ev, flag);
  ev.visiting.delete(cacheKey);
  ev.cache.set(cacheKey, result);
  return result;
}

function evaluateUncached(ev: Evaluator, flag: Row): FlagMatch {
  const off = (code: ReasonCode, conditionIndex: number | null = null): FlagMatch => ({
    enabled: false,
    variant: null,
    code,
    conditionIndex,
    payload: null,
  });
  if (flag.active === false) return off('flag_disabled');
  const filters = (flag.filters ?? {}) as Row;
  let identifier = ev.request.distinctId;
  let props = ev.personProps;
  const aggregation = filters.aggregation_group_type_index;
  if (aggregation !== undefined && aggregation !== null) {
    const type = groupTypes(ev.state, ev.team.id)[Number(aggregation)];
    const key = type !== undefined ? ev.request.groups?.[type] : undefined;
    if (type === undefined || key === undefined) return off('no_group_type');
    identifier = String(key);
    props = groupProps(ev, type) ?? {};
  }
  const payloads = (filters.payloads ?? {}) as Row;
  const matched = (variant: string | null, code: ReasonCode, conditionIndex: number): FlagMatch => ({
    enabled: true,
    variant,
    code,
    conditionIndex,
    payload: storedPayload(payloads[variant ?? 'true']),
  });

  const inRollout = (condition: Row) => {
    const rollout = condition.rollout_percentage;
    return rollout === undefined || rollout === null || flagHash(flag.key, identifier) <= Number(rollout) / 100;
  };
  const variantKeys = new Set(variantsOf(filters).map((v) => v.key));
  const variantFor = (condition: Row) =>
    condition.variant && variantKeys.has(condition.variant)
      ? (condition.variant as string)
      : variantKeys.size
        ? matchingVariant(flag, identifier)
        : null;

  // Early-access enrolment: when the person has the enrolment property set, it decides alone.
  const superGroups = (Array.isArray(filters.super_groups) ? filters.super_groups : []) as Row[];
  const superKey = (superGroups[0]?.properties as Row[] | undefined)?.[0]?.key;
  if (superKey !== undefined && Object.prototype.hasOwnProperty.call(props, superKey)) {
    const ok = conditionPropertiesMatch(ev, superGroups[0], props) && inRollout(superGroups[0]);
    return ok ? matched(variantFor(superGroups[0]), 'super_condition_value', 0) : off('super_condition_value', 0);
  }

  const groups = conditionGroups(filters);
  if (groups.length === 0) return off('no_condition_match');
  const ordered = groups.map((g, i) => [g, i] as const).sort((a, b) => Number(!a[0].variant) - Number(!b[0].variant));
  let best: ReasonCode = 'no_condition_match';
  let bestIndex = 0;
  for (const [condition, index] of ordered) {
    let code: ReasonCode;
    if (!conditionPropertiesMatch(ev, condition, props)) code = 'no_condition_match';
    else if (!inRollout(condition)) code = 'out_of_rollout_bound';
    else return matched(variantFor(condition), 'condition_match', index);
    if (REASON_SCORE[code] > REASON_SCORE[best]) {
      best = code;
      bestIndex = index;
    }
  }
  return off(best, bestIndex);
}

/** Evaluates every (or the named) non-deleted flag of the project for one request. */
export function evaluateFlags(state: State, team: Team, request: EvalRequest, flagKeys?: string[]): Array<{ flag: Row; match: FlagMatch }> {
  const flags = featureFlags(state, team.id)
    .all()
    .filter((f) => !f.deleted);
  const ev: Evaluator = {
    state,
    team,
    request,
    personProps: {
      distinct_id: request.distinctId,
      ...storedPersonProps(state, team, request.distinctId),
      ...(request.personProperties ?? {}),
    },
    flagsById: new Map(flags.map((f) => [String(f.id), f])),
    flagsByKey: new Map(flags.map((f) => [String(f.key), f])),
    cache: new Map(),
    visiting: new Set(),
  };
  const wanted = flagKeys && flagKeys.length ? new Set(flagKeys) : undefined;
  return flags.filter((f) => !wanted || wanted.has(f.key)).map((flag) => ({ flag, match: evaluate(ev, flag) }));
}

// ---------------------------------------------------------------------------------------------
// HTTP

const text = (status: number, message: string) => new HttpError(status, message);

function parseRequest(ctx: Ctx): { team: Team; request: EvalRequest; flagKeys?: string[]; disabled: boolean } {
  const body: Row = isObject(ctx.body) ? ctx.body : {};
  if (ctx.body !== undefined && !isObject(ctx.body)) throw text(400, 'Failed to parse request: the body must be a JSON object.');
  const q = ctx.query;
  const token = [body.token, body.api_key, body.$token, q.get('token'), q.get('api_key')].find((t) => typeof t === 'string' && t !== '') as
    string | undefined;
  if (!token) throw text(401, 'No API token provided. Please include a valid API token in your request.');
  const team = ctx.state.teamByToken(token);
  if (!team) throw text(401, 'The provided API key is invalid or has expired. Please check your API key and try again.');
  const rawId = body.distinct_id ?? body.$distinct_id ?? q.get('distinct_id') ?? undefined;
  const distinctId = typeof rawId === 'number' ? String(rawId) : typeof rawId === 'string' ? rawId : undefined;
  if (!distinctId || distinctId.trim() === '')
    throw text(400, 'The distinct_id field is missing from the request. Please include a valid identifier.');
  const personProperties = body.person_properties ?? body.$properties;
  const groups = body.groups ?? body.$groups;
  const groupProperties = body.group_properties ?? body.$group_properties;
  if (personProperties !== undefined && !isObject(personProperties))
    throw text(400, 'Failed to parse request: person_properties must be an object.');
  if (groups !== undefined && !isObject(groups)) throw text(400, 'Failed to parse request: groups must be an object.');
  const stringGroups = groups ? Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, String(v)])) : undefined;
  return {
    team,
    request: {
      distinctId: distinctId.slice(0, 200),
      personProperties,
      groups: stringGroups,
      groupProperties: isObject(groupProperties) ? (groupProperties as Record<string, Row>) : undefined,
    },
    flagKeys: flagKeysOf(body),
    disabled: body.disable_flags === true,
  };
}

/** `flag_keys_to_evaluate`, aliased `flag_keys` in the Rust flag request. */
function flagKeysOf(body: Row): string[] | undefined {
  const keys: unknown = body.flag_keys_to_evaluate ?? body.flag_keys;
  return Array.isArray(keys) ? keys.map(String) : undefined;
}

function versionOf(ctx: Ctx): number {
  const raw = ctx.query.get('v');
  const v = raw === null ? NaN : Number(raw);
  return Number.isFinite(v) ? v : 1;
}

function flagDetails(flag: Row, m: FlagMatch) {
  return {
    key: flag.key,
    enabled: m.enabled,
    variant: m.variant,
    reason: { code: m.code, condition_index: m.conditionIndex, description: reasonDescription(m.code, m.conditionIndex) },
    metadata: { id: flag.id, version: flag.version ?? 1, description: null, payload: m.enabled ? m.payload : null },
  };
}

function answer(ctx: Ctx, endpoint: 'flags' | 'decide') {
  if (endpoint === 'flags' && switches(ctx.state).flagsEndpointMissing) throw new HttpError(404, 'Not Found');
  const { team, request, flagKeys, disabled } = parseRequest(ctx);
  const results = disabled ? [] : evaluateFlags(ctx.state, team, request, flagKeys);
  const v = versionOf(ctx);
  const meta = { requestId: randomUUID(), evaluatedAt: Date.now() };
  const value = (m: FlagMatch) => (m.enabled ? (m.variant ?? true) : false);
  const detailed = () => ({
    errorsWhileComputingFlags: false,
    flags: Object.fromEntries(results.map(({ flag, match }) => [flag.key, flagDetails(flag, match)])),
    ...meta,
  });
  const legacy = () => ({
    errorsWhileComputingFlags: false,
    featureFlags: Object.fromEntries(results.map(({ flag, match }) => [flag.key, value(match)])),
    featureFlagPayloads: Object.fromEntries(
      results.filter(({ match }) => match.enabled && match.payload !== null).map(({ flag, match }) => [flag.key, match.payload]),
    ),
    ...meta,
  });
  if (endpoint === 'flags') return r(200, v >= 2 ? detailed() : legacy());
  if (v >= 4) return r(200, detailed());
  if (v === 3) return r(200, legacy());
  const enabled = results.filter(({ match }) => match.enabled);
  if (v === 2) return r(200, { featureFlags: Object.fromEntries(enabled.map(({ flag, match }) => [flag.key, value(match)])), ...meta });
  return r(200, { featureFlags: enabled.map(({ flag }) => flag.key), ...meta });
}

export const flagEvaluationRoutes: RouteGroup = {
  register(router) {
    for (const method of ['GET', 'POST']) {
      router.add(method, '/flags', (ctx) => answer(ctx, 'flags'), PUBLIC);
      router.add(method, '/decide', (ctx) => answer(ctx, 'decide'), PUBLIC);
    }
  },
};
