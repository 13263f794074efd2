/**
 * Experiments: project-only, scope `experiment`.
 *
 * - list: std envelope, newest first, non-deleted and (by default) non-archived; `status`
 *   (draft|running|paused|stopped|complete|all), `archived`, `feature_flag_id`, `search`.
 * - create: `name` + `feature_flag_key`; an existing flag is reused as-is when it is multivariate
 *   with `control` first (flag config sent with it is a 400, see ./experimentRules.ts), otherwise a
 *   flag is created in 'feature_flags' (control/test 50/50 unless `parameters.feature_flag_variants`
 *   says otherwise). New experiments are drafts. `minimum_detectable_effect` and the other
 *   running-time keys live in `running_time_calculation` (moved there from legacy `parameters`).
 * - list rows are `ExperimentBasicSerializer`'s: no `metrics` / `metrics_secondary` / filters.
 * - retrieve / PATCH / PUT: deleted experiments are 404 (a PATCH `{deleted: false}` restores).
 *   Setting `start_date` on a draft launches it (its flag becomes active).
 * - DELETE: 405 with an empty body (soft delete is `PATCH {deleted: true}`).
 * - GET requires_flag_implementation/: `{"result": bool}` computed from stored events.
 */
import { type Ctx, HttpError, forbidDestroy, notFound, r, type Router, required, validation } from '../core';
import { stdList } from '../crud';
import { eventsTable, ingestEvent, personsTable } from '../analytics';
import { isoDaysAgo, nowIso, type Row, type State, type Team } from '../state';
import type { RouteGroup } from './types';
import { basicExperiment, checkRunningTime, refuseConfigForExistingFlag, splitRunningTime } from './experimentRules';

const OPTS = { prefix: 'project' as const, scope: 'experiment' };

export const experimentsTable = (state: State, teamId: number) => state.table(teamId, 'experiments');
const flagsTable = (state: State, teamId: number) => state.table(teamId, 'feature_flags');

const DEFAULT_VARIANTS = [
  { key: 'control', name: 'Control Group', rollout_percentage: 50 },
  { key: 'test', name: 'Test Variant', rollout_percentage: 50 },
];
const FLAG_KEY_RE = /^[a-zA-Z0-9_-]+$/;
const DATETIME_FORMAT_ERROR =
  'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].';

// ---------------------------------------------------------------------------------------------
// Status

export function experimentStatus(exp: Row, flag: Row | undefined): 'draft' | 'running' | 'paused' | 'stopped' {
  if (!exp.start_date) return 'draft';
  if (exp.end_date) return 'stopped';
  return flag && flag.active === false ? 'paused' : 'running';
}

// ---------------------------------------------------------------------------------------------
// Serialization

function minimalFlag(flag: Row | undefined, teamId: number): Row | null {
  if (!flag) return null;
  return {
    id: flag.id,
    team_id: teamId,
    name: flag.name ?? '',
    key: flag.key,
    filters: flag.filters ?? {},
    deleted: !!flag.deleted,
    active: !!flag.active,
    ensure_experience_continuity: !!flag.ensure_experience_continuity,
    has_encrypted_payloads: !!flag.has_encrypted_payloads,
    version: flag.version ?? 1,
    evaluation_runtime: flag.evaluation_runtime ?? 'all',
    bucketing_identifier: flag.bucketing_identifier ?? 'distinct_id',
    evaluation_contexts: flag.evaluation_contexts ?? [],
  };
}

/** `parameters` as PostHog shows it: each variant gains `split_percent` (= rollout_percentage). */
function parametersView(parameters: unknown): unknown {
  if (!parameters || typeof parameters !== 'object') return parameters ?? null;
  const p = structuredClone(parameters) as Row;
  if (Array.isArray(p.feature_flag_variants)) {
    for (const v of p.feature_flag_variants as Row[]) {
      if (v && typeof v === 'object' && 'rollout_percentage' in v) v.split_percent = v.rollout_percentage;
    }
  }
  return p;
}

