/**
 * Shared pieces of the hardening suite: the built CLI, a clean environment, starting
 * `posthog-mcp --http` and reading its URL and token, raw HTTP requests with any headers, and a
 * loopback forwarding proxy that adds the bearer token for clients that cannot send one (the
 * conformance suite).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

/** The bundled CLI (`npm test` builds it first). HARDENING_CLI points elsewhere for local runs. */
export const CLI = process.env.HARDENING_CLI || join(__dirname, '..', '..', 'dist', 'cli.js');
export const ROOT = join(__dirname, '..', '..');

/** The environment without any POSTHOG_* variable of the developer's own, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('POSTHOG_')) env[k] = v;
  return { ...env, ...extra };
}

export interface HttpCli {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `posthog-mcp --http` and waits for its URL and token lines. */
export async function startHttpCli(env: Record<string, string>, args: string[] = []): Promise<HttpCli> {
  const child = spawn(process.execPath, [CLI, '--http', ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  child.stdout!.on('data', () => undefined);
  const { url, port, token } = await new Promise<{ url: string; port: number; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`posthog-mcp --http printed no URL/token within 15 s: ${err}`)), 15_000);
    const check = () => {
      const u = /listening on (http:\/\/127\.0\.0\.1:(\d+)\/mcp)/.exec(err);
      const t = /^token: (\S+)$/m.exec(err);
      if (u && t) {
        clearTimeout(timer);
        child.stderr!.off('data', check);
        resolve({ url: u[1], port: Number(u[2]), token: t[1] });
      }
    };
    child.stderr!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`posthog-mcp exited (${code}) before listening: ${err}`));
    });
  });
  return {
    child,
    url,
    port,
    token,
    stderr: () => err,
    stop: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with exactly the headers given (a hostile page or a buggy client). */
export function raw(
  port: number,
  opts: { host?: string; method?: string; headers?: Record<string, string>; body?: string | Buffer; path?: string; localAddress?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: opts.host ?? '127.0.0.1',
        port,
        path: opts.path ?? '/mcp',
        method: opts.method ?? 'POST',
        headers: opts.headers,
        localAddress: opts.localAddress,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error('raw request timed out')));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export const INIT_BODY = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

export interface AuthProxy {
  url: string;
  port: number;
  /** Requests forwarded so far. */
  forwarded: number;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of the MCP server that adds `Authorization: Bearer <token>` and maps
 * its own Host/Origin to the server's. A foreign Host or Origin is passed through unchanged, so
 * the server's own DNS-rebinding checks still answer it (403): the proxy adds credentials, it
 * does not launder requests.
 */
export async function startAuthProxy(target: { port: number; token: string }): Promise<AuthProxy> {
  let own = 0;
  const state = { forwarded: 0 };
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    state.forwarded++;
    const headers: http.OutgoingHttpHeaders = { ...req.headers, authorization: `Bearer ${target.token}` };
    const host = String(req.headers.host ?? '').toLowerCase();
    for (const name of ['127.0.0.1', 'localhost']) {
      if (host === `${name}:${own}`) headers.host = `${name}:${target.port}`;
      if (String(req.headers.origin ?? '').toLowerCase() === `http://${name}:${own}`) headers.origin = `http://${name}:${target.port}`;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: target.port, path: req.url, method: req.method, headers, agent: false },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('proxy: upstream failed');
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  own = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${own}/mcp`,
    port: own,
    get forwarded() {
      return state.forwarded;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Waits until `fn` is true, polling, or throws after `ms`. */
export async function waitFor(fn: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
