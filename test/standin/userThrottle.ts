/**
 * A per-user throttle pair (burst + sustained), as PostHog's `UserRateThrottle` subclasses in
 * posthog/rate_limit.py: the bucket is the user, not the key, and a refusal is the 429 envelope
 * "Request was throttled. Expected available in N seconds.".
 */
import { HttpError, envelope } from './core';

export interface UserThrottle {
  burst: { limit: number; windowMs: number };
  sustained: { limit: number; windowMs: number };
  hits: Map<number, number[]>;
  reset(): void;
}

export function userThrottle(burstPerMinute: number, sustainedPerHour: number): UserThrottle {
  const hits = new Map<number, number[]>();
  return {
    burst: { limit: burstPerMinute, windowMs: 60_000 },
    sustained: { limit: sustainedPerHour, windowMs: 3_600_000 },
    hits,
    reset: () => hits.clear(),
  };
}

/** Counts one request of `userId`, or throws PostHog's 429 when either window is full. */
export function takeUserThrottle(t: UserThrottle, userId: number, now = Date.now()): void {
  const keep = Math.max(t.burst.windowMs, t.sustained.windowMs);
  const list = (t.hits.get(userId) ?? []).filter((at) => now - at < keep);
  for (const w of [t.burst, t.sustained]) {
    const inWindow = list.filter((at) => now - at < w.windowMs);
    if (inWindow.length >= w.limit) {
      t.hits.set(userId, list);
      const wait = Math.max(1, Math.ceil((inWindow[0] + w.windowMs - now) / 1000));
      throw new HttpError(429, envelope('throttled_error', 'throttled', `Request was throttled. Expected available in ${wait} seconds.`));
    }
  }
  list.push(now);
  t.hits.set(userId, list);
}
