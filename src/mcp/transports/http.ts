/**
 * Streamable HTTP on loopback only. Every request must carry `Authorization: Bearer <token>`
 * (a random token per start unless one is given), a loopback `Host`, and no foreign `Origin`.
 * Sessions are stateful: one MCP server per session, made by the factory passed in.
 */
import http from 'node:http';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { HttpSessionTransport } from './session';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;
const MAX_SESSIONS = 100;
const SESSION_IDLE_MS = 30 * 60 * 1000;

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

interface Session {
  server: Server;
  transport: HttpSessionTransport;
  lastSeen: number;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

export async function serveHttp(options: HttpServeOptions): Promise<HttpServerHandle> {
  const token = options.token && options.token.length > 0 ? options.token : newToken();
  const tokenDigest = digest(token);
  const sessions = new Map<string, Session>();
  const log = options.onLog ?? (() => undefined);
  let port = 0;

  const allowedHost = (host: string | undefined): boolean => {
    if (!host) return false;
    const h = host.toLowerCase();
    return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
  };
  const allowedOrigin = (origin: string | undefined): boolean => {
    if (origin === undefined) return true; // non-browser clients send none
    const o = origin.toLowerCase();
    if (o === `http://127.0.0.1:${port}` || o === `http://localhost:${port}`) return true;
    return (options.allowedOrigins ?? []).some((a) => a.toLowerCase() === o);
  };
  const authorized = (header: string | undefined): boolean => {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
    if (!m) return false;
    return timingSafeEqual(digest(m[1].trim()), tokenDigest);
  };

  const reply = (res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
    if (res.headersSent) return;
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: status === 413 ? -32600 : -32000, message }, id: null }));
  };

  const readBody = (req: http.IncomingMessage): Promise<Buffer | 'too_large'> =>
    new Promise((resolve, reject) => {
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
        req.resume();
        return resolve('too_large');
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let over = false;
      req.on('data', (c: Buffer) => {
        if (over) return;
        size += c.length;
        if (size > MAX_BODY_BYTES) {
          over = true;
          chunks.length = 0;
          return;
        }
        chunks.push(c);
      });
      req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const closeSession = async (id: string) => {
    const s = sessions.get(id);
    if (!s) return;
    sessions.delete(id);
    await s.transport.close().catch(() => undefined);
    await s.server.close().catch(() => undefined);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!allowedHost(req.headers.host)) {
      log(`rejected a request with Host "${String(req.headers.host ?? '').slice(0, 100)}" (403)`);
      return reply(res, 403, 'Forbidden: this server only answers requests addressed to 127.0.0.1 or localhost.');
    }
    if (!allowedOrigin(req.headers.origin)) {
      log(`rejected a request from Origin "${String(req.headers.origin).slice(0, 100)}" (403)`);
      return reply(res, 403, 'Forbidden: requests from this origin are not allowed.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== '/mcp') return reply(res, 404, 'Not found: the MCP endpoint is /mcp.');
    if (!authorized(req.headers.authorization)) {
      log('rejected a request without a valid bearer token (401)');
      return reply(res, 401, 'Unauthorized: send "Authorization: Bearer <token>" with the token printed when the server started.', {
        'WWW-Authenticate': 'Bearer realm="posthog-mcp"',
      });
    }
    const sessionId = req.headers['mcp-session-id'];
    const sid = Array.isArray(sessionId) ? sessionId[0] : sessionId;

    let body: unknown;
    if (req.method === 'POST') {
      const raw = await readBody(req);
      if (raw === 'too_large')
        return reply(res, 413, `Request body too large: the limit is ${MAX_BODY_BYTES / (1024 * 1024)} MB.`, { Connection: 'close' });
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        return res.end(
          JSON.stringify({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: the body is not valid JSON.' }, id: null }),
        );
      }
    }

    if (sid) {
      const session = sessions.get(sid);
      if (!session) {
        return reply(res, 404, 'Session not found: it ended or the server restarted. Initialize a new session.');
      }
      session.lastSeen = Date.now();
      session.transport.handle(req, res, body);
      return;
    }
    if (req.method === 'POST' && (isInitializeRequest(body) || (Array.isArray(body) && body.some((m) => isInitializeRequest(m))))) {
      if (sessions.size >= MAX_SESSIONS) return reply(res, 503, 'Too many open MCP sessions; close some and try again.');
      const server = options.createServer();
      const transport = new HttpSessionTransport(randomUUID());
      const id = transport.sessionId;
      sessions.set(id, { server, transport, lastSeen: Date.now() });
      transport.onclose = () => {
        sessions.delete(id);
        void server.close().catch(() => undefined);
      };
      await server.connect(transport);
      transport.handle(req, res, body);
      return;
    }
    return reply(res, 400, 'Bad request: no valid Mcp-Session-Id header; start with an initialize request.');
  };

  const httpServer = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`request failed: ${err instanceof Error ? err.message : String(err)}`);
      reply(res, 500, 'Internal server error.');
    });
  });
  httpServer.headersTimeout = 30_000;
  httpServer.requestTimeout = 0; // SSE streams stay open

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port ?? 0, '127.0.0.1', () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  port = (httpServer.address() as AddressInfo).port;

  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [id, s] of sessions) if (now - s.lastSeen > SESSION_IDLE_MS) void closeSession(id);
  }, 60_000);
  sweeper.unref();

  return {
    url: `http://127.0.0.1:${port}/mcp`,
    port,
    token,
    sessionCount: () => sessions.size,
    close: async () => {
      clearInterval(sweeper);
      await Promise.all([...sessions.keys()].map(closeSession));
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
