import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasNullNoise } from '../helpers/noise';
import { startHarness, type Harness } from '../helpers/harness';
import { TEMPLATE_IDS, mcpOAuthThrottle, type UpstreamTool } from '../standin/routes/mcpStore';
import type { Row } from '../standin/state';
import type { ListAnswer, StandinError } from '../helpers/answers';

interface TemplateAnswer {
  id: string;
  name: string;
  auth_type: string;
  url: string;
  docs_url: string;
}

interface InstallationAnswer {
  id: string;
  name: string;
  template_id?: string;
  auth_type: string;
  is_enabled: boolean;
  needs_reauth: boolean;
  pending_oauth: boolean;
  tool_count?: number;
  url?: string;
  settings_url?: string;
}

type InstallationList = ListAnswer<InstallationAnswer> & { settings_url: string };

interface McpToolAnswer {
  installation_id: string;
  tool_name: string;
  display_name?: string;
  description?: string;
  approval_state: string;
  removed_at?: string;
}

/** What authorize_mcp_server_installation answers: where the person signs in. */
interface AuthorizeAnswer {
  redirect_url: string;
  message?: string;
}

/** What the install tools answer: the installation, and for OAuth where to sign in. */
interface InstallAnswer extends Partial<AuthorizeAnswer> {
  installation: InstallationAnswer;
}

const MISSING = '00000000-0000-4000-8000-000000000000';

function installations(h: Harness, teamId = 1) {
  return h.standin.state.table(teamId, 'mcp_installations', 'uuid');
}
function byName(h: Harness, name: string): Row {
  const row = installations(h).find((r) => r.display_name === name);
  assert.ok(row, `seeded installation "${name}"`);
  return row;
}
function tool(row: Row, name: string): Row | undefined {
  return (row.tools as Row[]).find((t) => t.tool_name === name);
}

