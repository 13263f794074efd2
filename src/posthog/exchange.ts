/**
 * One HTTP attempt through axios, with a timeout of its own and cancellation by AbortSignal. It
 * reports what happened (an answer, or no answer and why); retries and wording are the caller's.
 */
import type { AxiosInstance } from 'axios';
import type { HttpMethod, RequestOptions } from './types';

/** What PostHog (or a proxy) answered, whatever the status. */
export interface HttpAnswer {
  status: number;
  /** Lower-case names, repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The raw text (axios is told not to parse it). */
  body: string;
}

/** No answer came: the connection failed, or our timeout cut it. */
export interface TransportFailure {
  /** Node's or axios's error code: ECONNREFUSED, ECONNRESET, ERR_CANCELED (a timeout)… */
  networkCode: string;
  timedOut: boolean;
}

export type AttemptOutcome = HttpAnswer | TransportFailure;

export interface OutgoingRequest {
  method: HttpMethod;
  url: string;
  query?: RequestOptions['query'];
  body?: unknown;
  /** The personal API key, sent as a Bearer header; none for the ingestion host. */
  apiKey?: string;
  /** The caller's extra headers; never sent with `apiKey` (the key's Authorization must win). */
  headers?: Record<string, string>;
  /** Sent as `Mcp-Session-Id` (see RequestOptions.mcpSessionId). */
  mcpSessionId?: string;
  signal?: AbortSignal;
}

export class HttpExchange {
  /** Made on the first request: axios and Node's http stack load only when PostHog is called. */
  private instance?: Promise<AxiosInstance>;

  constructor(
    private readonly userAgent: string,
    private readonly timeoutMs: number,
  ) {}

  async send(req: OutgoingRequest): Promise<AttemptOutcome> {
    // Our own timer and controller, so that a timeout can be told apart from a cancellation
    // (AbortSignal.any, to join a timeout signal with the caller's, needs Node 20.3; we allow 20.0).
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const onAbort = () => controller.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const http = await this.http();
      const res = await http.request<string>({
        method: req.method,
        url: req.url,
        params: cleanQuery(req.query),
        data: req.body === undefined ? undefined : JSON.stringify(req.body),
        headers: {
          ...(req.apiKey === undefined ? req.headers : {}),
          ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(req.mcpSessionId ? { 'Mcp-Session-Id': req.mcpSessionId } : {}),
          ...(req.apiKey === undefined ? {} : { Authorization: `Bearer ${req.apiKey}` }),
        },
        signal: controller.signal,
      });
      return { status: res.status, headers: flattenHeaders(res.headers), body: res.data };
    } catch (err) {
      const e = err as { code?: string; name?: string };
      return { networkCode: e.code ?? e.name ?? 'ERROR', timedOut };
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The axios instance, made on the first request (axiosInstance.ts says why so late). */
  private http(): Promise<AxiosInstance> {
    this.instance ??= import('./axiosInstance.js').then((m) => m.createAxios(this.userAgent));
    return this.instance;
  }
}

/** A request's extra headers for one attempt (numbered from 1). */
export function headersFor(headers: RequestOptions['headers'], attempt: number): Record<string, string> | undefined {
  return typeof headers === 'function' ? headers(attempt) : headers;
}

function cleanQuery(query?: RequestOptions['query']): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null) continue;
    out[k] = String(v);
  }
  return out;
}

function flattenHeaders(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers && typeof headers === 'object') {
    for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
    }
  }
  return out;
}
