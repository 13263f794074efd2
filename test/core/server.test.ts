/**
 * The MCP server as any client sees it: the catalog's 71 tools with their annotations, toolsets
 * and read-only filters, input validation, error results and cancellation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import type { TOOLSETS } from '../../src/mcp/tool';
import { parseToolsets } from '../../src/mcp/registry';

/** The catalog (docs/tools.md), by toolset. */
export const CATALOG: Record<string, string[]> = {
  actions: ['list_actions', 'create_action', 'get_action', 'update_action'],
  events: [
    'capture_event',
    'identify_user',
    'group_identify',
    'capture_group_event',
    'list_event_definitions',
    'list_property_definitions',
  ],
  flag_evaluation: ['check_feature_flag', 'get_feature_flag_payload', 'get_all_flags'],
  feature_flags: [
    'list_feature_flags',
    'get_feature_flag',
    'create_feature_flag',
    'update_feature_flag',
    'delete_feature_flag',
    'list_deleted_feature_flags',
  ],
  annotations: ['list_annotations', 'create_annotation', 'get_annotation', 'update_annotation'],
  cohorts: ['list_cohorts', 'create_cohort', 'get_cohort', 'update_cohort', 'delete_cohort'],
  dashboards: [
    'list_dashboards',
    'create_dashboard',
    'get_dashboard',
    'update_dashboard',
    'delete_dashboard',
    'list_dashboard_collaborators',
    'add_dashboard_collaborator',
    'get_dashboard_sharing',
  ],
  persons: ['list_persons', 'get_person'],
  experiments: ['list_experiments', 'create_experiment', 'get_experiment', 'update_experiment', 'check_experiments_requiring_flag'],
  insights: [
    'list_insights',
    'create_insight',
    'get_insight',
    'update_insight',
    'get_insight_sharing',
    'get_insight_activity',
    'mark_insight_viewed',
    'get_insights_activity',
    'get_trend_insights',
    'create_trend_insight',
    'run_insight_query',
  ],
  mcp_store: [
    'list_mcp_server_templates',
    'list_mcp_server_installations',
    'get_mcp_server_installation',
    'update_mcp_server_installation',
    'delete_mcp_server_installation',
    'list_mcp_installation_tools',
    'set_mcp_tool_approval',
    'refresh_mcp_installation_tools',
    'authorize_mcp_server_installation',
    'install_custom_mcp_server',
    'install_mcp_server_template',
  ],
  workspace: ['list_projects', 'run_hogql_query', 'check_hogql_query', 'get_hogql_schema'],
  code: ['find_code_references', 'list_stale_flags'],
};
const ALL_NAMES = Object.values(CATALOG).flat();
/** Tools that change nothing in PostHog (the catalog's list/get/check tools and read-only queries). */
const READ_ONLY = new Set(
  ALL_NAMES.filter(
    (n) => /^(list_|get_|check_)/.test(n) || n === 'run_hogql_query' || n === 'find_code_references' || n === 'run_insight_query',
  ),
);

