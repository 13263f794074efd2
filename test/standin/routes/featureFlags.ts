/**
 * Feature flag definitions: `/api/projects/{pid}/feature_flags/` (project only), scope
 * `feature_flag`.
 *
 * - list: std list of non-deleted flags, newest first; `search` (key or name, case-insensitive),
 *   `active` (`true` / `false` / `STALE`), `type` (`boolean` / `multivariant` / `experiment` /
 *   `remote_config`), `created_by_id`, `tags` (JSON array string); archived flags are hidden
 *   unless `archived=true` is sent, which lists the archived ones (as experiments' `archived`).
 * - create 201 with PostHog's validation: key required, `^[a-zA-Z0-9_-]+$` (`invalid_key`), unique
 *   among non-deleted flags (`unique`, attr `key`; a soft-deleted flag with the key is replaced),
 *   filters (groups a list, rollout 0..100, known property types and operators, cohorts that exist
 *   and have no event filters, variants summing to 100, variant overrides that exist, payload keys).
 * - retrieve (soft-deleted flags too), PATCH/PUT (only the fields sent; `version` goes up; a PATCH
 *   whose `filters` has no `groups` keeps the stored filters, as PostHog's serializer does),
 *   DELETE → 405 empty, soft delete by PATCH `{deleted: true}` (refused while a running experiment
 *   uses the flag).
 * - activity (scope `activity_log`): every create and change is logged as PostHog's
 *   products/feature_flags/backend/activity_logging.py does, `detail.name` the flag's key and
 *   `item_id` its id; a change of `deleted` is logged as "deleted" (to true) or "restored" (to
 *   false), any other change as "updated". `GET feature_flags/activity/` lists every flag's
 *   entries, newest first, paged by `limit`/`page` (../activityLog.ts).
 */
import { type Ctx, HttpError, envelope, required, validation } from '../core';
import { assign, matches, softDeleteResource } from '../crud';
import { isoDaysAgo, nowIso, type Row, type State, type Team } from '../state';
import { groupsTable } from '../analytics';
import { activityPage, logActivity } from '../activityLog';
import type { RouteGroup } from './types';

const OPTS = { prefix: 'project' as const, scope: 'feature_flag' };
/** Activity logs need `activity_log:read`, not the flag scope (PostHog's `all_activity` action). */
const ACTIVITY_OPTS = { ...OPTS, scope: 'activity_log' };
const KEY_RE = /^[a-zA-Z0-9_-]+$/;

export const featureFlags = (state: State, teamId: number) => state.table(teamId, 'feature_flags');
export const flagActivity = (state: State, teamId: number) => state.table(teamId, 'feature_flag_activity');

/** The fields whose changes an activity entry lists (`changes_between`). */
const LOGGED_FIELDS = [
  'key',
  'name',
  'filters',
  'active',
  'archived',
  'deleted',
  'tags',
  'ensure_experience_continuity',
  'evaluation_runtime',
];

const loggedFields = (row: Row): Row => Object.fromEntries(LOGGED_FIELDS.map((f) => [f, row[f] ?? null]));

/** `changes_between`: one `{type, action, field, before, after}` per field that differs. */
function changesBetween(before: Row, after: Row): Row[] {
  return LOGGED_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((field) => ({
    type: 'FeatureFlag',
    action: before[field] === null ? 'created' : after[field] === null ? 'deleted' : 'changed',
    field,
    before: before[field],
    after: after[field],
  }));
}

/** `handle_feature_flag_change`: a change of `deleted` is "deleted" or "restored", others keep the given activity. */
function logFlagChange(
  state: State,
  teamId: number,
  user: Row | null,
  row: Row,
  activity: string,
  changes: Row[] | null,
  at?: string,
): void {
  const deleted = changes?.find((c) => c.field === 'deleted');
  const resolved = deleted ? (deleted.after ? 'deleted' : deleted.before ? 'restored' : activity) : activity;
  logActivity(flagActivity(state, teamId), {
    user,
    activity: resolved,
    scope: 'FeatureFlag',
    itemId: row.id,
    detail: { changes, name: row.key },
    at,
  });
}

