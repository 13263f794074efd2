/**
 * Concurrency: 200 tool calls at once over two MCP sessions (two SDK clients over Streamable HTTP
 * against one `serveHttp` whose sessions share one registry and one PostHog client), while the
 * registry's change listener refreshes the tree models the extension shows (dashboards, feature
 * flags), each re-reading its root as a tree view does.
 *
 * Every call completes with the right answer for the request it was; each session gets back its
 * own objects (no cross-talk, though both sessions use the same JSON-RPC ids); the views end up
 * showing what was created; no unhandled rejection.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { serveHttp, type HttpServerHandle } from '../../src/mcp/transports/http';
import { DashboardsModel } from '../../src/views/model/dashboards';
import { FeatureFlagsModel } from '../../src/views/model/featureFlags';
import { refreshViewsOnChange } from '../../src/views/model/routing';
import type { TreeNode } from '../../src/views/model/node';
import { startStandin, type Standin } from '../standin/server';
import { parseOutcome, type CallOutcome } from '../helpers/harness';

const PER_SESSION = 100;
type Session = 'A' | 'B';

/** The fields the planned calls' answers are checked on (dashboards, events, annotations, flags). */
interface Answer {
  id: number;
  name?: string;
  content?: string;
  distinct_id?: string;
  uuid?: string;
}

interface Planned {
  session: Session;
  i: number;
  tool: string;
  args: Record<string, unknown>;
  /** Checks the answer against the request and the stand-in's state. */
  check(out: CallOutcome<Answer>): void;
}

