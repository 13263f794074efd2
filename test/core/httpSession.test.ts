/**
 * The loopback HTTP server's sessions (the SDK's StreamableHTTPServerTransport with JSON responses,
 * behind src/mcp/transports/http.ts): the protocol checks a Streamable HTTP server owes its
 * clients, one JSON body per POST, batches, the GET stream and DELETE, seen on the wire; and the
 * session table's idle expiry (src/mcp/transports/sessionTable.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { serveHttp, type HttpServerHandle } from '../../src/mcp/transports/http';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { PostHogClient } from '../../src/posthog/client';
import { startStandin, type Standin } from '../standin/server';

/** The parts of a JSON-RPC answer these tests read. */
interface Reply {
  id?: string | number;
  result?: { serverInfo?: { name: string }; content?: Array<{ text: string }>; tools?: unknown[] };
  error?: { code: number; message: string };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The body parsed: one reply, or an array of them for a batch. */
  json: unknown;
}

const one = (a: Answer) => a.json as Reply;
const many = (a: Answer) => a.json as Reply[];

describe('loopback HTTP sessions', () => {
  let s: Standin;
  let h: HttpServerHandle;
  before(async () => {
    s = await startStandin();
    const client = new PostHogClient({ apiKey: s.key, host: s.url });
    const registry = new ToolRegistry(ALL_TOOLS, () => client);
    h = await serveHttp({ createServer: () => createPostHogMcpServer({ registry, toolsets: ['dashboards'] }) });
  });
  after(async () => {
    await h.close();
    await s.close();
  });

  const send = (method: string, opts: { body?: unknown; session?: string; headers?: Record<string, string>; to?: HttpServerHandle } = {}) =>
    new Promise<Answer>((resolve, reject) => {
      const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
      const req = http.request(
        {
          host: '127.0.0.1',
          port: (opts.to ?? h).port,
          path: '/mcp',
          method,
          headers: {
            Authorization: `Bearer ${(opts.to ?? h).token}`,
            Accept: 'application/json, text/event-stream',
            'Content-Type': 'application/json',
            ...(opts.session ? { 'Mcp-Session-Id': opts.session } : {}),
            ...opts.headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          if (res.headers['content-type']?.includes('event-stream')) {
            // An open stream: answer with what we have, then let go.
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '', json: undefined });
            res.destroy();
            return;
          }
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            let json: unknown;
            try {
              json = JSON.parse(body);
            } catch {
              json = undefined;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
          });
        },
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });

  const init = {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'wire', version: '1' } },
  };

  async function open(to?: HttpServerHandle): Promise<string> {
    const a = await send('POST', { body: init, to });
    assert.equal(a.status, 200, a.body);
    const sid = a.headers['mcp-session-id'] as string;
    assert.ok(sid);
    assert.equal((await send('POST', { session: sid, body: { jsonrpc: '2.0', method: 'notifications/initialized' }, to })).status, 202);
    return sid;
  }

  it('initialize answers one JSON body with a session id; a second initialize is refused', async () => {
    const a = await send('POST', { body: init });
    assert.equal(a.status, 200);
    assert.match(String(a.headers['content-type']), /application\/json/);
    assert.equal(one(a).result?.serverInfo?.name, 'posthog');
    const sid = a.headers['mcp-session-id'] as string;
    const again = await send('POST', { session: sid, body: { ...init, id: 2 } });
    assert.equal(again.status, 400);
    assert.match(String(one(again).error?.message), /already initialized/);
  });

  it('an initialize batched with another message is refused and leaves no session behind', async () => {
    const before = h.sessionCount();
    const a = await send('POST', { body: [init, { jsonrpc: '2.0', id: 2, method: 'ping' }] });
    assert.equal(a.status, 400);
    assert.match(String(one(a).error?.message), /Only one initialization request/);
    assert.equal(a.headers['mcp-session-id'], undefined);
    assert.equal(h.sessionCount(), before);
  });

  it('a tool call is answered in one JSON body; a batch gets an array in request order', async () => {
    const sid = await open();
    const call = await send('POST', {
      session: sid,
      body: { jsonrpc: '2.0', id: 7, method: 'tools/call', params: { name: 'get_dashboard', arguments: { dashboard_id: 1 } } },
    });
    assert.equal(call.status, 200);
    assert.equal(one(call).id, 7);
    assert.equal(JSON.parse(one(call).result?.content?.[0].text ?? '').id, 1);
    const batch = await send('POST', {
      session: sid,
      body: [
        { jsonrpc: '2.0', id: 'b', method: 'tools/list' },
        { jsonrpc: '2.0', id: 'a', method: 'ping' },
      ],
    });
    assert.deepEqual(
      many(batch).map((m) => m.id),
      ['b', 'a'],
    );
    assert.ok((many(batch)[0].result?.tools?.length ?? 0) > 0);
  });

  it('refuses what a Streamable HTTP server must refuse', async () => {
    const sid = await open();
    const call = { jsonrpc: '2.0', id: 9, method: 'ping' };
    assert.equal((await send('POST', { session: sid, body: call, headers: { Accept: 'application/json' } })).status, 406);
    assert.equal((await send('POST', { session: sid, body: call, headers: { 'Content-Type': 'text/plain' } })).status, 415);
    for (const bad of [
      { hello: 'world' },
      { jsonrpc: '1.0', id: 1, method: 'ping' },
      { jsonrpc: '2.0', id: 1.5, method: 'ping' },
      { jsonrpc: '2.0', id: null, method: 'ping' },
      { jsonrpc: '2.0', id: 1, method: 'ping', params: [1, 2] },
      { jsonrpc: '2.0', id: 1, result: 'not an object' },
      { jsonrpc: '2.0', id: 1, error: { code: 'x', message: 'm' } },
      [{ jsonrpc: '2.0', id: 1, method: 'ping' }, 42],
    ]) {
      const answer = await send('POST', { session: sid, body: bad });
      assert.equal(answer.status, 400, JSON.stringify(bad));
      assert.equal(one(answer).error?.code, -32700, 'an invalid JSON-RPC message');
    }
    const ok = await send('POST', { session: sid, body: { jsonrpc: '2.0', id: 'str-id', method: 'ping', params: {} } });
    assert.equal(ok.status, 200, 'a string id and an empty params object are fine');
    assert.equal(one(ok).id, 'str-id');
    const version = await send('POST', { session: sid, body: call, headers: { 'Mcp-Protocol-Version': '1999-01-01' } });
    assert.equal(version.status, 400);
    assert.match(String(one(version).error?.message), /Unsupported protocol version/);
    assert.equal((await send('POST', { session: 'no-such-session', body: call })).status, 404);
    assert.equal((await send('PUT', { session: sid, body: call })).status, 405);
  });

  it('offers a GET stream only to clients that accept text/event-stream, and DELETE ends the session', async () => {
    const sid = await open();
    assert.equal((await send('GET', { session: sid, headers: { Accept: 'application/json' } })).status, 406);
    const stream = await send('GET', { session: sid, headers: { Accept: 'text/event-stream' } });
    assert.equal(stream.status, 200);
    const before = h.sessionCount();
    assert.equal((await send('DELETE', { session: sid })).status, 200);
    assert.equal(h.sessionCount(), before - 1);
    assert.equal((await send('POST', { session: sid, body: { jsonrpc: '2.0', id: 1, method: 'ping' } })).status, 404);
  });

  it('closes a session after 30 idle minutes; a session in use stays open', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval', 'Date'], now: Date.now() });
    const idle = await serveHttp({
      createServer: () => createPostHogMcpServer({ registry: new ToolRegistry([], () => undefined as never) }),
    });
    try {
      const [quiet, busy] = [await open(idle), await open(idle)];
      const ping = (sid: string) => send('POST', { session: sid, body: { jsonrpc: '2.0', id: 1, method: 'ping' }, to: idle });
      t.mock.timers.tick(20 * 60_000);
      assert.equal((await ping(busy)).status, 200);
      t.mock.timers.tick(11 * 60_000);
      assert.equal(idle.sessionCount(), 1, 'the session unused for 31 minutes is closed');
      assert.equal((await ping(quiet)).status, 404);
      assert.equal((await ping(busy)).status, 200, 'the one used 11 minutes ago is not');
    } finally {
      await idle.close();
    }
  });
});
