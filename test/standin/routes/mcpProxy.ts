/**
 * `POST …/mcp_server_installations/:id/proxy/`: the MCP proxy, as products/mcp_store/backend/proxy.py
 * (`validate_installation_auth`, `enforce_tool_approval`, `proxy_mcp_request`) and the view's
 * throttles (`MCPProxyBurstThrottle` 60/min, `MCPProxySustainedThrottle` 600/hour, per user).
 *
 * Order as PostHog: throttle, the installation (404), the auth pre-checks (403 disabled, 401 needs
 * re-authentication / no credentials, bare `{"error"}` bodies), the body (400 unless a JSON object
 * or array), the approval gate on tools/call (HTTP 200, JSON-RPC errors), the 1 MB limit on the
 * body as Python serializes it (413), then the upstream with the installation's own credentials
 * (`Authorization: Bearer <api_key | access_token>`, never the caller's key), `x-posthog-*` and
 * `Mcp-Session-Id` forwarded, its answer (JSON or SSE, any status) passed back as is.
 *
 * One deliberate difference: PostHog refuses loopback upstreams (url_policy); here loopback is
 * where the tests' upstream MCP servers live, and anything else is simulated (simulatedUpstream.ts).
 */
import { r, type Ctx } from '../core';
import type { Row, State } from '../state';
import { enforceToolApproval } from '../mcpProxy/approval';
import { pythonDumpsLength } from '../mcpProxy/pythonJson';
import { simulatedUpstream, type UpstreamAnswer } from '../mcpProxy/simulatedUpstream';
import { takeUserThrottle, userThrottle, type UserThrottle } from '../userThrottle';
import { installation } from './mcpStore';
import type { RouteGroup } from './types';

export const MAX_PROXY_BODY_SIZE = 1_048_576;
/** PostHog's UPSTREAM_TIMEOUT (180 s); tests may shorten it. */
export const proxySettings = { upstreamTimeoutMs: 180_000 };

const throttles = new WeakMap<State, UserThrottle>();

/** The proxy's per-user throttle for this state: tests may lower the limits or reset it. */
export function mcpProxyThrottle(state: State): UserThrottle {
  let t = throttles.get(state);
  if (!t) throttles.set(state, (t = userThrottle(60, 600)));
  return t;
}

const errorReply = (status: number, error: string) => r(status, { error });

/** `validate_installation_auth`: the reply that stops the request, or undefined. */
function authProblem(row: Row) {
  if (!row.is_enabled) return errorReply(403, 'Server is disabled');
  const sensitive = (row.sensitive_configuration ?? {}) as Row;
  if (sensitive.needs_reauth) return errorReply(401, 'Installation needs re-authentication');
  if (row.auth_type === 'oauth' && !sensitive.access_token) return errorReply(401, 'No credentials configured');
  if (row.auth_type === 'api_key' && !sensitive.api_key) return errorReply(401, 'No credentials configured');
  return undefined;
}

/** `build_upstream_auth_headers`: the installation's credential, nothing of the caller's. */
function upstreamAuth(row: Row): Record<string, string> {
  const sensitive = (row.sensitive_configuration ?? {}) as Row;
  const secret = row.auth_type === 'oauth' ? sensitive.access_token : sensitive.api_key;
  return typeof secret === 'string' && secret ? { Authorization: `Bearer ${secret}` } : {};
}

function isLoopback(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

async function forward(row: Row, ctx: Ctx, data: unknown): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    ...upstreamAuth(row),
  };
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (name.toLowerCase().startsWith('x-posthog-') && typeof value === 'string') headers[name] = value;
  }
  const session = ctx.headers['mcp-session-id'];
  if (typeof session === 'string' && session) headers['Mcp-Session-Id'] = session;
  if (!isLoopback(String(row.url))) return simulatedUpstream(row, data);
  const res = await fetch(String(row.url), {
    method: 'POST',
    headers,
    body: JSON.stringify(data),
    redirect: 'manual',
    signal: AbortSignal.timeout(proxySettings.upstreamTimeoutMs),
  });
  const out: Record<string, string> = {};
  const type = res.headers.get('content-type');
  if (type) out['Content-Type'] = type;
  const upstreamSession = res.headers.get('mcp-session-id');
  if (upstreamSession) out['Mcp-Session-Id'] = upstreamSession;
  const body = await res.text();
  return { status: res.status, body: body || undefined, headers: out };
}

export const mcpProxyRoutes: RouteGroup = {
  register(router) {
    router.post(
      'mcp_server_installations/:id/proxy',
      async (ctx) => {
        takeUserThrottle(mcpProxyThrottle(ctx.state), ctx.user.id);
        const row = installation(ctx);
        const refused = authProblem(row);
        if (refused) return refused;
        const data = ctx.body;
        const empty = Array.isArray(data) ? data.length === 0 : !data || typeof data !== 'object' || Object.keys(data).length === 0;
        if (empty) return errorReply(400, 'Request body must be valid JSON');
        const blocked = enforceToolApproval(row, data);
        if (blocked) return r(200, blocked);
        if (pythonDumpsLength(data) > MAX_PROXY_BODY_SIZE) return errorReply(413, 'Request body too large');
        let answer: UpstreamAnswer;
        try {
          answer = await forward(row, ctx, data);
        } catch (err) {
          const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
          return errorReply(502, timedOut ? 'Upstream MCP server timed out' : 'Upstream MCP server unreachable');
        }
        return r(answer.status, answer.body, answer.headers);
      },
      { prefix: 'dual', scope: 'project', scopeAction: 'read', throttle: 'none' },
    );
  },
};