describe('MCP store tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // The install / authorize / refresh throttle (10/min) has its own test below.
    mcpOAuthThrottle(h.standin.state).burst.limit = 10_000;
    mcpOAuthThrottle(h.standin.state).sustained.limit = 10_000;
  });
  after(() => h.close());

  it('list_mcp_server_templates lists the active catalog by name', async () => {
    const out = await h.list<TemplateAnswer>('list_mcp_server_templates');
    const names = out.results.map((t) => t.name);
    assert.deepEqual(names, ['Atlassian', 'GitHub', 'Linear', 'Notion', 'Sentry', 'Stripe'], 'retired templates are hidden');
    assert.equal(out.count, 6);
    const sentry = out.results.find((t) => t.name === 'Sentry')!;
    assert.equal(sentry.id, TEMPLATE_IDS.Sentry);
    assert.equal(sentry.auth_type, 'api_key');
    assert.equal(sentry.url, 'https://mcp.sentry.dev/mcp');
    assert.ok(sentry.docs_url.startsWith('https://'));
    assert.match(h.standin.requestsTo('/api/projects/1/mcp_servers', 'GET').at(-1)!.path, /\/mcp_servers\/$/);
  });

  it('list_mcp_server_installations gives every status flag and tool counts', async () => {
    const out = await h.call<InstallationList>('list_mcp_server_installations');
    assert.equal(out.isError, false, out.text);
    assert.equal(out.data.count, 3);
    assert.equal(out.data.next_offset, undefined, 'no next page');
    assert.equal(out.data.settings_url, `${h.standin.url}/project/1/settings/mcp-servers`);
    const rows = Object.fromEntries(out.data.results.map((r) => [r.name, r]));
    assert.deepEqual(Object.keys(rows).sort(), ['Acme Internal Tools', 'Sentry', 'Stripe']);
    for (const r of out.data.results) {
      for (const flag of ['is_enabled', 'needs_reauth', 'pending_oauth'] as const)
        assert.equal(typeof r[flag], 'boolean', `${r.name}.${flag} is always present`);
      assert.match(r.id, /^[0-9a-f-]{36}$/);
    }
    assert.equal(rows.Stripe.is_enabled, false);
    assert.equal(rows['Acme Internal Tools'].needs_reauth, true);
    assert.equal(rows['Acme Internal Tools'].auth_type, 'oauth');
    assert.equal(rows['Acme Internal Tools'].template_id, undefined, 'custom servers have no template');
    assert.equal(rows.Sentry.template_id, TEMPLATE_IDS.Sentry);
    assert.equal(rows.Sentry.tool_count, 7, 'removed tools are not counted');
    assert.ok(!out.text.includes('sntrys_'), 'stored credentials never appear');
    assert.ok(!hasNullNoise(out.text));
    const req = h.standin.requestsTo('/api/projects/1/mcp_server_installations', 'GET').at(-1)!;
    assert.equal(req.query.limit, '25');
  });

  it('list_mcp_server_installations pages', async () => {
    const out = await h.call<InstallationList>('list_mcp_server_installations', { limit: 2 });
    assert.equal(out.data.results.length, 2);
    assert.equal(out.data.has_more, true);
    assert.equal(out.data.next_offset, 2);
    const rest = await h.call<InstallationList>('list_mcp_server_installations', { limit: 2, offset: 2 });
    assert.equal(rest.data.results.length, 1);
    assert.equal(rest.data.next_offset, undefined, 'no next page');
  });

  it('list_mcp_server_installations never repeats rows past offset, though PostHog ignores limit/offset', async () => {
    // products/mcp_store/backend/presentation/views.py answers {results} with every row.
    const first = await h.json<InstallationList>('list_mcp_server_installations', { limit: 1 });
    const rest = await h.json<InstallationList>('list_mcp_server_installations', { limit: 10, offset: 1 });
    assert.equal(rest.results.length, 2, 'the two rows after the first, not all three again');
    assert.equal(rest.next_offset, undefined);
    const names = [...first.results, ...rest.results].map((r) => r.name);
    assert.equal(new Set(names).size, 3, 'each row once');
    const past = await h.json<InstallationList>('list_mcp_server_installations', { limit: 10, offset: 5 });
    assert.deepEqual(past.results, []);
  });

  it('list_mcp_server_installations takes an older counted page as it is', async () => {
    const row = { id: MISSING, name: 'Paged', url: 'https://mcp.example.com/mcp', auth_type: 'api_key', is_enabled: true, tool_count: 1 };
    const body = { count: 4, next: 'http://x/?limit=1&offset=3', previous: null, results: [row] };
    h.standin.faults.add({ method: 'GET', path: '/mcp_server_installations', status: 200, body, times: 1 });
    const out = await h.json<InstallationList>('list_mcp_server_installations', { limit: 1, offset: 2 });
    assert.deepEqual(
      out.results.map((r) => r.name),
      ['Paged'],
    );
    assert.equal(out.count, 4);
    assert.equal(out.next_offset, 3);
    const req = h.standin.requestsTo('/api/projects/1/mcp_server_installations', 'GET').at(-1)!;
    assert.equal(req.query.offset, '2', 'an older PostHog pages itself');
  });

  it('list_mcp_server_installations also reads the newer {results}-only body', async () => {
    const body = {
      results: [
        {
          id: MISSING,
          name: '',
          url: 'https://mcp.example.com/mcp',
          auth_type: 'api_key',
          is_enabled: true,
          needs_reauth: false,
          pending_oauth: false,
          tool_count: 0,
        },
      ],
    };
    h.standin.faults.add({ method: 'GET', path: '/mcp_server_installations', status: 200, body, times: 1 });
    const out = await h.json<InstallationList>('list_mcp_server_installations');
    assert.equal(out.next_offset, undefined, 'no next page');
    assert.equal(out.results.length, 1);
    assert.equal(out.results[0].name, 'mcp.example.com', 'an unnamed server is named by its host');
    assert.equal(out.results[0].tool_count, 0);
  });

  it('get_mcp_server_installation returns one installation; a missing one is named in the error', async () => {
    const sentry = byName(h, 'Sentry');
    const out = await h.json<InstallationAnswer>('get_mcp_server_installation', { installation_id: sentry.id });
    assert.equal(out.id, sentry.id);
    assert.equal(out.name, 'Sentry');
    assert.equal(out.pending_oauth, false);
    assert.equal(out.settings_url, `${h.standin.url}/project/1/settings/mcp-servers`);

    const missing = await h.error('get_mcp_server_installation', { installation_id: MISSING });
    assert.match(missing, new RegExp(`MCP server installation ${MISSING} was not found`));
  });

  it("another member's personal installation stays invisible", async () => {
    const now = new Date().toISOString();
    const bobs = installations(h).insert({
      id: '0190b7a1-0000-7000-8000-0000000b0b01',
      team_id: 1,
      user_id: 2,
      scope: 'personal',
      template_id: null,
      display_name: "Bob's scratch server",
      url: 'https://scratch.bob.dev/mcp',
      description: '',
      auth_type: 'api_key',
      is_enabled: true,
      sensitive_configuration: {},
      tools: [],
      upstream_tools: [],
      created_at: now,
      updated_at: now,
    });
    const list = await h.call<InstallationList>('list_mcp_server_installations');
    assert.ok(!list.data.results.some((r) => r.id === bobs.id));
    const got = await h.error('get_mcp_server_installation', { installation_id: bobs.id });
    assert.match(got, /was not found/);
    installations(h).remove(bobs.id);
  });

  it('bad input is rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const notUuid = await h.error('get_mcp_server_installation', { installation_id: '12' });
    assert.match(notUuid, /installation_id/);
    const nothing = await h.call<InstallationAnswer>('update_mcp_server_installation', { installation_id: byName(h, 'Sentry').id });
    assert.equal(nothing.isError, true);
    assert.match(nothing.text, /at least one of display_name, description, is_enabled/);
    const badState = await h.error('set_mcp_tool_approval', {
      installation_id: byName(h, 'Sentry').id,
      tool_name: 'search_issues',
      approval_state: 'allowed',
    });
    assert.match(badState, /approval_state/);
    const both = await h.error('authorize_mcp_server_installation', {
      template_id: TEMPLATE_IDS.Linear,
      installation_id: byName(h, 'Acme Internal Tools').id,
    });
    assert.match(both, /exactly one of template_id or installation_id/);
    const neither = await h.call<AuthorizeAnswer>('authorize_mcp_server_installation', {});
    assert.equal(neither.isError, true);
    const badAuth = await h.error('install_custom_mcp_server', {
      name: 'X',
      url: 'https://x.example.com/mcp',
      auth_type: 'none',
    });
    assert.match(badAuth, /auth_type/);
    const notHttp = await h.error('install_custom_mcp_server', {
      name: 'X',
      url: 'ftp://x.example.com/mcp',
      auth_type: 'api_key',
    });
    assert.match(notHttp, /http:\/\/ or https:\/\//);
    const lonelySecret = await h.error('install_custom_mcp_server', {
      name: 'X',
      url: 'https://x.example.com/mcp',
      auth_type: 'oauth',
      client_secret: 'shh-very-secret-value',
    });
    assert.match(lonelySecret, /client_secret needs client_id/);
    assert.ok(!lonelySecret.includes('shh-very-secret-value'));
    const keyWithOauth = await h.error('install_custom_mcp_server', {
      name: 'X',
      url: 'https://x.example.com/mcp',
      auth_type: 'oauth',
      api_key: 'key-for-nothing-123',
    });
    assert.match(keyWithOauth, /api_key is only used with auth_type api_key/);
    assert.equal(h.standin.requests.length, before, 'no request reached PostHog');
  });

  it('update_mcp_server_installation sends only the given fields', async () => {
    const stripe = byName(h, 'Stripe');
    const out = await h.json<InstallationAnswer>('update_mcp_server_installation', { installation_id: stripe.id, is_enabled: true });
    assert.equal(out.is_enabled, true);
    const patch = h.standin.requestsTo(`/mcp_server_installations/${stripe.id}`, 'PATCH').at(-1)!;
    assert.deepEqual(patch.body, { is_enabled: true });
    assert.equal(stripe.is_enabled, true);
    assert.equal(stripe.display_name, 'Stripe', 'omitted fields are untouched');

    const renamed = await h.call<InstallationAnswer>('update_mcp_server_installation', {
      installation_id: stripe.id,
      display_name: 'Stripe (test mode)',
      is_enabled: false,
    });
    assert.equal(renamed.data.name, 'Stripe (test mode)');
    assert.equal(renamed.data.is_enabled, false);
    assert.equal(stripe.description, 'Look up customers, invoices and payments, and create payment links in Stripe.');
    stripe.display_name = 'Stripe';

    const missing = await h.error('update_mcp_server_installation', { installation_id: MISSING, is_enabled: true });
    assert.match(missing, new RegExp(`update MCP server installation ${MISSING}: MCP server installation ${MISSING} was not found`));
  });

  it('list_mcp_installation_tools shows approval states, and removed tools only on request', async () => {
    const sentry = byName(h, 'Sentry');
    const out = await h.list<McpToolAnswer>('list_mcp_installation_tools', { installation_id: sentry.id });
    const names = out.results.map((t) => t.tool_name);
    assert.deepEqual(names, [...names].sort(), 'ordered by tool name');
    assert.equal(out.count, 7);
    assert.ok(!names.includes('begin_seer_issue_fix'));
    const states = new Set(out.results.map((t) => t.approval_state));
    assert.deepEqual([...states].sort(), ['approved', 'do_not_use', 'needs_approval']);
    const search = out.results.find((t) => t.tool_name === 'search_issues')!;
    assert.equal(search.display_name, 'Search issues');
    assert.ok((search.description ?? '').length > 10);
    assert.equal(h.standin.requestsTo(`/${sentry.id}/tools`, 'GET').at(-1)!.query.include_removed, undefined);

    const all = await h.call<ListAnswer<McpToolAnswer>>('list_mcp_installation_tools', {
      installation_id: sentry.id,
      include_removed: true,
    });
    assert.equal(all.data.count, 8);
    const removed = all.data.results.find((t) => t.tool_name === 'begin_seer_issue_fix')!;
    assert.ok(removed.removed_at, 'a removed tool carries removed_at');
    assert.equal(removed.approval_state, 'approved', 'its approval is kept');
    assert.equal(h.standin.requestsTo(`/${sentry.id}/tools`, 'GET').at(-1)!.query.include_removed, '1');

    const acme = await h.call<ListAnswer<McpToolAnswer>>('list_mcp_installation_tools', {
      installation_id: byName(h, 'Acme Internal Tools').id,
    });
    assert.deepEqual(
      acme.data.results.map((t) => [t.tool_name, t.approval_state]),
      [
        ['create_support_ticket', 'needs_approval'],
        ['issue_refund', 'do_not_use'],
        ['list_deployments', 'approved'],
        ['lookup_customer', 'approved'],
      ],
    );
  });

  it('set_mcp_tool_approval changes one tool and says which tool or installation is missing', async () => {
    const sentry = byName(h, 'Sentry');
    const out = await h.json<McpToolAnswer>('set_mcp_tool_approval', {
      installation_id: sentry.id,
      tool_name: 'search_events',
      approval_state: 'approved',
    });
    assert.deepEqual(out, { installation_id: sentry.id, tool_name: 'search_events', approval_state: 'approved' });
    assert.equal(tool(sentry, 'search_events')!.approval_state, 'approved');
    const patch = h.standin.requestsTo(`/mcp_server_installations/${sentry.id}/tools/search_events/`, 'PATCH').at(-1)!;
    assert.deepEqual(patch.body, { approval_state: 'approved' });

    const blocked = await h.call<McpToolAnswer>('set_mcp_tool_approval', {
      installation_id: sentry.id,
      tool_name: 'search_events',
      approval_state: 'do_not_use',
    });
    assert.equal(blocked.data.approval_state, 'do_not_use');
    assert.equal(tool(sentry, 'search_events')!.approval_state, 'do_not_use');

    const unknownTool = await h.error('set_mcp_tool_approval', {
      installation_id: sentry.id,
      tool_name: 'Search_Issues',
      approval_state: 'approved',
    });
    assert.match(unknownTool, /no tool named "Search_Issues"/);
    assert.match(unknownTool, /list_mcp_installation_tools/);

    const unknownInstallation = await h.error('set_mcp_tool_approval', {
      installation_id: MISSING,
      tool_name: 'search_issues',
      approval_state: 'approved',
    });
    assert.match(unknownInstallation, new RegExp(`MCP server installation ${MISSING} was not found`));
    assert.doesNotMatch(unknownInstallation, /no tool named/);
  });

  it('set_mcp_tool_approval keeps a tool name inside its path segment', async () => {
    const sentry = byName(h, 'Sentry');
    const out = await h.error('set_mcp_tool_approval', {
      installation_id: sentry.id,
      tool_name: '../../dashboards/1',
      approval_state: 'approved',
    });
    assert.match(out, /no tool named/);
    const req = h.standin.requests.at(-1)!;
    assert.equal(req.method, 'PATCH');
    assert.ok(req.path.includes(`/${sentry.id}/tools/..%2F..%2Fdashboards%2F1`), req.path);
  });

  it('refresh_mcp_installation_tools adds new tools as needs_approval, marks vanished ones removed and restores returning ones', async () => {
    const sentry = byName(h, 'Sentry');
    const upstream = (sentry.upstream_tools as UpstreamTool[]).filter((t) => t.name !== 'find_organizations');
    upstream.push(
      {
        name: 'list_releases',
        title: 'List releases',
        description: 'List the releases of a project.',
        inputSchema: { type: 'object', properties: {} },
      },
      {
        name: 'begin_seer_issue_fix',
        title: 'Begin Seer issue fix',
        description: 'Back again.',
        inputSchema: { type: 'object', properties: {} },
      },
    );
    sentry.upstream_tools = upstream;
    const approvalBefore = tool(sentry, 'find_organizations')!.approval_state;

    const out = await h.list<McpToolAnswer>('refresh_mcp_installation_tools', { installation_id: sentry.id });
    const byTool = Object.fromEntries(out.results.map((t) => [t.tool_name, t]));
    assert.equal(out.count, 8);
    assert.equal(byTool.list_releases.approval_state, 'needs_approval', 'new tools need approval');
    assert.equal(byTool.begin_seer_issue_fix.approval_state, 'approved', 'a returning tool keeps its approval');
    assert.equal(byTool.begin_seer_issue_fix.removed_at, undefined);
    assert.equal(byTool.find_organizations, undefined, 'a vanished tool is not listed');
    const gone = tool(sentry, 'find_organizations')!;
    assert.ok(gone.removed_at, 'a vanished tool is marked removed');
    assert.equal(gone.approval_state, approvalBefore, 'and keeps its approval');
    assert.equal(h.standin.requestsTo(`/${sentry.id}/tools/refresh`, 'POST').length, 1);
  });

  it('refresh_mcp_installation_tools explains a disabled installation and an upstream failure', async () => {
    const stripe = byName(h, 'Stripe');
    assert.equal(stripe.is_enabled, false);
    const disabled = await h.call<ListAnswer<McpToolAnswer>>('refresh_mcp_installation_tools', { installation_id: stripe.id });
    assert.equal(disabled.isError, true);
    assert.match(disabled.text, /is disabled/);
    assert.match(disabled.text, /update_mcp_server_installation/);

    const acme = byName(h, 'Acme Internal Tools');
    const sent = h.standin.requestsTo(`/${acme.id}/tools/refresh`, 'POST').length;
    const upstream = await h.call<ListAnswer<McpToolAnswer>>('refresh_mcp_installation_tools', { installation_id: acme.id });
    assert.equal(upstream.isError, true);
    assert.match(upstream.text, /\(502\)/);
    assert.match(upstream.text, /authorize_mcp_server_installation/);
    assert.equal(h.standin.requestsTo(`/${acme.id}/tools/refresh`, 'POST').length, sent + 1, 'an upstream failure is not retried');
  });

  it('authorize_mcp_server_installation reads the 302 and returns the provider URL', async () => {
    const out = await h.json<AuthorizeAnswer>('authorize_mcp_server_installation', { template_id: TEMPLATE_IDS.GitHub });
    const url = new URL(out.redirect_url);
    assert.equal(url.origin + url.pathname, 'https://github.com/login/oauth/authorize');
    assert.equal(url.searchParams.get('response_type'), 'code');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(url.searchParams.get('client_id'));
    assert.ok(url.searchParams.get('state'));
    assert.ok(url.searchParams.get('code_challenge'));
    assert.equal(url.searchParams.get('redirect_uri'), `${h.standin.url}/api/mcp_store/oauth_redirect/`);
    const req = h.standin.requestsTo('/mcp_server_installations/authorize', 'GET').at(-1)!;
    assert.equal(req.status, 302);
    assert.deepEqual(req.query, { template_id: TEMPLATE_IDS.GitHub });
    assert.deepEqual(Object.keys(out), ['redirect_url']);
  });

  it('authorize_mcp_server_installation restarts OAuth for an installation, and the callback finishes it', async () => {
    const acme = byName(h, 'Acme Internal Tools');
    const out = await h.json<AuthorizeAnswer>('authorize_mcp_server_installation', { installation_id: acme.id });
    const url = new URL(out.redirect_url);
    assert.equal(url.origin + url.pathname, 'https://mcp.acme-tools.dev/authorize');
    assert.equal(h.standin.requestsTo('/mcp_server_installations/authorize', 'GET').at(-1)!.query.installation_id, acme.id);

    // The user approves at the provider, which sends the browser back to PostHog's callback.
    const callback = await fetch(
      `${h.standin.url}/api/mcp_store/oauth_redirect/?state=${encodeURIComponent(url.searchParams.get('state')!)}&code=granted`,
      { redirect: 'manual' },
    );
    assert.equal(callback.status, 302);
    assert.match(callback.headers.get('location')!, /\/project\/1\/settings\/mcp-servers\?oauth_complete=true$/);
    const after = await h.call<InstallationAnswer>('get_mcp_server_installation', { installation_id: acme.id });
    assert.equal(after.data.needs_reauth, false);
    assert.equal(after.data.pending_oauth, false);
    const again = await fetch(
      `${h.standin.url}/api/mcp_store/oauth_redirect/?state=${encodeURIComponent(url.searchParams.get('state')!)}&code=granted`,
      { redirect: 'manual' },
    );
    assert.equal(again.status, 400, 'an OAuth state is one-time');
    const refreshed = await h.call<ListAnswer<McpToolAnswer>>('refresh_mcp_installation_tools', { installation_id: acme.id });
    assert.equal(refreshed.isError, false, refreshed.text);
  });

  it('authorize_mcp_server_installation accepts a 200 {redirect_url} answer and names a missing template', async () => {
    h.standin.faults.add({
      method: 'GET',
      path: '/mcp_server_installations/authorize',
      status: 200,
      body: { redirect_url: 'https://mcp.linear.app/authorize?client_id=abc&state=xyz' },
      times: 1,
    });
    const out = await h.json<AuthorizeAnswer>('authorize_mcp_server_installation', { template_id: TEMPLATE_IDS.Linear });
    assert.equal(out.redirect_url, 'https://mcp.linear.app/authorize?client_id=abc&state=xyz');

    const missing = await h.error('authorize_mcp_server_installation', { template_id: MISSING });
    assert.match(missing, new RegExp(`MCP server template ${MISSING} was not found`));
  });

  it("authorize_mcp_server_installation on an api_key server passes on PostHog's refusal with what to do instead", async () => {
    const out = await h.error('authorize_mcp_server_installation', { installation_id: byName(h, 'Stripe').id });
    assert.match(out, /Template missing OAuth metadata/);
    assert.match(out, /only applies to servers with auth_type oauth/);
  });

  it('install_custom_mcp_server with an API key installs at once and never echoes the key', async () => {
    const secret = 'sk_live_DISTINCTIVE_4f9a1c77e2';
    const calls: Record<string, unknown>[] = [];
    const stop = h.registry.onDidCall((e) => calls.push(e.args));
    const out = await h.call<InstallAnswer>('install_custom_mcp_server', {
      name: 'Docs search',
      url: 'https://mcp.docs-search.dev/mcp',
      auth_type: 'api_key',
      api_key: secret,
      description: 'Search our docs',
    });
    assert.equal(out.isError, false, out.text);
    assert.ok(!out.text.includes(secret), 'the result never contains the key');
    const inst = out.data.installation;
    assert.equal(inst.name, 'Docs search');
    assert.equal(inst.auth_type, 'api_key');
    assert.equal(inst.is_enabled, true);
    assert.equal(inst.pending_oauth, false);
    assert.equal(inst.tool_count, 2, 'tools were synced from the server');
    const row = installations(h).get(inst.id)!;
    assert.equal(row.sensitive_configuration.api_key, secret, 'the key reached PostHog');
    const req = h.standin.requestsTo('/mcp_server_installations/install_custom', 'POST').at(-1)!;
    assert.equal(req.status, 201);
    assert.deepEqual(Object.keys(req.body).sort(), ['api_key', 'auth_type', 'description', 'name', 'url']);

    const dup = await h.error('install_custom_mcp_server', {
      name: 'Docs search again',
      url: 'https://mcp.docs-search.dev/mcp',
      auth_type: 'api_key',
      api_key: secret,
    });
    assert.match(dup, /This server URL is already installed/);
    assert.ok(!dup.includes(secret), 'the error never contains the key');
    stop();
    assert.ok(calls.length >= 2);
    for (const args of calls) assert.equal(args.api_key, '[redacted]', 'call logs never hold the key');
  });

  it('install_custom_mcp_server keeps secrets out of errors even when the server echoes them', async () => {
    const key = 'ak_ECHOED_secret_value_8b2d';
    const clientSecret = 'cs_ECHOED_client_secret_5e1f';
    h.standin.faults.add({
      method: 'POST',
      path: '/mcp_server_installations/install_custom',
      status: 400,
      body: { detail: `Bad credentials: api_key=${key} client_secret=${clientSecret}` },
      times: 2,
    });
    const apiKeyOut = await h.error('install_custom_mcp_server', {
      name: 'Echo',
      url: 'https://mcp.echo.dev/mcp',
      auth_type: 'api_key',
      api_key: key,
    });
    assert.match(apiKeyOut, /Bad credentials/);
    assert.ok(!apiKeyOut.includes(key), apiKeyOut);
    const oauthOut = await h.error('install_custom_mcp_server', {
      name: 'Echo',
      url: 'https://mcp.echo.dev/mcp',
      auth_type: 'oauth',
      client_id: 'echo-client',
      client_secret: clientSecret,
    });
    assert.ok(!oauthOut.includes(clientSecret), oauthOut);
  });

  it("install_custom_mcp_server passes on PostHog's URL check", async () => {
    const out = await h.error('install_custom_mcp_server', {
      name: 'Local',
      url: 'http://localhost:8080/mcp',
      auth_type: 'api_key',
      api_key: 'local-key-123456',
    });
    assert.match(out, /for field 'url'/);
    assert.match(out, /URL not allowed: Local\/Loopback host not allowed/);
    assert.ok(!out.includes('local-key-123456'));
    const metadata = await h.error('install_custom_mcp_server', {
      name: 'Metadata',
      url: 'http://169.254.169.254/latest',
      auth_type: 'api_key',
    });
    assert.match(metadata, /URL not allowed/);
    assert.equal(
      installations(h).find((r) => r.url.includes('localhost') || r.url.includes('169.254')),
      undefined,
      'nothing was installed',
    );
  });

  it('install_custom_mcp_server with OAuth returns the URL to open and leaves the installation pending', async () => {
    const secret = 'cs_DISTINCTIVE_client_secret_99';
    const out = await h.call<InstallAnswer>('install_custom_mcp_server', {
      name: 'Billing tools',
      url: 'https://mcp.billing-tools.dev/mcp',
      auth_type: 'oauth',
      client_id: 'posthog-billing-client',
      client_secret: secret,
    });
    assert.equal(out.isError, false, out.text);
    assert.ok(!out.text.includes(secret));
    const url = new URL(out.data.redirect_url!);
    assert.equal(url.origin, 'https://mcp.billing-tools.dev');
    assert.equal(url.searchParams.get('client_id'), 'posthog-billing-client');
    assert.match(out.data.message ?? '', /browser/);
    assert.equal(h.standin.requestsTo('/mcp_server_installations/install_custom', 'POST').at(-1)!.status, 200);
    const row = installations(h).find((r) => r.url === 'https://mcp.billing-tools.dev/mcp')!;
    const got = await h.call<InstallationAnswer>('get_mcp_server_installation', { installation_id: row.id });
    assert.equal(got.data.pending_oauth, true);
    assert.equal(got.data.auth_type, 'oauth');
    assert.ok(!got.text.includes(secret));
  });

  it('install_mcp_server_template installs api_key templates with a key and reinstalls to replace it', async () => {
    const noKey = await h.error('install_mcp_server_template', { template_id: TEMPLATE_IDS.Stripe });
    assert.match(noKey, /api_key is required/);

    const sentry = byName(h, 'Sentry');
    const out = await h.call<InstallAnswer>('install_mcp_server_template', {
      template_id: TEMPLATE_IDS.Sentry,
      api_key: 'sntrys_NEW_rotated_token_31',
    });
    assert.equal(out.isError, false, out.text);
    assert.equal(out.data.installation.id, sentry.id, 'reinstalling reuses the installation');
    assert.equal(out.data.installation.template_id, TEMPLATE_IDS.Sentry);
    assert.equal(sentry.sensitive_configuration.api_key, 'sntrys_NEW_rotated_token_31');
    assert.ok(!out.text.includes('sntrys_NEW_rotated_token_31'));
    assert.equal(h.standin.requestsTo('/mcp_server_installations/install_template', 'POST').at(-1)!.status, 201);
    assert.deepEqual(h.standin.requestsTo('/mcp_server_installations/install_template', 'POST').at(-1)!.body, {
      template_id: TEMPLATE_IDS.Sentry,
      api_key: 'sntrys_NEW_rotated_token_31',
    });
  });

  it('install_mcp_server_template starts OAuth for OAuth templates', async () => {
    const out = await h.json<InstallAnswer>('install_mcp_server_template', { template_id: TEMPLATE_IDS.Notion });
    const url = new URL(out.redirect_url!);
    assert.equal(url.origin + url.pathname, 'https://mcp.notion.com/authorize');
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    const list = await h.call<InstallationList>('list_mcp_server_installations');
    const notion = list.data.results.find((r) => r.template_id === TEMPLATE_IDS.Notion)!;
    assert.equal(notion.pending_oauth, true);
  });

  describe('install_mcp_server_template names unknown templates', () => {
    for (const [what, id] of [
      ['a retired template', TEMPLATE_IDS['Zapier (retired)']],
      ['a template that does not exist', MISSING],
    ]) {
      it(what, async () => {
        const text = await h.error('install_mcp_server_template', { template_id: id, api_key: 'whatever-key-1' });
        assert.match(text, new RegExp(`MCP server template ${id} was not found`));
      });
    }
  });

  it('delete_mcp_server_installation sends DELETE and removes it for good', async () => {
    const created = await h.call<InstallAnswer>('install_custom_mcp_server', {
      name: 'Throwaway',
      url: 'https://mcp.throwaway.dev/mcp',
      auth_type: 'api_key',
    });
    const id = created.data.installation.id;
    const out = await h.call('delete_mcp_server_installation', { installation_id: id });
    assert.equal(out.isError, false, out.text);
    assert.deepEqual(out.data, { id, deleted: true });
    assert.equal(h.standin.requestsTo(`/mcp_server_installations/${id}`, 'DELETE').at(-1)!.status, 204);
    assert.equal(h.standin.requestsTo(`/mcp_server_installations/${id}`, 'PATCH').length, 0, 'not a soft delete');
    assert.equal(installations(h).get(id), undefined);
    const again = await h.error('delete_mcp_server_installation', { installation_id: id });
    assert.match(again, new RegExp(`MCP server installation ${id} was not found`));
  });

  describe('annotations follow the catalog rules', () => {
    /** The annotations a client sees in tools/list. */
    const ann = async (name: string) => {
      const { tools } = await h.mcp.listTools();
      return tools.find((t) => t.name === name)!.annotations!;
    };
    for (const name of [
      'list_mcp_server_templates',
      'list_mcp_server_installations',
      'get_mcp_server_installation',
      'list_mcp_installation_tools',
    ]) {
      it(`${name} is read-only`, async () => {
        assert.equal((await ann(name)).readOnlyHint, true, name);
      });
    }
    for (const name of [
      'update_mcp_server_installation',
      'delete_mcp_server_installation',
      'set_mcp_tool_approval',
      'refresh_mcp_installation_tools',
      'install_mcp_server_template', // a reinstall replaces the existing installation's stored key
    ]) {
      it(`${name} changes what exists (destructive)`, async () => {
        const a = await ann(name);
        assert.equal(a.readOnlyHint, false, name);
        assert.equal(a.destructiveHint, true, name);
      });
    }
    for (const name of ['install_custom_mcp_server', 'authorize_mcp_server_installation']) {
      it(`${name} only adds (not destructive)`, async () => {
        const a = await ann(name);
        assert.equal(a.readOnlyHint, false, name);
        assert.equal(a.destructiveHint, false, name);
      });
    }
  });
});