function serialize(row: Row, ctx: Ctx): Row {
  const flag = row.feature_flag_id !== undefined ? flagsTable(ctx.state, ctx.team.id).get(row.feature_flag_id) : undefined;
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? '',
    start_date: row.start_date ?? null,
    end_date: row.end_date ?? null,
    feature_flag_key: flag?.key ?? row.feature_flag_key,
    feature_flag: minimalFlag(flag, ctx.team.id),
    holdout: null,
    holdout_id: null,
    exposure_cohort: null,
    parameters: parametersView(splitRunningTime(row.parameters ?? null).parameters),
    running_time_calculation: splitRunningTime(row.parameters ?? null, row.running_time_calculation).runningTime,
    excluded_variants: row.excluded_variants ?? [],
    secondary_metrics: row.secondary_metrics ?? [],
    saved_metrics: [],
    saved_metrics_ids: [],
    filters: row.filters ?? {},
    archived: !!row.archived,
    deleted: !!row.deleted,
    created_by: row.created_by ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at ?? row.created_at,
    type: row.type ?? 'product',
    exposure_criteria: row.exposure_criteria ?? null,
    metrics: row.metrics ?? [],
    metrics_secondary: row.metrics_secondary ?? [],
    stats_config: row.stats_config ?? { method: 'bayesian' },
    scheduling_config: row.scheduling_config ?? null,
    conclusion: row.conclusion ?? null,
    conclusion_comment: row.conclusion_comment ?? null,
    primary_metrics_ordered_uuids: (row.metrics ?? []).map((m: Row) => m.uuid).filter(Boolean),
    secondary_metrics_ordered_uuids: (row.metrics_secondary ?? []).map((m: Row) => m.uuid).filter(Boolean),
    only_count_matured_users: !!row.only_count_matured_users,
    status: experimentStatus(row, flag),
    is_legacy: false,
    user_access_level: 'editor',
  };
}

// ---------------------------------------------------------------------------------------------
// Validation (ExperimentSerializer field validators, ExperimentService, FeatureFlagSerializer)

function checkString(body: Row, field: string, opts: { required?: boolean; max: number; allowBlank?: boolean; allowNull?: boolean }): void {
  if (!(field in body) || body[field] === undefined) {
    if (opts.required) throw required(field);
    return;
  }
  const v = body[field];
  if (v === null) {
    if (opts.allowNull) return;
    throw validation('This field may not be null.', field, 'null');
  }
  if (typeof v !== 'string' && typeof v !== 'number') throw validation('Not a valid string.', field, 'invalid');
  const s = String(v);
  if (!s.trim() && !opts.allowBlank) throw validation('This field may not be blank.', field, 'blank');
  if (s.length > opts.max) throw validation(`Ensure this field has no more than ${opts.max} characters.`, field, 'max_length');
}

function parseDate(body: Row, field: string): string | null | undefined {
  if (!(field in body)) return undefined;
  const v = body[field];
  if (v === null || v === '') return null;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v.trim())) {
    throw validation(DATETIME_FORMAT_ERROR, field, 'invalid_input');
  }
  const t = Date.parse(v.trim().replace(' ', 'T'));
  if (!Number.isFinite(t)) throw validation(DATETIME_FORMAT_ERROR, field, 'invalid_input');
  return new Date(t).toISOString();
}

/**
 * ExperimentParametersField.to_internal_value + validate_parameters: normalises a 'Control' key,
 * moves `split_percent` into `rollout_percentage`, checks shapes, count and the control variant.
 */
