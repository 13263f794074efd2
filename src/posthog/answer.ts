/** What an HTTP answer means for the caller: its parsed body on success, a PostHogError otherwise. */
import { PostHogError, errorFromResponse } from './errors';
import type { HttpAnswer } from './exchange';
import { isChange } from './requestSafety';
import type { ApiResponse, RequestOptions } from './types';

/** 2xx, or a status the caller takes as an answer (a 302 for OAuth). */
export function isSuccess(status: number, acceptStatus: number[] = []): boolean {
  return (status >= 200 && status < 300) || acceptStatus.includes(status);
}

export function readAnswer<T>(answer: HttpAnswer, opts: RequestOptions): ApiResponse<T> {
  const { status, headers } = answer;
  // A change PostHog answered 2xx to was probably made even when the answer is unreadable.
  return { status, data: parseBody<T>(answer.body, headers['content-type'], opts.action, status, isChange(opts)), headers };
}

/** The error for a non-success answer. A 502/504 to a change may mean the change went through. */
export function errorFromAnswer(
  answer: HttpAnswer,
  ctx: { action: string; object?: string; host: string; path?: string; retrySafe: boolean },
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
