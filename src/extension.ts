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
import { CONTEXT_KEYS, MCP_PROVIDER_ID, VIEWS } from './ids';
import type { ToolRegistry } from './mcp/registry';
import type { ModelOptions, ToolRunner } from './views/model/base';
import { DashboardsModel } from './views/model/dashboards';
import { FeatureFlagsModel } from './views/model/featureFlags';
import { McpInstallationsModel } from './views/model/mcpInstallations';
import { StaleFlagsModel } from './views/model/staleFlags';
import type { TreeNode, ViewName } from './views/model/node';
import { refreshViewsOnChange } from './views/model/routing';
import { ModelTreeProvider } from './views/treeProvider';
import { callTimeoutMsFromSettings } from './vscode/callTimeout';
import { registerReferenceProvider } from './vscode/code/references';
import { createScanner } from './vscode/code/scanner';
import { followCodeInStaleFlags } from './vscode/code/staleFollow';
import { WorkspaceIndex } from './vscode/code/workspaceIndex';
import { registerEditorLanguage, type EditorLanguageHandle } from './vscode/code';
import { registerCommands } from './vscode/commands';
import { LazyHogqlEditor } from './vscode/hogqlLoader';
import type { Services } from './vscode/commands/services';
import { openInsight } from './vscode/commands/insights';
import { registerInsightLinks } from './vscode/insights/insightLinks';
import { setContext } from './vscode/execute';
import { loadCode, loadCore, loadHogql } from './vscode/lazy';
import { logToolCalls } from './vscode/log';
import { GatewayServers } from './vscode/gatewayServers';
import { PostHogMcpProvider } from './vscode/mcpProvider';
import { ResultDocuments } from './vscode/results';
import { Session } from './vscode/session';
import { createStatusBar } from './vscode/statusBar';
import { openExternal } from './vscode/ui';
import { registerWalkthrough } from './vscode/walkthrough';

/** The scanner, loaded (dist/codeScanner.js) on the first scan rather than at activation. */
const lazyScanner = {
  scanSource: (text: string, file: string) => loadCode().scanSource(text, file),
  keySlotAt: (text: string, file: string, offset: number) => loadCode().keySlotAt(text, file, offset),
};

/** What activate() returns: used by the extension-host test suites. */
export interface PostHogExtensionApi {
  /** The one ToolRegistry (reading it loads dist/core.js). */
  readonly registry: ToolRegistry;
  onDidRefresh: vscode.Event<ViewName>;
  isSignedIn(): boolean;
  mcpServer(): { url: string; port: number } | undefined;
  /** The live index of the workspace's PostHog calls. */
  readonly code: Pick<WorkspaceIndex, 'ready' | 'references' | 'counts' | 'roots' | 'onDidChange'>;
  /** What a view shows (its model's nodes), for the test suites. */
  children(view: ViewName, parent?: TreeNode): Promise<TreeNode[]>;
  /** The governed gateway's running servers ("PostHog · Linear"). */
  gatewayServers(): Array<{ label: string; url: string }>;
}

type Models = Services['models'];

let provider: PostHogMcpProvider | undefined;
let gateways: GatewayServers | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PostHogExtensionApi> {
  const log = vscode.window.createOutputChannel('PostHog', { log: true });
  context.subscriptions.push(log);

  // Reads the stored key in the background: the views wait for it, activation does not.
  const session = new Session(context.secrets, log, context.globalState);
  context.subscriptions.push(session);

  // The workspace's PostHog calls: a full scan starts now, in the background (it yields as it goes).
  const code = new WorkspaceIndex(createScanner(), log);
  context.subscriptions.push(code, registerReferenceProvider(code));

  // Made on first use, never during activation: the models only call it when a view loads.
  let registry: ToolRegistry | undefined;
  const getRegistry = (): ToolRegistry =>
    (registry ??= createRegistry(context, session, log, models, code, editorLanguage, (tool) => gateways?.storeChanged(tool)));
  const tools: ToolRunner = { run: (name, args, opts) => getRegistry().run(name, args, opts) };
  const models = createModels(session, tools, code);
  // Hover, inline status, completion, diagnostics: registered now, nothing scanned or sent until a document needs it.
  const editorLanguage = registerEditorLanguage({ session, tools, scanner: lazyScanner });
  context.subscriptions.push(editorLanguage);
  const onDidRefresh = forwardRefreshes(context, models);
  const views = createTreeViews(context, models);
  followSession(context, session, models);
  context.subscriptions.push(followCodeInStaleFlags(code, models.staleFlags, views.staleFlags));

  gateways = new GatewayServers(session, getRegistry, log, context.globalState);
  provider = registerMcpProvider(context, session, getRegistry, log, gateways);
  const results = new ResultDocuments();
  const hogql = new LazyHogqlEditor(() => new (loadHogql().HogqlEditor)(context, session, getRegistry, log));
  context.subscriptions.push(results, hogql);
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
    code,
    hogql,
  };
  context.subscriptions.push(...registerCommands(services), createStatusBar(session));
  // Insight links in Run Tool results and the extension's /insight URI open the insight panel.
  context.subscriptions.push(registerInsightLinks((arg) => openInsight(services, arg)));
  context.subscriptions.push(registerWalkthrough(context, session, provider, views.featureFlags));
  void setContext(CONTEXT_KEYS.flagsFiltered, false);

  return {
    get registry() {
      return getRegistry();
    },
    onDidRefresh,
    isSignedIn: () => session.signedIn,
    mcpServer: () => provider?.info(),
    code,
    children: (view, parent) => models[view].children(parent),
    gatewayServers: () => gateways?.info() ?? [],
  };
}