function normalizeParameters(raw: unknown): Row | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'object' || Array.isArray(raw)) throw validation('Value must be valid JSON.', 'parameters', 'invalid_input');
  const p = structuredClone(raw) as Row;
  if (!('feature_flag_variants' in p)) return p;
  const variants = p.feature_flag_variants;
  if (variants === null || variants === undefined) return p;
  if (!Array.isArray(variants)) throw validation('feature_flag_variants must be a list', 'parameters');
  const keys = new Set(variants.filter((v) => v && typeof v === 'object').map((v: Row) => v.key));
  if (!keys.has('control')) {
    const cased = variants.find((v: Row) => v && typeof v === 'object' && typeof v.key === 'string' && v.key.toLowerCase() === 'control');
    if (cased) cased.key = 'control';
  }
  variants.forEach((v: unknown, i: number) => {
    if (!v || typeof v !== 'object' || Array.isArray(v))
      throw validation(`Feature flag variant at index ${i} must be an object`, 'parameters');
    const o = v as Row;
    if (!('key' in o)) throw validation(`Feature flag variant at index ${i} must have a 'key' field`, 'parameters');
    if ('split_percent' in o) {
      o.rollout_percentage = o.split_percent;
      delete o.split_percent;
    }
    if (!('rollout_percentage' in o)) {
      throw validation('Each variant must include split_percent (recommended) or rollout_percentage (deprecated).', 'parameters');
    }
  });
  if (variants.length >= 21) throw validation('Feature flag variants must be less than 21', 'parameters');
  if (variants.length > 0) {
    if (variants.length < 2)
      throw validation('Feature flag must have at least 2 variants (control and at least one test variant)', 'parameters');
    if (!variants.some((v: Row) => v.key === 'control'))
      throw validation('Feature flag variants must contain a control variant', 'parameters');
  }
  if (p.rollout_percentage !== undefined && p.rollout_percentage !== null) {
    const n = p.rollout_percentage;
    if (typeof n !== 'number' || n < 0 || n > 100) throw validation('rollout_percentage must be between 0 and 100', 'parameters');
  }
  return p;
}

/** FeatureFlagSerializer's checks on a multivariate definition. */
function validateFlagVariants(variants: Row[]): void {
  for (const v of variants) {
    const pct = v.rollout_percentage;
    if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 100) {
      throw validation('Invalid variant definitions: Variant rollout percentages must be between 0 and 100.', 'filters');
    }
    if (typeof v.key !== 'string' || !v.key)
      throw validation('Invalid variant definitions: Variant keys must be non-empty strings.', 'filters');
  }
  const sum = variants.reduce((acc, v) => acc + Number(v.rollout_percentage), 0);
  if (Math.abs(sum - 100) > 1e-9) throw validation('Invalid variant definitions: Variant rollout percentages must sum to 100.', 'filters');
}

function flagVariants(parameters: Row | null): Row[] {
  const given = parameters?.feature_flag_variants;
  if (!Array.isArray(given) || given.length === 0) return structuredClone(DEFAULT_VARIANTS);
  return given.map((v: Row) => ({ key: v.key, ...(v.name ? { name: v.name } : {}), rollout_percentage: v.rollout_percentage }));
}

/** `validate_existing_feature_flag_for_experiment`. */
function checkExistingFlag(flag: Row): void {
  const variants = ((flag.filters ?? {}).multivariate?.variants ?? []) as Row[];
  if (variants.length > 1) {
    if (variants[0]?.key !== 'control') throw validation('Feature flag must have control as the first variant.');
    return;
  }
  throw validation('Feature flag is not eligible for experiments.');
}

/** A feature flag row like the flags group stores (`creation_context: experiments`). */
export function insertExperimentFlag(
  state: State,
  teamId: number,
  f: { key: string; name: string; variants: Row[]; rolloutPercentage?: number; active: boolean; createdBy: unknown; createdAt: string },
): Row {
  return flagsTable(state, teamId).insert({
    key: f.key,
    name: f.name,
    filters: {
      groups: [{ properties: [], rollout_percentage: f.rolloutPercentage ?? 100, variant: null }],
      multivariate: { variants: f.variants },
      aggregation_group_type_index: null,
      holdout_groups: null,
      payloads: {},
    },
    active: f.active,
    deleted: false,
    created_by: f.createdBy,
    created_at: f.createdAt,
    updated_at: f.createdAt,
    last_modified_by: f.createdBy,
    version: 1,
    tags: [],
    ensure_experience_continuity: false,
    has_encrypted_payloads: false,
    is_remote_configuration: false,
    evaluation_runtime: 'all',
    bucketing_identifier: 'distinct_id',
    evaluation_contexts: [],
    creation_context: 'experiments',
    last_called_at: null,
  });
}

const CONCLUSIONS = ['won', 'lost', 'inconclusive', 'stopped_early', 'invalid'];

