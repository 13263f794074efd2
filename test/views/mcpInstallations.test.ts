import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import { startStandin } from '../standin/server';
import { McpInstallationsModel, serverUrlProblem, type InstallationRow, type McpToolRow } from '../../src/views/model/mcpInstallations';
import { refreshViewsOnChange } from '../../src/views/model/routing';
import type { TreeNode } from '../../src/views/model/node';
import { PROJECT, byKind, labels, nextEvent, registryWithKey } from './helpers';

describe('MCP Installations tree model', () => {
  let h: Harness;
  let model: McpInstallationsModel;
  const uiUrl = (path: string) => `${h.standin.url}/project/1/${path}`;

  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  beforeEach(() => {
    h.standin.faults.clear();
    model = new McpInstallationsModel({ tools: h.registry, projectName: () => PROJECT, uiUrl });
  });

  const rows = () => h.standin.state.table(1, 'mcp_installations');
  async function installation(name: string, m = model): Promise<TreeNode> {
    const node = byKind(await m.children(), 'installation').find((n) => n.label === name);
    assert.ok(node, `installation ${name} is listed`);
    return node;
  }
  async function tool(inst: TreeNode, name: string, m = model): Promise<TreeNode> {
    const node = byKind(await m.children(inst), 'tool').find((n) => n.label === name);
    assert.ok(node, `tool ${name} is listed`);
    return node;
  }

  it('lists installations with auth type, enabled state and a warning when they need authorization', async () => {
    const nodes = await model.children();
    assert.deepEqual(labels(nodes).sort(), ['Acme Internal Tools', 'Sentry', 'Stripe']);

    const sentry = await installation('Sentry');
    assert.match(sentry.description!, /^API key · \d+ tools$/);
    assert.equal(sentry.icon?.id, 'server');
    assert.equal(sentry.contextValue, 'posthog.mcpInstallation.enabled');
    assert.equal(sentry.collapsible, 'collapsed');
    assert.equal(sentry.url, uiUrl('settings/mcp-servers'), 'Open in PostHog goes to the MCP servers settings');
    assert.match(sentry.tooltip!, /Authentication: API key/);

    const acme = await installation('Acme Internal Tools');
    assert.equal(acme.description, 'needs re-authorization · OAuth', 'the warning comes first, so a narrow side bar keeps it');
    assert.deepEqual(acme.icon, { id: 'warning', color: 'problemsWarningIcon.foreground' });
    assert.equal(acme.contextValue, 'posthog.mcpInstallation.enabled.oauth.needsAuth');
    assert.match(acme.tooltip!, /Needs re-authorization/);
    assert.match(acme.tooltip!, /mcp\.acme-tools\.dev/);

    const stripe = await installation('Stripe');
    assert.match(stripe.description!, /^disabled · API key · \d+ tools$/);
    assert.equal(stripe.icon?.id, 'circle-slash');
    assert.equal(stripe.contextValue, 'posthog.mcpInstallation.disabled');
  });

  it('an installation expands to its tools, each with an icon for its approval state', async () => {
    const sentry = await installation('Sentry');
    const tools = await model.children(sentry);
    const byName = new Map(tools.map((t) => [t.label, t]));
    const approved = byName.get('find_organizations')!;
    assert.deepEqual(approved.icon, { id: 'pass-filled', color: 'testing.iconPassed' });
    assert.equal(approved.contextValue, 'posthog.mcpTool.approved');
    assert.equal(approved.description, 'Approved');
    const pending = byName.get('search_events')!;
    assert.deepEqual(pending.icon, { id: 'question', color: 'problemsWarningIcon.foreground' });
    assert.equal(pending.contextValue, 'posthog.mcpTool.needs_approval');
    assert.equal(pending.description, 'Needs approval');
    const blocked = byName.get('update_issue')!;
    assert.deepEqual(blocked.icon, { id: 'circle-slash', color: 'testing.iconFailed' });
    assert.equal(blocked.contextValue, 'posthog.mcpTool.do_not_use');
    assert.equal(blocked.description, 'Do not use');
    assert.ok(!byName.has('begin_seer_issue_fix'), 'removed tools are not shown');
    assert.equal(approved.parentId, sentry.id);
    assert.equal((approved.data as McpToolRow).installation_id, (sentry.data as InstallationRow).id);
    assert.match(pending.tooltip!, /each call waits for approval/);
  });

  it('an installation that needs re-authorization starts with a warning that authorizes on click', async () => {
    const acme = await installation('Acme Internal Tools');
    const kids = await model.children(acme);
    assert.equal(kids[0].kind, 'warning');
    assert.equal(kids[0].label, 'Needs re-authorization');
    assert.equal(kids[0].command?.command, 'posthog.mcp.authorize');
    assert.equal(kids[0].command?.args?.[0], acme);
    assert.ok(byKind(kids, 'tool').length >= 4);
  });

  it('Approve, Deny and Require approval change the stand-in and reload only that installation', async () => {
    const stop = refreshViewsOnChange(h.registry, { mcp: model });
    try {
      const sentry = await installation('Sentry');
      const id = (sentry.data as InstallationRow).id;
      const stored = () =>
        rows()
          .get(id)!
          .tools.find((t: { tool_name: string }) => t.tool_name === 'search_events').approval_state;
      assert.equal(stored(), 'needs_approval');
      const listCalls = () => h.standin.requestsTo('/mcp_server_installations', 'GET').filter((r) => !r.path.includes('/tools')).length;
      const rootLoads = listCalls();

      for (const [state, icon] of [
        ['approved', 'pass-filled'],
        ['do_not_use', 'circle-slash'],
        ['needs_approval', 'question'],
      ] as const) {
        const node = await tool(sentry, 'search_events');
        const changed = nextEvent(model.onDidChange);
        await model.setApproval(node.data as McpToolRow, state);
        assert.equal(await changed, sentry, 'only the installation is redrawn');
        assert.equal(stored(), state);
        const again = await tool(sentry, 'search_events');
        assert.equal(again, node, 'same node object');
        assert.equal(again.icon?.id, icon);
        assert.equal(again.contextValue, `posthog.mcpTool.${state}`);
      }
      assert.equal(listCalls(), rootLoads, 'the installation list was not reloaded');
    } finally {
      stop();
    }
  });

  it('enable / disable and refresh tools go through the tools and refresh the view', async () => {
    const stop = refreshViewsOnChange(h.registry, { mcp: model });
    try {
      const stripe = await installation('Stripe');
      const id = (stripe.data as InstallationRow).id;
      let refreshed = nextEvent(model.onDidRefresh);
      await model.setEnabled(stripe.data as InstallationRow, true);
      await refreshed;
      assert.equal(rows().get(id)!.is_enabled, true);
      assert.equal((await installation('Stripe')).contextValue, 'posthog.mcpInstallation.enabled');

      const sentry = await installation('Sentry');
      rows()
        .get((sentry.data as InstallationRow).id)!
        .upstream_tools.push({
          name: 'brand_new_tool',
          title: 'Brand new',
          description: 'Appeared upstream.',
          inputSchema: { type: 'object' },
        });
      refreshed = nextEvent(model.onDidRefresh);
      await model.refreshTools(sentry.data as InstallationRow);
      await refreshed;
      const fresh = await tool(sentry, 'brand_new_tool');
      assert.equal(fresh.contextValue, 'posthog.mcpTool.needs_approval', 'new tools wait for approval');

      await model.setEnabled(stripe.data as InstallationRow, false);
      assert.equal(rows().get(id)!.is_enabled, false);
    } finally {
      stop();
    }
  });

  it("authorize returns the provider's OAuth page to open", async () => {
    const acme = await installation('Acme Internal Tools');
    const url = await model.authorize(acme.data as InstallationRow);
    const u = new URL(url);
    assert.equal(u.protocol, 'https:');
    assert.equal(u.searchParams.get('response_type'), 'code');
    assert.equal(u.searchParams.get('code_challenge_method'), 'S256');
  });

  it('install from the catalogue and a custom server; never echo the API key; delete', async () => {
    const stop = refreshViewsOnChange(h.registry, { mcp: model });
    const secret = 'sk_live_vscode_test_secret_9f8e7d6c5b4a';
    const logged: string[] = [];
    const unlog = h.registry.onDidCall((e) => logged.push(JSON.stringify(e)));
    try {
      const templates = await model.templates();
      assert.ok(templates.length >= 6);
      const linear = templates.find((t) => t.name === 'Linear')!;
      assert.equal(linear.auth_type, 'oauth');
      const oauth = await model.installTemplate(linear);
      assert.match(oauth.redirect_url!, /^https:\/\//, 'an OAuth template answers with the page to open');

      const stripe = templates.find((t) => t.name === 'Stripe')!;
      const viaKey = await model.installTemplate(stripe, secret);
      assert.ok(viaKey.installation?.id, 'an api_key template answers with the installation');

      const refreshed = nextEvent(model.onDidRefresh);
      const custom = await model.installCustom({
        name: 'VS Code test server',
        url: 'https://mcp.vscode-test.example/mcp',
        auth_type: 'api_key',
        api_key: secret,
      });
      await refreshed;
      const inst = custom.installation!;
      assert.equal(inst.name, 'VS Code test server');
      assert.ok(!JSON.stringify(custom).includes(secret), 'the key is not echoed');
      assert.ok(!JSON.stringify(viaKey).includes(secret), 'the key is not echoed');
      assert.ok(logged.length > 0 && !logged.join('\n').includes(secret), 'the key is never in the call log');
      const node = await installation('VS Code test server');
      assert.match(node.description!, /^API key · \d+ tools?$/);

      const customOauth = await model.installCustom({ name: 'OAuth test', url: 'https://mcp.oauth-test.example/mcp', auth_type: 'oauth' });
      assert.match(customOauth.redirect_url!, /^https:\/\//);

      const gone = nextEvent(model.onDidRefresh);
      await model.delete(inst);
      await gone;
      assert.equal(rows().get(inst.id), undefined, 'a hard delete');
      assert.ok(!labels(await model.children()).includes('VS Code test server'));
    } finally {
      unlog();
      stop();
    }
  });

  it("errors: the list, and one installation's tools, show the message and Retry", async () => {
    h.standin.faults.add({ path: '/mcp_server_installations', status: 500, times: 5 });
    const nodes = await model.children();
    assert.equal(nodes.length, 1);
    assert.equal(nodes[0].kind, 'error');
    assert.match(nodes[0].label, /server error \(500\)/);
    assert.equal(nodes[0].command?.command, 'posthog.mcp.refresh');
    h.standin.faults.clear();
    model.refresh(nodes[0]);
    const sentry = await installation('Sentry');
    h.standin.faults.add({ path: '/tools', status: 500, times: 5 });
    const kids = await model.children(sentry);
    assert.equal(kids[0].kind, 'error');
    assert.equal(kids[0].parentId, sentry.id);
    h.standin.faults.clear();
    model.refresh(kids[0]);
    assert.ok(byKind(await model.children(sentry), 'tool').length > 0);
  });

  it('an empty project says so and offers the catalogue', async () => {
    const standin = await startStandin({ seed: 'empty' });
    try {
      const m = new McpInstallationsModel({ tools: registryWithKey(standin.url, standin.key), projectName: () => PROJECT });
      const nodes = await m.children();
      assert.deepEqual(labels(nodes), [`No MCP servers installed in ${PROJECT}`]);
      assert.equal(nodes[0].command?.command, 'posthog.mcp.installTemplate');
    } finally {
      await standin.close();
    }
  });

  it('checks a custom server URL before sending', () => {
    assert.equal(serverUrlProblem('https://mcp.example.com/mcp'), undefined);
    assert.match(serverUrlProblem('ftp://x')!, /http or https/);
    assert.match(serverUrlProblem('mcp.example.com')!, /not a valid URL/);
    assert.match(serverUrlProblem('')!, /Enter the MCP server URL/);
  });
});
