/**
 * One error type for everything PostHog (or the network between us) can answer.
 *
 * The message is written for a person or an agent: what failed, why, and what to do next.
 * It never contains the API key or any request body.
 */

export type PostHogErrorKind =
  | 'auth' // 401
  | 'permission' // 403
  | 'not_found' // 404
  | 'not_offered' // 404 "Endpoint not found." for an enterprise feature this instance lacks
  | 'redirect' // 3xx: the host setting points at a moved or old host name
  | 'method_not_allowed' // 405
  | 'conflict' // 409
  | 'validation' // 400 and other 4xx
  | 'rate_limited' // 429
  | 'server' // 5xx
  | 'timeout'
  | 'network'
  | 'cancelled'
  | 'outcome_unknown' // a write was sent but no answer came back
  | 'config'; // a local problem: no key, no project, bad host

export interface PostHogErrorInit {
  kind: PostHogErrorKind;
  message: string;
  status?: number;
  code?: string;
  attr?: string | null;
  /** Seconds PostHog asked us to wait (429). */
  retryAfterSeconds?: number;
}

export class PostHogError extends Error {
  readonly kind: PostHogErrorKind;
  readonly status?: number;
  readonly code?: string;
  readonly attr?: string | null;
  readonly retryAfterSeconds?: number;

  constructor(init: PostHogErrorInit) {
    super(init.message);
    this.name = 'PostHogError';
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.attr = init.attr;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** What the server said, pulled out of any of the body shapes PostHog (or a proxy) produces. */
export interface ParsedErrorBody {
  detail?: string;
  code?: string;
  type?: string;
  attr?: string | null;
}

const MAX_DETAIL = 500;

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL)}…` : oneLine;
}

/**
 * Reads PostHog's `{type, code, detail, attr}` envelope, bare `{detail}` / `{error}` bodies,
 * field-keyed validation maps (`{"name": ["This field is required."]}`), plain text from the
 * ingestion services, HTML pages from proxies, and empty bodies.
 */
export function parseErrorBody(body: unknown, contentType?: string): ParsedErrorBody {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (!trimmed) return {};
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return parseErrorBody(JSON.parse(trimmed));
      } catch {
        /* not JSON after all: fall through to text handling */
      }
    }
    if (/^<!doctype html|^<html|<\/html>/i.test(trimmed) || (contentType ?? '').includes('html')) {
      const title = /<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/i.exec(trimmed)?.[1]?.trim();
      const summary = title || h1;
      return { detail: summary ? `the server returned an HTML error page ("${clip(summary)}")` : 'the server returned an HTML error page' };
    }
    return { detail: clip(trimmed) };
  }
  if (Buffer.isBuffer(body)) return parseErrorBody(body.toString('utf8'), contentType);
  if (Array.isArray(body)) {
    const first = body.find((x) => typeof x === 'string');
    return first ? { detail: clip(first) } : {};
  }
  if (typeof body === 'object') {
    const o = body as Record<string, unknown>;
    const pick = (v: unknown): string | undefined =>
      typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
    const detail = pick(o.detail) ?? pick(o.error) ?? pick(o.message);
    if (detail !== undefined) {
      return {
        detail: clip(detail),
        code: typeof o.code === 'string' ? o.code : undefined,
        type: typeof o.type === 'string' ? o.type : undefined,
        attr: typeof o.attr === 'string' ? o.attr : null,
      };
    }
    // DRF without the exceptions-hog handler: {"field": ["message", ...]}
    for (const [key, value] of Object.entries(o)) {
      const msg = pick(value);
      if (msg) return { detail: clip(msg), attr: key };
    }
  }
  return {};
}

/** "Expected available in 62 seconds." → 62 */
export function secondsFromThrottleDetail(detail?: string): number | undefined {
  if (!detail) return undefined;
  const m = /available in (\d+(?:\.\d+)?) seconds?/i.exec(detail);
  return m ? Math.ceil(Number(m[1])) : undefined;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== 'string' || !header.trim()) return undefined;
  const n = Number(header.trim());
  if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  const date = Date.parse(header);
  if (Number.isFinite(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  return undefined;
}

export interface ErrorContext {
  /** "list feature flags", "get dashboard 12" ... */
  action: string;
  /** The object the request was about, for 404 messages: "dashboard 12". */
  object?: string;
  /** Host (origin) the request went to, for 401 messages. */
  host: string;
  /** The request's path, to tell which feature a 404 "Endpoint not found." is about. */
  path?: string;
  /** The Location header of a redirect. */
  location?: string;
  status: number;
  body: unknown;
  contentType?: string;
  retryAfterHeader?: unknown;
}

/** The kind and sentence for one status; the status, code and field are added by errorFromResponse. */
type Wording = (ctx: ErrorContext, parsed: ParsedErrorBody) => Pick<PostHogErrorInit, 'kind' | 'message' | 'retryAfterSeconds'>;

/** PostHog's `api_not_found` detail (posthog/api/__init__.py): no route matched, unlike a missing object's "Not found.". */
const ENDPOINT_NOT_FOUND = 'Endpoint not found.';

/**
 * The enterprise features our tools call, by path: without PostHog's `ee` package these routes are
 * not registered (ee/urls.py `extend_api_router`: dashboard collaborators; experiments in older
 * versions), so PostHog answers `api_not_found`.
 */
const ENTERPRISE_FEATURES: Array<[RegExp, string]> = [
  [/\/dashboards\/[^/]+\/collaborators(\/|$)/, 'dashboard collaborators'],
  [/\/experiments(\/|$)/, 'experiments'],
];

function enterpriseFeatureOf(path?: string): string | undefined {
  return path ? ENTERPRISE_FEATURES.find(([re]) => re.test(path))?.[1] : undefined;
}

/** "API key missing required scope 'feature_flag:write'" (posthog/permissions.py `APIScopePermission`) → the scope. */
export function missingScopeIn(detail?: string): string | undefined {
  return /missing required scope '([^']+)'/.exec(detail ?? '')?.[1];
}

/** Where a person edits their personal API keys' scopes (frontend/src/scenes/urls.ts `settings('user-api-keys')`). */
export function apiKeysPageUrl(host: string): string {
  return `${host}/settings/user-api-keys`;
}

const couldNot = (ctx: ErrorContext) => `Could not ${ctx.action}:`;
const said = (parsed: ParsedErrorBody) => (parsed.detail ? ` PostHog said: "${parsed.detail}"` : '');

const WORDING_BY_STATUS: Record<number, Wording> = {
  401: (ctx) => ({
    kind: 'auth',
    message:
      `${couldNot(ctx)} ${ctx.host} rejected the personal API key (401): it is invalid, expired or was issued for another ` +
      `PostHog region. Create a new personal API key in PostHog (Settings → Personal API keys) for this host and sign in again.`,
  }),
  403: (ctx, parsed) => {
    const scope = missingScopeIn(parsed.detail);
    const message = scope
      ? `${couldNot(ctx)} the personal API key is missing the '${scope}' scope (403). Edit the key in PostHog (Settings → Personal API keys, ${apiKeysPageUrl(ctx.host)}) to add '${scope}', or use a key that has it.`
      : `${couldNot(ctx)} permission denied (403).${said(parsed)} Check that the key's scopes and your role in this project allow it.`;
    return { kind: 'permission', message };
  },
  404: (ctx, parsed) => {
    const feature = parsed.detail === ENDPOINT_NOT_FOUND ? enterpriseFeatureOf(ctx.path) : undefined;
    if (feature) {
      return {
        kind: 'not_offered',
        message: `${couldNot(ctx)} this PostHog instance (${ctx.host}) does not offer ${feature} (an enterprise feature): it answered 404 "${ENDPOINT_NOT_FOUND}". Use PostHog Cloud or an instance with PostHog's enterprise features.`,
      };
    }
    return {
      kind: 'not_found',
      message: `${couldNot(ctx)} ${ctx.object ?? 'the requested object'} was not found in this project (404). Check the id, or list the objects to find the right one; it may have been deleted.`,
    };
  },
  405: (ctx, parsed) => ({
    kind: 'method_not_allowed',
    message: `${couldNot(ctx)} PostHog does not allow this operation on this endpoint (405).${said(parsed)}`,
  }),
  409: (ctx, parsed) => ({
    kind: 'conflict',
    message: `${couldNot(ctx)} the change conflicts with the object's current state (409), for example a pending change request or a concurrent edit.${said(parsed)} Reload it and try again.`,
  }),
  429: (ctx, parsed) => {
    const seconds = parseRetryAfter(ctx.retryAfterHeader) ?? secondsFromThrottleDetail(parsed.detail);
    const when = seconds !== undefined ? ` Try again in about ${seconds} seconds.` : ' Wait a minute and try again.';
    return { kind: 'rate_limited', retryAfterSeconds: seconds, message: `${couldNot(ctx)} PostHog's rate limit was reached (429).${when}` };
  },
};