describe('concurrency: 200 calls over two MCP sessions while the views refresh', () => {
  let s: Standin;
  let http: HttpServerHandle;
  let registry: ToolRegistry;
  const clients: Record<Session, Client> = {} as Record<Session, Client>;
  let unhandled = 0;
  const onUnhandled = (reason: unknown) => {
    unhandled++;
    console.error('unhandled rejection:', reason);
  };

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    s = await startStandin({ rateLimits: { crud: { limit: 100_000, windowMs: 60_000 }, analytics: { limit: 100_000, windowMs: 60_000 } } });
    const client = new PostHogClient({ apiKey: s.key, host: s.url, retryBaseMs: 5, timeoutMs: 10_000 });
    registry = new ToolRegistry(ALL_TOOLS, () => client);
    http = await serveHttp({ createServer: () => createPostHogMcpServer({ registry }) });
    for (const name of ['A', 'B'] as Session[]) {
      clients[name] = new Client({ name: `session-${name}`, version: '1' });
      await clients[name].connect(
        new StreamableHTTPClientTransport(new URL(http.url), { requestInit: { headers: { Authorization: `Bearer ${http.token}` } } }),
      );
    }
  });
  after(async () => {
    for (const c of Object.values(clients)) await c.close().catch(() => undefined);
    await http?.close();
    await s?.close();
    process.off('unhandledRejection', onUnhandled);
  });

  function plan(session: Session, i: number): Planned {
    const tag = `${session}-${i}`;
    const flagBase = session === 'A' ? 11 : 21; // each session edits its own flags
    switch (i % 5) {
      case 0:
        return {
          session,
          i,
          tool: 'create_dashboard',
          args: { name: `Dash ${tag}` },
          check: (out) => {
            assert.equal(out.data.name, `Dash ${tag}`);
            assert.equal(s.state.table(1, 'dashboards').get(out.data.id)?.name, `Dash ${tag}`, `dashboard ${out.data.id} is ${tag}'s`);
          },
        };
      case 1: {
        const id = (i % 8) + 1;
        return { session, i, tool: 'get_dashboard', args: { dashboard_id: id }, check: (out) => assert.equal(out.data.id, id) };
      }
      case 2:
        return {
          session,
          i,
          tool: 'capture_event',
          args: { distinct_id: `user-${tag}`, event: `evt_${session}` },
          check: (out) => {
            assert.equal(out.data.distinct_id, `user-${tag}`);
            const stored = s.state.table(1, 'events').get(out.data.uuid!) as { distinct_id?: string; event?: string } | undefined;
            assert.equal(stored?.distinct_id, `user-${tag}`);
            assert.equal(stored?.event, `evt_${session}`);
          },
        };
      case 3:
        return {
          session,
          i,
          tool: 'create_annotation',
          args: { content: `Note ${tag}`, date_marker: '2026-02-01T12:00:00Z' },
          check: (out) => {
            assert.equal(out.data.content, `Note ${tag}`);
            assert.equal(s.state.table(1, 'annotations').get(out.data.id)?.content, `Note ${tag}`);
          },
        };
      default: {
        const id = flagBase + (i % 10);
        if (i % 10 === 4) {
          return { session, i, tool: 'get_feature_flag', args: { flag_id: id }, check: (out) => assert.equal(out.data.id, id) };
        }
        return {
          session,
          i,
          tool: 'update_feature_flag',
          args: { flag_id: id, name: `Flag ${tag}` },
          check: (out) => {
            assert.equal(out.data.id, id);
            assert.equal(out.data.name, `Flag ${tag}`, "the answer is this update, not another session's");
          },
        };
      }
    }
  }

  it('all complete with the right answers, each session its own objects, while the views refresh', async (t) => {
    // The tree models, refreshed by the registry on every write, re-read as a view would.
    const dashboards = new DashboardsModel({ tools: registry, pageSize: 100 });
    const flags = new FeatureFlagsModel({ tools: registry, pageSize: 100 });
    const viewReads: Array<Promise<TreeNode[]>> = [];
    let changeEvents = 0;
    const offChanges = registry.onDidChange(() => changeEvents++);
    const offRefresh = refreshViewsOnChange(registry, { dashboards, featureFlags: flags });
    const subs = [dashboards, flags].map((m) => m.onDidChange(() => viewReads.push(m.children())));
    await Promise.all([dashboards.children(), flags.children()]);

    const planned = (['A', 'B'] as Session[]).flatMap((session) => Array.from({ length: PER_SESSION }, (_, i) => plan(session, i)));
    const started = Date.now();
    const outcomes = await Promise.all(
      planned.map(async (p) => {
        const result = await clients[p.session].callTool({ name: p.tool, arguments: p.args });
        return { p, out: parseOutcome<Answer>(result as never) };
      }),
    );
    const elapsed = Date.now() - started;

    for (const { p, out } of outcomes) {
      assert.equal(out.isError, false, `${p.session}#${p.i} ${p.tool}: ${out.text}`);
      p.check(out);
    }
    // No cross-talk: the objects each session created are its own, and none was handed to both.
    for (const [tool, table, field] of [
      ['create_dashboard', 'dashboards', 'name'],
      ['create_annotation', 'annotations', 'content'],
    ] as const) {
      const ids: Record<Session, number[]> = { A: [], B: [] };
      for (const { p, out } of outcomes.filter((o) => o.p.tool === tool)) ids[p.session].push(out.data.id);
      assert.equal(new Set([...ids.A, ...ids.B]).size, ids.A.length + ids.B.length, `${tool}: every id is distinct`);
      for (const session of ['A', 'B'] as Session[]) {
        for (const id of ids[session]) {
          const value = String(s.state.table(1, table).get(id)?.[field]);
          assert.ok(value.includes(` ${session}-`), `${tool} ${id}, returned to session ${session}, belongs to ${value}`);
        }
      }
    }
    const writes = outcomes.filter((o) => /^(create_|update_|capture_)/.test(o.p.tool)).length;
    assert.equal(changeEvents, writes, 'one change event per write');

    // The views' reads that the changes triggered all succeeded; a final read shows every new dashboard.
    const reads = await Promise.all(viewReads);
    for (const nodes of reads)
      assert.ok(!nodes.some((n) => n.kind === 'error'), `a view read failed: ${JSON.stringify(nodes.find((n) => n.kind === 'error'))}`);
    dashboards.refresh();
    const shown = (await dashboards.children()).map((n) => n.label);
    for (const { p } of outcomes.filter((o) => o.p.tool === 'create_dashboard'))
      assert.ok(shown.includes(`Dash ${p.session}-${p.i}`), `the view shows Dash ${p.session}-${p.i}`);

    offChanges();
    offRefresh();
    for (const sub of subs) sub.dispose();
    assert.equal(http.sessionCount(), 2);
    t.diagnostic(`200 concurrent calls over 2 sessions in ${elapsed} ms; ${writes} writes, ${viewReads.length} view re-reads`);
  });

  it('no unhandled rejection', () => {
    assert.equal(unhandled, 0);
  });
});