function checkCommonFields(b: Row): void {
  checkString(b, 'description', { max: 3000, allowBlank: true, allowNull: true });
  if ('archived' in b && typeof b.archived !== 'boolean') throw validation('Must be a valid boolean.', 'archived', 'invalid_input');
  if ('deleted' in b && typeof b.deleted !== 'boolean') throw validation('Must be a valid boolean.', 'deleted', 'invalid_input');
  if ('conclusion' in b && b.conclusion !== null && !CONCLUSIONS.includes(b.conclusion)) {
    throw validation(`"${String(b.conclusion)}" is not a valid choice.`, 'conclusion', 'invalid_choice');
  }
  if ('type' in b && b.type !== null && b.type !== 'web' && b.type !== 'product') {
    throw validation(`"${String(b.type)}" is not a valid choice.`, 'type', 'invalid_choice');
  }
  for (const f of ['metrics', 'metrics_secondary']) {
    if (f in b && b[f] !== null) {
      if (!Array.isArray(b[f])) throw validation('Metrics must be a list', f);
      (b[f] as unknown[]).forEach((m, i) => {
        if (!m || typeof m !== 'object') throw validation(`Invalid metric at index ${i}: must be a dict`, f);
        if ((m as Row).kind !== 'ExperimentMetric')
          throw validation(`Invalid metric at index ${i}: metric kind must be 'ExperimentMetric'`, f);
      });
    }
  }
}

function checkDateOrder(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && start >= end) throw validation('End date must be after start date');
}

// ---------------------------------------------------------------------------------------------
// Handlers

function visible(ctx: Ctx, id: string, includeDeleted = false): Row {
  if (!/^\d+$/.test(id)) throw notFound();
  const row = experimentsTable(ctx.state, ctx.team.id).get(Number(id));
  if (!row || (row.deleted && !includeDeleted)) throw notFound();
  return row;
}

function list(ctx: Ctx) {
  const flags = flagsTable(ctx.state, ctx.team.id);
  let rows = experimentsTable(ctx.state, ctx.team.id)
    .all()
    .filter((e) => !e.deleted);
  const status = (ctx.query.get('status') ?? '').toLowerCase();
  const wanted = status === 'complete' ? 'stopped' : status;
  if (['draft', 'running', 'paused', 'stopped'].includes(wanted)) {
    rows = rows.filter((e) => experimentStatus(e, flags.get(e.feature_flag_id)) === wanted);
  }
  const archived = ctx.query.get('archived');
  rows = rows.filter((e) => !!e.archived === (archived !== null && archived.toLowerCase() === 'true'));
  const flagId = ctx.query.get('feature_flag_id');
  if (flagId) {
    if (!/^-?\d+$/.test(flagId)) throw validation('feature_flag_id must be an integer');
    rows = rows.filter((e) => Number(e.feature_flag_id) === Number(flagId));
  }
  const search = ctx.query.get('search');
  if (search) rows = rows.filter((e) => String(e.name).toLowerCase().includes(search.toLowerCase()));
  rows.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)) || Number(b.id) - Number(a.id));
  const page = stdList(ctx, rows);
  return { ...page, results: page.results.map((e) => basicExperiment(serialize(e, ctx))) };
}

