/**
 * The local PostHog stand-in: an in-memory PostHog on 127.0.0.1 that tests, demos and benchmarks
 * trust. App API and ingestion (capture, flags) are served from the same origin.
 *
 * Control API (no auth, loopback only) for tests running in another process:
 *   GET  /_standin/requests          the request log     DELETE /_standin/requests  clears it
 *   POST /_standin/faults  {Fault}   inject a fault      DELETE /_standin/faults    clears them
 *   POST /_standin/rate-limits {crud?, analytics?: {limit, windowMs}}
 *   GET  /_standin/state/:table      rows of a table of the default project
 *   POST /_standin/switches {legacyInsightFiltersDisabled?, flagsEndpointMissing?, enterpriseFeatures?, captureV1Missing?}   behaviour switches (switches.ts)
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  type Ctx,
  envelope,
  missingScopeBody,
  type Fault,
  Faults,
  HttpError,
  isReply,
  type RateLimitConfig,
  RateLimiter,
  type RecordedRequest,
  Router,
} from './core';
import { State, type Doc, type Team, type User } from './state';
import { groups } from './routes';
import { decodeIngestionBody, isIngestionPath } from './ingestionBody';
import { setSwitches, switches } from './switches';
import { endpointNotFound, isEnterprisePath } from './enterprise';
import { READ_ONLY_SCOPES, scopeAllows } from './scopes';

export const DEMO_KEY = 'phx_standin_demo_personal_api_key_000000000000';
export const READ_ONLY_KEY = 'phx_standin_read_only_key_0000000000000000000';
export const DEMO_PROJECT_ID = 1;
export const OTHER_PROJECT_ID = 2;
export const DEMO_PROJECT_TOKEN = 'phc_standin_hedgebox_production_token_00000000';

export interface StandinOptions {
  port?: number;
  /** Default: 480/min CRUD, 240/min analytics, as PostHog. */
  rateLimits?: Partial<Record<'crud' | 'analytics', RateLimitConfig>>;
  /** Send a Retry-After header with 429s (PostHog's own handler does not). Default false. */
  retryAfterHeader?: boolean;
  /** 'demo' (default): realistic demo data; 'empty': users and projects only. */
  seed?: 'demo' | 'empty';
  /** Extra rows for scale tests. */
  scale?: { flags?: number; dashboards?: number };
  /** Insight writes with legacy `filters` and no `query` are 403, as on PostHog Cloud. Default true. */
  legacyInsightFiltersDisabled?: boolean;
  /** PostHog's enterprise features are there (experiments, dashboard collaborators), as on PostHog Cloud. Default true. */
  enterpriseFeatures?: boolean;
}

