/**
 * The retry policy as a table: what failed (a status, or a network error) × method × attempt →
 * retry after a backoff, wait out a 429 (throttle), or fail. One subtest per row.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AttemptOutcome } from '../../src/posthog/exchange';
import { backoffMs, decide, type RetryDecision, type RetryInput } from '../../src/posthog/retryPolicy';
import type { HttpMethod } from '../../src/posthog/types';

const NOW = Date.UTC(2026, 11, 2, 8, 0, 0);
const limits = { maxRetries: 3, retryBaseMs: 100, maxRetryWaitMs: 60_000 };
/** With random = 0.5 the backoff is 3/4 of base × 2^attempt: 75, 150, 300 ms. */
const RANDOM = 0.5;

const status = (code: number, headers: Record<string, string> = {}, body = ''): AttemptOutcome => ({ status: code, headers, body });
const network = (networkCode: string): AttemptOutcome => ({ networkCode, timedOut: false });
const timeout: AttemptOutcome = { networkCode: 'ERR_CANCELED', timedOut: true };
const throttled = (detail: string) => JSON.stringify({ type: 'throttled_error', code: 'throttled', detail, attr: null });

interface Row {
  method: HttpMethod;
  retrySafe?: boolean;
  attempt: number;
  outcome: AttemptOutcome;
  throttledSoFarMs?: number;
  /** ms from now until the tool call's deadline; unset: no deadline. */
  deadlineInMs?: number;
  expect: RetryDecision;
  /** What the row is about, when the outcome alone does not say it. */
  why?: string;
}

const retry = (waitMs: number): RetryDecision => ({ kind: 'retry', waitMs });
const wait = (waitMs: number): RetryDecision => ({ kind: 'throttle', waitMs });
const fail: RetryDecision = { kind: 'fail' };

const rows: Row[] = [
  // 5xx: repeated only where that is safe, up to maxRetries retries.
  { method: 'GET', attempt: 0, outcome: status(503), expect: retry(75) },
  { method: 'GET', attempt: 1, outcome: status(503), expect: retry(150) },
  { method: 'GET', attempt: 2, outcome: status(503), expect: retry(300) },
  { method: 'GET', attempt: 3, outcome: status(503), expect: fail, why: 'maxRetries used up' },
  { method: 'PATCH', attempt: 0, outcome: status(500), expect: retry(75) },
  { method: 'PUT', attempt: 0, outcome: status(502), expect: retry(75) },
  { method: 'POST', attempt: 0, outcome: status(503), expect: fail, why: 'a POST may have been processed' },
  { method: 'DELETE', attempt: 0, outcome: status(504), expect: fail },
  { method: 'POST', retrySafe: true, attempt: 0, outcome: status(503), expect: retry(75), why: 'the caller marked it safe' },
  { method: 'POST', retrySafe: true, attempt: 3, outcome: status(503), expect: fail },
  { method: 'GET', retrySafe: false, attempt: 0, outcome: status(500), expect: fail, why: 'the caller marked it unsafe' },
  // Other statuses are answers to report, not to repeat.
  { method: 'GET', attempt: 0, outcome: status(404), expect: fail },
  { method: 'GET', attempt: 0, outcome: status(401), expect: fail },
  { method: 'POST', attempt: 0, outcome: status(400), expect: fail },
  { method: 'PATCH', attempt: 0, outcome: status(409), expect: fail },
  // Never sent: repeated for any method.
  { method: 'GET', attempt: 0, outcome: network('ECONNREFUSED'), expect: retry(75) },
  { method: 'POST', attempt: 0, outcome: network('ECONNREFUSED'), expect: retry(75), why: 'nothing was sent' },
  { method: 'DELETE', attempt: 2, outcome: network('ENOTFOUND'), expect: retry(300) },
  { method: 'POST', attempt: 1, outcome: network('EAI_AGAIN'), expect: retry(150) },
  { method: 'POST', attempt: 3, outcome: network('ECONNREFUSED'), expect: fail, why: 'maxRetries used up' },
  // Sent, then the connection failed: only where repeating is safe.
  { method: 'GET', attempt: 0, outcome: network('ECONNRESET'), expect: retry(75) },
  { method: 'POST', attempt: 0, outcome: network('ECONNRESET'), expect: fail, why: 'the create may have landed' },
  { method: 'DELETE', attempt: 0, outcome: network('EPIPE'), expect: fail },
  { method: 'POST', retrySafe: true, attempt: 0, outcome: network('ECONNRESET'), expect: retry(75) },
  // Our timeout: the request went out.
  { method: 'GET', attempt: 0, outcome: timeout, expect: retry(75) },
  { method: 'GET', attempt: 3, outcome: timeout, expect: fail },
  { method: 'POST', attempt: 0, outcome: timeout, expect: fail },
  { method: 'POST', retrySafe: true, attempt: 1, outcome: timeout, expect: retry(150) },
  // 429: nothing was processed, so any method waits as asked, within the wait budget.
  { method: 'GET', attempt: 0, outcome: status(429, { 'retry-after': '2' }), expect: wait(2_000) },
  { method: 'POST', attempt: 0, outcome: status(429, { 'retry-after': '0' }), expect: wait(0) },
  {
    method: 'GET',
    attempt: 0,
    outcome: status(429, { 'retry-after': new Date(NOW + 5_000).toUTCString() }),
    expect: wait(5_000),
    why: 'Retry-After as a date',
  },
  {
    method: 'GET',
    attempt: 0,
    outcome: status(429, { 'content-type': 'application/json' }, throttled('Request was throttled. Expected available in 7 seconds.')),
    expect: wait(7_000),
    why: 'the throttle detail',
  },
  {
    method: 'POST',
    attempt: 1,
    outcome: status(429, { 'retry-after': '3' }, throttled('Request was throttled. Expected available in 7 seconds.')),
    expect: wait(3_000),
    why: 'Retry-After before the detail',
  },
  {
    method: 'GET',
    attempt: 1,
    outcome: status(429, {}, throttled('Request was throttled.')),
    expect: wait(150),
    why: 'no hint: the backoff',
  },
  {
    method: 'GET',
    attempt: 0,
    outcome: status(429, { 'retry-after': '2' }),
    throttledSoFarMs: 58_000,
    expect: wait(2_000),
    why: 'exactly the cap',
  },
  {
    method: 'GET',
    attempt: 0,
    outcome: status(429, { 'retry-after': '2' }),
    throttledSoFarMs: 58_001,
    expect: fail,
    why: 'past the total wait cap',
  },
  {
    method: 'GET',
    attempt: 0,
    outcome: status(429, {}, throttled('Request was throttled. Expected available in 3600 seconds.')),
    expect: fail,
    why: 'one wait longer than the cap',
  },
  { method: 'GET', attempt: 7, outcome: status(429, { 'retry-after': '1' }), expect: wait(1_000), why: 'maxRetries + 5 attempts' },
  { method: 'GET', attempt: 8, outcome: status(429, { 'retry-after': '1' }), expect: fail, why: 'past maxRetries + 5 attempts' },
  // The tool call's deadline: no wait starts that would end at or past it.
  { method: 'GET', attempt: 0, outcome: status(503), deadlineInMs: 76, expect: retry(75), why: 'the backoff ends before the deadline' },
  { method: 'GET', attempt: 0, outcome: status(503), deadlineInMs: 75, expect: fail, why: 'the backoff would end at the deadline' },
  { method: 'GET', attempt: 1, outcome: timeout, deadlineInMs: 100, expect: fail, why: 'the backoff would end past the deadline' },
  {
    method: 'GET',
    attempt: 0,
    outcome: status(429, { 'retry-after': '2' }),
    deadlineInMs: 2_001,
    expect: wait(2_000),
    why: 'the wait fits',
  },
  {
    method: 'GET',
    attempt: 0,
    outcome: status(429, { 'retry-after': '2' }),
    deadlineInMs: 1_999,
    expect: fail,
    why: 'a 429 wait longer than what the call has left fails at once',
  },
  {
    method: 'POST',
    attempt: 0,
    outcome: network('ECONNREFUSED'),
    deadlineInMs: 50,
    expect: fail,
    why: 'never sent, but no time left to retry',
  },
];