function create(ctx: Ctx) {
  const b = ctx.body;
  if (!b || typeof b !== 'object' || Array.isArray(b))
    throw validation('Invalid data. Expected a dictionary, but got list.', 'non_field_errors', 'invalid_input');
  checkString(b, 'name', { required: true, max: 400 });
  checkString(b, 'feature_flag_key', { required: true, max: 400 });
  checkCommonFields(b);
  checkRunningTime(b);
  const flagKey = String(b.feature_flag_key);
  refuseConfigForExistingFlag(b, flagKey, flagsTable(ctx.state, ctx.team.id).find((f) => f.key === flagKey) !== undefined);
  const split = splitRunningTime(normalizeParameters(b.parameters), b.running_time_calculation);
  const parameters = split.parameters;
  const start = parseDate(b, 'start_date');
  const end = parseDate(b, 'end_date');
  checkDateOrder(start, end);

  const key = String(b.feature_flag_key);
  const flags = flagsTable(ctx.state, ctx.team.id);
  const existing = flags.find((f) => f.key === key && !f.deleted);
  const isDraft = !start;
  const createdBy = ctx.state.userBasic(ctx.user);
  const now = nowIso();
  let flag: Row;
  if (existing) {
    checkExistingFlag(existing);
    flag = existing;
  } else {
    if (!FLAG_KEY_RE.test(key)) throw validation('Only letters, numbers, hyphens (-) & underscores (_) are allowed.', 'key', 'invalid_key');
    const variants = flagVariants(parameters);
    validateFlagVariants(variants);
    flag = insertExperimentFlag(ctx.state, ctx.team.id, {
      key,
      name: `Feature Flag for Experiment ${String(b.name)}`,
      variants,
      rolloutPercentage: typeof parameters?.rollout_percentage === 'number' ? parameters.rollout_percentage : undefined,
      active: !isDraft,
      createdBy,
      createdAt: now,
    });
  }
  const row = experimentsTable(ctx.state, ctx.team.id).insert({
    name: String(b.name),
    description: b.description ?? '',
    start_date: start ?? null,
    end_date: end ?? null,
    feature_flag_id: flag.id,
    parameters,
    running_time_calculation: split.runningTime,
    secondary_metrics: b.secondary_metrics ?? [],
    filters: b.filters ?? {},
    archived: b.archived ?? false,
    deleted: b.deleted ?? false,
    created_by: createdBy,
    created_at: now,
    updated_at: now,
    type: b.type ?? 'product',
    exposure_criteria: b.exposure_criteria ?? null,
    metrics: b.metrics ?? [],
    metrics_secondary: b.metrics_secondary ?? [],
    stats_config: { method: 'bayesian', ...(b.stats_config ?? {}) },
    conclusion: b.conclusion ?? null,
    conclusion_comment: b.conclusion_comment ?? null,
  });
  return r(201, serialize(row, ctx));
}

const UPDATABLE = [
  'name',
  'running_time_calculation',
  'description',
  'start_date',
  'end_date',
  'filters',
  'parameters',
  'archived',
  'deleted',
  'secondary_metrics',
  'exposure_criteria',
  'metrics',
  'metrics_secondary',
  'stats_config',
  'conclusion',
  'conclusion_comment',
  'type',
  'scheduling_config',
  'only_count_matured_users',
];

function update(ctx: Ctx) {
  const b = ctx.body;
  if (!b || typeof b !== 'object' || Array.isArray(b))
    throw validation('Invalid data. Expected a dictionary, but got list.', 'non_field_errors', 'invalid_input');
  // A PATCH that restores (`deleted: false`) can see deleted rows; nothing else can.
  const row = visible(ctx, ctx.params.id, b.deleted === false);
  checkString(b, 'name', { max: 400 });
  checkCommonFields(b);
  checkRunningTime(b);
  const split = 'parameters' in b ? splitRunningTime(normalizeParameters(b.parameters)) : undefined;
  const parameters = split?.parameters;
  if (split?.runningTime) row.running_time_calculation = { ...(row.running_time_calculation ?? {}), ...split.runningTime };
  const start = parseDate(b, 'start_date');
  const end = parseDate(b, 'end_date');
  checkDateOrder(start, end);

  const flags = flagsTable(ctx.state, ctx.team.id);
  const flag = flags.get(row.feature_flag_id);
  if ('feature_flag_key' in b && b.feature_flag_key !== flag?.key)
    throw validation("Can't update keys: get_feature_flag_key on Experiment");

  const isDraft = !row.start_date;
  const newVariants = parameters?.feature_flag_variants as Row[] | undefined;
  if (!isDraft && Array.isArray(newVariants) && flag) {
    const current = ((flag.filters ?? {}).multivariate?.variants ?? []) as Row[];
    const same = newVariants.length === current.length && newVariants.every((v) => current.filter((c) => c.key === v.key).length === 1);
    if (!same) throw validation("Can't update feature_flag_variants on Experiment");
  }
  if (isDraft && parameters && flag) {
    // Drafts keep their flag in step with the variants.
    const variants = flagVariants(parameters);
    validateFlagVariants(variants);
    flag.filters = { ...(flag.filters ?? {}), multivariate: { variants } };
    flag.version = (flag.version ?? 1) + 1;
    flag.updated_at = nowIso();
  }

  for (const f of UPDATABLE) {
    if (!(f in b)) continue;
    if (f === 'parameters') row.parameters = parameters;
    else if (f === 'start_date') row.start_date = start;
    else if (f === 'end_date') row.end_date = end;
    else row[f] = b[f];
  }
  if (isDraft && row.start_date && flag && !flag.active) {
    flag.active = true; // launching a draft turns its flag on
    flag.updated_at = nowIso();
  }
  row.updated_at = nowIso();
  return serialize(row, ctx);
}

