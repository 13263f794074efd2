/**
 * The stand-in's MCP proxy behaves as products/mcp_store/backend/proxy.py: pre-check statuses,
 * the approval gate's JSON-RPC codes, batches, JSON and SSE answers passed through, the 1 MB body
 * limit, the per-user throttles, and the installation's credentials (never the caller's key) upstream.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStandin, type Standin } from '../standin/server';
import { mcpProxyThrottle } from '../standin/routes/mcpProxy';
import { startUpstreamMcp, type UpstreamMcp } from '../helpers/upstreamMcp';
import { INSTALLATION_TOKEN, addUpstreamInstallation, installationRow } from '../helpers/gatewayInstall';

let standin: Standin;
let upstream: UpstreamMcp;
let sseUpstream: UpstreamMcp;
let id: string;

const INIT = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
};

async function proxy(installationId: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${standin.url}/api/projects/${standin.projectId}/mcp_server_installations/${installationId}/proxy/`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${standin.key}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    session: res.headers.get('mcp-session-id'),
    text: await res.text(),
  };
}

/** An initialized session on the upstream, through the proxy. */
async function session(installationId: string): Promise<string> {
  const res = await proxy(installationId, INIT);
  assert.equal(res.status, 200, res.text);
  assert.ok(res.session, 'the upstream session id comes back through the proxy');
  await proxy(installationId, { jsonrpc: '2.0', method: 'notifications/initialized' }, { 'Mcp-Session-Id': res.session });
  return res.session;
}

before(async () => {
  standin = await startStandin();
  upstream = await startUpstreamMcp();
  sseUpstream = await startUpstreamMcp({ sse: true });
  id = addUpstreamInstallation(standin, {
    url: upstream.url,
    approvals: { echo: 'approved', create_issue: 'needs_approval', delete_project: 'do_not_use' },
  });
});
after(async () => {
  await upstream.close();
  await sseUpstream.close();
  await standin.close();
});

