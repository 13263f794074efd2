/**
 * Which feature flags referenced in code are stale, and which flags no code references: plain data
 * in, plain data out (the `code` tools, `posthog-mcp refs --stale` and the editor's stale list all
 * use it). A flag's status follows PostHog's own checker, posthog/models/feature_flag/flag_status.py
 * (`FeatureFlagStatusChecker`):
 *
 * - deleted: soft deleted (`deleted: true`), or a key whose flag the activity log says was
 *   deleted (./deletedFlags.ts): PostHog's flag list leaves deleted flags out.
 * - inactive: off for everyone: switched off (`active: false`), no condition set at all
 *   (`groups: []`), or every condition set at 0%. (PostHog's own INACTIVE is usage-based,
 *   `last_called_at` over 30 days ago; the code cares whether the flag can be on.)
 * - fully_rolled_out: `is_flag_fully_rolled_out`: active, and a condition set at exactly 100%
 *   with no properties; for a multivariate flag, that and a variant at 100% or a variant override
 *   on that condition set, so one variant is always served. Filters that are empty (`{}`) count as
 *   rolled out, as PostHog reads legacy flags. A `null` rollout is not 100 there (`None == 100`).
 * - unknown: no flag with that key in the project.
 * - active: anything else: its evaluations can still vary.
 */
import type { DeletedFlagsState } from './deletedFlags';
import type { CodeReference } from './types';

export type FlagStatus = 'active' | 'fully_rolled_out' | 'inactive' | 'deleted' | 'unknown';

/** What the classification reads of a PostHog flag (its API fields). */
export interface PostHogFlag {
  id?: number;
  key: string;
  active?: boolean;
  deleted?: boolean;
  filters?: unknown;
  created_at?: string;
}

export interface FlagState {
  status: FlagStatus;
  /** Why, in a sentence a person or agent can act on. */
  reason: string;
}

export interface ReferencedFlag extends FlagState {
  key: string;
  /** The flag's id in PostHog, when it exists there. */
  id?: number;
  references: CodeReference[];
}

export interface StaleReport {
  /** Every flag key referenced in code, in key order, with its status and references. */
  referenced: ReferencedFlag[];
  /** Flags in PostHog (not deleted) that no code references, created more than 30 days ago. */
  unreferenced: PostHogFlag[];
}

/** How old an unreferenced flag must be to be listed: younger ones may not be in code yet. */
export const UNREFERENCED_MIN_AGE_DAYS = 30;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function conditionSets(filters: Obj): Obj[] {
  return list(filters.groups).filter(isObj);
}

/** `is_group_fully_rolled_out`: exactly 100% and no properties. */
function groupFullyRolledOut(g: Obj): boolean {
  return g.rollout_percentage === 100 && list(g.properties).length === 0;
}

/** The explanation when the flag always evaluates the same way, else undefined (`is_flag_fully_rolled_out`). */
export function fullyRolledOut(filters: unknown): string | undefined {
  const f = isObj(filters) ? filters : {};
  // Python's truthiness: `multivariate: {}` or null is a boolean flag.
  const multivariate = isObj(f.multivariate) && Object.keys(f.multivariate).length > 0 ? f.multivariate : undefined;
  if (multivariate) {
    const variants = list(multivariate.variants).filter(isObj);
    const full = conditionSets(f).filter(groupFullyRolledOut);
    if (full.length === 0) return undefined;
    const override = full.map((g) => g.variant).find((v) => typeof v === 'string' && v !== '');
    const variant = override ?? variants.find((v) => v.rollout_percentage === 100)?.key;
    return typeof variant === 'string' ? `Everyone gets the variant "${variant}"` : undefined;
  }
  // An active flag with no filters at all is PostHog's legacy "everyone".
  if (Object.keys(f).length === 0) return 'Everyone gets the flag (it has no release conditions)';
  return conditionSets(f).some(groupFullyRolledOut)
    ? 'Everyone gets the flag: a condition set without properties rolls out to 100%'
    : undefined;
}

