/**
 * The deleted feature flags, from the flags' activity log (`feature_flags/activity/`, scope
 * `activity_log:read`): the one reader behind list_deleted_feature_flags, list_stale_flags (and so
 * `posthog-mcp refs --stale`) and, through that tool, the editor's flag cache.
 */
import { deletedFlagsFromActivity, type DeletedFlagsState, type FlagActivityEntry } from '../../code/deletedFlags';
import { describeError } from '../../posthog/errors';
import type { ToolApi } from '../api';
import { READ, defineTool, type ToolDefinition } from '../tool';
import type { Row } from '../values';

const ACTIVITY_PAGE = 100;
/**
 * The log holds every change of every flag (each rollout edit too), so a busy project has tens of
 * thousands of entries, and this runs on every flag reload. The newest 500 changes hold the recent
 * deletions, the ones code still names; an older deletion stays "unknown", and the answer says so.
 */
export const MAX_ACTIVITY_PAGES = 5;

export const INCOMPLETE_NOTE = `Only the newest ${MAX_ACTIVITY_PAGES * ACTIVITY_PAGE} flag changes were read: a flag deleted before them is not known as deleted.`;

/** The deleted flags the newest activity tells of; throws what PostHog answered (e.g. 403 without activity_log:read). */
export async function readDeletedFlags(
  api: ToolApi,
  liveKeys?: ReadonlySet<string>,
): Promise<{ flags: ReturnType<typeof deletedFlagsFromActivity>; complete: boolean }> {
  const entries: FlagActivityEntry[] = [];
  let complete = false;
  for (let page = 1; page <= MAX_ACTIVITY_PAGES; page++) {
    const data = await api.get<Row>(
      'feature_flags/activity/',
      { action: "read the feature flags' activity log" },
      { query: { limit: ACTIVITY_PAGE, page } },
    );
    const rows = Array.isArray(data?.results) ? (data.results as FlagActivityEntry[]) : [];
    entries.push(...rows);
    if (typeof data?.next !== 'string' || !data.next || rows.length === 0) {
      complete = true;
      break;
    }
  }
  return { flags: deletedFlagsFromActivity(entries, liveKeys), complete };
}

/**
 * The same, never throwing for PostHog's answer: a log that cannot be read (a key without
 * `activity_log:read`, an outage) must not cost the flag list, so it gives the reason instead.
 * A cancelled call still throws.
 */
export async function deletedFlagsState(api: ToolApi, liveKeys?: ReadonlySet<string>): Promise<DeletedFlagsState> {
  try {
    const { flags, complete } = await readDeletedFlags(api, liveKeys);
    return { ok: true, flags, keys: new Set(flags.map((f) => f.key)), complete };
  } catch (err) {
    if (api.signal.aborted) throw err;
    return { ok: false, reason: describeError(err) };
  }
}

export const flagActivityTools: ToolDefinition[] = [
  defineTool({
    name: 'list_deleted_feature_flags',
    title: 'List deleted feature flags',
    description:
      "Feature flags deleted in PostHog (list_feature_flags leaves them out), from the flags' activity log: key, id, when and by whom, newest first. A key in use again is not listed. Needs the activity_log:read scope.",
    toolset: 'feature_flags',
    input: {},
    annotations: READ,
    handler: async (_args, ctx) => {
      const { flags, complete } = await readDeletedFlags(ctx.api);
      return { count: flags.length, results: flags, ...(complete ? {} : { note: INCOMPLETE_NOTE }) };
    },
  }),
];