describe('stand-in MCP proxy', () => {
  it('forwards an approved tools/call with the installation credentials, never the personal key', async () => {
    const sid = await session(id);
    const res = await proxy(
      id,
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'echo', arguments: { text: 'hi' } } },
      { 'Mcp-Session-Id': sid },
    );
    assert.equal(res.status, 200);
    assert.match(res.type, /application\/json/);
    assert.match(res.text, /echo: hi/);
    const call = upstream.calls().at(-1)!;
    assert.equal(call.headers.authorization, `Bearer ${INSTALLATION_TOKEN}`);
    for (const r of upstream.requests)
      assert.ok(!JSON.stringify(r.headers).includes(standin.key), 'the personal key never reaches the upstream');
  });

  it('gates tools/call: -32001 needs approval, -32002 disabled, -32601 unknown, removed or nameless', async () => {
    const before = upstream.calls().length;
    const codeOf = async (params: unknown) => {
      const res = await proxy(id, { jsonrpc: '2.0', id: 7, method: 'tools/call', params });
      assert.equal(res.status, 200);
      const body = JSON.parse(res.text) as { id: number; error: { code: number; message: string } };
      assert.equal(body.id, 7);
      return body.error;
    };
    assert.deepEqual(await codeOf({ name: 'create_issue' }), {
      code: -32001,
      message: "Tool 'create_issue' requires approval before it can be called",
    });
    assert.deepEqual(await codeOf({ name: 'delete_project' }), {
      code: -32002,
      message: "Tool 'delete_project' has been disabled by the user",
    });
    assert.equal((await codeOf({ name: 'nope' })).code, -32601);
    assert.equal((await codeOf({})).message, "tools/call missing 'name' parameter");
    (installationRow(standin, id).tools as Array<Record<string, unknown>>).find((t) => t.tool_name === 'echo')!.removed_at =
      new Date().toISOString();
    try {
      assert.equal((await codeOf({ name: 'echo' })).message, "Tool 'echo' is no longer available on the upstream server");
    } finally {
      (installationRow(standin, id).tools as Array<Record<string, unknown>>).find((t) => t.tool_name === 'echo')!.removed_at = null;
    }
    assert.equal(upstream.calls().length, before, 'nothing blocked reached the upstream');
  });

  it('answers a batch: all blocked → each error; mixed → the whole batch -32000; no tools/call → forwarded', async () => {
    const sid = await session(id);
    const blocked = await proxy(id, [
      { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'create_issue' } },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'delete_project' } },
    ]);
    assert.deepEqual(
      (JSON.parse(blocked.text) as Array<{ error: { code: number } }>).map((e) => e.error.code),
      [-32001, -32002],
    );
    const mixed = await proxy(id, [
      { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'echo', arguments: { text: 'x' } } },
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'create_issue' } },
    ]);
    const mixedBody = JSON.parse(mixed.text) as Array<{ id: number; error: { code: number } }>;
    assert.deepEqual(
      mixedBody.map((e) => [e.id, e.error.code]),
      [
        [1, -32000],
        [2, -32000],
      ],
    );
    const lists = await proxy(id, [{ jsonrpc: '2.0', id: 3, method: 'tools/list' }], { 'Mcp-Session-Id': sid });
    assert.equal(lists.status, 200, lists.text);
    assert.match(lists.text, /create_issue/, 'a batch without tools/call goes to the upstream');
  });

  it('passes an SSE answer through as text/event-stream', async () => {
    const sseId = addUpstreamInstallation(standin, { url: sseUpstream.url, name: 'SSE', approvals: { echo: 'approved' } });
    const init = await proxy(sseId, INIT);
    assert.match(init.type, /text\/event-stream/);
    assert.match(init.text, /^event: message\ndata: \{/m);
    const res = await proxy(
      sseId,
      { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'echo', arguments: { text: 'streamed' } } },
      { 'Mcp-Session-Id': init.session! },
    );
    assert.match(res.type, /text\/event-stream/);
    assert.match(res.text, /echo: streamed/);
  });

  it('refuses a disabled server (403) and one that needs re-authentication or has no credentials (401), before the upstream', async () => {
    const before = upstream.requests.length;
    const off = addUpstreamInstallation(standin, { url: upstream.url, name: 'Off', enabled: false });
    const reauth = addUpstreamInstallation(standin, { url: upstream.url, name: 'Reauth', authType: 'oauth', needsReauth: true });
    const pending = addUpstreamInstallation(standin, { url: upstream.url, name: 'Pending', authType: 'oauth', pendingOauth: true });
    assert.deepEqual(await proxy(off, INIT).then((r) => [r.status, JSON.parse(r.text)]), [403, { error: 'Server is disabled' }]);
    assert.deepEqual(await proxy(reauth, INIT).then((r) => [r.status, JSON.parse(r.text)]), [
      401,
      { error: 'Installation needs re-authentication' },
    ]);
    assert.deepEqual(await proxy(pending, INIT).then((r) => [r.status, JSON.parse(r.text)]), [401, { error: 'No credentials configured' }]);
    assert.equal(upstream.requests.length, before);
  });

  it('refuses an empty body (400) and one over 1 MB as Python serializes it (413)', async () => {
    assert.deepEqual(await proxy(id, {}).then((r) => [r.status, JSON.parse(r.text)]), [400, { error: 'Request body must be valid JSON' }]);
    assert.equal((await proxy(id, [])).status, 400);
    // About 200 KB in JavaScript's JSON, 1.2 MB in Python's (é written as \u00e9): PostHog measures the latter.
    const big = { jsonrpc: '2.0', id: 1, method: 'ping', params: { text: 'é'.repeat(200_000) } };
    const res = await proxy(id, big);
    assert.deepEqual([res.status, JSON.parse(res.text)], [413, { error: 'Request body too large' }]);
    const fits = await proxy(id, { jsonrpc: '2.0', id: 1, method: 'ping', params: { text: 'a'.repeat(1000) } });
    assert.notEqual(fits.status, 413);
  });

  it('throttles per user at 60 a minute with PostHog 429 body', async () => {
    const t = mcpProxyThrottle(standin.state);
    t.reset();
    try {
      let last;
      for (let i = 0; i < 61; i++)
        last = await proxy(id, { jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'create_issue' } });
      assert.equal(last!.status, 429);
      assert.match(JSON.parse(last!.text).detail, /^Request was throttled\. Expected available in \d+ seconds\.$/);
      assert.equal(JSON.parse(last!.text).type, 'throttled_error');
    } finally {
      t.reset();
    }
  });

  it('answers 404 for an installation of another user or none', async () => {
    const res = await proxy('00000000-0000-4000-8000-000000000000', INIT);
    assert.equal(res.status, 404);
  });

  it('serves the demo installations from their upstream_tools (no network)', async () => {
    const sentry = (await (
      await fetch(`${standin.url}/api/projects/${standin.projectId}/mcp_server_installations/`, {
        headers: { Authorization: `Bearer ${standin.key}` },
      })
    ).json()) as { results: Array<{ id: string; name: string }> };
    const row = sentry.results.find((r) => r.name === 'Sentry')!;
    const res = await proxy(row.id, { jsonrpc: '2.0', id: 1, method: 'tools/list' });
    assert.equal(res.status, 200);
    assert.match(res.text, /search_issues/);
  });
});
