/**
 * PostHog's activity log as its API serves it (posthog/models/activity_logging/activity_log.py
 * `log_activity`, `load_activity`; posthog/api/utils activity_page_response): entries newest first,
 * paged by `limit` (default 10) and `page` (default 1, from 1), in the envelope
 * `{results, next, previous, total_count}` with absolute `next`/`previous` links.
 */
import type { Ctx } from './core';
import { intParam } from './crud';
import { nowIso, type Row, type Table, type User } from './state';

/** The `user` of an entry: PostHog's UserBasic of whoever made the change. */
export function activityUser(user: Row | User | null | undefined): Row | null {
  if (!user) return null;
  return {
    first_name: user.first_name,
    last_name: user.last_name,
    email: user.email,
    id: user.id,
    uuid: user.uuid,
    distinct_id: user.distinct_id,
    is_email_verified: true,
    hedgehog_config: null,
    role_at_organization: (user as Row).role_at_organization ?? null,
  };
}

export interface ActivityInput {
  user: Row | User | null | undefined;
  activity: string;
  scope: string;
  itemId: number | string;
  /** `detail` fields besides the defaults (`changes`, `merge`, `trigger`, `name`, `short_id`, `type` are null). */
  detail: Row;
  at?: string;
}

/** Appends one entry (`log_activity`). */
export function logActivity(table: Table, e: ActivityInput): void {
  table.insert({
    user: activityUser(e.user),
    activity: e.activity,
    scope: e.scope,
    item_id: String(e.itemId),
    detail: { changes: null, merge: null, trigger: null, name: null, short_id: null, type: null, ...e.detail },
    created_at: e.at ?? nowIso(),
    is_system: false,
  });
}

/** One page of entries, newest first (ties: the later entry first). */
export function activityPage(ctx: Ctx, rows: Row[]) {
  const limit = Math.max(1, intParam(ctx, 'limit', 10, 1000) || 10);
  const page = Math.max(1, intParam(ctx, 'page', 1, 1_000_000) || 1);
  const sorted = [...rows].sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)) || Number(b.id) - Number(a.id));
  const slice = sorted.slice((page - 1) * limit, page * limit);
  const link = (pg: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set('page', String(pg));
    q.set('limit', String(limit));
    return `http://standin${ctx.path}?${q.toString()}`;
  };
  return {
    results: slice.map((a) => ({
      id: a.id,
      user: a.user,
      activity: a.activity,
      scope: a.scope,
      item_id: a.item_id,
      detail: a.detail,
      created_at: a.created_at,
      is_system: a.is_system,
    })),
    next: page * limit < sorted.length ? link(page + 1) : null,
    previous: page > 1 ? link(page - 1) : null,
    total_count: sorted.length,
  };
}
