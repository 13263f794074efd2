/**
 * JSON-RPC to one installed MCP server through PostHog's proxy
 * (`POST /api/projects/:id/mcp_server_installations/:id/proxy/`), over the PostHog client: the
 * personal key goes to PostHog only (PostHog adds the installation's own credentials upstream),
 * with its retries, 429 waits and the call's deadline. The MCP session (initialize, then
 * `Mcp-Session-Id` on every request) is opened on first use and opened again if the upstream
 * forgets it. Answers may be JSON or SSE.
 */
import type { PostHogClient } from '../../posthog/client';
import { PostHogError } from '../../posthog/errors';
import { sseMessages } from './sse';

const PROTOCOL_VERSION = '2025-06-18';

/** Why PostHog's proxy refused the request before the upstream saw it. */
export type ProxyRefusal = 'disabled' | 'needs_auth' | 'too_large' | 'upstream_down' | 'not_found';

/** A JSON-RPC error from the proxy's approval gate or the upstream server. */
export class JsonRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
    this.name = 'JsonRpcError';
  }
}

/** PostHog answered instead of the upstream: the installation is off, unauthorized, gone… */
export class ProxyRefusedError extends PostHogError {
  constructor(
    readonly reason: ProxyRefusal,
    status: number,
    message: string,
  ) {
    super({ kind: reason === 'not_found' ? 'not_found' : status === 401 || status === 403 ? 'permission' : 'server', status, message });
  }
}

export interface ProxyTarget {
  installationId: string;
  /** The installation's name, for messages. */
  name: string;
}

type Message = { id?: unknown; result?: unknown; error?: { code: number; message: string; data?: unknown } };

/** Every status except 429 is read here (the client waits out a 429 itself). */
const ANSWERS = Array.from({ length: 300 }, (_, i) => 300 + i).filter((s) => s !== 429);

export class McpProxyClient {
  private sessionId?: string;
  private opening?: Promise<void>;
  private nextId = 1;

  constructor(
    private readonly client: () => PostHogClient | Promise<PostHogClient>,
    readonly target: ProxyTarget,
  ) {}

  /** One request (tools/list, tools/call…): its result, or a JsonRpcError / PostHogError. */
  async request(method: string, params: unknown, opts: { signal?: AbortSignal; readOnly?: boolean } = {}): Promise<unknown> {
    await this.open(opts.signal);
    try {
      return await this.send(method, params, opts);
    } catch (err) {
      // The upstream forgot the session (restarted, expired): open another once.
      if (!(err instanceof ProxyRefusedError && err.reason === 'not_found' && this.sessionId)) throw err;
      this.sessionId = undefined;
      await this.open(opts.signal);
      return this.send(method, params, opts);
    }
  }

  private open(signal?: AbortSignal): Promise<void> {
    if (this.sessionId !== undefined) return Promise.resolve();
    this.opening ??= (async () => {
      const params = { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'posthog-mcp-gateway', version: '1' } };
      const { sessionId } = await this.exchange({ jsonrpc: '2.0', id: this.nextId++, method: 'initialize', params }, 'open', signal, true);
      this.sessionId = sessionId ?? '';
      await this.exchange({ jsonrpc: '2.0', method: 'notifications/initialized' }, 'open', signal, true);
    })().finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async send(method: string, params: unknown, opts: { signal?: AbortSignal; readOnly?: boolean }): Promise<unknown> {
    const id = this.nextId++;
    const { message } = await this.exchange({ jsonrpc: '2.0', id, method, params }, method, opts.signal, opts.readOnly);
    if (!message) throw new PostHogError({ kind: 'server', message: `${this.describe(method)}: the MCP server sent no answer.` });
    if (message.error) throw new JsonRpcError(message.error.code, message.error.message, message.error.data);
    return message.result;
  }

  private describe(method: string): string {
    const what = method === 'open' ? 'open a session with' : method === 'tools/list' ? 'list the tools of' : `send ${method} to`;
    return `Could not ${what} the MCP server "${this.target.name}" through PostHog`;
  }

  private async exchange(
    body: Record<string, unknown>,
    method: string,
    signal: AbortSignal | undefined,
    readOnly = false,
  ): Promise<{ message?: Message; sessionId?: string }> {
    const client = await this.client();
    const path = await client.projectPath(`mcp_server_installations/${encodeURIComponent(this.target.installationId)}/proxy/`, signal);
    const res = await client.request<unknown>({
      method: 'POST',
      path,
      body,
      signal,
      action: this.describe(method).replace(/^Could not /, ''),
      object: `MCP server installation ${this.target.installationId}`,
      readOnly,
      retrySafe: readOnly,
      acceptStatus: ANSWERS,
      mcpSessionId: this.sessionId || undefined,
    });
    const sessionId = res.headers['mcp-session-id'];
    const messages = typeof res.data === 'string' ? sseMessages(res.data) : Array.isArray(res.data) ? res.data : [res.data];
    const message = (messages as Message[]).find((m) => m && typeof m === 'object' && ('result' in m || 'error' in m) && m.id === body.id);
    if (message) return { message, sessionId };
    if (res.status >= 200 && res.status < 300) return { sessionId };
    throw this.refusal(method, res.status, res.data);
  }

  /** PostHog's `{"error": …}` pre-check answers, and anything else that is not JSON-RPC, in words. */
  private refusal(method: string, status: number, data: unknown): ProxyRefusedError {
    const said =
      data && typeof data === 'object' ? ((data as Record<string, unknown>).error ?? (data as Record<string, unknown>).detail) : undefined;
    const text = typeof said === 'string' ? said : '';
    const head = `${this.describe(method)}`;
    const name = this.target.name;
    if (status === 403)
      return new ProxyRefusedError(
        'disabled',
        403,
        `${head}: ${text || 'access denied'} (403). Enable "${name}" in PostHog's MCP store (or the VS Code MCP Installations view), then try again.`,
      );
    if (status === 401)
      return new ProxyRefusedError(
        'needs_auth',
        401,
        `${head}: ${text || 'not authorized'} (401). Authorize "${name}" again in PostHog's MCP store (or with Authorize in the VS Code MCP Installations view), then try again.`,
      );
    if (status === 413)
      return new ProxyRefusedError('too_large', 413, `${head}: the request is over PostHog's 1 MB limit (413). Send smaller arguments.`);
    if (status === 404)
      return new ProxyRefusedError(
        'not_found',
        404,
        `${head}: ${text || 'not found'} (404). The installation may have been removed; list the installations again.`,
      );
    if (status === 502)
      return new ProxyRefusedError(
        'upstream_down',
        502,
        `${head}: ${text || 'bad gateway'} (502). The MCP server itself is down or slow; try again later.`,
      );
    return new ProxyRefusedError('upstream_down', status, `${head}: ${text ? `${text} ` : ''}(HTTP ${status}).`);
  }
}