describe('the MCP server', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('lists exactly the 71 tools of the catalog', async () => {
    const { tools } = await h.mcp.listTools();
    assert.equal(ALL_NAMES.length, 71);
    assert.deepEqual(tools.map((t) => t.name).sort(), [...ALL_NAMES].sort());
  });

  it("every tool has a title, a short description, a described input schema and the catalog's annotations", async () => {
    const { tools } = await h.mcp.listTools();
    for (const t of tools) {
      assert.ok(t.title && t.title.length > 3, `${t.name} has a title`);
      assert.ok(
        t.description && t.description.length >= 20 && t.description.length <= 320,
        `${t.name} description is short and present (${t.description?.length})`,
      );
      const props = (t.inputSchema.properties ?? {}) as Record<string, { description?: string }>;
      for (const [field, schema] of Object.entries(props)) {
        assert.ok(schema.description, `${t.name}.${field} has a description`);
      }
      const a = t.annotations!;
      // find_code_references reads only the local workspace: the one tool that talks to nothing outside.
      assert.equal(a.openWorldHint, t.name !== 'find_code_references', `${t.name} openWorldHint`);
      assert.equal(a.readOnlyHint, READ_ONLY.has(t.name), `${t.name} readOnlyHint`);
      if (a.readOnlyHint) assert.equal(a.destructiveHint, false, `${t.name} read-only is not destructive`);
      if (/^(update_|delete_|set_)/.test(t.name)) assert.equal(a.destructiveHint, true, `${t.name} is destructive`);
      // A template reinstall replaces the stored key of the existing installation: not purely an addition.
      if (t.name === 'install_mcp_server_template') {
        assert.equal(a.destructiveHint, true, `${t.name} changes an existing installation on reinstall`);
        assert.equal(a.idempotentHint, false, `${t.name} is not idempotent`);
      } else if (/^(create_|capture_|identify_|group_identify|install_)/.test(t.name))
        assert.equal(a.destructiveHint, false, `${t.name} purely adds`);
    }
  });

  describe("the tool groups match the catalog's sections", () => {
    for (const [set, names] of Object.entries(CATALOG)) {
      it(set, () => {
        const got = h.registry.list({ toolsets: [set as (typeof TOOLSETS)[number]] }).map((t) => t.name);
        assert.deepEqual(got.sort(), [...names].sort(), set);
      });
    }
  });

  it('every input schema is valid JSON Schema as clients check it: no enum lists a value twice', async () => {
    // VS Code drops a tool whose schema fails its validation: run_insight_query once vanished from
    // vscode.lm.tools over a display enum that named ActionsAreaGraph twice.
    const { tools } = await h.mcp.listTools();
    const duplicates: string[] = [];
    const walk = (tool: string, node: unknown, at: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(tool, n, `${at}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const rec = node as Record<string, unknown>;
      if (Array.isArray(rec.enum) && new Set(rec.enum.map((v) => JSON.stringify(v))).size !== rec.enum.length)
        duplicates.push(`${tool} ${at}`);
      for (const [k, v] of Object.entries(rec)) walk(tool, v, `${at}.${k}`);
    };
    for (const t of tools) walk(t.name, t.inputSchema, 'inputSchema');
    assert.deepEqual(duplicates, []);
  });

  it('an unknown tool is an error result, not a crash', async () => {
    const out = await h.error('drop_database', {});
    assert.match(out, /Unknown tool "drop_database"/);
  });

  it('wrong types, missing fields and unknown arguments are rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const wrongType = await h.error('get_dashboard', { dashboard_id: '12' });
    assert.match(wrongType, /'dashboard_id': Expected number, received string/);
    const missing = await h.call('create_dashboard', {});
    assert.match(missing.text, /'name' is required/);
    const unknown = await h.call('list_dashboards', { serach: 'x' });
    assert.match(unknown.text, /unknown argument 'serach'/);
    assert.match(unknown.text, /Nothing was sent to PostHog/);
    assert.equal(h.standin.requests.length, before);
  });

  it("a PostHog failure is an isError result with the client's message, never a stack trace", async () => {
    h.standin.faults.add({
      path: '/dashboards',
      status: 500,
      body: { type: 'server_error', code: 'error', detail: 'Something broke', attr: null },
      times: 10,
    });
    const out = await h.call('list_dashboards', {});
    h.standin.faults.clear();
    assert.equal(out.isError, true);
    assert.match(out.text, /Could not list dashboards: PostHog had a server error \(500\)/);
    assert.ok(!/\bat .+\(.+:\d+:\d+\)/.test(out.text), 'no stack frames');
  });

  it('cancelling a call aborts the PostHog request', async () => {
    h.standin.faults.add({ path: '/dashboards/3', delayMs: 1_500, times: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort('user cancelled'), 150);
    await assert.rejects(h.call('get_dashboard', { dashboard_id: 3 }, { signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 100));
    const req = h.standin.requestsTo('/dashboards/3').at(-1);
    assert.equal(req?.aborted, true);
  });

  it('a write tool tells change listeners; a read tool does not', async () => {
    const seen: string[] = [];
    const off = h.registry.onDidChange((e) => seen.push(`${e.toolset}:${e.tool}`));
    await h.call('list_dashboards', {});
    await h.call('create_dashboard', { name: 'Listener check' });
    off();
    assert.deepEqual(seen, ['dashboards:create_dashboard']);
  });
});

describe('toolsets and read-only', () => {
  it('a server limited to toolsets lists and runs only those tools', async () => {
    const h = await startHarness({ toolsets: ['dashboards', 'workspace'] });
    try {
      const { tools } = await h.mcp.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), [...CATALOG.dashboards, ...CATALOG.workspace].sort());
      const out = await h.error('list_actions', {});
      assert.match(out, /Unknown tool "list_actions"/);
    } finally {
      await h.close();
    }
  });

  it('a read-only server lists only read-only tools and refuses writes', async () => {
    const h = await startHarness({ readOnly: true });
    try {
      const { tools } = await h.mcp.listTools();
      assert.ok(tools.length > 20);
      for (const t of tools) assert.equal(t.annotations?.readOnlyHint, true, t.name);
      assert.deepEqual(tools.map((t) => t.name).sort(), [...READ_ONLY].sort());
      const before = h.standin.requests.length;
      const out = await h.error('create_dashboard', { name: 'nope' });
      assert.match(out, /read-only/);
      assert.equal(h.standin.requests.length, before);
    } finally {
      await h.close();
    }
  });

  it('toolset names are validated', () => {
    assert.deepEqual(parseToolsets('dashboards, feature-flags'), ['dashboards', 'feature_flags']);
    assert.equal(parseToolsets('all'), undefined);
    assert.throws(() => parseToolsets('dashboards,nope'), /Unknown toolset: nope\. Known toolsets: actions/);
  });
});
