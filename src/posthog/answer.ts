/** What an HTTP answer means for the caller: its parsed body on success, a PostHogError otherwise. */
import { PostHogError, errorFromResponse } from './errors';
import type { HttpAnswer } from './exchange';
import { isChange } from './requestSafety';
import type { ApiResponse, HttpMethod, RequestOptions } from './types';

/** 2xx, or a status the caller takes as an answer (a 302 for OAuth). */
export function isSuccess(status: number, acceptStatus: number[] = []): boolean {
  return (status >= 200 && status < 300) || acceptStatus.includes(status);
}

export function readAnswer<T>(answer: HttpAnswer, opts: RequestOptions): ApiResponse<T> {
  const { status, headers } = answer;
  // A change PostHog answered 2xx to was probably made even when the answer is unreadable.
  return { status, data: parseBody<T>(answer.body, headers['content-type'], opts.action, status, isChange(opts)), headers };
}

/**
 * Server errors after which a change may still have been applied. PostHog's Django runs without
 * ATOMIC_REQUESTS (posthog/settings/data_stores.py sets none), so a row saved before a later step
 * fails stays saved; a proxy's 502/504 (or a 503 from a restarting pod) may hide a finished request.
 */
const UNCERTAIN_SERVER_ERRORS = new Set([500, 502, 503, 504]);

/** What the server-error wording ends with: for a change that may have been applied it would invite a duplicate. */
const TRY_AGAIN_SHORTLY = / This is usually temporary: try again shortly\.$/;

/**
 * The error for a non-success answer. A 5xx to a create (a POST that changes something) leaves its
 * outcome unknown, as a lost answer does; a 502/504 to another change that is not safe to repeat too.
 */
export function errorFromAnswer(
  answer: HttpAnswer,
  ctx: { action: string; object?: string; host: string; path?: string; retrySafe: boolean; method: HttpMethod; change: boolean },
): PostHogError {
  const { status, headers } = answer;
  const error = errorFromResponse({
    action: ctx.action,
    object: ctx.object,
    host: ctx.host,
    path: ctx.path,
    location: headers.location,
    status,
    body: answer.body,
    contentType: headers['content-type'],
    retryAfterHeader: headers['retry-after'],
  });
  if (ctx.method === 'POST' && ctx.change && !ctx.retrySafe && UNCERTAIN_SERVER_ERRORS.has(status)) {
    const what = /^create /.test(ctx.action)
      ? 'it may have been created: list before trying again'
      : 'the change may have been applied: check before trying again';
    const said = error.message.replace(TRY_AGAIN_SHORTLY, '');
    return new PostHogError({
      kind: 'outcome_unknown',
      status,
      message: `${said}${/\."?$/.test(said) ? '' : '.'} Its outcome is unknown; ${what}.`,
    });
  }
  if (!ctx.retrySafe && (status === 502 || status === 504)) {
    return new PostHogError({
      kind: 'outcome_unknown',
      status,
      message: `${error.message} A proxy answered instead of PostHog, so the change may or may not have been applied: check before trying again.`,
    });
  }
  return error;
}

function parseBody<T>(raw: unknown, contentType: string | undefined, action: string, status: number, change: boolean): T {
  if (typeof raw !== 'string') return raw as T;
  if (raw.trim() === '') return undefined as T;
  const looksJson = (contentType ?? '').includes('json') || /^[\s]*[{["]/.test(raw);
  if (!looksJson) return raw as unknown as T;
  try {
    return JSON.parse(raw) as T;
  } catch {
    if (change && status >= 200 && status < 300) {
      throw new PostHogError({
        kind: 'outcome_unknown',
        status,
        message: `Could not confirm the result of ${action}: PostHog answered ${status} but the body was not valid JSON (a proxy or an incomplete response?). The change was probably carried out: check the current state before trying again.`,
      });
    }
    throw new PostHogError({
      kind: 'server',
      status,
      message: `Could not ${action}: PostHog answered ${status} but the body was not valid JSON (a proxy or an incomplete response?). Try again; if it persists, check the host setting.`,
    });
  }
}
