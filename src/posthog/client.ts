/**
 * The PostHog REST client. Knows nothing of VS Code or MCP.
 *
 * - Personal API key as `Authorization: Bearer`, never logged.
 * - Every request has a timeout and can be cancelled with an AbortSignal.
 * - 429 is waited out as Retry-After (or the "Expected available in N seconds" detail) says,
 *   within a cap, and pauses every other request on this client meanwhile.
 * - 5xx, timeouts and network failures are retried with backoff only where repeating is safe.
 */
import type { AxiosInstance, AxiosResponse, AxiosStatic } from 'axios';
import { PostHogError, errorFromResponse, parseRetryAfter, secondsFromThrottleDetail, parseErrorBody } from './errors';
import { ingestionHostFor, normalizeHost } from './hosts';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestLog {
  method: HttpMethod;
  /** Path only, never the query string's values that could hold personal data, never headers. */
  path: string;
  status?: number;
  durationMs: number;
  attempt: number;
  /** Set when the attempt failed without an HTTP status. */
  error?: string;
}

export interface PostHogClientOptions {
  apiKey: string;
  /** "us", "eu", or an instance URL. Defaults to US cloud. */
  host?: string;
  /** Overrides the capture / flags host derived from `host`. */
  ingestionHost?: string;
  /** The active project. When omitted, the key's current project from /api/users/@me/. */
  projectId?: number | string;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt for retryable failures. Default 3. */
  maxRetries?: number;
  /** Base delay for exponential backoff. Default 300 ms. */
  retryBaseMs?: number;
  /** The longest a request may wait out 429s (all its waits added up) before we report it. Default 60 s. */
  maxRetryWaitMs?: number;
  /** How many requests may be in flight at once. Default 8. */
  maxConcurrent?: number;
  /** Called once per attempt, for logs. */
  onRequest?: (log: RequestLog) => void;
  userAgent?: string;
}

export interface RequestOptions {
  method: HttpMethod;
  /** A path starting with `/` (resolved against the app or ingestion host). */
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  signal?: AbortSignal;
  /** What this request does, in words: "list feature flags". Used in error messages. */
  action: string;
  /** What a 404 is about: "feature flag 12". */
  object?: string;
  /** Send to the ingestion host without the personal key. */
  ingestion?: boolean;
  /**
   * Whether repeating the request after a 5xx / timeout / reset is safe. GET, PUT and PATCH are
   * safe by default; a POST is only when the caller says so (capture with a uuid, read-only queries).
   */
  retrySafe?: boolean;
  /**
   * The request changes nothing even though it is not a GET (flag evaluation, queries). Any other
   * non-GET is a change: when its answer is lost, the error says the outcome is unknown.
   */
  readOnly?: boolean;
  /** Statuses (besides 2xx) that are answers rather than errors, e.g. 302 for OAuth redirects. */
  acceptStatus?: number[];
}

export interface ApiResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

export interface Page<T> {
  results: T[];
  /** The total, when PostHog gives one. */
  count?: number;
  hasMore: boolean;
  /** The offset to ask for next, when hasMore. */
  nextOffset?: number;
}

export interface ProjectSummary {
  id: number;
  name: string;
  organization?: string;
  apiToken?: string;
}

export interface ProjectContext {
  projectId: number;
  projectName?: string;
  /** The project API token (phc_…) used for capture and flag evaluation. */
  apiToken?: string;
  user?: { email?: string; name?: string; uuid?: string; distinctId?: string };
  organizationId?: string;
}

