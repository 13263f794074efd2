/**
 * The wording for requests that got no usable answer: cancelled, never sent, timed out, or cut off
 * after a change was sent. (Answers with an error status are worded in errors.ts.)
 */
import { PostHogError } from './errors';
import type { TransportFailure } from './exchange';
import { secondsText } from './deadline';
import { wasNeverSent } from './retryPolicy';

export function cancelledBeforeSending(): PostHogError {
  return new PostHogError({ kind: 'cancelled', message: 'Cancelled before the request was sent.' });
}

export function cancelledWhileWaiting(): PostHogError {
  return new PostHogError({ kind: 'cancelled', message: 'Cancelled while waiting to retry.' });
}

export function cancelledInFlight(action: string): PostHogError {
  return new PostHogError({ kind: 'cancelled', message: `Cancelled: ${action} was stopped before PostHog answered.` });
}

export interface TransportErrorContext {
  /** "list feature flags" */
  action: string;
  /** The host the request went to. */
  host: string;
  /** Whether the request changes something: then a lost answer leaves the outcome unknown. */
  change: boolean;
  /** How many times it was sent in all. */
  attempts: number;
  timeoutMs: number;
}

/** The last attempt's failure, in words; for a change, says whether it may have been applied. */
export function transportError(failure: TransportFailure, ctx: TransportErrorContext): PostHogError {
  const { action, host, change } = ctx;
  const code = failure.networkCode;
  if (wasNeverSent(failure)) {
    return new PostHogError({
      kind: 'network',
      message: `Could not ${action}: ${host} could not be reached (${code}). Check the host setting and your network connection.`,
    });
  }
  // The request went out. A change may have been applied even though no answer came back: say so.
  const tries = ctx.attempts > 1 ? ` (after ${ctx.attempts} attempts)` : '';
  const seconds = Math.round(ctx.timeoutMs / 1000);
  if (failure.timedOut) {
    if (change) {
      return new PostHogError({
        kind: 'outcome_unknown',
        message: `Could not ${action}: PostHog did not answer within ${seconds} s${tries}, so it is unknown whether the change was applied. Check the current state before trying again.`,
      });
    }
    return new PostHogError({
      kind: 'timeout',
      message: `Could not ${action}: PostHog did not answer within ${seconds} s${tries}. PostHog may be slow or unreachable; try again later.`,
    });
  }
  if (change) {
    return new PostHogError({
      kind: 'outcome_unknown',
      message: `Could not ${action}: the connection to ${host} failed (${code}) after the request was sent${tries}, so it is unknown whether the change was applied. Check the current state before trying again.`,
    });
  }
  return new PostHogError({
    kind: 'network',
    message: `Could not ${action}: the connection to ${host} failed (${code})${tries}. PostHog or a proxy in between may be having trouble; try again shortly.`,
  });
}

export interface DeadlineContext {
  action: string;
  /** Whether the request changes something. */
  change: boolean;
  /** Whether an attempt went out without a clear answer (cut off, or a 5xx): if none did, a change was not applied. */
  unconfirmed: boolean;
  /** The call's whole budget. */
  budgetMs: number;
}

/** The call's time budget ran out (not the caller's cancellation): say what timed out. */
export function deadlineReached(ctx: DeadlineContext): PostHogError {
  const base = `Could not ${ctx.action}: PostHog did not answer within the ${secondsText(ctx.budgetMs)} s this call may take`;
  if (ctx.change && ctx.unconfirmed) {
    return new PostHogError({
      kind: 'outcome_unknown',
      message: `${base}, so it is unknown whether the change was applied: check before trying again.`,
    });
  }
  const unsent = ctx.change ? ' Nothing was changed.' : '';
  return new PostHogError({ kind: 'timeout', message: `${base}.${unsent} PostHog may be slow or unreachable; try again later.` });
}

/** A 429 pause longer than the call has left: report it now rather than wait past the deadline. Nothing was sent. */
export function throttledPastDeadline(action: string, waitMs: number): PostHogError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new PostHogError({
    kind: 'rate_limited',
    retryAfterSeconds: seconds,
    message: `Could not ${action}: PostHog's rate limit was reached (429). Try again in about ${seconds} seconds.`,
  });
}