describe('MCP store: the install / authorize / refresh rate limit', () => {
  let h: Harness;
  before(async () => {
    // A client that reports a long 429 instead of waiting it out.
    h = await startHarness({ client: { maxRetryWaitMs: 1_000 } });
  });
  after(() => h.close());

  it('answers 429 with a wait after 10 a minute, and other calls are not affected', async () => {
    const acmeId = installations(h).find((r) => r.display_name === 'Acme Internal Tools')!.id;
    for (let i = 0; i < 10; i++) {
      const ok = await h.call<AuthorizeAnswer>('authorize_mcp_server_installation', { installation_id: acmeId });
      assert.equal(ok.isError, false, ok.text);
    }
    const limited = await h.error('authorize_mcp_server_installation', { installation_id: acmeId });
    assert.match(limited, /rate limit was reached \(429\)\. Try again in about \d+ seconds/);
    assert.equal(h.standin.requestsTo('/mcp_server_installations/authorize', 'GET').at(-1)!.status, 429);
    const list = await h.call<InstallationList>('list_mcp_server_installations');
    assert.equal(list.isError, false, 'listing is not throttled by the install limit');
  });

  it("the stand-in's burst window is one minute: refused until the minute is over (a mocked clock, no waiting)", async (t) => {
    // Only Date is mocked: the requests still go over a real socket, with real timers.
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const throttle = mcpOAuthThrottle(h.standin.state);
    throttle.reset();
    const acmeId = installations(h).find((r) => r.display_name === 'Acme Internal Tools')!.id;
    // Straight to the stand-in, as PostHog Code asks (200 with the URL, not a 302 to the provider).
    const authorize = () =>
      h.raw<AuthorizeAnswer & StandinError>(
        'GET',
        `/api/projects/1/mcp_server_installations/authorize/?installation_id=${acmeId}&install_source=posthog-code`,
      );
    for (let i = 0; i < throttle.burst.limit; i++) {
      const ok = await authorize();
      assert.equal(ok.status, 200, ok.text);
    }
    const limited = await authorize();
    assert.equal(limited.status, 429);
    assert.match(limited.json.detail ?? '', /Expected available in 60 seconds/);
    t.mock.timers.tick(59_999);
    const stillLimited = await authorize();
    assert.equal(stillLimited.status, 429, 'still inside the minute');
    assert.match(stillLimited.json.detail ?? '', /Expected available in 1 seconds/);
    t.mock.timers.tick(1);
    const again = await authorize();
    assert.equal(again.status, 200, again.text);
    assert.match(again.json.redirect_url, /^https:\/\//);
  });
});

describe('MCP store in the staging project', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ client: { projectId: 2 } });
  });
  after(() => h.close());

  it('lists only that project’s installation, awaiting its OAuth consent', async () => {
    const out = await h.json<InstallationList>('list_mcp_server_installations');
    assert.deepEqual(
      out.results.map((r) => [r.name, r.pending_oauth]),
      [['Linear', true]],
    );
    assert.equal(out.settings_url, `${h.standin.url}/project/2/settings/mcp-servers`);
    assert.ok(h.standin.requestsTo('/api/projects/2/mcp_server_installations', 'GET').length > 0);
  });
});
