/**
 * Which flag keys were deleted in PostHog, read from the flags' activity log: PostHog's flag list
 * leaves soft-deleted flags out, so without it a deleted key looks like a typo. PostHog logs a
 * change of `deleted` as activity "deleted" (to true) or "restored" (to false), with the flag's key
 * as `detail.name` and its id as `item_id` (products/feature_flags/backend/activity_logging.py).
 * Plain data in, plain data out: list_stale_flags, list_deleted_feature_flags and the editor use it.
 */

/** What is read of an activity log entry (PostHog's ActivityLogEntry). */
export interface FlagActivityEntry {
  activity?: unknown;
  item_id?: unknown;
  detail?: { name?: unknown } | null;
  created_at?: unknown;
  user?: { first_name?: unknown; last_name?: unknown; email?: unknown } | null;
}

export interface DeletedFlag {
  key: string;
  id?: number;
  /** When it was deleted (ISO). */
  deleted_at?: string;
  /** Who deleted it: a name or email. */
  deleted_by?: string;
}

/** The deleted flags, as far as a log read so far tells, and why it may say less. */
export type DeletedFlagsState =
  { ok: true; flags: readonly DeletedFlag[]; keys: ReadonlySet<string>; complete: boolean } | { ok: false; reason: string };

function who(user: FlagActivityEntry['user']): string | undefined {
  if (!user) return undefined;
  const name = [user.first_name, user.last_name].filter((x) => typeof x === 'string' && x).join(' ');
  return name || (typeof user.email === 'string' && user.email ? user.email : undefined);
}

/**
 * The keys whose flag's newest entry is "deleted", newest deletion first. `entries` are newest
 * first, as PostHog lists them. A key is left out when a newer entry of any flag bears it (created
 * again, or another flag renamed to it) or when `liveKeys` (the flags PostHog lists now) has it.
 */
export function deletedFlagsFromActivity(entries: readonly FlagActivityEntry[], liveKeys?: ReadonlySet<string>): DeletedFlag[] {
  const seenItems = new Set<string>();
  const seenKeys = new Set<string>();
  const out: DeletedFlag[] = [];
  for (const e of entries) {
    const item = e.item_id === undefined || e.item_id === null ? undefined : String(e.item_id);
    const key = typeof e.detail?.name === 'string' ? e.detail.name : undefined;
    if (item === undefined || seenItems.has(item)) continue;
    seenItems.add(item);
    if (!key || seenKeys.has(key)) continue;
    seenKeys.add(key);
    if (e.activity !== 'deleted' || liveKeys?.has(key)) continue;
    const id = Number(item);
    out.push({
      key,
      ...(Number.isInteger(id) ? { id } : {}),
      ...(typeof e.created_at === 'string' ? { deleted_at: e.created_at } : {}),
      ...(who(e.user) ? { deleted_by: who(e.user) } : {}),
    });
  }
  return out;
}