/**
 * The one ToolRegistry, made on first use (a tree fetch, a command, the MCP server) with the
 * PostHog client and every tool definition (dist/core.js). Tool calls are logged, and any
 * successful write tool, whoever called it (view, command, agent), refreshes what it touched.
 */
function createRegistry(
  context: vscode.ExtensionContext,
  session: Session,
  log: vscode.LogOutputChannel,
  models: Models,
  code: WorkspaceIndex,
  editorLanguage: EditorLanguageHandle,
  onStoreChange: (tool: string) => void,
): ToolRegistry {
  const core = loadCore();
  // The `code` tools (from the views and from agents) read the live workspace index; with no folder
  // open they say so instead of answering with nothing.
  const registry = new core.ToolRegistry(core.ALL_TOOLS, () => session.getClient(), {
    callTimeoutMs: callTimeoutMsFromSettings,
    code: () => (code.roots.length ? code : undefined),
  });
  const stopCallLog = logToolCalls(registry, log);
  const stopRouting = refreshViewsOnChange(registry, models);
  const stopEditorRouting = registry.onDidChange((e) => editorLanguage.handleChange(e));
  // Installations enabled, disabled, authorized: the gateway's server definitions follow.
  const stopGatewayWatch = registry.onDidChange((e) => {
    if (e.toolset === 'mcp_store') onStoreChange(e.tool);
  });
  // Where PostHog does not tell a key's scopes, the first 403 for a scope does (a warning, once).
  const stopScopeWatch = core.warnOnFirstScope403(registry, {
    host: () => session.host,
    show: (message, button) => vscode.window.showWarningMessage(message, button),
    open: openExternal,
  });
  context.subscriptions.push({ dispose: () => (stopCallLog(), stopRouting(), stopEditorRouting(), stopScopeWatch(), stopGatewayWatch()) });
  return registry;
}

function createModels(session: Session, tools: ToolRunner, code: WorkspaceIndex): Models {
  const options: ModelOptions = {
    tools,
    ready: session.ready,
    isSignedIn: () => session.signedIn,
    projectName: () => session.projectName,
    uiUrl: (path: string) => session.uiUrl(path),
  };
  return {
    dashboards: new DashboardsModel(options),
    featureFlags: new FeatureFlagsModel(options, code),
    staleFlags: new StaleFlagsModel(options, code),
    mcp: new McpInstallationsModel(options),
  };
}

/** One event for every model's refresh (the test suites wait on it); disposes the models with the extension. */
function forwardRefreshes(context: vscode.ExtensionContext, models: Models): vscode.Event<ViewName> {
  const emitter = new vscode.EventEmitter<ViewName>();
  context.subscriptions.push(emitter);
  for (const model of Object.values(models)) {
    const sub = model.onDidRefresh((view) => emitter.fire(view));
    context.subscriptions.push({ dispose: () => (sub.dispose(), model.dispose()) });
  }
  return emitter.event;
}

function createTreeViews(context: vscode.ExtensionContext, models: Models): Services['views'] {
  const views = {} as Services['views'];
  for (const [name, model] of Object.entries(models) as Array<[ViewName, Models[ViewName]]>) {
    const treeDataProvider = new ModelTreeProvider(model, VIEWS[name]);
    views[name] = vscode.window.createTreeView<TreeNode>(VIEWS[name], { treeDataProvider, showCollapseAll: name !== 'featureFlags' });
    context.subscriptions.push(treeDataProvider, views[name]);
  }
  return views;
}

/**
 * The context keys and the views follow the session: posthog.signedIn (and posthog.ready, which
 * shows the welcome views' "Sign In") once the stored key has been read; the views start over on
 * a sign-in, sign-out or project switch.
 */
function followSession(context: vscode.ExtensionContext, session: Session, models: Models): void {
  let ready = false;
  const updateContextKeys = () => {
    if (!ready) return;
    void setContext(CONTEXT_KEYS.signedIn, session.signedIn);
    void setContext(CONTEXT_KEYS.ready, true);
  };
  context.subscriptions.push(
    session.onDidChange((e) => {
      updateContextKeys();
      if (e.credentials) for (const m of Object.values(models)) m.reset();
      else {
        // The project name arrived: empty-state texts mention it.
        for (const m of Object.values(models)) if (m.root.status === 'loaded' && m.root.items.length === 0) m.refresh();
      }
    }),
  );
  void session.ready.then(() => {
    ready = true;
    updateContextKeys();
  });
}

function registerMcpProvider(
  context: vscode.ExtensionContext,
  session: Session,
  getRegistry: () => ToolRegistry,
  log: vscode.LogOutputChannel,
  gatewayServers: GatewayServers,
): PostHogMcpProvider {
  const packageVersion = (context.extension.packageJSON as { version?: unknown } | undefined)?.version;
  const mcpProvider = new PostHogMcpProvider(
    session,
    getRegistry,
    log,
    context.extension.id,
    typeof packageVersion === 'string' ? packageVersion : '',
    gatewayServers,
  );
  context.subscriptions.push(vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, mcpProvider));
  return mcpProvider;
}

export async function deactivate(): Promise<void> {
  const p = provider;
  provider = undefined;
  gateways = undefined;
  await p?.dispose();
}
