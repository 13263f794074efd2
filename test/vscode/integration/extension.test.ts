/// <reference types="mocha" />
/**
 * The extension inside a real VS Code (code-server 1.139 through scripts/vscode/launcher.mjs, or a
 * desktop VS Code named by VSCODE_EXECUTABLE), against the local PostHog stand-in started here, in
 * the extension host itself. One story, in order: activate, sign in, start the MCP server, see and
 * call its tools, change something, go read-only, sign out.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { ALL_TOOLS } from '../../../src/mcp/tools';
import { startStandin, type Standin } from '../../standin/server';
import {
  EXTENSION_ID,
  MCP_TOOL_PREFIX,
  filesContaining,
  nextEvent,
  posthogTools,
  settingsFiles,
  type TestApi,
  toolResultJson,
  waitFor,
} from './helpers';

const ALL_NAMES = ALL_TOOLS.map((t) => MCP_TOOL_PREFIX + t.name).sort();
const READ_ONLY_NAMES = ALL_TOOLS.filter((t) => t.annotations.readOnlyHint)
  .map((t) => MCP_TOOL_PREFIX + t.name)
  .sort();
const USER_DATA_DIR = process.env.POSTHOG_VSCODE_USER_DATA_DIR;

/** The commands of the contract (category "PostHog"). */
const COMMANDS = [
  'posthog.signIn',
  'posthog.signOut',
  'posthog.selectProject',
  'posthog.refresh',
  'posthog.copyMcpConfig',
  'posthog.runTool',
  'posthog.openInPostHog',
  ...['refresh', 'create', 'delete', 'loadMore'].map((c) => `posthog.dashboards.${c}`),
  ...['refresh', 'create', 'delete', 'toggle', 'copyKey', 'filter', 'loadMore'].map((c) => `posthog.flags.${c}`),
  ...[
    'refresh',
    'approveTool',
    'denyTool',
    'requireApproval',
    'refreshTools',
    'enable',
    'disable',
    'authorize',
    'delete',
    'installTemplate',
    'installCustom',
  ].map((c) => `posthog.mcp.${c}`),
];

function diff(actual: string[], expected: string[]): string {
  const missing = expected.filter((n) => !actual.includes(n));
  const extra = actual.filter((n) => !expected.includes(n));
  return `${actual.length} tools; missing ${missing.length}: ${missing.slice(0, 12).join(', ')}; unexpected ${extra.length}: ${extra.slice(0, 12).join(', ')}`;
}

async function startMcpServer(): Promise<void> {
  // The provider's definitions reach VS Code's MCP registry asynchronously: retry the start.
  await waitFor(
    'the PostHog MCP server to start and list its tools',
    async () => {
      await vscode.commands.executeCommand('workbench.mcp.startServer', '*', { waitForLiveTools: true });
      return posthogTools().length > 0;
    },
    { timeoutMs: 30_000, intervalMs: 1000 },
  );
}

async function waitForTools(expected: string[], what: string, timeoutMs = 30_000): Promise<void> {
  try {
    await waitFor(what, () => JSON.stringify(posthogTools()) === JSON.stringify(expected), { timeoutMs, intervalMs: 500 });
  } catch (e) {
    throw new Error(`${(e as Error).message}\n  now: ${diff(posthogTools(), expected)}`, { cause: e });
  }
}

async function setGateway(value: boolean): Promise<void> {
  await vscode.workspace.getConfiguration('posthog').update('mcp.gateway.enabled', value, vscode.ConfigurationTarget.Global);
}

async function setReadOnly(value: boolean): Promise<void> {
  await vscode.workspace.getConfiguration('posthog').update('mcp.readOnly', value, vscode.ConfigurationTarget.Global);
}

