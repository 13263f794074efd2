/**
 * What every request must show before anything else is done with it (its body is not read yet):
 * a loopback `Host` and no foreign `Origin` (DNS rebinding), the MCP path, and the bearer token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Refusal } from './reply';

export interface GuardOptions {
  /** The port the server listens on: the only one a loopback Host or Origin may name. */
  port: number;
  token: string;
  /** Extra origins allowed besides the server's own. */
  allowedOrigins?: string[];
}

/** A refusal plus the line to log about it (never the token). */
export type Rejection = Refusal & { log?: string };

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Both sides of a token comparison are digests, so timingSafeEqual sees equal lengths and leaks neither. */
function digest(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

/** Returns the check for one server: the first reason to refuse a request, or undefined to let it pass. */
export function requestGuard(options: GuardOptions): (req: http.IncomingMessage) => Rejection | undefined {
  const own = [`127.0.0.1:${options.port}`, `localhost:${options.port}`];
  const origins = new Set([...own.map((h) => `http://${h}`), ...(options.allowedOrigins ?? [])].map((o) => o.toLowerCase()));
  const tokenDigest = digest(options.token);

  const hostOk = (host: string | undefined) => !!host && own.includes(host.toLowerCase());
  // Non-browser clients send no Origin.
  const originOk = (origin: string | undefined) => origin === undefined || origins.has(origin.toLowerCase());
  const tokenOk = (header: string | undefined) => {
    const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
    return !!m && timingSafeEqual(digest(m[1].trim()), tokenDigest);
  };

  return (req) => {
    const { host, origin, authorization } = req.headers;
    if (!hostOk(host)) {
      return {
        status: 403,
        message: 'Forbidden: this server only answers requests addressed to 127.0.0.1 or localhost.',
        log: `rejected a request with Host "${String(host ?? '').slice(0, 100)}" (403)`,
      };
    }
    if (!originOk(origin)) {
      return {
        status: 403,
        message: 'Forbidden: requests from this origin are not allowed.',
        log: `rejected a request from Origin "${String(origin).slice(0, 100)}" (403)`,
      };
    }
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/mcp')
      return { status: 404, message: 'Not found: the MCP endpoint is /mcp.' };
    if (!tokenOk(authorization)) {
      return {
        status: 401,
        message: 'Unauthorized: send "Authorization: Bearer <token>" with the token printed when the server started.',
        headers: { 'WWW-Authenticate': 'Bearer realm="posthog-mcp"' },
        log: 'rejected a request without a valid bearer token (401)',
      };
    }
    return undefined;
  };
}
