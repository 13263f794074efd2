/**
 * The MCP App view as a resource (MCP Apps extension): listed and readable through the SDK's client,
 * in memory (the extension's in-process server uses the same factory) and from the bundled
 * `posthog-mcp` over stdio. Needs `npm run build` (the page is dist/mcp-app.html).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { MCP_APP_MIME, MCP_APP_URI } from '../../src/insights/mcpApp';
import { startHarness, type Harness } from '../helpers/harness';
import { startStandin, type Standin } from '../standin/server';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

async function checkServesView(client: Client): Promise<string> {
  const { resources } = await client.listResources();
  const view = resources.find((r) => r.uri === MCP_APP_URI);
  assert.ok(view, `resources/list lists ${MCP_APP_URI}`);
  assert.equal(view.mimeType, MCP_APP_MIME);
  const read = await client.readResource({ uri: MCP_APP_URI });
  assert.equal(read.contents.length, 1);
  const page = read.contents[0];
  assert.equal(page.mimeType, MCP_APP_MIME);
  const html = String((page as { text?: string }).text);
  assert.match(html, /^<!DOCTYPE html>/);
  const csp = (page._meta as { ui?: { csp?: Record<string, unknown[]> } } | undefined)?.ui?.csp;
  assert.ok(csp, 'the content item declares its CSP');
  assert.ok(
    Object.values(csp).every((domains) => Array.isArray(domains) && domains.length === 0),
    'no domains: nothing from the network',
  );
  return html;
}

describe('MCP App view resource', () => {
  before(() =>
    assert.ok(existsSync(join(__dirname, '..', '..', 'dist', 'mcp-app.html')), 'dist/mcp-app.html exists (run `npm run build` first)'),
  );

  describe('in memory', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness();
    });
    after(() => h.close());

    it('is listed and readable: one self-contained page that loads nothing from anywhere', async () => {
      const html = await checkServesView(h.mcp);
      // Checked on the page's structure (the inlined script is too big to print when a check fails).
      const head = html.slice(0, html.indexOf('<script>'));
      const css = head.slice(head.indexOf('<style>'), head.indexOf('</style>'));
      assert.equal((html.match(/<script\b/g) ?? []).length, 1, 'one inline script');
      assert.ok(!/<script[^>]*\ssrc=/.test(html), 'no external script');
      assert.ok(!/<link\b/.test(head), 'no linked stylesheet');
      assert.ok(!/@import/.test(css), 'no CSS @import');
      assert.ok(!/url\((?!["']?data:)/.test(css), 'no CSS url() except data:');
      assert.ok(html.includes('<main id="root">'), 'the root the view draws into');
    });

    it('an unknown resource is refused naming the one there is', async () => {
      await assert.rejects(h.mcp.readResource({ uri: 'ui://posthog/nope.html' }), (err: Error) => {
        assert.match(err.message, /Unknown resource ui:\/\/posthog\/nope\.html: this server has only ui:\/\/posthog\/insight-chart\.html/);
        return true;
      });
    });
  });

  describe('a server whose toolsets have no tool with a view', () => {
    let h: Harness;
    before(async () => {
      h = await startHarness({ toolsets: ['dashboards'] });
    });
    after(() => h.close());

    it('lists no resource', async () => {
      assert.deepEqual((await h.mcp.listResources()).resources, []);
    });
  });

  describe('posthog-mcp over stdio', () => {
    let s: Standin;
    before(async () => {
      assert.ok(existsSync(CLI), 'dist/cli.js exists (run `npm run build` first)');
      s = await startStandin();
    });
    after(() => s.close());

    it('serves the same page, and tools/list points run_insight_query at it', async () => {
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('POSTHOG_')) env[k] = v;
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [CLI],
        env: { ...env, POSTHOG_API_KEY: s.key, POSTHOG_HOST: s.url },
        stderr: 'ignore',
      });
      const client = new Client({ name: 'mcp-app-test', version: '1' });
      await client.connect(transport);
      try {
        await checkServesView(client);
        const { tools } = await client.listTools();
        const tool = tools.find((t) => t.name === 'run_insight_query');
        assert.deepEqual(tool?._meta?.ui, { resourceUri: MCP_APP_URI });
      } finally {
        await client.close();
      }
    });
  });
});
