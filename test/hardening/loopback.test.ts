/**
 * The loopback MCP server (`serveHttp`, used by `posthog-mcp --http` and the extension), beyond
 * what test/core/cli.test.ts checks (no/wrong token → 401, foreign Host/Origin → 403, a declared
 * body over 4 MB → 413, a new CLI token per start):
 * - it binds 127.0.0.1 only: the listening socket, other loopback addresses, and (in a private
 *   network namespace with a second interface) another local interface address;
 * - tokens are compared in constant time: every check goes through timingSafeEqual on two equal-
 *   length digests, and tokens of any other length are refused (not a crash);
 * - 413 for a streamed (chunked) body over 4 MB, auth before any body is read;
 * - a new 256-bit token for each start, useless on the next server;
 * - at most 100 sessions; unknown session ids → 404;
 * - close() ends open streams and the port refuses connections afterwards; so does SIGTERM on the CLI.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { connectResult } from './net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { serveHttp, MAX_BODY_BYTES, type HttpServerHandle } from '../../src/mcp/transports/http';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { startStandin } from '../standin/server';
import { CLI, INIT_BODY, ROOT, raw, startHttpCli } from './helpers';

const registry = new ToolRegistry(ALL_TOOLS, () => {
  throw new Error('no PostHog in this test');
});
const make = () => createPostHogMcpServer({ registry });

/** Listening sockets on `port` from /proc/net/tcp{,6}: local addresses as hex, as the kernel has them. */
function listeners(port: number): { v4: string[]; v6: string[] } | undefined {
  if (!existsSync('/proc/net/tcp')) return undefined;
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const read = (file: string) =>
    existsSync(file)
      ? readFileSync(file, 'utf8')
          .split('\n')
          .slice(1)
          .map((l) => l.trim().split(/\s+/))
          .filter((f) => f.length > 3 && f[3] === '0A' && f[1].endsWith(`:${hexPort}`))
          .map((f) => f[1].split(':')[0])
      : [];
  return { v4: read('/proc/net/tcp'), v6: read('/proc/net/tcp6') };
}

const headersFor = (port: number, extra: Record<string, string> = {}) => ({
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  Host: `127.0.0.1:${port}`,
  ...extra,
});