export interface Standin {
  url: string;
  port: number;
  /** A working personal API key with every scope. */
  key: string;
  /** A key with read scopes only. */
  readOnlyKey: string;
  projectId: number;
  otherProjectId: number;
  projectToken: string;
  state: State;
  router: Router;
  faults: Faults;
  limiter: RateLimiter;
  requests: RecordedRequest[];
  options: { retryAfterHeader: boolean };
  team(id?: number): Team;
  /** Requests whose path contains `fragment` (and method, if given). */
  requestsTo(fragment: string, method?: string): RecordedRequest[];
  close(): Promise<void>;
}

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const state = new State();
  const router = new Router();
  const faults = new Faults();
  const limiter = new RateLimiter({
    crud: { limit: 480, windowMs: 60_000, ...options.rateLimits?.crud },
    analytics: { limit: 240, windowMs: 60_000, ...options.rateLimits?.analytics },
  });
  const requests: RecordedRequest[] = [];
  const opts = { retryAfterHeader: options.retryAfterHeader ?? false };

  seedBase(state);
  setSwitches(state, {
    legacyInsightFiltersDisabled: options.legacyInsightFiltersDisabled ?? true,
    enterpriseFeatures: options.enterpriseFeatures ?? true,
  });
  for (const g of groups) g.register(router);
  if ((options.seed ?? 'demo') === 'demo') {
    for (const g of groups) for (const team of state.teams.values()) g.seed?.(state, team, options);
  }

  // Each request is logged once, even when the client gave up on it (logged then) and the stand-in
  // finishes handling it later (its status is updated in place).
  const logged = new WeakSet<RecordedRequest>();
  const logRequest = (record: RecordedRequest) => {
    if (logged.has(record)) return;
    logged.add(record);
    requests.push(record);
  };

  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify(
            envelope('server_error', 'error', `A server error occurred. (${err instanceof Error ? err.message : String(err)})`),
          ),
        );
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  const readBody = (req: http.IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const bytes = await readBody(req);
    // Ingestion bodies may be gzipped, lz-string, base64 or forms, as PostHog's capture accepts.
    const decoded = isIngestionPath(path) ? decodeIngestionBody(path, url.searchParams, req.headers, bytes) : undefined;
    const rawBody = decoded ? decoded.text : bytes.toString('utf8');
    let body: Doc;
    let bodyError: string | undefined;
    if (rawBody.trim()) {
      try {
        body = JSON.parse(rawBody);
      } catch (e) {
        bodyError = e instanceof Error ? e.message : String(e);
      }
    }
    const record: RecordedRequest = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body: body ?? (rawBody || undefined),
      status: 0,
      at: Date.now(),
    };
    res.on('close', () => {
      if (!res.writableFinished && record.status >= 0) {
        record.aborted = true;
        if (!path.startsWith('/_standin')) logRequest(record);
      }
    });

    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      if (!path.startsWith('/_standin')) logRequest(record);
      if (payload === undefined || payload === '') {
        res.writeHead(status, headers);
        res.end();
      } else if (typeof payload === 'string') {
        res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
        res.end(payload);
      } else {
        res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      }
    };

    if (path.startsWith('/_standin/')) return control(method, path, body, send);

    const fault = faults.take(method, path);
    if (fault) {
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      // Logged as aborted by the close handler above when the client gives up.
      if (fault.hang) return new Promise<void>((resolve) => res.on('close', () => resolve()));
      if (fault.reset && !fault.afterHandler) {
        record.status = -1;
        logRequest(record);
        req.socket.destroy();
        return;
      }
      if (fault.status !== undefined) {
        const headers = { ...(fault.contentType ? { 'Content-Type': fault.contentType } : {}), ...fault.headers };
        if (typeof fault.body === 'string') {
          record.status = fault.status;
          logRequest(record);
          res.writeHead(fault.status, { 'Content-Type': fault.contentType ?? 'text/plain', ...fault.headers });
          return res.end(fault.body);
        }
        return send(fault.status, fault.body, headers);
      }
    }

    if (decoded?.failure) return send(decoded.failure.status, decoded.failure.body);
    const result = await dispatch(method, path, url.searchParams, body, bodyError, rawBody, req.headers, record);
    if (fault?.reset && fault.afterHandler) {
      record.status = -1;
      logRequest(record);
      req.socket.destroy();
      return;
    }
    send(result.status, result.body, result.headers);
  }

  async function dispatch(
    method: string,
    path: string,
    query: URLSearchParams,
    body: Doc,
    bodyError: string | undefined,
    rawBody: string,
    headers: http.IncomingHttpHeaders,
    record: RecordedRequest,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const isApi = path.startsWith('/api/');
    if (!switches(state).enterpriseFeatures && isEnterprisePath(path)) return { status: 404, body: endpointNotFound() };
    const match = router.match(method, path);
    if (!match) {
      return isApi
        ? { status: 404, body: envelope('invalid_request', 'not_found', 'Endpoint not found.') }
        : { status: 404, body: 'Not Found' };
    }
    if ('methodMismatch' in match) {
      return { status: 405, body: envelope('invalid_request', 'method_not_allowed', `Method "${method}" not allowed.`) };
    }
    const { route, params } = match;
    const ctx = { method, path, params, query, body, rawBody, headers, state } as Ctx;
    try {
      if (route.options.auth ?? isApi) {
        const auth = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''));
        if (!auth)
          throw new HttpError(401, envelope('authentication_error', 'not_authenticated', 'Authentication credentials were not provided.'));
        const key = state.keys.get(auth[1]);
        if (!key) {
          throw new HttpError(
            401,
            envelope('authentication_error', 'authentication_failed', 'Personal API key found in request Authorization header is invalid.'),
          );
        }
        record.auth = key.label;
        ctx.user = state.users.get(key.userId) as User;
        if (params.pid !== undefined) {
          const pid = params.pid === '@current' ? ctx.user.currentTeamId : Number(params.pid);
          const team = state.teams.get(pid);
          if (!team) throw new HttpError(404, envelope('invalid_request', 'not_found', 'Project not found.'));
          ctx.team = team;
        }
        if (route.options.scope) {
          const action = route.options.scopeAction ?? (method === 'GET' ? 'read' : 'write');
          const needed = `${route.options.scope}:${action}`;
          if (!scopeAllows(key.scopes, route.options.scope, action)) throw new HttpError(403, missingScopeBody(needed));
        }
        const cls = route.options.throttle ?? 'crud';
        if (cls !== 'none') {
          const wait = limiter.take(key.label, cls);
          if (wait !== undefined) {
            throw new HttpError(
              429,
              envelope('throttled_error', 'throttled', `Request was throttled. Expected available in ${wait} seconds.`),
              opts.retryAfterHeader ? { 'Retry-After': String(wait) } : {},
            );
          }
        }
      }
      if (bodyError !== undefined && method !== 'GET') {
        // Ingestion routes answer their own plain-text 400; the app API uses the envelope.
        if (!isApi) return { status: 400, body: `Failed to decode request: ${bodyError}` };
        throw new HttpError(400, envelope('invalid_request', 'parse_error', `JSON parse error - ${bodyError}`));
      }
      const out = await route.handler(ctx);
      if (isReply(out)) return { status: out.status, body: out.body, headers: out.headers };
      return { status: 200, body: out };
    } catch (err) {
      if (err instanceof HttpError) return { status: err.status, body: err.body, headers: err.headers };
      throw err;
    }
  }

  function control(method: string, path: string, body: Doc, send: (s: number, b?: unknown) => void) {
    if (path === '/_standin/requests' && method === 'GET') return send(200, requests);
    if (path === '/_standin/requests' && method === 'DELETE') {
      requests.length = 0;
      return send(204);
    }
    if (path === '/_standin/faults' && method === 'POST') {
      faults.add(body as Fault);
      return send(201, { ok: true });
    }
    if (path === '/_standin/faults' && method === 'DELETE') {
      faults.clear();
      return send(204);
    }
    if (path === '/_standin/rate-limits' && method === 'POST') {
      Object.assign(limiter.config, body ?? {});
      limiter.reset();
      return send(200, limiter.config);
    }
    if (path === '/_standin/switches' && method === 'POST') return send(200, setSwitches(state, body));
    const m = /^\/_standin\/state\/([a-z_]+)$/.exec(path);
    if (m && method === 'GET') return send(200, state.table(DEMO_PROJECT_ID, m[1]).all());
    return send(404, { detail: 'Unknown stand-in control route.' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    key: DEMO_KEY,
    readOnlyKey: READ_ONLY_KEY,
    projectId: DEMO_PROJECT_ID,
    otherProjectId: OTHER_PROJECT_ID,
    projectToken: DEMO_PROJECT_TOKEN,
    state,
    router,
    faults,
    limiter,
    requests,
    options: opts,
    team: (id = DEMO_PROJECT_ID) => state.teams.get(id)!,
    requestsTo: (fragment, m) => requests.filter((r) => r.path.includes(fragment) && (!m || r.method === m)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function seedBase(state: State): void {
  const user: User = {
    id: 1,
    uuid: '0190a1b2-0000-7000-8000-00000000a11c',
    distinct_id: 'ada-lovelace-distinct-id',
    first_name: 'Ada',
    last_name: 'Lovelace',
    email: 'ada@hedgebox.net',
    currentTeamId: DEMO_PROJECT_ID,
  };
  state.users.set(user.id, user);
  const colleague: User = {
    id: 2,
    uuid: '0190a1b2-0000-7000-8000-0000000b0b00',
    distinct_id: 'bob-distinct-id',
    first_name: 'Bob',
    last_name: 'Builder',
    email: 'bob@hedgebox.net',
    currentTeamId: DEMO_PROJECT_ID,
  };
  state.users.set(colleague.id, colleague);
  state.keys.set(DEMO_KEY, { key: DEMO_KEY, label: 'demo', userId: 1, scopes: ['*'] });
  state.keys.set(READ_ONLY_KEY, { key: READ_ONLY_KEY, label: 'read-only', userId: 1, scopes: READ_ONLY_SCOPES });
  state.teams.set(DEMO_PROJECT_ID, {
    id: DEMO_PROJECT_ID,
    uuid: '0190a1b2-1111-7000-8000-000000000001',
    name: 'Hedgebox (production)',
    api_token: DEMO_PROJECT_TOKEN,
    organization: state.organization.id,
    timezone: 'UTC',
  });
  state.teams.set(OTHER_PROJECT_ID, {
    id: OTHER_PROJECT_ID,
    uuid: '0190a1b2-1111-7000-8000-000000000002',
    name: 'Hedgebox (staging)',
    api_token: 'phc_standin_hedgebox_staging_token_000000000000',
    organization: state.organization.id,
    timezone: 'Europe/London',
  });
}
