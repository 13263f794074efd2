/**
 * Whether and how long to wait before trying a failed attempt again. Pure (the clock and the jitter
 * are inputs), so test/core/retryPolicy.test.ts checks it as a table; the client does the waiting.
 */
import { parseErrorBody, parseRetryAfter, secondsFromThrottleDetail } from './errors';
import type { AttemptOutcome, HttpAnswer, TransportFailure } from './exchange';
import { isRetrySafe } from './requestSafety';
import type { HttpMethod } from './types';

export interface RetryLimits {
  /** Retries after the first attempt for 5xx and transport failures. */
  maxRetries: number;
  /** Base delay for exponential backoff. */
  retryBaseMs: number;
  /** The most one request may spend waiting out 429s, all waits added up. */
  maxRetryWaitMs: number;
}

export interface RetryInput {
  method: HttpMethod;
  /** The caller's say on repeating; unset means "by method". */
  retrySafe?: boolean;
  /** 0 for the first attempt. */
  attempt: number;
  outcome: AttemptOutcome;
  /** 429 waits this request has already taken. */
  throttledSoFarMs: number;
  limits: RetryLimits;
  /** The jitter, in [0, 1): Math.random() in the client. */
  random: number;
  /** Now, in ms since the epoch: a Retry-After can be a date. */
  now: number;
  /** When the tool call's time budget runs out (epoch ms): no wait may end past it. Unset: no deadline. */
  deadlineAt?: number;
}

export type RetryDecision =
  /** Wait, then send again (backoff after a 5xx or a transport failure). */
  | { kind: 'retry'; waitMs: number }
  /** 429: pause this client's requests for waitMs, then send again. */
  | { kind: 'throttle'; waitMs: number }
  | { kind: 'fail' };

/** Connection failures that mean the request never left: repeating it is safe for any method. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** A 429 gets a few more attempts than a 5xx: nothing was processed, and the wait budget bounds it. */
const EXTRA_THROTTLED_ATTEMPTS = 5;

const FAIL: RetryDecision = { kind: 'fail' };

export function wasNeverSent(failure: TransportFailure): boolean {
  return NEVER_SENT.has(failure.networkCode);
}

/** Exponential backoff with jitter: between half and all of base × 2^attempt. */
export function backoffMs(attempt: number, retryBaseMs: number, random: number): number {
  const base = retryBaseMs * 2 ** attempt;
  return Math.round(base / 2 + random * (base / 2));
}

export function decide(input: RetryInput): RetryDecision {
  const decision = decideWithoutDeadline(input);
  // A wait that ends past the call's deadline would only be cut short: report the failure now.
  if (decision.kind !== 'fail' && input.deadlineAt !== undefined && input.now + decision.waitMs >= input.deadlineAt) return FAIL;
  return decision;
}

function decideWithoutDeadline(input: RetryInput): RetryDecision {
  const { attempt, outcome, limits } = input;
  const backoff = (): RetryDecision => ({ kind: 'retry', waitMs: backoffMs(attempt, limits.retryBaseMs, input.random) });
  const retrySafe = isRetrySafe(input.method, input.retrySafe);
  if ('networkCode' in outcome) {
    return (retrySafe || wasNeverSent(outcome)) && attempt < limits.maxRetries ? backoff() : FAIL;
  }
  if (outcome.status === 429) {
    const seconds = throttleSeconds(outcome, input.now);
    const waitMs = seconds !== undefined ? seconds * 1000 : backoffMs(attempt, limits.retryBaseMs, input.random);
    const withinBudget = attempt < limits.maxRetries + EXTRA_THROTTLED_ATTEMPTS && input.throttledSoFarMs + waitMs <= limits.maxRetryWaitMs;
    return withinBudget ? { kind: 'throttle', waitMs } : FAIL;
  }
  return outcome.status >= 500 && retrySafe && attempt < limits.maxRetries ? backoff() : FAIL;
}

/** How long a 429 asks us to wait: Retry-After, else PostHog's "Expected available in N seconds". */
function throttleSeconds(answer: HttpAnswer, now: number): number | undefined {
  const detail = parseErrorBody(answer.body, answer.headers['content-type']).detail;
  return parseRetryAfter(answer.headers['retry-after'], now) ?? secondsFromThrottleDetail(detail);
}
