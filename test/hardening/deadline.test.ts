/**
 * Every tool call answers inside its deadline: against a PostHog that never answers, a 429 storm
 * longer than the deadline and 5xx with long backoffs, the call comes back as an isError result that
 * names what timed out (and, for a change, that its outcome is unknown) within the deadline plus
 * 2 s, through the MCP SDK's own client, before the SDK's request timeout; the next call works.
 * A caller's cancellation stays a cancellation.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { DEFAULT_REQUEST_TIMEOUT_MSEC } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { PostHogClient } from '../../src/posthog/client';
import { deadlineOf } from '../../src/posthog/deadline';
import { DEFAULT_CALL_TIMEOUT_MS, ToolRegistry } from '../../src/mcp/registry';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { READ, ADD, defineTool } from '../../src/mcp/tool';
import { startStandin, type Standin } from '../standin/server';
import { parseOutcome, type CallOutcome } from '../helpers/harness';

/** Short, so the tests are quick; the default is 45 s. */
const DEADLINE_MS = 1_500;
/** What the issue allows past the deadline (scheduling slack on a loaded machine included). */
const BOUND_MS = DEADLINE_MS + 2_000;
/** The SDK client's request timeout, scaled down as the deadline is: it must never be what answers. */
const SDK_TIMEOUT_MS = DEADLINE_MS + 1_500;

const FLAGS = 're:^/api/projects/1/feature_flags/?$';
const DASHBOARDS = 're:^/api/projects/1/dashboards/?$';