/** Off for everyone although switched on: no condition set, or all at 0%. */
function nobody(filters: unknown): string | undefined {
  if (!isObj(filters) || Object.keys(filters).length === 0) return undefined;
  const groups = conditionSets(filters);
  if (!Array.isArray(filters.groups)) return undefined;
  if (groups.length === 0) return 'Nobody gets the flag: it has no condition sets';
  if (groups.every((g) => g.rollout_percentage === 0)) return 'Nobody gets the flag: every condition set rolls out to 0%';
  return undefined;
}

/** Why a key no flag has is "unknown": a typo, or a deletion the activity log did not tell. */
export function unknownReason(deleted?: DeletedFlagsState): string {
  const base = 'No live flag with this key in the project: a typo, or a flag that was deleted';
  if (!deleted) return base;
  if (!deleted.ok) return `${base} (the activity log that tells deleted flags apart could not be read: ${deleted.reason})`;
  return deleted.complete
    ? 'No flag with this key in the project, live or deleted: a typo, or a flag of another project'
    : `${base} long ago`;
}

/** A flag's status as PostHog reports it; undefined flag = no such key. */
export function flagState(flag: PostHogFlag | undefined, deleted?: DeletedFlagsState): FlagState {
  if (!flag) return { status: 'unknown', reason: unknownReason(deleted) };
  if (flag.deleted) return { status: 'deleted', reason: 'The flag was deleted in PostHog: code asking for it gets false' };
  if (flag.active === false) return { status: 'inactive', reason: 'The flag is switched off: everyone gets false' };
  const rolledOut = fullyRolledOut(flag.filters);
  if (rolledOut) return { status: 'fully_rolled_out', reason: rolledOut };
  const off = nobody(flag.filters);
  if (off) return { status: 'inactive', reason: off };
  return { status: 'active', reason: 'Evaluations can still differ between users' };
}

/** Stale means anything but active: the code has a branch that is always or never taken, or asks for nothing. */
export const isStale = (status: FlagStatus): boolean => status !== 'active';

/**
 * Each referenced flag key with its status, and the old flags nothing references. `flags` is what
 * PostHog lists (non-deleted flags; a deleted one may be given too and is matched by key, the live
 * flag first). `deleted` is what the activity log tells of deleted keys (see ./deletedFlags.ts).
 */
export function staleReport(
  references: readonly CodeReference[],
  flags: readonly PostHogFlag[],
  now = Date.now(),
  deleted?: DeletedFlagsState,
): StaleReport {
  const byKey = new Map<string, PostHogFlag>();
  for (const f of flags) {
    const seen = byKey.get(f.key);
    if (!seen || (seen.deleted && !f.deleted)) byKey.set(f.key, f);
  }
  const refsByKey = new Map<string, CodeReference[]>();
  for (const r of references) {
    if (r.kind !== 'flag') continue;
    const refs = refsByKey.get(r.key);
    if (refs) refs.push(r);
    else refsByKey.set(r.key, [r]);
  }
  const referenced = [...refsByKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, refs]) => {
      const flag = byKey.get(key) ?? deletedFlag(key, deleted);
      return { key, ...(flag?.id !== undefined ? { id: flag.id } : {}), ...flagState(flag, deleted), references: refs };
    });
  const cutoff = now - UNREFERENCED_MIN_AGE_DAYS * 86_400_000;
  const unreferenced = [...byKey.values()]
    .filter((f) => !f.deleted && !refsByKey.has(f.key))
    .filter((f) => {
      const created = f.created_at ? Date.parse(f.created_at) : NaN;
      return Number.isFinite(created) && created < cutoff;
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { referenced, unreferenced };
}

/** The deleted flag the activity log names for this key, as a flag with `deleted: true`. */
function deletedFlag(key: string, deleted?: DeletedFlagsState): PostHogFlag | undefined {
  if (!deleted?.ok || !deleted.keys.has(key)) return undefined;
  const f = deleted.flags.find((d) => d.key === key);
  return { key, deleted: true, ...(f?.id !== undefined ? { id: f.id } : {}) };
}