describe('PostHog extension in a real VS Code', function () {
  let standin: Standin;
  let api: TestApi;

  before(async function () {
    standin = await startStandin();
    // The governed gateway's servers ("PostHog · Sentry") add tools under the same mcp_posthog_ prefix:
    // off until its own test turns it on, so the counts of PostHog's own tools stay exact.
    await setGateway(false);
    console.log(
      `    VS Code ${vscode.version} (${vscode.env.appName}, remote ${vscode.env.remoteName ?? 'none'}), stand-in ${standin.url}`,
    );
  });

  after(async function () {
    await setReadOnly(false).catch(() => undefined);
    await setGateway(true).catch(() => undefined);
    await vscode.commands.executeCommand('workbench.mcp.stopServer', '*').then(undefined, () => undefined);
    await standin?.close();
  });

  it('activates and registers its commands and test API', async function () {
    const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
    api = await ext.activate();
    assert.ok(ext.isActive);
    assert.ok(api && typeof api.isSignedIn === 'function', 'activate() returns the test API');
    assert.equal(typeof api.onDidRefresh, 'function');
    assert.equal(typeof api.mcpServer, 'function');
    assert.equal(api.isSignedIn(), false, 'a fresh profile starts signed out');
    const commands = await vscode.commands.getCommands(true);
    const missing = COMMANDS.filter((c) => !commands.includes(c));
    assert.deepEqual(missing, [], 'every contract command is registered');
  });

  it('signs in through posthog.signIn with arguments, keeping the key out of every settings file', async function () {
    assert.ok(api, 'activated');
    await vscode.commands.executeCommand('posthog.signIn', { host: standin.url, apiKey: standin.key, projectId: standin.projectId });
    await waitFor('isSignedIn()', () => api.isSignedIn(), { timeoutMs: 10_000 });

    const config = vscode.workspace.getConfiguration('posthog');
    assert.equal(config.get('host'), standin.url, 'posthog.host points at the signed-in host');
    assert.equal(config.get('projectId'), standin.projectId, 'posthog.projectId is the chosen project');
    assert.ok(!JSON.stringify(config).includes(standin.key), 'no posthog.* setting holds the key');

    const files = settingsFiles(USER_DATA_DIR);
    if (USER_DATA_DIR) assert.ok(files.length > 0, `settings.json files under ${USER_DATA_DIR}`);
    for (const f of files) assert.ok(!readFileSync(f, 'utf8').includes(standin.key), `${f} holds the API key`);
    if (USER_DATA_DIR) {
      // Not only settings: nothing VS Code wrote to disk on the server holds the key (SecretStorage
      // keeps it sealed; in code-server it lives in the browser's storage).
      assert.deepEqual(filesContaining(USER_DATA_DIR, standin.key), [], 'files in the user-data dir holding the key');
    }
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      assert.deepEqual(filesContaining(folder.uri.fsPath, standin.key), [], 'files in the workspace holding the key');
    }
  });

  it('registers the MCP server provider; workbench.mcp.startServer starts it on loopback', async function () {
    this.timeout(60_000);
    await startMcpServer();
    const server = api.mcpServer();
    if (server) {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\//, 'the embedded MCP server listens on loopback only');
    }
  });

  it(`offers every PostHog tool in vscode.lm.tools (${ALL_NAMES.length} tools)`, async function () {
    await waitForTools(ALL_NAMES, `all ${ALL_NAMES.length} mcp_posthog_* tools`);
    const info = vscode.lm.tools.find((t) => t.name === `${MCP_TOOL_PREFIX}list_dashboards`);
    assert.ok(info, 'list_dashboards');
    assert.ok(info.description.length > 0, 'tools carry their descriptions');
    assert.equal((info.inputSchema as { type?: string } | undefined)?.type, 'object', 'tools carry their input schema');
  });

  it("vscode.lm.invokeTool('mcp_posthog_list_dashboards') returns the stand-in's dashboards", async function () {
    await vscode.commands.executeCommand('setContext', 'vscode.chat.tools.global.autoApprove.testMode', true);
    const before = standin.requestsTo('/dashboards', 'GET').length;
    const result = await vscode.lm.invokeTool(`${MCP_TOOL_PREFIX}list_dashboards`, { input: {}, toolInvocationToken: undefined });
    const { text, data } = toolResultJson<{ results?: Array<{ id: number; name: string }> }>(result);
    assert.deepEqual(
      JSON.parse(text).columns?.slice(0, 2),
      ['id', 'name'],
      `the agent reads a table of dashboards, got: ${text.slice(0, 300)}`,
    );
    assert.ok(data && Array.isArray(data.results), `a JSON list of dashboards, got: ${text.slice(0, 300)}`);
    assert.ok(data.results.length > 0, 'the demo data has dashboards');
    const rows = standin.state.table(standin.projectId, 'dashboards').all() as Array<{ id: number; name: string; deleted?: boolean }>;
    for (const d of data.results) {
      const row = rows.find((r) => r.id === d.id);
      assert.ok(row && !row.deleted, `dashboard ${d.id} exists in the stand-in`);
      assert.equal(d.name, row.name);
    }
    assert.ok(standin.requestsTo('/dashboards', 'GET').length > before, 'the call reached the stand-in');
  });

  it('a write tool (set_mcp_tool_approval) changes the stand-in and refreshes the MCP view', async function () {
    await vscode.commands.executeCommand('setContext', 'vscode.chat.tools.global.autoApprove.testMode', true);
    type Installation = { id: string; tools?: Array<{ tool_name: string; approval_state: string; removed_at?: string | null }> };
    const installations = standin.state
      .table<Installation & { [k: string]: unknown }>(standin.projectId, 'mcp_installations', 'uuid')
      .all();
    const inst = installations.find((i) => (i.tools ?? []).some((t) => !t.removed_at && t.approval_state !== 'approved'));
    assert.ok(inst, 'the demo data has an installation with a tool not yet approved');
    const tool = inst.tools!.find((t) => !t.removed_at && t.approval_state !== 'approved')!;

    const refreshed = nextEvent(api.onDidRefresh, (kind) => kind === 'mcp', 15_000);
    const result = await vscode.lm.invokeTool(`${MCP_TOOL_PREFIX}set_mcp_tool_approval`, {
      input: { installation_id: inst.id, tool_name: tool.tool_name, approval_state: 'approved' },
      toolInvocationToken: undefined,
    });
    const { text, data } = toolResultJson<{ approval_state?: string }>(result);
    assert.equal(data?.approval_state, 'approved', `tool result: ${text.slice(0, 300)}`);
    const stored = standin.state
      .table<Installation & { [k: string]: unknown }>(standin.projectId, 'mcp_installations', 'uuid')
      .get(inst.id);
    assert.equal(
      stored?.tools?.find((t) => t.tool_name === tool.tool_name)?.approval_state,
      'approved',
      'the stand-in holds the new state',
    );
    await refreshed;
  });

  it('posthog.mcp.readOnly restarts the server with the read-only tools only, and back', async function () {
    this.timeout(90_000);
    assert.ok(READ_ONLY_NAMES.length > 0 && READ_ONLY_NAMES.length < ALL_NAMES.length);
    await setReadOnly(true);
    await waitForTools(READ_ONLY_NAMES, `only the ${READ_ONLY_NAMES.length} read-only tools`, 30_000);
    await setReadOnly(false);
    await waitForTools(ALL_NAMES, `all ${ALL_NAMES.length} tools again`, 30_000);
  });

  it('offers "PostHog · Sentry" beside PostHog; an approval change through a tool call changes its tools in vscode.lm.tools; the setting turns it off; no secret reaches VS Code', async function () {
    this.timeout(120_000);
    type Tool = { tool_name: string; approval_state: string; removed_at?: string | null };
    type Installation = {
      id: string;
      display_name: string;
      tools: Tool[];
      upstream_tools: Array<{ name: string }>;
      sensitive_configuration: { api_key?: string };
    };
    const sentry = () =>
      standin.state
        .table<Installation & { [k: string]: unknown }>(standin.projectId, 'mcp_installations', 'uuid')
        .all()
        .find((i) => i.display_name === 'Sentry')!;
    const offered = () => {
      const i = sentry();
      const upstream = new Set(i.upstream_tools.map((u) => u.name));
      return i.tools.filter((t) => !t.removed_at && t.approval_state !== 'do_not_use' && upstream.has(t.tool_name)).map((t) => t.tool_name);
    };
    // VS Code names them mcp_posthog_sentr_<tool>: under PostHog's prefix, but not PostHog's own.
    const gatewayTools = () => vscode.lm.tools.map((t) => t.name).filter((n) => n.startsWith(MCP_TOOL_PREFIX) && !ALL_NAMES.includes(n));
    await setGateway(true);
    await waitFor(
      `the ${offered().length} governed Sentry tools in vscode.lm.tools`,
      async () => {
        await vscode.commands.executeCommand('workbench.mcp.startServer', '*', { waitForLiveTools: true });
        return gatewayTools().length === offered().length;
      },
      { timeoutMs: 45_000, intervalMs: 1000 },
    );
    console.log(`      gateway tools: ${gatewayTools().slice(0, 3).join(', ')}…`);
    for (const s of api.gatewayServers()) assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/, `${s.label} listens on loopback`);
    assert.ok(
      api.gatewayServers().some((s) => s.label === 'PostHog · Sentry'),
      'the "PostHog · Sentry" server runs',
    );

    const tool = sentry().tools.find((t) => t.approval_state === 'approved' && offered().includes(t.tool_name))!;
    const before = offered().length;
    const setState = async (approval_state: string) => {
      const result = await vscode.lm.invokeTool(`${MCP_TOOL_PREFIX}set_mcp_tool_approval`, {
        input: { installation_id: sentry().id, tool_name: tool.tool_name, approval_state },
        toolInvocationToken: undefined,
      });
      assert.equal(toolResultJson<{ approval_state?: string }>(result).data?.approval_state, approval_state);
    };
    let started = Date.now();
    await setState('do_not_use');
    await waitFor(`${tool.tool_name} to leave vscode.lm.tools`, () => gatewayTools().length === before - 1, {
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    const tookDeny = Date.now() - started;
    started = Date.now();
    await setState('approved');
    await waitFor(`${tool.tool_name} to come back`, () => gatewayTools().length === before, { timeoutMs: 10_000, intervalMs: 100 });
    console.log(`      VS Code's discovered tools followed a Deny in ${tookDeny} ms and an Approve in ${Date.now() - started} ms`);
    assert.ok(tookDeny < 5_000, `the Deny took ${tookDeny} ms to reach VS Code`);

    // A needs-approval tool asks first ("Approve and run" / Cancel); the test host cancels every dialog.
    const needs = sentry().tools.find((t) => t.approval_state === 'needs_approval' && offered().includes(t.tool_name))!;
    const needsName = gatewayTools().find((n) => n.endsWith(`_${needs.tool_name}`))!;
    const proxied = () => standin.requestsTo(`/mcp_server_installations/${sentry().id}/proxy`, 'POST').length;
    const proxiedBefore = proxied();
    const asked = await vscode.lm.invokeTool(needsName, { input: {}, toolInvocationToken: undefined });
    const askedText = toolResultJson(asked).text;
    assert.match(askedText, /approval was cancelled|needs approval/, `the needs-approval call: ${askedText.slice(0, 200)}`);
    assert.equal(sentry().tools.find((t) => t.tool_name === needs.tool_name)!.approval_state, 'needs_approval', 'nothing approved');
    assert.equal(proxied(), proxiedBefore, 'nothing sent upstream');

    await setGateway(false);
    await waitFor('posthog.mcp.gateway.enabled: false to take the gateway tools away', () => gatewayTools().length === 0, {
      timeoutMs: 30_000,
    });

    if (USER_DATA_DIR) {
      const installationKey = sentry().sensitive_configuration.api_key!;
      assert.deepEqual(filesContaining(USER_DATA_DIR, installationKey), [], "files holding the installation's credential");
      assert.deepEqual(filesContaining(USER_DATA_DIR, standin.key), [], 'files holding the personal key');
    }
  });

  it("sign-out forgets the key and removes the server's tools", async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('posthog.signOut');
    await waitFor('isSignedIn() to be false', () => !api.isSignedIn(), { timeoutMs: 10_000 });
    await waitFor('the mcp_posthog_* tools to go away', () => posthogTools().length === 0, { timeoutMs: 30_000 });
  });
});