const SAFE_METHODS = new Set<HttpMethod>(['GET', 'PUT', 'PATCH']);
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class PostHogClient {
  readonly host: string;
  readonly ingestionHost: string;
  private readonly apiKey: string;
  /** Made on the first request: axios and Node's http stack load only when PostHog is called. */
  private httpInstance?: AxiosInstance;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;
  private readonly maxRetryWaitMs: number;
  private readonly maxConcurrent: number;
  private readonly onRequest?: (log: RequestLog) => void;
  private readonly configuredProjectId?: number;
  private contextPromise?: Promise<ProjectContext>;
  private tokenPromise?: Promise<string>;
  private throttledUntil = 0;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(options: PostHogClientOptions) {
    if (!options.apiKey || !options.apiKey.trim()) {
      throw new PostHogError({ kind: 'config', message: 'No PostHog personal API key was given. Sign in, or set POSTHOG_API_KEY.' });
    }
    this.apiKey = options.apiKey.trim();
    this.host = normalizeHost(options.host);
    this.ingestionHost = options.ingestionHost ? normalizeHost(options.ingestionHost) : ingestionHostFor(this.host);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 300;
    this.maxRetryWaitMs = options.maxRetryWaitMs ?? 60_000;
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 8);
    this.onRequest = options.onRequest;
    if (options.projectId !== undefined && options.projectId !== null && String(options.projectId).trim() !== '') {
      const pid = Number(options.projectId);
      if (!Number.isInteger(pid) || pid <= 0) {
        throw new PostHogError({
          kind: 'config',
          message: `"${options.projectId}" is not a valid PostHog project id: use the number from the project's URL.`,
        });
      }
      this.configuredProjectId = pid;
    }
    this.userAgent = options.userAgent ?? 'posthog-vscode-mcp';
  }

  /**
   * The axios instance, created on first use. Loading axios touches Node's lazily loaded web
   * globals (undici) and its http stack: deferred, `posthog-mcp` answers initialize and tools/list
   * without them (cold start) and the extension loads core.js faster.
   */
  private get http(): AxiosInstance {
    let instance = this.httpInstance;
    if (!instance) {
      const mod = require('axios') as AxiosStatic & { default?: AxiosStatic };
      const axios = mod.default ?? mod;
      const http = require('node:http') as typeof import('node:http');
      const https = require('node:https') as typeof import('node:https');
      instance = axios.create({
        adapter: 'http', // Node's http: the bundles leave axios's fetch adapter out (scripts/build.mjs)
        timeout: 0, // our own timer, so a timeout can be told apart from a cancellation
        maxRedirects: 0,
        responseType: 'text',
        transformResponse: [(d: unknown) => d],
        validateStatus: () => true,
        maxContentLength: 50 * 1024 * 1024,
        httpAgent: new http.Agent({ keepAlive: true, maxSockets: 32 }),
        httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 32 }),
        headers: { 'User-Agent': this.userAgent, Accept: 'application/json' },
      });
      this.httpInstance = instance;
    }
    return instance;
  }

  /** The app host's UI link for a path inside the active project ("feature_flags/12"). */
  async uiUrl(path: string): Promise<string> {
    const { projectId } = await this.context();
    return `${this.host}/project/${projectId}/${path.replace(/^\//, '')}`;
  }

  /** Same as uiUrl, for when the project id is already known. */
  uiUrlFor(projectId: number, path: string): string {
    return `${this.host}/project/${projectId}/${path.replace(/^\//, '')}`;
  }

  /** The active project, resolved once and cached. */
  context(signal?: AbortSignal): Promise<ProjectContext> {
    if (!this.contextPromise) {
      const p = this.resolveContext(signal);
      this.contextPromise = p;
      p.catch(() => {
        if (this.contextPromise === p) this.contextPromise = undefined; // do not cache failures
      });
    }
    return this.contextPromise;
  }

  /** The signed-in user and their current project, straight from /api/users/@me/. */
  async me(signal?: AbortSignal): Promise<Record<string, unknown>> {
    const res = await this.request<Record<string, unknown>>({
      method: 'GET',
      path: '/api/users/@me/',
      signal,
      action: 'read the signed-in user',
    });
    return res.data ?? {};
  }

  private async resolveContext(signal?: AbortSignal): Promise<ProjectContext> {
    const me = await this.me(signal);
    const team = (me.team ?? {}) as Record<string, unknown>;
    const user = {
      email: typeof me.email === 'string' ? me.email : undefined,
      name: [me.first_name, me.last_name].filter((x) => typeof x === 'string' && x).join(' ') || undefined,
      uuid: typeof me.uuid === 'string' ? me.uuid : undefined,
      distinctId: typeof me.distinct_id === 'string' ? me.distinct_id : undefined,
    };
    const org = (me.organization ?? {}) as Record<string, unknown>;
    const organizationId = typeof org.id === 'string' ? org.id : undefined;
    if (this.configuredProjectId === undefined || this.configuredProjectId === team.id) {
      if (typeof team.id !== 'number') {
        throw new PostHogError({
          kind: 'config',
          message:
            'This PostHog user has no current project. Create a project in PostHog, or set a project id (POSTHOG_PROJECT_ID or the posthog.projectId setting).',
        });
      }
      return {
        projectId: team.id,
        projectName: typeof team.name === 'string' ? team.name : undefined,
        apiToken: typeof team.api_token === 'string' ? team.api_token : undefined,
        user,
        organizationId,
      };
    }
    // Another project than the key's current one: look it up (also checks the key can see it).
    const pid = this.configuredProjectId;
    const res = await this.request<Record<string, unknown>>({
      method: 'GET',
      path: `/api/projects/${pid}/`,
      signal,
      action: `open project ${pid}`,
      object: `project ${pid}`,
    });
    return {
      projectId: pid,
      projectName: typeof res.data?.name === 'string' ? res.data.name : undefined,
      apiToken: typeof res.data?.api_token === 'string' ? res.data.api_token : undefined,
      user,
      organizationId,
    };
  }

  /** The project API token for capture and flag evaluation. */
  async projectToken(signal?: AbortSignal): Promise<string> {
    const ctx = await this.context(signal);
    if (ctx.apiToken) return ctx.apiToken;
    if (!this.tokenPromise) {
      this.tokenPromise = this.request<Record<string, unknown>>({
        method: 'GET',
        path: `/api/projects/${ctx.projectId}/`,
        signal,
        action: 'read the project API token',
        object: `project ${ctx.projectId}`,
      }).then((res) => {
        const token = res.data?.api_token;
        if (typeof token !== 'string' || !token) {
          throw new PostHogError({
            kind: 'config',
            message: `Project ${ctx.projectId} has no project API token, so events and flags cannot be sent to it.`,
          });
        }
        return token;
      });
      this.tokenPromise.catch(() => (this.tokenPromise = undefined));
    }
    return this.tokenPromise;
  }

  /** `/api/projects/{id}/<suffix>` for the active project. */
  async projectPath(suffix: string, signal?: AbortSignal): Promise<string> {
    const { projectId } = await this.context(signal);
    return `/api/projects/${projectId}/${suffix.replace(/^\//, '')}`;
  }

  /** Projects the key can see (the current organization's), with the active one marked by the caller. */
  async listProjects(signal?: AbortSignal): Promise<ProjectSummary[]> {
    const res = await this.request<unknown>({
      method: 'GET',
      path: '/api/projects/',
      query: { limit: 200 },
      signal,
      action: 'list projects',
    });
    const rows = pageFromBody<Record<string, unknown>>(res.data, 0).results;
    return rows
      .filter((r) => typeof r.id === 'number')
      .map((r) => ({
        id: r.id as number,
        name: typeof r.name === 'string' ? r.name : `Project ${r.id}`,
        organization: typeof r.organization === 'string' ? r.organization : undefined,
        apiToken: typeof r.api_token === 'string' ? r.api_token : undefined,
      }));
  }

  /**
   * GET a list endpoint of the active project and normalise PostHog's envelopes
   * (std `{count,next,results}`, `{results}` only, `{results,next}` without count, plain array).
   * Endpoints that are not paginated upstream are paged here.
   */
  async list<T = Record<string, unknown>>(
    suffix: string,
    opts: {
      limit?: number;
      offset?: number;
      query?: RequestOptions['query'];
      signal?: AbortSignal;
      action: string;
      paginated?: boolean;
      object?: string;
    },
  ): Promise<Page<T>> {
    const limit = opts.limit ?? 100;
    const offset = opts.offset ?? 0;
    const path = await this.projectPath(suffix, opts.signal);
    const paginated = opts.paginated !== false;
    const res = await this.request<unknown>({
      method: 'GET',
      path,
      query: paginated ? { ...opts.query, limit, offset } : opts.query,
      signal: opts.signal,
      action: opts.action,
      object: opts.object,
    });
    const page = pageFromBody<T>(res.data, offset);
    if (!paginated || (page.count === undefined && page.results.length > limit && !page.hasMore)) {
      // Not paged upstream: slice it ourselves.
      const all = page.results;
      const results = all.slice(offset, offset + limit);
      const hasMore = offset + limit < all.length;
      return { results, count: all.length, hasMore, nextOffset: hasMore ? offset + limit : undefined };
    }
    if (page.hasMore) page.nextOffset = offset + page.results.length;
    return page;
  }

  /** One HTTP exchange with retries, timeout and cancellation. */
  async request<T = unknown>(opts: RequestOptions): Promise<ApiResponse<T>> {
    const base = opts.ingestion ? this.ingestionHost : this.host;
    const url = base + opts.path;
    const retrySafe = opts.retrySafe ?? SAFE_METHODS.has(opts.method);
    const accept = new Set(opts.acceptStatus ?? []);
    let throttledMs = 0; // waited out for 429s so far
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(opts.signal);
      await this.waitForSlot(opts.signal);
      const started = Date.now();
      let res: AxiosResponse<string> | undefined;
      let failure: { code: string; timedOut: boolean } | undefined;
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.timeoutMs);
      const onAbort = () => controller.abort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        res = await this.http.request<string>({
          method: opts.method,
          url,
          params: cleanQuery(opts.query),
          data: opts.body === undefined ? undefined : JSON.stringify(opts.body),
          headers: {
            ...(opts.body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...(opts.ingestion ? {} : { Authorization: `Bearer ${this.apiKey}` }),
          },
          signal: controller.signal,
        });
      } catch (err) {
        const e = err as { code?: string; name?: string };
        failure = { code: e.code ?? e.name ?? 'ERROR', timedOut };
      } finally {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        this.release();
      }
      const durationMs = Date.now() - started;
      if (this.onRequest) {
        const log: RequestLog = { method: opts.method, path: opts.path, status: res?.status, durationMs, attempt };
        if (failure) log.error = failure.timedOut ? 'timeout' : failure.code;
        this.onRequest(log);
      }

      if (failure) {
        if (opts.signal?.aborted) {
          throw new PostHogError({ kind: 'cancelled', message: `Cancelled: ${opts.action} was stopped before PostHog answered.` });
        }
        const neverSent = NEVER_SENT.has(failure.code);
        if ((retrySafe || neverSent) && attempt < this.maxRetries) {
          await sleep(this.backoff(attempt), opts.signal);
          continue;
        }
        throw this.transportError(opts, failure, neverSent, retrySafe, base);
      }
      const r = res!;
      const headers = flattenHeaders(r.headers);
      const contentType = headers['content-type'];
      if ((r.status >= 200 && r.status < 300) || accept.has(r.status)) {
        // A change PostHog answered 2xx to was probably made even when the answer is unreadable.
        const change = isChange(opts);
        return { status: r.status, data: parseBody<T>(r.data, contentType, opts.action, r.status, change), headers };
      }
      if (r.status === 429) {
        const detail = parseErrorBody(r.data, contentType).detail;
        const seconds = parseRetryAfter(headers['retry-after']) ?? secondsFromThrottleDetail(detail);
        const waitMs = seconds !== undefined ? seconds * 1000 : this.backoff(attempt);
        if (attempt < this.maxRetries + 5 && throttledMs + waitMs <= this.maxRetryWaitMs) {
          throttledMs += waitMs;
          this.throttledUntil = Math.max(this.throttledUntil, Date.now() + waitMs);
          continue;
        }
      } else if (r.status >= 500 && retrySafe && attempt < this.maxRetries) {
        await sleep(this.backoff(attempt), opts.signal);
        continue;
      }
      const error = errorFromResponse({
        action: opts.action,
        object: opts.object,
        host: base,
        status: r.status,
        body: r.data,
        contentType,
        retryAfterHeader: headers['retry-after'],
      });
      if (!retrySafe && (r.status === 502 || r.status === 504)) {
        throw new PostHogError({
          kind: 'outcome_unknown',
          status: r.status,
          message: `${error.message} A proxy answered instead of PostHog, so the change may or may not have been applied: check before trying again.`,
        });
      }
      throw error;
    }
  }

  private transportError(
    opts: RequestOptions,
    failure: { code: string; timedOut: boolean },
    neverSent: boolean,
    retrySafe: boolean,
    base: string,
  ): PostHogError {
    if (neverSent) {
      return new PostHogError({
        kind: 'network',
        message: `Could not ${opts.action}: ${base} could not be reached (${failure.code}). Check the host setting and your network connection.`,
      });
    }
    // The request went out. A change may have been applied even though no answer came back: say so.
    const change = isChange(opts);
    const attempts = retrySafe ? this.maxRetries + 1 : 1;
    const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
    const seconds = Math.round(this.timeoutMs / 1000);
    if (failure.timedOut) {
      if (change) {
        return new PostHogError({
          kind: 'outcome_unknown',
          message: `Could not ${opts.action}: PostHog did not answer within ${seconds} s${tries}, so it is unknown whether the change was applied. Check the current state before trying again.`,
        });
      }
      return new PostHogError({
        kind: 'timeout',
        message: `Could not ${opts.action}: PostHog did not answer within ${seconds} s${tries}. PostHog may be slow or unreachable; try again later.`,
      });
    }
    if (change) {
      return new PostHogError({
        kind: 'outcome_unknown',
        message: `Could not ${opts.action}: the connection to ${base} failed (${failure.code}) after the request was sent${tries}, so it is unknown whether the change was applied. Check the current state before trying again.`,
      });
    }
    return new PostHogError({
      kind: 'network',
      message: `Could not ${opts.action}: the connection to ${base} failed (${failure.code})${tries}. PostHog or a proxy in between may be having trouble; try again shortly.`,
    });
  }

  private backoff(attempt: number): number {
    const base = this.retryBaseMs * 2 ** attempt;
    return Math.round(base / 2 + Math.random() * (base / 2));
  }

  private async waitForThrottle(signal?: AbortSignal): Promise<void> {
    const wait = this.throttledUntil - Date.now();
    if (wait > 0) await sleep(wait, signal);
  }

  /**
   * Waits out a 429 pause, then takes a slot. A pause that began while this request was queued
   * for a slot is waited out too (the slot is given back meanwhile): sending it anyway would only
   * earn another 429 and use up one of its attempts.
   */
  private async waitForSlot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      await this.waitForThrottle(signal);
      await this.acquire(signal);
      if (this.throttledUntil <= Date.now()) return;
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (this.inFlight < this.maxConcurrent) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.inFlight++;
        resolve();
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new PostHogError({ kind: 'cancelled', message: 'Cancelled before the request was sent.' }));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  private release(): void {
    this.inFlight--;
    const next = this.waiting.shift();
    if (next) next();
  }
}

/** Normalises PostHog's list envelopes. */
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

/** Whether a request changes something in PostHog (anything but a GET, unless marked read-only). */
function isChange(opts: RequestOptions): boolean {
  return opts.method !== 'GET' && opts.readOnly !== true;
}

function parseBody<T>(raw: unknown, contentType: string | undefined, action: string, status: number, change = false): T {
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

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new PostHogError({ kind: 'cancelled', message: 'Cancelled before the request was sent.' });
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new PostHogError({ kind: 'cancelled', message: 'Cancelled while waiting to retry.' }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new PostHogError({ kind: 'cancelled', message: 'Cancelled while waiting to retry.' }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Encodes an id for use as one path segment: `../x` can never escape it. */
export function seg(id: string | number): string {
  const s = String(id);
  if (s === '' || s === '.' || s === '..') {
    throw new PostHogError({ kind: 'validation', message: `"${s}" is not a valid id.` });
  }
  return encodeURIComponent(s);
}