describe('the loopback MCP server (serveHttp)', () => {
  let h: HttpServerHandle;
  before(async () => {
    h = await serveHttp({ createServer: make });
  });
  after(() => h.close());

  describe('binds 127.0.0.1 only', () => {
    it('the listening socket is 127.0.0.1, on IPv4 only', (t) => {
      assert.match(h.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      const l = listeners(h.port);
      if (!l) return t.skip('no /proc/net/tcp on this system');
      assert.deepEqual(l.v4, ['0100007F'], 'one listener, on 127.0.0.1 (not 00000000 = every address)');
      assert.deepEqual(l.v6, [], 'no IPv6 listener (not [::] and not [::1])');
    });

    it('other loopback addresses (127.0.0.2, ::1) refuse the connection', async () => {
      assert.equal(await connectResult('127.0.0.1', h.port), 'connected');
      assert.equal(await connectResult('127.0.0.2', h.port), 'ECONNREFUSED');
      const v6 = await connectResult('::1', h.port);
      assert.ok(['ECONNREFUSED', 'EADDRNOTAVAIL', 'EAFNOSUPPORT'].includes(v6), `::1 → ${v6}`);
    });

    it('another local interface address refuses it (probed in a private network namespace)', async (t) => {
      // Never a real interface of this machine: a veth pair with documentation-range addresses,
      // inside a network namespace made for this test, so no traffic can leave it.
      const script = [
        'ip link set lo up',
        'ip link add hv0 type veth peer name hv1',
        'ip addr add 192.0.2.77/24 dev hv0',
        'ip -6 addr add fd00:beef::77/64 dev hv0 nodad',
        'ip link set hv0 up',
        'ip link set hv1 up',
        `exec "${process.execPath}" --import tsx test/hardening/fixtures/bind-probe.ts`,
      ].join(' && ');
      const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn('unshare', ['-n', 'sh', '-c', script], {
          cwd: ROOT,
          env: { ...process.env, PROBE_ADDRESSES: '192.0.2.77,fd00:beef::77' },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c));
        child.stderr.on('data', (c: Buffer) => (stderr += c));
        child.on('error', (e) => resolve({ code: -1, stdout, stderr: String(e) }));
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
      if (out.code !== 0 && !out.stdout.includes('{')) {
        return t.skip(`cannot make a network namespace here (${out.stderr.trim().split('\n')[0]})`);
      }
      const probe = JSON.parse(out.stdout.trim().split('\n').at(-1)!);
      assert.equal(probe.results['127.0.0.1'], 'connected');
      assert.equal(probe.results['192.0.2.77'], 'ECONNREFUSED', JSON.stringify(probe));
      assert.equal(probe.results['fd00:beef::77'], 'ECONNREFUSED', JSON.stringify(probe));
      assert.equal(probe.results['::1'], 'ECONNREFUSED');
      // The control: a socket bound to every address is reachable there, so the probe can fail.
      assert.deepEqual(probe.control, { '192.0.2.77': 'connected', 'fd00:beef::77': 'connected' });
    });
  });

  describe('the bearer token', () => {
    it('is compared in constant time: every check is timingSafeEqual on two 32-byte digests', async () => {
      // Code review (src/mcp/transports/http.ts `authorized`): both sides are SHA-256 digests, so
      // the compare never short-cuts on length or on the first differing byte. This test pins it.
      const calls: Array<[number, number]> = [];
      const original = crypto.timingSafeEqual;
      (crypto as { timingSafeEqual: typeof original }).timingSafeEqual = (a, b) => {
        calls.push([(a as Buffer).length, (b as Buffer).length]);
        return original(a, b);
      };
      try {
        const tries = ['x', h.token.slice(0, -1), `${h.token}x`, h.token.toUpperCase(), 'a'.repeat(8_000), h.token];
        const statuses: number[] = [];
        for (const tok of tries) {
          statuses.push((await raw(h.port, { headers: headersFor(h.port, { Authorization: `Bearer ${tok}` }), body: INIT_BODY })).status);
        }
        assert.deepEqual(statuses.slice(0, -1), [401, 401, 401, 401, 401], 'every other token, of any length, is refused');
        assert.notEqual(statuses.at(-1), 401, 'the right token passes');
        assert.equal(calls.length, tries.length, 'one constant-time compare per request');
        for (const [a, b] of calls) assert.deepEqual([a, b], [32, 32]);
      } finally {
        (crypto as { timingSafeEqual: typeof original }).timingSafeEqual = original;
      }
    });

    it('an empty token, another scheme or a token in the query string is refused', async () => {
      const base = headersFor(h.port);
      for (const auth of ['Bearer ', 'Bearer', `Basic ${h.token}`, `Token ${h.token}`, `${h.token}`]) {
        assert.equal((await raw(h.port, { headers: { ...base, Authorization: auth }, body: INIT_BODY })).status, 401, auth.slice(0, 12));
      }
      assert.equal((await raw(h.port, { path: `/mcp?token=${h.token}`, headers: base, body: INIT_BODY })).status, 401);
      assert.equal((await raw(h.port, { path: `/mcp?access_token=${h.token}`, headers: base, body: INIT_BODY })).status, 401);
    });

    it("is new at each start (256 random bits), and one server's token is useless on the next", async () => {
      const a = await serveHttp({ createServer: make });
      const b = await serveHttp({ createServer: make, token: '' }); // an empty configured token is not "no auth"
      try {
        assert.notEqual(a.token, b.token);
        assert.notEqual(a.token, h.token);
        for (const tok of [a.token, b.token]) assert.match(tok, /^[A-Za-z0-9_-]{43}$/, '32 random bytes, base64url');
        const withA = await raw(b.port, { headers: headersFor(b.port, { Authorization: `Bearer ${a.token}` }), body: INIT_BODY });
        assert.equal(withA.status, 401);
        const empty = await raw(b.port, { headers: headersFor(b.port, { Authorization: 'Bearer ' }), body: INIT_BODY });
        assert.equal(empty.status, 401);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });

  describe('request bodies', () => {
    const chunked = (port: number, headers: Record<string, string>, total: number) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, path: '/mcp', method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' }, agent: false },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'EPIPE' || e.code === 'ECONNRESET' ? undefined : reject(e)));
        const chunk = Buffer.alloc(256 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < total) {
            sent += chunk.length;
            if (!req.write(chunk)) return req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });

    it('a streamed (chunked) body over 4 MB, with no Content-Length, is refused with 413', async () => {
      const status = await chunked(h.port, headersFor(h.port, { Authorization: `Bearer ${h.token}` }), MAX_BODY_BYTES + 256 * 1024);
      assert.equal(status, 413);
    });

    it('a body under the limit is read (a 3.9 MB non-JSON body gets the parse error, not 413)', async () => {
      const body = Buffer.alloc(MAX_BODY_BYTES - 100 * 1024, 'a');
      const res = await raw(h.port, { headers: headersFor(h.port, { Authorization: `Bearer ${h.token}` }), body });
      assert.equal(res.status, 400);
      assert.match(res.body, /Parse error/);
    });

    it('without the token a big body is refused 401 before it is read', async () => {
      const status = await chunked(h.port, headersFor(h.port), 8 * 1024 * 1024);
      assert.equal(status, 401);
      const ok = await raw(h.port, { headers: headersFor(h.port, { Authorization: `Bearer ${h.token}` }), body: INIT_BODY });
      assert.equal(ok.status, 200, 'the server still answers');
    });
  });

  describe('sessions', () => {
    it('an unknown session id is 404; a request without one that is not initialize is 400', async () => {
      const auth = headersFor(h.port, { Authorization: `Bearer ${h.token}` });
      const list = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
      assert.equal((await raw(h.port, { headers: { ...auth, 'Mcp-Session-Id': crypto.randomUUID() }, body: list })).status, 404);
      assert.equal((await raw(h.port, { headers: auth, body: list })).status, 400);
    });

    it('the cap holds when 105 initializes arrive at once: 100 sessions, 5 refused with 503', async () => {
      const s = await serveHttp({ createServer: make });
      try {
        const auth = headersFor(s.port, { Authorization: `Bearer ${s.token}` });
        const statuses = await Promise.all(
          Array.from({ length: 105 }, () => raw(s.port, { headers: auth, body: INIT_BODY }).then((r) => r.status)),
        );
        assert.equal(statuses.filter((x) => x === 200).length, 100);
        assert.equal(statuses.filter((x) => x === 503).length, 5);
        assert.equal(s.sessionCount(), 100);
      } finally {
        await s.close();
      }
    });

    it('at most 100 open sessions: the 101st initialize gets 503, ending one frees a place', async () => {
      const s = await serveHttp({ createServer: make });
      try {
        const auth = headersFor(s.port, { Authorization: `Bearer ${s.token}` });
        const ids: string[] = [];
        for (let i = 0; i < 100; i++) {
          const res = await raw(s.port, { headers: auth, body: INIT_BODY });
          assert.equal(res.status, 200);
          ids.push(String(res.headers['mcp-session-id']));
        }
        assert.equal(s.sessionCount(), 100);
        const over = await raw(s.port, { headers: auth, body: INIT_BODY });
        assert.equal(over.status, 503);
        assert.match(over.body, /Too many open MCP sessions/);
        const del = await raw(s.port, { method: 'DELETE', headers: { ...auth, 'Mcp-Session-Id': ids[0] } });
        assert.equal(del.status, 200);
        assert.equal(s.sessionCount(), 99);
        assert.equal((await raw(s.port, { headers: auth, body: INIT_BODY })).status, 200);
      } finally {
        await s.close();
      }
    });
  });

  describe('closing', () => {
    it('close() ends open sessions and streams, and the port refuses connections afterwards', async () => {
      const s = await serveHttp({ createServer: make });
      const client = new Client({ name: 'close-test', version: '1' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(s.url), { requestInit: { headers: { Authorization: `Bearer ${s.token}` } } }),
      );
      await client.listTools();
      // A raw standalone SSE stream on that session, held open.
      const sid = (client.transport as StreamableHTTPClientTransport).sessionId!;
      const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port: s.port,
            path: '/mcp',
            method: 'GET',
            agent: false,
            headers: {
              Host: `127.0.0.1:${s.port}`,
              Accept: 'text/event-stream',
              Authorization: `Bearer ${s.token}`,
              'Mcp-Session-Id': sid,
              'Mcp-Protocol-Version': '2025-06-18',
            },
          },
          resolve,
        );
        req.on('error', reject);
        req.end();
      });
      const ended = new Promise<void>((resolve) => {
        stream.on('close', resolve);
        stream.on('error', () => resolve());
        stream.resume();
      });
      assert.equal(s.sessionCount() >= 1, true);

      const started = Date.now();
      await s.close();
      assert.ok(Date.now() - started < 3_000, 'close() does not wait for open streams');
      await ended;
      assert.equal(s.sessionCount(), 0);
      assert.equal(await connectResult('127.0.0.1', s.port), 'ECONNREFUSED');
      await assert.rejects(client.listTools());
      await client.close().catch(() => undefined);
    });

    it('posthog-mcp --http exits on SIGTERM and its port refuses connections afterwards', async (t) => {
      if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
      const standin = await startStandin({ seed: 'empty' });
      try {
        const cli = await startHttpCli({ POSTHOG_API_KEY: standin.key, POSTHOG_HOST: standin.url });
        // One full answer first: the process is past start-up and its signal handlers are in place.
        assert.equal((await raw(cli.port, { headers: headersFor(cli.port), body: INIT_BODY })).status, 401);
        const exit = new Promise<string>((resolve) => cli.child.once('exit', (code, signal) => resolve(`${code} ${signal}`)));
        cli.child.kill('SIGTERM');
        assert.equal(await exit, '0 null', `exit code and signal; stderr: ${cli.stderr()}`);
        assert.equal(await connectResult('127.0.0.1', cli.port), 'ECONNREFUSED');
      } finally {
        await standin.close();
      }
    });
  });
});