// ---------------------------------------------------------------------------------------------
// requires_flag_implementation

function parseEntities(ctx: Ctx, name: string): Row[] {
  const raw = ctx.query.get(name);
  if (raw === null || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw validation(`Could not parse ${name}: it must be a JSON-encoded list of entities.`, name);
  }
  if (!Array.isArray(parsed)) throw validation(`Could not parse ${name}: it must be a JSON-encoded list of entities.`, name);
  return parsed.map((e) => (typeof e === 'string' || typeof e === 'number' ? { id: e } : (e as Row)));
}

/**
 * `requires_flag_warning`: for the events named by `events` / `actions`, samples up to `limit`
 * (default 20) of each seen since the start of the day 7 days ago; true when none of the samples
 * carries a `$feature/...` property. Nothing to check → false.
 */
function requiresFlag(ctx: Ctx) {
  const names = new Set<string>();
  for (const e of parseEntities(ctx, 'events')) if (e.id !== undefined && e.id !== null) names.add(String(e.id));
  const actions = ctx.state.table(ctx.team.id, 'actions');
  for (const a of parseEntities(ctx, 'actions')) {
    const action = actions.get(a.id);
    if (!action) throw notFound();
    for (const step of (action.steps ?? []) as Row[]) if (step.event) names.add(String(step.event));
  }
  if (names.size === 0) return { result: false };
  const limitRaw = Number(ctx.query.get('limit') ?? '');
  const limit = Number.isInteger(limitRaw) && limitRaw > 0 ? limitRaw : 20;
  const from = new Date(Date.now() - 7 * 86_400_000);
  from.setUTCHours(0, 0, 0, 0);
  const since = from.toISOString();
  const byEvent = new Map<string, Row[]>();
  for (const ev of eventsTable(ctx.state, ctx.team.id).all()) {
    if (!names.has(ev.event) || String(ev.timestamp) < since) continue;
    const bucket = byEvent.get(ev.event) ?? [];
    bucket.push(ev);
    byEvent.set(ev.event, bucket);
  }
  for (const bucket of byEvent.values()) {
    bucket.sort((a, b) => String(b.timestamp).localeCompare(String(a.timestamp)));
    for (const ev of bucket.slice(0, limit)) {
      if (Object.keys((ev.properties ?? {}) as Row).some((k) => k.startsWith('$feature/'))) return { result: false };
    }
  }
  return { result: true };
}

// ---------------------------------------------------------------------------------------------

