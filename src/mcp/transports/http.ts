/**
 * Streamable HTTP on loopback only: the MCP SDK's StreamableHTTPServerTransport, one per session,
 * behind our own guards. Every request must carry `Authorization: Bearer <token>` (a random token
 * per start unless one is given), a loopback `Host`, no foreign `Origin`, and a body of at most
 * 4 MB. Sessions are stateful: one MCP server per session, made by the factory passed in.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { readJsonBody } from './body';
import { newToken, requestGuard, type Rejection } from './guards';
import { refuse } from './reply';
import { SessionTable } from './sessionTable';

export { MAX_BODY_BYTES } from './body';
export { newToken } from './guards';

export interface HttpServeOptions {
  /** Makes a fresh MCP server for each session. */
  createServer: () => Server;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Defaults to a random 256-bit token. */
  token?: string;
  /** Extra origins allowed besides the server's own. */
  allowedOrigins?: string[];
  /** Called for each rejected or failed request, with no secrets in it. */
  onLog?: (message: string) => void;
}

export interface HttpServerHandle {
  url: string;
  port: number;
  token: string;
  /** Number of live MCP sessions. */
  sessionCount(): number;
  close(): Promise<void>;
}

type Guard = (req: http.IncomingMessage) => Rejection | undefined;
type Log = (message: string) => void;

export async function serveHttp(options: HttpServeOptions): Promise<HttpServerHandle> {
  const token = options.token && options.token.length > 0 ? options.token : newToken();
  const log = options.onLog ?? (() => undefined);
  const httpServer = await listenOnLoopback(options.port ?? 0);
  const port = (httpServer.address() as AddressInfo).port;
  const sessions = new SessionTable(options.createServer);
  const guard = requestGuard({ port, token, allowedOrigins: options.allowedOrigins });

  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    route(req, res, guard, sessions, log).catch((err: unknown) => {
      log(`request failed: ${err instanceof Error ? err.message : String(err)}`);
      refuse(res, { status: 500, message: 'Internal server error.' });
    });
  });

  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    token,
    sessionCount: () => sessions.size,
    close: async () => {
      await sessions.closeAll();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}

/** An HTTP server listening on 127.0.0.1 only, with no request handler yet. */
async function listenOnLoopback(port: number): Promise<http.Server> {
  const httpServer = http.createServer();
  httpServer.headersTimeout = 30_000;
  httpServer.requestTimeout = 0; // SSE streams stay open
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  return httpServer;
}

/** Guards first, then the body, then the session the request belongs to (or a new one for an initialize). */
async function route(req: http.IncomingMessage, res: http.ServerResponse, guard: Guard, sessions: SessionTable, log: Log): Promise<void> {
  const rejection = guard(req);
  if (rejection) {
    if (rejection.log) log(rejection.log);
    return refuse(res, rejection);
  }
  let body: unknown;
  if (req.method === 'POST') {
    const read = await readJsonBody(req);
    if ('refusal' in read) return refuse(res, read.refusal);
    body = read.body;
  }
  const header = req.headers['mcp-session-id'];
  const sessionId = Array.isArray(header) ? header[0] : header;
  if (sessionId) {
    const transport = sessions.find(sessionId);
    if (!transport)
      return refuse(res, { status: 404, message: 'Session not found: it ended or the server restarted. Initialize a new session.' });
    return transport.handleRequest(req, res, body);
  }
  if (req.method === 'POST' && initializes(body)) {
    if (sessions.full) return refuse(res, { status: 503, message: 'Too many open MCP sessions; close some and try again.' });
    const transport = await sessions.open();
    try {
      return await transport.handleRequest(req, res, body);
    } finally {
      await sessions.settle(transport);
    }
  }
  return refuse(res, { status: 400, message: 'Bad request: no valid Mcp-Session-Id header; start with an initialize request.' });
}

/** An initialize request, alone or in a batch (the SDK refuses the batch; it still opens no session). */
function initializes(body: unknown): boolean {
  return isInitializeRequest(body) || (Array.isArray(body) && body.some((m) => isInitializeRequest(m)));
}
