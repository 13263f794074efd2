/**
 * One HTTP attempt through axios, with a timeout of its own and cancellation by AbortSignal. It
 * reports what happened (an answer, or no answer and why); retries and wording are the caller's.
 */
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
  signal?: AbortSignal;
}

export class HttpExchange {
  /** Made on the first request: axios and Node's http stack load only when PostHog is called. */
  private instance?: ReturnType<typeof createAxios>;

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
          ...(req.body === undefined ? {} : { 'Content-Type': 'application/json' }),
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

  /**
   * The axios instance, created on first use. Loading axios touches Node's lazily loaded web
   * globals (undici) and its http stack: deferred, `posthog-mcp` answers initialize and tools/list
   * without them (cold start) and the extension loads core.js faster.
   */
  private http(): ReturnType<typeof createAxios> {
    this.instance ??= createAxios(this.userAgent);
    return this.instance;
  }
}

/** Typed by what it returns: axios's ESM types, as `import()` resolves them. */
async function createAxios(userAgent: string) {
  const [{ default: axios }, http, https] = await Promise.all([import('axios'), import('node:http'), import('node:https')]);
  return axios.create({
    adapter: 'http', // Node's http: the bundles leave axios's fetch adapter out (scripts/build.mjs)
    timeout: 0, // our own timer, so a timeout can be told apart from a cancellation
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
    maxContentLength: 50 * 1024 * 1024,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 32 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 32 }),
    headers: { 'User-Agent': userAgent, Accept: 'application/json' },
  });
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