export const experimentsRoutes: RouteGroup = {
  register(router: Router) {
    // Before `experiments/:id`, which would otherwise match it.
    router.get('experiments/requires_flag_implementation', requiresFlag, OPTS);
    router.get('experiments', list, OPTS);
    router.post('experiments', create, OPTS);
    router.get('experiments/:id', (ctx) => serialize(visible(ctx, ctx.params.id), ctx), OPTS);
    router.patch('experiments/:id', update, OPTS);
    router.put('experiments/:id', update, OPTS);
    // ForbidDestroyModel: 405 with an empty body, before any lookup.
    router.delete(
      'experiments/:id',
      () => {
        throw forbidDestroy();
      },
      OPTS,
    );
  },

  seed(state: State, team: Team) {
    const ada = state.userBasic(state.users.get(1)!);
    const bob = state.userBasic(state.users.get(2)!);
    const flags = flagsTable(state, team.id);
    const table = experimentsTable(state, team.id);

    /** The seeded flag with this key when it is eligible, else a flag created for the experiment. */
    const flagFor = (key: string, name: string, variants: Row[], active: boolean, daysAgo: number): Row => {
      const found = flags.find((f) => f.key === key && !f.deleted);
      if (found) {
        try {
          checkExistingFlag(found);
          return found;
        } catch (e) {
          if (!(e instanceof HttpError)) throw e;
          key = `${key}-experiment`; // the flags group's flag is not multivariate with control first
        }
      }
      return insertExperimentFlag(state, team.id, {
        key,
        name: `Feature Flag for Experiment ${name}`,
        variants,
        active,
        createdBy: ada,
        createdAt: isoDaysAgo(daysAgo, 9),
      });
    };
    const variants = (split: number[], names = ['control', 'test']) =>
      split.map((pct, i) => ({
        key: names[i],
        name: i === 0 ? 'Control Group' : `Test Variant${split.length > 2 ? ` ${i}` : ''}`,
        rollout_percentage: pct,
      }));
    const mean = (name: string, event: string) => ({
      kind: 'ExperimentMetric',
      metric_type: 'mean',
      name,
      uuid: uuidFor(team.id, name),
      source: { kind: 'EventsNode', event },
    });
    const funnel = (name: string, events: string[]) => ({
      kind: 'ExperimentMetric',
      metric_type: 'funnel',
      name,
      uuid: uuidFor(team.id, name),
      series: events.map((event) => ({ kind: 'EventsNode', event })),
    });
    const add = (e: {
      name: string;
      description: string;
      flagKey: string;
      split?: number[];
      variantKeys?: string[];
      startedDaysAgo?: number;
      endedDaysAgo?: number;
      createdDaysAgo: number;
      metrics: Row[];
      conclusion?: string;
      conclusionComment?: string;
      archived?: boolean;
      createdBy?: Row;
    }) => {
      const v = variants(e.split ?? [50, 50], e.variantKeys);
      const flag = flagFor(e.flagKey, e.name, v, e.startedDaysAgo !== undefined, e.createdDaysAgo);
      const flagVariantsNow = ((flag.filters ?? {}).multivariate?.variants ?? v) as Row[];
      table.insert({
        name: e.name,
        description: e.description,
        start_date: e.startedDaysAgo !== undefined ? isoDaysAgo(e.startedDaysAgo, 14) : null,
        end_date: e.endedDaysAgo !== undefined ? isoDaysAgo(e.endedDaysAgo, 16) : null,
        feature_flag_id: flag.id,
        parameters: {
          feature_flag_variants: flagVariantsNow.map((x) => ({ key: x.key, name: x.name, rollout_percentage: x.rollout_percentage })),
          minimum_detectable_effect: 20,
          rollout_percentage: 100,
        },
        secondary_metrics: [],
        filters: {},
        archived: !!e.archived,
        deleted: false,
        created_by: e.createdBy ?? ada,
        created_at: isoDaysAgo(e.createdDaysAgo, 10),
        updated_at: isoDaysAgo(Math.min(e.createdDaysAgo, e.endedDaysAgo ?? e.startedDaysAgo ?? e.createdDaysAgo), 17),
        type: 'product',
        exposure_criteria: { filterTestAccounts: true },
        metrics: e.metrics,
        metrics_secondary: [],
        stats_config: { method: 'bayesian' },
        conclusion: e.conclusion ?? null,
        conclusion_comment: e.conclusionComment ?? null,
      });
    };

    if (team.id !== 1) {
      add({
        name: 'Pricing page rehearsal',
        description: 'Dry run of the production pricing experiment on staging.',
        flagKey: 'pricing-page-experiment',
        createdDaysAgo: 15,
        metrics: [funnel('Upgrade conversion', ['$pageview', 'upgraded_plan'])],
      });
      return;
    }
    // Concluded, on the flags group's multivariate experiment flags where they exist.
    add({
      name: 'Sign-up button colour',
      description: 'Does a coloured sign-up button raise completed signups?',
      flagKey: 'signup-button-color',
      split: [34, 33, 33],
      variantKeys: ['control', 'blue', 'green'],
      createdDaysAgo: 32,
      startedDaysAgo: 30,
      endedDaysAgo: 9,
      metrics: [funnel('Signup conversion', ['$pageview', 'signed_up'])],
      conclusion: 'won',
      conclusionComment: 'Green raised completed signups by 11% (95% credible). Shipped to everyone.',
      createdBy: bob,
    });
    add({
      name: 'Dark mode by default',
      description: 'Default new accounts to the dark theme.',
      flagKey: 'dark-mode-default',
      createdDaysAgo: 90,
      startedDaysAgo: 85,
      endedDaysAgo: 64,
      metrics: [mean('Files uploaded per user', 'uploaded_file')],
      conclusion: 'inconclusive',
      conclusionComment: 'No measurable difference in engagement.',
      archived: true,
    });
    // Running.
    add({
      name: 'Onboarding email cadence',
      description: 'Daily or weekly onboarding emails instead of the current three-email sequence.',
      flagKey: 'onboarding-email-cadence',
      split: [50, 25, 25],
      variantKeys: ['control', 'daily', 'weekly'],
      createdDaysAgo: 27,
      startedDaysAgo: 26,
      metrics: [funnel('Activation (first upload)', ['signed_up', 'uploaded_file']), mean('Files uploaded per user', 'uploaded_file')],
      createdBy: bob,
    });
    add({
      name: 'Pricing page test',
      description: 'Annual plans first on the pricing page, with a highlighted Pro plan.',
      flagKey: 'pricing-page-experiment',
      createdDaysAgo: 15,
      startedDaysAgo: 14,
      metrics: [
        funnel('Upgrade conversion', ['clicked_upgrade_cta', 'upgraded_plan']),
        mean('Upgrade clicks per user', 'clicked_upgrade_cta'),
      ],
    });
    add({
      name: 'Homepage hero copy',
      description: 'Simpler or bolder hero copy on hedgebox.net.',
      flagKey: 'homepage-hero-copy',
      split: [33, 33, 34],
      variantKeys: ['control', 'simple', 'bold'],
      createdDaysAgo: 10,
      startedDaysAgo: 8,
      metrics: [funnel('Homepage to signup', ['$pageview', 'signed_up'])],
    });
    // Drafts.
    add({
      name: 'One-step upload flow',
      description: 'A single-step upload dialog with a progress bar.',
      flagKey: 'upload-flow-redesign',
      createdDaysAgo: 5,
      metrics: [mean('Files uploaded per user', 'uploaded_file')],
    });
    add({
      name: 'File sharing call to action',
      description: 'Show a "Share" button on every uploaded file.',
      flagKey: 'file-sharing-cta',
      createdDaysAgo: 2,
      metrics: [mean('Shared links per user', 'shared_file_link')],
      createdBy: bob,
    });

    // The pricing test's metric event is sent after the flag is read, so it carries
    // $feature/<key>: requires_flag_implementation has no warning for it (but has for uploaded_file).
    const pricingFlag =
      flags.find((f) => f.key === 'pricing-page-experiment' && !f.deleted) ??
      flags.find((f) => f.key === 'pricing-page-experiment-experiment');
    if (pricingFlag) {
      const variantKeys = (((pricingFlag.filters ?? {}).multivariate?.variants ?? []) as Row[]).map((v) => String(v.key));
      const people = personsTable(state, team.id)
        .all()
        .filter((p) => p.is_identified)
        .slice(0, 8);
      people.forEach((p, i) => {
        ingestEvent(state, team, {
          event: 'clicked_upgrade_cta',
          distinct_id: (p.distinct_ids as string[])[0],
          uuid: `e1e0c11c-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
          timestamp: isoDaysAgo(1 + (i % 6), 11 + (i % 7)),
          properties: {
            [`$feature/${String(pricingFlag.key)}`]: variantKeys[i % Math.max(1, variantKeys.length)] ?? 'control',
            location: i % 2 ? 'pricing_table' : 'navbar',
            $lib: 'web',
          },
        });
      });
    }
  },
};

/** Deterministic metric uuids for the seed. */
function uuidFor(teamId: number, name: string): string {
  let h = 0;
  for (const ch of `${teamId}:${name}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `e1e00000-0000-4000-8000-${h.toString(16).padStart(12, '0')}`;
}
