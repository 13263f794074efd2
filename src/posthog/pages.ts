/** PostHog's list envelopes, made into one Page shape. */
import type { Page } from './types';

/**
 * Normalises PostHog's list envelopes: `{count, next, results}`, `{results}` only, `{results, next}`
 * without a count, and a plain array.
 */
export function pageFromBody<T>(body: unknown, offset: number): Page<T> {
  if (Array.isArray(body)) return { results: body as T[], count: body.length, hasMore: false };
  if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    const results = Array.isArray(o.results) ? (o.results as T[]) : [];
    const count = typeof o.count === 'number' ? o.count : typeof o.total_count === 'number' ? o.total_count : undefined;
    const hasNext = typeof o.next === 'string' && o.next.length > 0;
    const hasMore = hasNext || (count !== undefined && offset + results.length < count);
    return { results, count, hasMore };
  }
  return { results: [], hasMore: false };
}

/**
 * The page asked for, from a list answer. An endpoint that is not paginated upstream (or ignored
 * limit/offset and sent everything) is sliced here.
 */
export function pageOf<T>(body: unknown, at: { offset: number; limit: number; paginated: boolean }): Page<T> {
  const { offset, limit } = at;
  const page = pageFromBody<T>(body, offset);
  if (!at.paginated || (page.count === undefined && page.results.length > limit && !page.hasMore)) {
    const all = page.results;
    const results = all.slice(offset, offset + limit);
    const hasMore = offset + limit < all.length;
    return { results, count: all.length, hasMore, nextOffset: hasMore ? offset + limit : undefined };
  }
  if (page.hasMore) page.nextOffset = offset + page.results.length;
  return page;
}
