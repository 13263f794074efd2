/**
 * Newer rules of PostHog's experiments API, kept apart from routes/experiments.ts
 * (products/experiments/backend/presentation/serializers.py):
 * - `ExperimentSerializer._normalize_feature_flag_input`: on create, flag config (a `feature_flag`
 *   object with `filters` / `ensure_experience_continuity`, or the deprecated `parameters` keys
 *   such as `feature_flag_variants`) for a key that already has a flag is refused: the experiment
 *   links to the existing flag as-is.
 * - `running_time_calculation` is the home of the running-time calculator's keys
 *   (`minimum_detectable_effect`, …), which historically lived in `parameters`; a legacy write
 *   there is moved, and reads show it under `running_time_calculation`.
 * - The list answers `ExperimentBasicSerializer` rows: no metric definitions.
 */
import { validation } from '../core';
import type { Row } from '../state';

/** `ExperimentService.FEATURE_FLAG_CONFIG_KEYS`: flag config still accepted through `parameters`. */
export const FEATURE_FLAG_CONFIG_KEYS = [
  'feature_flag_variants',
  'rollout_percentage',
  'aggregation_group_type_index',
  'feature_flag_payloads',
  'ensure_experience_continuity',
];

const RUNNING_TIME_KEYS = ['minimum_detectable_effect', 'recommended_running_time', 'recommended_sample_size', 'exposure_estimate_config'];

const isObject = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether a create body carries flag config (the `feature_flag` object or deprecated parameters keys). */
function sendsFlagConfig(body: Row): boolean {
  const ff = body.feature_flag;
  if (isObject(ff) && (ff.id === undefined || ff.id === null) && ('filters' in ff || 'ensure_experience_continuity' in ff)) return true;
  return isObject(body.parameters) && FEATURE_FLAG_CONFIG_KEYS.some((k) => k in (body.parameters as Row));
}

/** 400 (attr `feature_flag`) when a create sends flag config for a key that already has a flag. */
export function refuseConfigForExistingFlag(body: Row, flagKey: string, flagExists: boolean): void {
  if (!flagExists || !sendsFlagConfig(body)) return;
  throw validation(
    `A feature flag with key '${flagKey}' already exists; the experiment links to it as-is, so its config cannot be set here. ` +
      'Omit feature_flag to reuse the existing flag, or edit the flag directly.',
    'feature_flag',
  );
}

/** Splits legacy running-time keys out of `parameters`: `{parameters, runningTime}` (either may be null). */
export function splitRunningTime(parameters: Row | null, given?: unknown): { parameters: Row | null; runningTime: Row | null } {
  let runningTime: Row | null = isObject(given) ? { ...given } : null;
  if (!parameters) return { parameters, runningTime };
  const rest = { ...parameters };
  for (const k of RUNNING_TIME_KEYS) {
    if (!(k in rest)) continue;
    runningTime = { ...(runningTime ?? {}), [k]: rest[k] };
    delete rest[k];
  }
  return { parameters: rest, runningTime };
}

/** `running_time_calculation` must be an object or null. */
export function checkRunningTime(body: Row): void {
  const v = body.running_time_calculation;
  if (v !== undefined && v !== null && !isObject(v))
    throw validation('Value must be valid JSON.', 'running_time_calculation', 'invalid_input');
}

/** `ExperimentBasicSerializer.Meta.fields`: what one list row holds. */
const BASIC_FIELDS = [
  'id',
  'name',
  'description',
  'start_date',
  'end_date',
  'feature_flag_key',
  'feature_flag',
  'holdout',
  'exposure_cohort',
  'parameters',
  'running_time_calculation',
  'excluded_variants',
  'archived',
  'deleted',
  'created_by',
  'created_at',
  'updated_at',
  'type',
  'conclusion',
  'conclusion_comment',
  'status',
  'is_legacy',
  'user_access_level',
];

export function basicExperiment(full: Row): Row {
  return Object.fromEntries(BASIC_FIELDS.filter((f) => f in full).map((f) => [f, full[f]]));
}
