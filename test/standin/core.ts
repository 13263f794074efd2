/**
 * The stand-in's HTTP machinery: routing with PostHog's optional trailing slash and
 * /api/projects|environments/{id|@current} prefixes, personal-key auth and scopes, rate limits
 * with PostHog's 429 body, fault injection, and a request log.
 */
import type http from 'node:http';
import type { Doc, State, Team, User } from './state';

export type Json = unknown;
export type Query = URLSearchParams;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body?: Json | string,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** PostHog's drf-exceptions-hog envelope. */
export function envelope(type: string, code: string, detail: string, attr: string | null = null) {
  return { type, code, detail, attr };
}
/** The 403 body of a personal API key without `scope` (e.g. 'activity_log:read'). */
export const missingScopeBody = (scope: string) =>
  envelope('authentication_error', 'permission_denied', `API key missing required scope '${scope}'`);
export const notFound = (detail = 'Not found.') => new HttpError(404, envelope('invalid_request', 'not_found', detail));
export const validation = (detail: string, attr: string | null = null, code = 'invalid_input') =>
  new HttpError(400, envelope('validation_error', code, detail, attr));
export const required = (attr: string) => validation('This field is required.', attr, 'required');
/** `ForbidDestroyModel`: 405 with an empty body. */
export const forbidDestroy = () => new HttpError(405, '');
/** The MCP store's bare `{detail}` bodies. */
export const bare = (status: number, detail: string) => new HttpError(status, { detail });

export interface Ctx {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Query;
  body: Doc;
  rawBody: string;
  headers: http.IncomingHttpHeaders;
  state: State;
  /** Set on authenticated routes. */
  user: User;
  /** Set on project routes. */
  team: Team;
}

export interface Reply {
  status: number;
  body?: Json | string;
  headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx) => Reply | Json | Promise<Reply | Json>;

export type Throttle = 'crud' | 'analytics' | 'none';

export interface RouteOptions {
  /** `project`: /api/projects/{pid}/…; `dual`: also /api/environments/{pid}/…; `root`: path as given. */
  prefix?: 'project' | 'dual' | 'root';
  /** personal-key auth (default true for /api routes). */
  auth?: boolean;
  /** scope object, e.g. 'feature_flag'; read for GET, write otherwise. */
  scope?: string;
  /** force read scope even for POST (query API) */
  scopeAction?: 'read' | 'write';
  throttle?: Throttle;
}

interface Route {
  method: string;
  regex: RegExp;
  keys: string[];
  handler: Handler;
  options: RouteOptions;
}

const REPLY = Symbol('reply');
export function isReply(x: unknown): x is Reply {
  return !!x && typeof x === 'object' && (x as Record<symbol, unknown>)[REPLY] === true;
}
/** Marks a value as a full reply (status + body) rather than a 200 JSON body. */
export function r(status: number, body?: Json | string, headers?: Record<string, string>): Reply {
  const out = { status, body, headers } as Reply & Record<symbol, unknown>;
  out[REPLY] = true;
  return out;
}

export class Router {
  readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): void {
    const prefix = options.prefix ?? 'project';
    const prefixes =
      prefix === 'root' ? [''] : prefix === 'dual' ? ['/api/projects/:pid', '/api/environments/:pid'] : ['/api/projects/:pid'];
    for (const p of prefixes) {
      const full = `${p}/${pattern.replace(/^\/|\/$/g, '')}`.replace(/\/$/, '');
      const keys: string[] = [];
      const source = full
        .split('/')
        .map((part) => {
          if (part.startsWith(':')) {
            keys.push(part.slice(1));
            return '([^/]+)';
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('/');
      this.routes.push({ method, regex: new RegExp(`^${source}/?$`), keys, handler, options });
    }
  }

  get(p: string, h: Handler, o?: RouteOptions) {
    this.add('GET', p, h, o);
  }
  post(p: string, h: Handler, o?: RouteOptions) {
    this.add('POST', p, h, o);
  }
  patch(p: string, h: Handler, o?: RouteOptions) {
    this.add('PATCH', p, h, o);
  }
  put(p: string, h: Handler, o?: RouteOptions) {
    this.add('PUT', p, h, o);
  }
  delete(p: string, h: Handler, o?: RouteOptions) {
    this.add('DELETE', p, h, o);
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | { methodMismatch: true } | undefined {
    let mismatch = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        mismatch = true;
        continue;
      }
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      return { route, params };
    }
    return mismatch ? { methodMismatch: true } : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Rate limits

export interface RateLimitConfig {
  limit: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  constructor(public config: Record<'crud' | 'analytics', RateLimitConfig>) {}

  /** Returns seconds to wait when over the limit, else undefined (and records the hit). */
  take(key: string, cls: 'crud' | 'analytics', now = Date.now()): number | undefined {
    const { limit, windowMs } = this.config[cls];
    const k = `${cls}:${key}`;
    const list = (this.hits.get(k) ?? []).filter((t) => now - t < windowMs);
    if (list.length >= limit) {
      this.hits.set(k, list);
      return Math.max(1, Math.ceil((list[0] + windowMs - now) / 1000));
    }
    list.push(now);
    this.hits.set(k, list);
    return undefined;
  }

  reset(): void {
    this.hits.clear();
  }
}

// ---------------------------------------------------------------------------------------------
// Fault injection

export interface Fault {
  /** Matches when the method equals (if given). */
  method?: string;
  /** Matches when the path contains this string, or matches this regex source (prefix "re:"). */
  path?: string;
  /** How many requests it applies to (default: all until cleared). */
  times?: number;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** The body for `status` (string sent as is, anything else as JSON). */
  body?: Json | string;
  headers?: Record<string, string>;
  contentType?: string;
  /** Wait this long before answering (or before the reset). */
  delayMs?: number;
  /** Never answer: hold the request until the client gives up on it (a hung PostHog). */
  hang?: boolean;
  /** Destroy the connection without answering. */
  reset?: boolean;
  /** With reset: handle the request first (the write happens), then reset. */
  afterHandler?: boolean;
}

export class Faults {
  private list: Array<Fault & { remaining: number }> = [];

  add(f: Fault): void {
    this.list.push({ ...f, remaining: f.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.list = [];
  }

  take(method: string, path: string): Fault | undefined {
    for (const f of this.list) {
      if (f.remaining <= 0) continue;
      if (f.method && f.method.toUpperCase() !== method) continue;
      if (f.path) {
        const ok = f.path.startsWith('re:') ? new RegExp(f.path.slice(3)).test(path) : path.includes(f.path);
        if (!ok) continue;
      }
      f.remaining--;
      return f;
    }
    return undefined;
  }
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: Doc;
  status: number;
  /** Which key (by label, never the key itself) made it. */
  auth?: string;
  at: number;
  /** The client closed the connection before the answer was sent (a cancelled request). */
  aborted?: boolean;
}
