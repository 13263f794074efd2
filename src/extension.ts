/**
 * PostHog for VS Code: sign-in, the sidebar views, the commands, and the MCP server definition
 * provider. Views, commands and agents (through the in-process MCP server) all call the same
 * tool handlers through one ToolRegistry, and every successful change refreshes the views.
 *
 * Activation only registers things: dist/extension.js holds the vscode glue, and the heavy parts
 * are separate files loaded on first use (src/vscode/lazy.ts): dist/core.js (the PostHog client
 * with axios, the ToolRegistry, the tool definitions, zod) at the first tree fetch, tool call or
 * sign-in check; dist/server.js (the MCP SDK server and the loopback HTTP transport) when VS Code
 * starts the MCP server. Nothing is sent and the stored key is not waited for.
 */
import * as vscode from 'vscode';
import type { ToolRegistry } from './mcp/registry';
import type { ToolRunner } from './views/model/base';
import { DashboardsModel } from './views/model/dashboards';
import { FeatureFlagsModel } from './views/model/featureFlags';
import { McpInstallationsModel } from './views/model/mcpInstallations';
import type { TreeNode, ViewName } from './views/model/node';
import { refreshViewsOnChange } from './views/model/routing';
import { ModelTreeProvider } from './views/treeProvider';
import { registerCommands } from './vscode/commands';
import { VIEW_IDS, type Services } from './vscode/commands/services';
import { loadCore } from './vscode/lazy';
import { logToolCalls } from './vscode/log';
import { MCP_PROVIDER_ID, PostHogMcpProvider } from './vscode/mcpProvider';
import { ResultDocuments } from './vscode/results';
import { Session } from './vscode/session';
import { createStatusBar } from './vscode/statusBar';
import { registerWalkthrough } from './vscode/walkthrough';

/** What activate() returns: used by the extension-host test suites. */
export interface PostHogExtensionApi {
  /** The one ToolRegistry (reading it loads dist/core.js). */
  readonly registry: ToolRegistry;
  onDidRefresh: vscode.Event<ViewName>;
  isSignedIn(): boolean;
  mcpServer(): { url: string; port: number } | undefined;
}

let provider: PostHogMcpProvider | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PostHogExtensionApi> {
  const log = vscode.window.createOutputChannel('PostHog', { log: true });
  context.subscriptions.push(log);

  // Reads the stored key in the background: the views wait for it, activation does not.
  const session = new Session(context.secrets, log, context.globalState);
  context.subscriptions.push(session);

  const models = {} as { dashboards: DashboardsModel; featureFlags: FeatureFlagsModel; mcp: McpInstallationsModel };

  // The registry is made on first use (a tree fetch, a command, the MCP server), with the
  // PostHog client and every tool definition (dist/core.js).
  let registry: ToolRegistry | undefined;
  const getRegistry = (): ToolRegistry => {
    if (registry) return registry;
    const core = loadCore();
    const r = new core.ToolRegistry(core.ALL_TOOLS, () => session.getClient());
    registry = r;
    const stopCallLog = logToolCalls(r, log);
    // Any successful write tool, whoever called it (view, command, agent), refreshes what it touched.
    const stopRouting = refreshViewsOnChange(r, models);
    context.subscriptions.push({ dispose: () => (stopCallLog(), stopRouting()) });
    return r;
  };
  const tools: ToolRunner = { run: (name, args, opts) => getRegistry().run(name, args, opts) };

  const modelOptions = {
    tools,
    ready: session.ready,
    isSignedIn: () => session.signedIn,
    projectName: () => session.projectName,
    uiUrl: (path: string) => session.uiUrl(path),
  };
  models.dashboards = new DashboardsModel(modelOptions);
  models.featureFlags = new FeatureFlagsModel(modelOptions);
  models.mcp = new McpInstallationsModel(modelOptions);
  const refreshEmitter = new vscode.EventEmitter<ViewName>();
  context.subscriptions.push(refreshEmitter);
  for (const model of Object.values(models)) {
    const sub = model.onDidRefresh((view) => refreshEmitter.fire(view));
    context.subscriptions.push({ dispose: () => (sub.dispose(), model.dispose()) });
  }

  const views = {} as Record<ViewName, vscode.TreeView<TreeNode>>;
  for (const [name, model] of Object.entries(models) as Array<[ViewName, (typeof models)[ViewName]]>) {
    const treeDataProvider = new ModelTreeProvider(model, VIEW_IDS[name]);
    views[name] = vscode.window.createTreeView(VIEW_IDS[name], { treeDataProvider, showCollapseAll: name !== 'featureFlags' });
    context.subscriptions.push(treeDataProvider, views[name]);
  }

  let ready = false;
  const setContext = () => {
    if (!ready) return;
    void vscode.commands.executeCommand('setContext', 'posthog.signedIn', session.signedIn);
    void vscode.commands.executeCommand('setContext', 'posthog.ready', true);
  };
  context.subscriptions.push(
    session.onDidChange((e) => {
      setContext();
      if (e.credentials) for (const m of Object.values(models)) m.reset();
      else {
        // The project name arrived: empty-state texts mention it.
        for (const m of Object.values(models)) if (m.root.status === 'loaded' && m.root.items.length === 0) m.refresh();
      }
    }),
  );

  const packageVersion = (context.extension.packageJSON as { version?: unknown } | undefined)?.version;
  provider = new PostHogMcpProvider(
    session,
    getRegistry,
    log,
    context.extension.id,
    typeof packageVersion === 'string' ? packageVersion : '',
  );
  context.subscriptions.push(vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider));

  const results = new ResultDocuments();
  context.subscriptions.push(results);

  const services: Services = {
    context,
    session,
    get registry() {
      return getRegistry();
    },
    log,
    models,
    views,
    mcpProvider: provider,
    results,
  };
  context.subscriptions.push(...registerCommands(services), createStatusBar(session));
  context.subscriptions.push(registerWalkthrough(context, session, provider, views.featureFlags));

  void vscode.commands.executeCommand('setContext', 'posthog.flags.filtered', false);
  // Sign-in state (and the welcome views' "Sign In") once the stored key has been read.
  void session.ready.then(() => {
    ready = true;
    setContext();
  });

  return {
    get registry() {
      return getRegistry();
    },
    onDidRefresh: refreshEmitter.event,
    isSignedIn: () => session.signedIn,
    mcpServer: () => provider?.info(),
  };
}

export async function deactivate(): Promise<void> {
  const p = provider;
  provider = undefined;
  await p?.dispose();
}