describe('the deadline of one tool call', () => {
  let s: Standin;
  let mcp: Client;
  let client: PostHogClient;
  let registry: ToolRegistry;
  let close: () => Promise<void>;

  before(async () => {
    s = await startStandin();
    // The per-request timeout (30 s) and the 429 wait budget (60 s) are far longer than the deadline:
    // only the deadline can end these calls in time.
    client = new PostHogClient({ apiKey: s.key, host: s.url, timeoutMs: 30_000, retryBaseMs: 5, maxRetryWaitMs: 60_000 });
    registry = new ToolRegistry(ALL_TOOLS, () => client, { callTimeoutMs: DEADLINE_MS });
    const server = createPostHogMcpServer({ registry });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    mcp = new Client({ name: 'deadline-tests', version: '1.0.0' });
    await mcp.connect(clientSide);
    await client.projectToken(); // the project is resolved: the faults hit only each tool's own request
    close = async () => {
      await mcp.close();
      await server.close();
      await s.close();
    };
  });
  after(() => close());
  beforeEach(() => s.faults.clear());

  /** A call through the SDK client, timed; an SDK timeout would reject (McpError), not come back as a result. */
  async function call(name: string, args: Record<string, unknown>): Promise<CallOutcome & { ms: number }> {
    const started = Date.now();
    const result = await mcp.callTool({ name, arguments: args }, undefined, { timeout: SDK_TIMEOUT_MS });
    return { ...parseOutcome(result as Parameters<typeof parseOutcome>[0]), ms: Date.now() - started };
  }

  /** Requests to `fragment` since `start` (an index in the stand-in's log), once abandoned connections have closed. */
  async function sentSince(start: number, fragment: string, method: string) {
    await new Promise((r) => setTimeout(r, 150));
    return s.requests.slice(start).filter((r) => r.path.includes(fragment) && r.method === method);
  }

  function inTime(out: { ms: number; text: string }): void {
    assert.ok(out.ms <= BOUND_MS, `answered in ${out.ms} ms (bound ${BOUND_MS} ms): ${out.text}`);
  }

  it("a read PostHog never answers: isError within the deadline, saying what timed out; the SDK's timeout never fires", async () => {
    s.faults.add({ path: FLAGS, method: 'GET', hang: true });
    const start = s.requests.length;
    const out = await call('list_feature_flags', { limit: 5 });
    assert.equal(out.isError, true, out.text);
    assert.match(
      out.text,
      /^Could not list feature flags: PostHog did not answer within the 1\.5 s this call may take\. PostHog may be slow/,
    );
    assert.ok(out.ms >= DEADLINE_MS - 50, `not before the deadline (${out.ms} ms)`);
    inTime(out);
    const abandoned = await sentSince(start, '/feature_flags', 'GET');
    assert.ok(abandoned.length >= 1 && abandoned.every((r) => r.aborted), 'the hung request was abandoned, not answered');
  });

  it('a create PostHog never answers: its outcome is called unknown, and it was sent once', async () => {
    s.faults.add({ path: DASHBOARDS, method: 'POST', hang: true });
    const start = s.requests.length;
    const out = await call('create_dashboard', { name: 'Hung create' });
    assert.equal(out.isError, true, out.text);
    assert.match(
      out.text,
      /^Could not create dashboard "Hung create": PostHog did not answer within the 1\.5 s this call may take, so it is unknown whether the change was applied: check before trying again\.$/,
    );
    inTime(out);
    assert.equal((await sentSince(start, '/dashboards', 'POST')).length, 1);
  });

  it('an update PostHog never answers (a PATCH, retry-safe) is called unknown too', async () => {
    s.faults.add({ path: 're:^/api/projects/1/dashboards/1/?$', method: 'PATCH', hang: true });
    const out = await call('update_dashboard', { dashboard_id: 1, description: 'hung' });
    assert.equal(out.isError, true, out.text);
    assert.match(out.text, /within the 1\.5 s this call may take, so it is unknown whether the change was applied/);
    inTime(out);
  });

  it('the next call after a hung one works', async () => {
    s.faults.add({ path: FLAGS, method: 'GET', hang: true, times: 1 });
    assert.equal((await call('list_feature_flags', { limit: 5 })).isError, true);
    const out = await call('list_feature_flags', { limit: 5 });
    assert.equal(out.isError, false, out.text);
  });

  it('a 429 storm asking for longer than the call has left fails at once, saying when to try again (nothing waited past the deadline)', async () => {
    s.faults.add({ path: FLAGS, method: 'GET', status: 429, headers: { 'Retry-After': '5' }, body: throttledBody(5) });
    const start = s.requests.length;
    const out = await call('list_feature_flags', { limit: 5 });
    assert.equal(out.isError, true, out.text);
    assert.match(out.text, /^Could not list feature flags: PostHog's rate limit was reached \(429\)\. Try again in about 5 seconds\./);
    assert.ok(out.ms < DEADLINE_MS, `failed at once (${out.ms} ms)`);
    assert.equal((await sentSince(start, '/feature_flags', 'GET')).length, 1);
  });

  it('a 429 storm of short waits stops before the wait that would cross the deadline', async () => {
    s.faults.add({ path: FLAGS, method: 'GET', status: 429, headers: { 'Retry-After': '1' }, body: throttledBody(1) });
    const start = s.requests.length;
    const out = await call('list_feature_flags', { limit: 5 });
    assert.equal(out.isError, true, out.text);
    assert.match(out.text, /rate limit was reached \(429\)\. Try again in about 1 seconds/);
    assert.ok(out.ms < DEADLINE_MS + 500, `in time (${out.ms} ms)`);
    assert.equal((await sentSince(start, '/feature_flags', 'GET')).length, 2, 'one wait of 1 s fitted, the second would not');
  });

  it("another request's 429 pause longer than the call has left: the call fails at once rather than queue past its deadline", async () => {
    s.faults.add({ path: FLAGS, method: 'GET', status: 429, headers: { 'Retry-After': '5' }, body: throttledBody(5), times: 1 });
    // A client with a longer deadline takes the 429 and pauses the shared gate for 5 s…
    const patient = new ToolRegistry(ALL_TOOLS, () => client, { callTimeoutMs: 60_000 });
    const waiting = patient.call('list_feature_flags', { limit: 5 });
    await new Promise((r) => setTimeout(r, 200));
    // …and this call, with 1.5 s, does not wait in that pause.
    const out = await call('get_dashboard', { dashboard_id: 1 });
    assert.equal(out.isError, true, out.text);
    assert.match(out.text, /^Could not get dashboard 1: PostHog's rate limit was reached \(429\)\. Try again in about [45] seconds\./);
    assert.ok(out.ms < 500, `at once (${out.ms} ms)`);
    assert.notEqual((await waiting).isError, true, 'the patient call waited the pause out and succeeded');
  });

  it('5xx whose next backoff would cross the deadline: reported as the server error, in time', async () => {
    const slowBackoff = new PostHogClient({ apiKey: s.key, host: s.url, retryBaseMs: 1_000, maxRetries: 5, projectId: 1 });
    const slow = new ToolRegistry(ALL_TOOLS, () => slowBackoff, { callTimeoutMs: DEADLINE_MS });
    s.faults.add({ path: FLAGS, method: 'GET', status: 503, body: '' });
    const start = s.requests.length;
    const started = Date.now();
    const out = await slow.call('list_feature_flags', { limit: 5 });
    const ms = Date.now() - started;
    assert.equal(out.isError, true);
    assert.match(out.content[0].text, /^Could not list feature flags: PostHog had a server error \(503\)/);
    assert.ok(ms < DEADLINE_MS + 200, `in time (${ms} ms)`);
    assert.ok((await sentSince(start, '/feature_flags', 'GET')).length <= 2, 'no attempt after the backoff that would not fit');
  });

  it('a create still queued for a connection slot when the deadline runs out was never sent: nothing was changed', async () => {
    const oneSlot = new PostHogClient({ apiKey: s.key, host: s.url, timeoutMs: 30_000, maxConcurrent: 1, projectId: 1 });
    const patient = new ToolRegistry(ALL_TOOLS, () => oneSlot, { callTimeoutMs: 4_000 });
    const queued = new ToolRegistry(ALL_TOOLS, () => oneSlot, { callTimeoutMs: DEADLINE_MS });
    s.faults.add({ path: FLAGS, method: 'GET', hang: true, times: 1 });
    const holding = patient.call('list_feature_flags', { limit: 5 }); // takes the only slot and hangs
    await new Promise((r) => setTimeout(r, 100));
    const start = s.requests.length;
    const out = await queued.call('create_dashboard', { name: 'Never sent' });
    assert.equal(out.isError, true);
    assert.match(
      out.content[0].text,
      /^Could not create dashboard "Never sent": .*within the 1\.5 s this call may take\. Nothing was changed\./,
    );
    assert.equal((await sentSince(start, '/dashboards', 'POST')).length, 0);
    await holding;
  });

  it('a cancelled call says cancelled, not timed out', async () => {
    s.faults.add({ path: FLAGS, method: 'GET', hang: true });
    const caller = new AbortController();
    setTimeout(() => caller.abort(), 200);
    const out = await registry.call('list_feature_flags', { limit: 5 }, { signal: caller.signal });
    assert.equal(out.isError, true);
    assert.match(out.content[0].text, /^Cancelled/);
    assert.doesNotMatch(out.content[0].text, /this call may take/);
  });

  it('a handler that ignores the signal is still bounded (the deadline plus a grace second)', async () => {
    const stuck = new ToolRegistry(
      [
        defineTool({
          name: 'wait_forever',
          title: 'Wait forever',
          description: 'Never finishes.',
          toolset: 'workspace',
          input: {},
          annotations: ADD,
          handler: () => new Promise(() => undefined),
        }),
      ],
      () => client,
      { callTimeoutMs: 300 },
    );
    const started = Date.now();
    const out = await stuck.call('wait_forever', {});
    assert.equal(out.isError, true);
    assert.match(
      out.content[0].text,
      /^Could not finish wait_forever within the 0\.3 s this call may take, so it is unknown whether its changes were applied/,
    );
    assert.ok(Date.now() - started < 300 + 1_000 + 500);
  });
});

describe('the deadline setting', () => {
  /** A tool that reports the deadline it was given. */
  const probe = defineTool({
    name: 'get_deadline',
    title: 'Get deadline',
    description: 'Reports its budget.',
    toolset: 'workspace',
    input: {},
    annotations: READ,
    handler: (_args, ctx) => Promise.resolve({ budgetMs: deadlineOf(ctx.signal)?.budgetMs }),
  });

  it('defaults to 45 s, under the 60 s after which the SDK client (and VS Code) give up with their own message', async () => {
    assert.equal(DEFAULT_CALL_TIMEOUT_MS, 45_000);
    assert.ok(DEFAULT_CALL_TIMEOUT_MS + 2_000 < DEFAULT_REQUEST_TIMEOUT_MSEC);
    const registry = new ToolRegistry([probe], () => ({}) as PostHogClient); // the probe sends nothing
    assert.deepEqual(await registry.run('get_deadline', {}), { budgetMs: 45_000 });
  });

  it('is read at each call, so a changed setting applies to the next call', async () => {
    let seconds = 10;
    const registry = new ToolRegistry([probe], () => ({}) as PostHogClient, { callTimeoutMs: () => seconds * 1000 });
    assert.deepEqual(await registry.run('get_deadline', {}), { budgetMs: 10_000 });
    seconds = 90;
    assert.deepEqual(await registry.run('get_deadline', {}), { budgetMs: 90_000 });
  });
});

function throttledBody(seconds: number) {
  return {
    type: 'throttled_error',
    code: 'throttled',
    detail: `Request was throttled. Expected available in ${seconds} seconds.`,
    attr: null,
  };
}