const serverError: Wording = (ctx, parsed) => ({
  kind: 'server',
  message: `${couldNot(ctx)} PostHog had a server error (${ctx.status}).${said(parsed)} This is usually temporary: try again shortly.`,
});

const rejected: Wording = (ctx, parsed) => ({
  kind: 'validation',
  message: `${couldNot(ctx)} PostHog rejected the request (${ctx.status})${parsed.attr ? ` for field '${parsed.attr}'` : ''}.${said(parsed) || ' No reason was given.'} Fix the input and try again.`,
});

/**
 * A 3xx (the client follows none, so the key never reaches another origin): usually an old host
 * name, e.g. app.posthog.com → us.posthog.com. The message names the host to set.
 */
const redirected: Wording = (ctx) => {
  const target = redirectOrigin(ctx.location, ctx.host);
  return {
    kind: 'redirect',
    message: target
      ? `${couldNot(ctx)} PostHog at ${ctx.host} answered with a redirect to ${target} (${ctx.status}): set the host to ${target}. The API key was not sent there.`
      : `${couldNot(ctx)} PostHog at ${ctx.host} answered with a redirect (${ctx.status}) to no usable address: check the host setting.`,
  };
};

/** The origin (with any path prefix of an instance under a sub-path) a Location points to. */
function redirectOrigin(location: string | undefined, host: string): string | undefined {
  if (!location) return undefined;
  try {
    const url = new URL(location, host);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    // An instance served under a sub-path keeps its prefix: whatever precedes /api/.
    const prefix = url.pathname.includes('/api/') ? url.pathname.slice(0, url.pathname.indexOf('/api/')) : '';
    return `${url.protocol}//${url.host}${prefix}`;
  } catch {
    return undefined;
  }
}

/** Turns an HTTP error answer into a PostHogError with a plain, actionable message. */
export function errorFromResponse(ctx: ErrorContext): PostHogError {
  const parsed = parseErrorBody(ctx.body, ctx.contentType);
  const isRedirect = ctx.status >= 300 && ctx.status < 400;
  const wording = WORDING_BY_STATUS[ctx.status] ?? (isRedirect ? redirected : ctx.status >= 500 ? serverError : rejected);
  return new PostHogError({ status: ctx.status, code: parsed.code, attr: parsed.attr, ...wording(ctx, parsed) });
}

/** Any thrown value → a message safe to show (never a stack trace). */
export function describeError(err: unknown): string {
  if (err instanceof PostHogError) return err.message;
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