function describeRow(row: Row): string {
  const what = 'status' in row.outcome ? String(row.outcome.status) : row.outcome.timedOut ? 'timeout' : row.outcome.networkCode;
  const method = row.retrySafe === undefined ? row.method : `${row.method} (retrySafe: ${row.retrySafe})`;
  const then = row.expect.kind === 'fail' ? 'fail' : `${row.expect.kind} after ${row.expect.waitMs} ms`;
  const so = row.throttledSoFarMs ? `, ${row.throttledSoFarMs} ms waited` : '';
  const left = row.deadlineInMs === undefined ? '' : `, ${row.deadlineInMs} ms to the deadline`;
  return `${method} ${what}, attempt ${row.attempt}${so}${left} → ${then}${row.why ? ` (${row.why})` : ''}`;
}

describe('retry policy', () => {
  for (const row of rows) {
    it(describeRow(row), () => {
      const input: RetryInput = {
        method: row.method,
        retrySafe: row.retrySafe,
        attempt: row.attempt,
        outcome: row.outcome,
        throttledSoFarMs: row.throttledSoFarMs ?? 0,
        limits,
        random: RANDOM,
        now: NOW,
        deadlineAt: row.deadlineInMs === undefined ? undefined : NOW + row.deadlineInMs,
      };
      assert.deepEqual(decide(input), row.expect);
    });
  }
});

describe('backoff', () => {
  const table: Array<[attempt: number, random: number, ms: number]> = [
    [0, 0, 50],
    [0, 0.999, 100],
    [2, 0, 200],
    [2, 0.5, 300],
    [3, 0.999, 800],
  ];
  for (const [attempt, random, ms] of table) {
    it(`attempt ${attempt}, jitter ${random} → ${ms} ms (half to all of base × 2^attempt)`, () => {
      assert.equal(backoffMs(attempt, 100, random), ms);
    });
  }
});