export const PROPERTY_OPERATORS = new Set([
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
  'is_date_exact',
  'is_date_before',
  'is_date_after',
  'semver_gt',
  'semver_gte',
  'semver_lt',
  'semver_lte',
  'semver_eq',
  'semver_neq',
  'semver_tilde',
  'semver_caret',
  'semver_wildcard',
  'icontains_multi',
  'not_icontains_multi',
  'in',
  'not_in',
  'flag_evaluates_to',
]);

function isObject(v: unknown): v is Row {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** `multivariate.variants`, or [] for a boolean flag. */
export function variantsOf(filters: Row | undefined): Row[] {
  const v = (filters?.multivariate as Row | null | undefined)?.variants;
  return Array.isArray(v) ? (v as Row[]) : [];
}

/** The flag's condition groups, reading legacy filters without `groups` as PostHog does. */
export function conditionGroups(filters: Row | undefined): Row[] {
  if (!filters) return [];
  if (Array.isArray(filters.groups)) return filters.groups as Row[];
  return [{ properties: Array.isArray(filters.properties) ? filters.properties : [], rollout_percentage: null }];
}

/** Cohort filter leaves of any kind (new `filters.properties` tree or legacy `groups`). */
export function cohortLeaves(cohort: Row): Row[] {
  const out: Row[] = [];
  const walk = (node: unknown) => {
    if (!isObject(node)) return;
    if (Array.isArray(node.values) && (node.type === 'AND' || node.type === 'OR')) {
      for (const v of node.values) walk(v);
      return;
    }
    out.push(node);
  };
  walk((cohort.filters as Row | undefined)?.properties);
  for (const g of (Array.isArray(cohort.groups) ? cohort.groups : []) as Row[]) {
    if (g.action_id !== undefined || g.event_id !== undefined) out.push({ type: 'behavioral' });
    for (const p of (Array.isArray(g.properties) ? g.properties : []) as Row[]) out.push(p);
  }
  return out;
}

const filtersError = (detail: string) => validation(detail, 'filters', 'invalid_input');

/** PostHog's `validate_filters`, the parts an API user meets. */
export function validateFilters(ctx: Ctx, filters: unknown): Row {
  if (!isObject(filters))
    throw validation(
      `Expected a dictionary of items but got type "${Array.isArray(filters) ? 'list' : typeof filters}".`,
      'filters',
      'not_a_dict',
    );
  if (filters.groups !== undefined && !Array.isArray(filters.groups)) throw filtersError('Filters are not valid (groups must be a list)');
  const groups = conditionGroups(filters);
  const aggregation = filters.aggregation_group_type_index;
  const variants = variantsOf(filters);
  if (filters.multivariate !== undefined && filters.multivariate !== null) {
    if (!isObject(filters.multivariate) || !Array.isArray(filters.multivariate.variants))
      throw filtersError('Filters are not valid (multivariate must have a list of variants)');
    for (const v of variants) {
      if (!isObject(v) || typeof v.key !== 'string' || !v.key)
        throw filtersError('Invalid variant definitions: every variant needs a key.');
      if (typeof v.rollout_percentage !== 'number')
        throw filtersError('Invalid variant definitions: every variant needs a rollout percentage.');
    }
    if (new Set(variants.map((v) => v.key)).size !== variants.length)
      throw filtersError('Invalid variant definitions: variant keys must be unique.');
    const sum = variants.reduce((s, v) => s + Number(v.rollout_percentage), 0);
    if (variants.length > 0 && Math.abs(sum - 100) > 1e-9)
      throw filtersError('Invalid variant definitions: Variant rollout percentages must sum to 100.');
  }
  const variantKeys = new Set(variants.map((v) => v.key));
  const cohorts = ctx.state.table(ctx.team.id, 'cohorts');
  groups.forEach((g) => {
    if (!isObject(g)) throw filtersError('Filters are not valid (each condition group must be an object)');
    const rollout = g.rollout_percentage;
    if (
      rollout !== undefined &&
      rollout !== null &&
      (typeof rollout !== 'number' || !Number.isFinite(rollout) || rollout < 0 || rollout > 100)
    ) {
      throw filtersError('Invalid rollout percentage: it must be a number from 0 to 100.');
    }
    if (g.properties !== undefined && g.properties !== null && !Array.isArray(g.properties))
      throw filtersError('Filters are not valid (properties must be a list)');
    if (g.variant !== undefined && g.variant !== null && !variantKeys.has(g.variant))
      throw filtersError('Filters are not valid (variant override does not exist)');
    for (const p of (g.properties ?? []) as unknown[]) {
      if (!isObject(p) || typeof p.key !== 'string') throw filtersError('Filters are not valid (every property needs a key)');
      const type = p.type ?? 'person';
      if (aggregation === undefined || aggregation === null) {
        if (!['person', 'cohort', 'flag', 'person_metadata'].includes(type))
          throw filtersError('Filters are not valid (can only use person and cohort properties)');
      } else if (type !== 'group' || p.group_type_index !== aggregation) {
        throw filtersError('Filters are not valid (can only use group properties)');
      }
      if (p.operator !== undefined && p.operator !== null && !PROPERTY_OPERATORS.has(p.operator)) {
        throw filtersError(`Filters are not valid (unknown operator '${String(p.operator)}')`);
      }
      if (type === 'cohort') {
        const cohort = cohorts.get(String(p.value));
        if (!cohort || cohort.deleted)
          throw validation(`Cohort with id ${String(p.value)} does not exist`, 'filters', 'cohort_does_not_exist');
        if (cohortLeaves(cohort).some((leaf) => leaf.type === 'behavioral')) {
          throw validation(
            `Cohort '${cohort.name}' with filters on events cannot be used in feature flags.`,
            'filters',
            'behavioral_cohort_found',
          );
        }
      }
    }
  });
  const payloads = filters.payloads ?? {};
  if (!isObject(payloads)) throw filtersError('Payloads must be passed as a dictionary');
  for (const [k, v] of Object.entries(payloads)) {
    if (typeof v === 'string') {
      try {
        JSON.parse(v);
      } catch {
        throw filtersError('Payload value is not valid JSON');
      }
    }
    if (variants.length > 0) {
      if (!variantKeys.has(k)) throw filtersError('Payload keys must match a variant key for multivariate flags');
    } else if (k !== 'true') throw filtersError("Payload keys must be 'true' for boolean flags");
  }
  return filters;
}

function validateKey(ctx: Ctx, key: unknown, selfId?: number): string {
  if (key === undefined || key === null) throw required('key');
  if (typeof key !== 'string') throw validation('Not a valid string.', 'key', 'invalid');
  if (key.trim() === '') throw validation('This field may not be blank.', 'key', 'blank');
  if (key.length > 400) throw validation('Ensure this field has no more than 400 characters.', 'key', 'max_length');
  if (!KEY_RE.test(key)) throw validation('Only letters, numbers, hyphens (-) & underscores (_) are allowed.', 'key', 'invalid_key');
  const clash = featureFlags(ctx.state, ctx.team.id).find((f) => f.key === key && !f.deleted && f.id !== selfId);
  if (clash) throw validation('There is already a feature flag with this key.', 'key', 'unique');
  return key;
}

function validateCommon(body: Row): void {
  if (body.name !== undefined && body.name !== null && typeof body.name !== 'string')
    throw validation('Not a valid string.', 'name', 'invalid');
  for (const f of ['active', 'deleted', 'archived', 'ensure_experience_continuity']) {
    if (body[f] !== undefined && typeof body[f] !== 'boolean') throw validation('Must be a valid boolean.', f, 'invalid');
  }
  if (body.tags !== undefined && (!Array.isArray(body.tags) || body.tags.some((t: unknown) => typeof t !== 'string'))) {
    throw validation('Expected a list of items but got type "' + typeof body.tags + '".', 'tags', 'not_a_list');
  }
}

/** Experiments (from the experiments group's table) that use this flag. */
function experimentsOf(state: State, teamId: number, flag: Row): Row[] {
  return state
    .table(teamId, 'experiments')
    .all()
    .filter(
      (e) =>
        !e.deleted &&
        (e.feature_flag_key === flag.key || e.feature_flag_id === flag.id || (isObject(e.feature_flag) && e.feature_flag.id === flag.id)),
    );
}

function flagType(row: Row, state: State, teamId: number): string {
  if (row.is_remote_configuration) return 'remote_config';
  if (experimentsOf(state, teamId, row).length) return 'experiment';
  return variantsOf(row.filters).length ? 'multivariant' : 'boolean';
}

function serialize(row: Row, ctx: Ctx): Row {
  const filters = (row.filters ?? {}) as Row;
  const groups = conditionGroups(filters);
  const simple = groups.length === 1 && !((groups[0].properties ?? []) as unknown[]).length && !variantsOf(filters).length;
  const experiments = experimentsOf(ctx.state, ctx.team.id, row);
  return {
    id: row.id,
    name: row.name ?? '',
    key: row.key,
    filters,
    deleted: !!row.deleted,
    active: row.active !== false,
    archived: !!row.archived,
    created_by: row.created_by ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at ?? row.created_at,
    version: row.version ?? 1,
    last_modified_by: row.last_modified_by ?? row.created_by ?? null,
    is_simple_flag: simple,
    rollout_percentage: simple ? (groups[0].rollout_percentage ?? null) : null,
    ensure_experience_continuity: !!row.ensure_experience_continuity,
    experiment_set: experiments.map((e) => e.id),
    experiment_set_metadata: experiments.map((e) => ({ id: e.id, name: e.name })),
    surveys: [],
    features: [],
    rollback_conditions: [],
    performed_rollback: false,
    can_edit: true,
    tags: row.tags ?? [],
    evaluation_contexts: [],
    usage_dashboard: null,
    analytics_dashboards: [],
    has_enriched_analytics: false,
    user_access_level: 'editor',
    creation_context: row.creation_context ?? 'feature_flags',
    is_remote_configuration: !!row.is_remote_configuration,
    has_encrypted_payloads: false,
    status: row.deleted ? 'DELETED' : row.active === false ? 'INACTIVE' : 'ACTIVE',
    evaluation_runtime: row.evaluation_runtime ?? 'all',
    bucketing_identifier: 'distinct_id',
    last_called_at: row.last_called_at ?? null,
    is_used_in_replay_settings: false,
  };
}

function listFilter(row: Row, ctx: Ctx): boolean {
  const q = ctx.query;
  if (!matches(row, ['key', 'name'], q.get('search'))) return false;
  if (!!row.archived !== (q.get('archived') === 'true')) return false;
  const active = q.get('active');
  if (active === 'true' && row.active === false) return false;
  if (active === 'false' && row.active !== false) return false;
  if (active === 'STALE') {
    const stale =
      row.active !== false &&
      Date.parse(row.created_at) < Date.now() - 30 * 86_400_000 &&
      conditionGroups(row.filters).some((g) => !((g.properties ?? []) as unknown[]).length && (g.rollout_percentage ?? 100) === 100);
    if (!stale) return false;
  }
  const type = q.get('type');
  if (type && flagType(row, ctx.state, ctx.team.id) !== type) return false;
  const createdBy = q.get('created_by_id');
  if (createdBy && String(row.created_by?.id) !== createdBy) return false;
  const tags = q.get('tags');
  if (tags) {
    let wanted: unknown;
    try {
      wanted = JSON.parse(tags);
    } catch {
      throw validation('tags must be a JSON array of strings.', 'tags');
    }
    if (Array.isArray(wanted) && wanted.length && !wanted.some((t) => (row.tags ?? []).includes(t))) return false;
  }
  return true;
}

export const featureFlagsRoutes: RouteGroup = {
  register(router) {
    // Before the resource's `:id` routes, so `activity` is not taken for an id.
    router.get('feature_flags/activity', (ctx) => activityPage(ctx, flagActivity(ctx.state, ctx.team.id).all()), ACTIVITY_OPTS);
    softDeleteResource(router, {
      path: 'feature_flags',
      table: (ctx) => featureFlags(ctx.state, ctx.team.id),
      routeOptions: OPTS,
      serialize: (row, ctx) => serialize(row, ctx),
      filter: listFilter,
      sort: (a, b) => String(b.created_at).localeCompare(String(a.created_at)) || Number(b.id) - Number(a.id),
      create: (ctx) => {
        const b = ctx.body;
        if (!isObject(b)) throw validation('Invalid data. Expected a dictionary, but got list.', 'non_field_errors', 'invalid');
        validateCommon(b);
        const key = validateKey(ctx, b.key);
        const filters = b.filters === undefined ? {} : validateFilters(ctx, b.filters);
        const table = featureFlags(ctx.state, ctx.team.id);
        // A soft-deleted flag with the same key is replaced.
        for (const old of table.all()) if (old.key === key && old.deleted) table.remove(old.id);
        const now = nowIso();
        const row = table.insert({
          key,
          name: b.name ?? '',
          filters,
          active: b.active ?? true,
          archived: b.archived ?? false,
          deleted: false,
          tags: b.tags ?? [],
          ensure_experience_continuity: b.ensure_experience_continuity ?? false,
          created_by: ctx.state.userBasic(ctx.user),
          created_at: now,
          updated_at: now,
          version: 1,
          last_modified_by: ctx.state.userBasic(ctx.user),
          creation_context: b.creation_context ?? 'feature_flags',
          evaluation_runtime: b.evaluation_runtime ?? 'all',
        });
        logFlagChange(ctx.state, ctx.team.id, ctx.state.userBasic(ctx.user), row, 'created', null, now);
        return row;
      },
      update: (row, ctx) => {
        const b = ctx.body as Row;
        validateCommon(b);
        const before = loggedFields(row);
        if (b.key !== undefined && b.key !== row.key) row.key = validateKey(ctx, b.key, row.id);
        if (b.filters !== undefined) {
          const f = validateFilters(ctx, b.filters);
          // PostHog's serializer: on PATCH, filters without `groups` leave the stored filters as they are.
          if (!(ctx.method === 'PATCH' && !Array.isArray(f.groups))) row.filters = f;
        }
        assign(row, b, ['name', 'active', 'archived', 'tags', 'ensure_experience_continuity', 'evaluation_runtime']);
        row.version = (row.version ?? 1) + 1;
        row.last_modified_by = ctx.state.userBasic(ctx.user);
        // softDeleteResource sets `deleted` after this hook: the entry records what it will be.
        const after: Row = { ...loggedFields(row), deleted: typeof b.deleted === 'boolean' ? b.deleted : before.deleted };
        const changes = changesBetween(before, after);
        if (changes.length) logFlagChange(ctx.state, ctx.team.id, row.last_modified_by, row, 'updated', changes);
      },
      beforeDelete: (row, ctx) => {
        const running = experimentsOf(ctx.state, ctx.team.id, row).filter((e) => e.start_date && !e.end_date && !e.archived);
        if (running.length) {
          throw new HttpError(
            400,
            envelope(
              'validation_error',
              'invalid_input',
              `Cannot delete a feature flag that is linked to active experiment(s) with ID(s): ${running.map((e) => e.id).join(', ')}. Please delete the experiment(s) before deleting the flag.`,
            ),
          );
        }
      },
    });
  },

  seed(state, team, options) {
    seedFlags(state, team, options.scale?.flags ?? 0);
  },
};

// ---------------------------------------------------------------------------------------------
// Seed

type SeedFlag = {
  key: string;
  name: string;
  filters: Row;
  active?: boolean;
  deleted?: boolean;
  tags?: string[];
  by?: 1 | 2;
  daysAgo: number;
};

const rollout = (pct: number | null, properties: Row[] = []): Row => ({
  groups: [{ properties, rollout_percentage: pct, variant: null }],
  multivariate: null,
  payloads: {},
});
const person = (key: string, operator: string, value: unknown): Row => ({ key, type: 'person', operator, value });
const variants = (list: Array<[string, number, string?]>) => ({
  variants: list.map(([key, pct, name]) => ({ key, name: name ?? key[0].toUpperCase() + key.slice(1), rollout_percentage: pct })),
});

function productionFlags(state: State, team: Team): SeedFlag[] {
  const cohort = state
    .table(team.id, 'cohorts')
    .all()
    .find((c) => !c.deleted && !cohortLeaves(c).some((l) => l.type === 'behavioral'));
  const groupTypeIndex = (() => {
    const types: string[] = [];
    for (const g of groupsTable(state, team.id).all()) if (!types.includes(g.group_type)) types.push(g.group_type);
    return types.indexOf('company');
  })();
  const flags: SeedFlag[] = [
    { key: 'new-onboarding-flow', name: 'New onboarding checklist', filters: rollout(100), tags: ['growth'], daysAgo: 120 },
    { key: 'file-previews', name: 'Inline previews for PDFs and images', filters: rollout(50), tags: ['files'], daysAgo: 95 },
    { key: 'bulk-upload', name: 'Drag-and-drop bulk upload', filters: rollout(25), tags: ['files'], daysAgo: 80 },
    { key: 'dark-mode', name: 'Dark mode for the web app', filters: rollout(100), daysAgo: 200 },
    { key: 'shared-link-expiry', name: 'Expiring share links', filters: rollout(10), tags: ['sharing'], daysAgo: 21 },
    {
      key: 'faster-sync-engine',
      name: 'Rust sync engine for the desktop app',
      filters: rollout(5),
      tags: ['desktop', 'performance'],
      by: 2,
      daysAgo: 14,
    },
    { key: 'search-v2', name: 'Full-text search across files', filters: rollout(75), tags: ['search'], daysAgo: 60 },
    { key: 'mobile-offline-mode', name: 'Offline mode in the mobile app', filters: rollout(30), tags: ['mobile'], by: 2, daysAgo: 45 },
    {
      key: 'desktop-auto-update',
      name: 'Silent auto-update for the desktop app',
      filters: rollout(100),
      tags: ['desktop'],
      by: 2,
      daysAgo: 150,
    },
    { key: 'ai-file-summaries', name: 'AI summaries of uploaded documents', filters: rollout(20), tags: ['ai'], daysAgo: 9 },
    { key: 'comments-on-files', name: 'Comment threads on files', filters: rollout(100), tags: ['collaboration'], daysAgo: 110 },
    { key: 'two-factor-enforcement', name: 'Require 2FA for workspace admins', filters: rollout(100), tags: ['security'], daysAgo: 300 },
    { key: 'new-navigation', name: 'Redesigned sidebar navigation', filters: rollout(60), daysAgo: 30 },
    { key: 'link-preview-cards', name: 'Rich cards for pasted links', filters: rollout(40), daysAgo: 18 },
    { key: 'web-vitals-tracking', name: 'Send web vitals to PostHog', filters: rollout(100), tags: ['engineering'], by: 2, daysAgo: 240 },
    {
      key: 'api-v1-compat',
      name: 'Keep API v1 reachable for old integrations',
      filters: rollout(100),
      tags: ['engineering'],
      by: 2,
      daysAgo: 400,
    },
    {
      key: 'storage-warning-banner',
      name: 'Warn free users close to their storage limit',
      filters: rollout(50, [person('plan', 'exact', ['free'])]),
      tags: ['billing'],
      daysAgo: 40,
    },
    // Targeted by person properties.
    {
      key: 'internal-admin-tools',
      name: 'Staff-only admin tools',
      filters: rollout(100, [person('email', 'icontains', '@hedgebox.net')]),
      tags: ['internal'],
      daysAgo: 180,
    },
    {
      key: 'new-billing-page',
      name: 'New billing page (staff preview)',
      filters: rollout(100, [person('email', 'icontains', '@hedgebox.net')]),
      tags: ['billing', 'internal'],
      daysAgo: 12,
    },
    {
      key: 'team-folders',
      name: 'Shared team folders',
      filters: rollout(100, [person('plan', 'exact', ['pro', 'enterprise'])]),
      tags: ['collaboration'],
      daysAgo: 70,
    },
    {
      key: 'large-file-uploads',
      name: 'Uploads over 2 GB',
      filters: rollout(100, [person('plan', 'exact', 'enterprise')]),
      tags: ['files'],
      daysAgo: 85,
    },
    {
      key: 'version-history',
      name: '30-day file version history',
      filters: rollout(null, [person('plan', 'is_not', 'free')]),
      tags: ['files'],
      daysAgo: 130,
    },
    {
      key: 'eu-data-residency',
      name: 'Store files in the EU region',
      filters: rollout(100, [person('country', 'exact', ['DE', 'FR', 'IT', 'SE', 'NL', 'ES'])]),
      tags: ['compliance'],
      by: 2,
      daysAgo: 55,
    },
    {
      key: 'annual-billing-discount',
      name: 'Show the annual billing discount',
      filters: {
        groups: [
          { properties: [person('plan', 'exact', ['pro'])], rollout_percentage: 100, variant: null },
          { properties: [person('plan', 'exact', ['free', 'starter'])], rollout_percentage: 20, variant: null },
        ],
        multivariate: null,
        payloads: {},
      },
      tags: ['billing'],
      daysAgo: 25,
    },
    // Multivariate experiments.
    {
      key: 'pricing-page-experiment',
      name: 'Pricing page: annual plans first',
      filters: {
        ...rollout(100),
        multivariate: variants([
          ['control', 50],
          ['test', 50],
        ]),
      },
      tags: ['experiment', 'growth'],
      daysAgo: 16,
    },
    {
      key: 'signup-button-color',
      name: 'Sign-up button colour test',
      filters: {
        ...rollout(100),
        multivariate: variants([
          ['control', 34],
          ['blue', 33],
          ['green', 33],
        ]),
      },
      tags: ['experiment'],
      daysAgo: 33,
    },
    {
      key: 'onboarding-email-cadence',
      name: 'Onboarding email cadence',
      filters: {
        ...rollout(80),
        multivariate: variants([
          ['control', 50],
          ['daily', 25],
          ['weekly', 25],
        ]),
      },
      tags: ['experiment', 'lifecycle'],
      by: 2,
      daysAgo: 28,
    },
    {
      key: 'homepage-hero-copy',
      name: 'Homepage hero copy',
      filters: {
        ...rollout(100),
        multivariate: variants([
          ['control', 33],
          ['simple', 33],
          ['bold', 34],
        ]),
      },
      tags: ['experiment', 'marketing'],
      daysAgo: 11,
    },
    {
      key: 'upload-flow-redesign',
      name: 'Upload flow redesign',
      filters: {
        ...rollout(50),
        multivariate: variants([
          ['control', 50],
          ['test', 50],
        ]),
        payloads: { control: JSON.stringify({ steps: 3 }), test: JSON.stringify({ steps: 1, show_progress: true }) },
      },
      tags: ['experiment', 'files'],
      daysAgo: 7,
    },
    // Payloads.
    {
      key: 'announcement-banner',
      name: 'In-app announcement banner',
      filters: {
        ...rollout(100),
        payloads: {
          true: JSON.stringify({
            message: 'Hedgebox Teams is here: share folders with your whole team.',
            link: 'https://hedgebox.net/teams',
            dismissible: true,
          }),
        },
      },
      tags: ['marketing'],
      daysAgo: 4,
    },
    {
      key: 'storage-limits',
      name: 'Storage limits per plan (remote config)',
      filters: { ...rollout(100), payloads: { true: JSON.stringify({ free_gb: 5, starter_gb: 100, pro_gb: 1000, enterprise_gb: null }) } },
      tags: ['billing', 'config'],
      daysAgo: 90,
    },
    // Nobody / off.
    {
      key: 'maintenance-mode',
      name: 'Kill switch: read-only maintenance mode',
      filters: { groups: [], multivariate: null, payloads: {} },
      tags: ['ops'],
      by: 2,
      daysAgo: 365,
    },
    { key: 'public-folder-links', name: 'Public folder links', filters: rollout(0), tags: ['sharing'], daysAgo: 3 },
    {
      key: 'legacy-file-viewer',
      name: 'Old file viewer (rollback path)',
      filters: rollout(100),
      active: false,
      tags: ['files'],
      daysAgo: 210,
    },
    { key: 'holiday-theme', name: 'Winter holiday theme', filters: rollout(100), active: false, tags: ['marketing'], daysAgo: 330 },
    { key: 'checkout-v1', name: 'Old checkout', filters: rollout(100), active: false, tags: ['billing'], daysAgo: 260 },
    {
      key: 'referral-program',
      name: 'Give 10 GB, get 10 GB referral program',
      filters: rollout(50),
      active: false,
      tags: ['growth'],
      daysAgo: 140,
    },
    { key: 'old-sharing-dialog', name: 'Previous sharing dialog', filters: rollout(100), deleted: true, tags: ['sharing'], daysAgo: 500 },
  ];
  flags.push({
    key: 'priority-support-chat',
    name: cohort ? `Priority support chat for the "${cohort.name}" cohort` : 'Priority support chat for paying customers',
    filters: cohort
      ? rollout(100, [{ key: 'id', type: 'cohort', value: cohort.id, operator: 'in' }])
      : rollout(100, [person('plan', 'exact', ['pro', 'enterprise']), person('email', 'is_set', 'is_set')]),
    tags: ['beta'],
    daysAgo: 20,
  });
  if (groupTypeIndex >= 0) {
    flags.push({
      key: 'company-sso',
      name: 'SAML single sign-on for companies on the enterprise plan',
      filters: {
        aggregation_group_type_index: groupTypeIndex,
        groups: [
          {
            properties: [{ key: 'plan', type: 'group', group_type_index: groupTypeIndex, operator: 'exact', value: ['enterprise'] }],
            rollout_percentage: 100,
            variant: null,
          },
        ],
        multivariate: null,
        payloads: {},
      },
      tags: ['security', 'enterprise'],
      daysAgo: 50,
    });
  }
  return flags;
}

const STAGING_FLAGS: SeedFlag[] = [
  { key: 'new-onboarding-flow', name: 'New onboarding checklist', filters: rollout(100), daysAgo: 121 },
  { key: 'search-v2', name: 'Full-text search across files', filters: rollout(100), daysAgo: 61 },
  { key: 'staging-debug-toolbar', name: 'Debug toolbar on staging', filters: rollout(100), tags: ['internal'], by: 2, daysAgo: 300 },
  {
    key: 'pricing-page-experiment',
    name: 'Pricing page: annual plans first',
    filters: {
      ...rollout(100),
      multivariate: variants([
        ['control', 50],
        ['test', 50],
      ]),
    },
    daysAgo: 17,
  },
];

function seedFlags(state: State, team: Team, scale: number): void {
  const table = featureFlags(state, team.id);
  const list = team.id === 1 ? productionFlags(state, team) : STAGING_FLAGS;
  for (const f of list) {
    const by = state.userBasic(state.users.get(f.by ?? 1)!);
    const created = isoDaysAgo(f.daysAgo, 9 + (f.key.length % 8));
    const row = table.insert({
      key: f.key,
      name: f.name,
      filters: f.filters,
      active: f.active ?? true,
      deleted: f.deleted ?? false,
      tags: f.tags ?? [],
      ensure_experience_continuity: false,
      created_by: by,
      created_at: created,
      updated_at: created,
      version: 1,
      last_modified_by: by,
    });
    // The history PostHog would hold: created, and for a deleted flag its deletion (a while after).
    logFlagChange(state, team.id, by, row, 'created', null, created);
    if (f.deleted) {
      const deletedAt = isoDaysAgo(Math.max(1, Math.floor(f.daysAgo / 10)), 11);
      logFlagChange(
        state,
        team.id,
        by,
        row,
        'updated',
        [{ type: 'FeatureFlag', action: 'changed', field: 'deleted', before: false, after: true }],
        deletedAt,
      );
    }
  }
  // Project 1 only: extra flags for scale tests (older than every demo flag, so they list last).
  if (team.id !== 1) return;
  const ada = state.userBasic(state.users.get(1)!);
  for (let i = 1; i <= scale; i++) {
    const created = new Date(Date.parse(isoDaysAgo(1000)) - i * 60_000).toISOString();
    table.insert({
      key: `scale-flag-${String(i).padStart(5, '0')}`,
      name: `Scale test flag ${i}`,
      filters: rollout(i % 5 === 0 ? 50 : 100),
      active: i % 7 !== 0,
      deleted: false,
      tags: ['scale'],
      ensure_experience_continuity: false,
      created_by: ada,
      created_at: created,
      updated_at: created,
      version: 1,
      last_modified_by: ada,
    });
  }
}
