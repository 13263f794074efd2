/** What a request does to PostHog: whether it may be sent twice, and whether it changes anything. */
import type { HttpMethod, RequestOptions } from './types';

const SAFE_METHODS = new Set<HttpMethod>(['GET', 'PUT', 'PATCH']);

/** GET, PUT and PATCH may be repeated; any other method only when the caller says so. */
export function isRetrySafe(method: HttpMethod, retrySafe?: boolean): boolean {
  return retrySafe ?? SAFE_METHODS.has(method);
}

/** Whether a request changes something in PostHog (anything but a GET, unless marked read-only). */
export function isChange(opts: Pick<RequestOptions, 'method' | 'readOnly'>): boolean {
  return opts.method !== 'GET' && opts.readOnly !== true;
}
