/**
 * PostHog for VS Code: sign-in, the sidebar views, the commands, and the MCP server definition
 * provider. Views, commands and agents (through the in-process MCP server) all call the same
 * tool handlers through one ToolRegistry, and every successful change refreshes the views.
 */
import * as vscode from 'vscode';
import { ToolRegistry } from './mcp/registry';
import { ALL_TOOLS } from './mcp/tools';
import { DashboardsModel } from './views/model/dashboards';
import { FeatureFlagsModel } from './views/model/featureFlags';
import { McpInstallationsModel } from './views/model/mcpInstallations';
import type { TreeNode, ViewName } from './views/model/node';
import { refreshViewsOnChange } from './views/model/routing';
import { ModelTreeProvider } from './views/treeProvider';
import { registerCommands } from './vscode/commands';
import { VIEW_IDS, type Services } from './vscode/commands/services';
import { logToolCalls } from './vscode/log';
import { MCP_PROVIDER_ID, PostHogMcpProvider } from './vscode/mcpProvider';
import { ResultDocuments } from './vscode/results';
import { Session } from './vscode/session';
import { createStatusBar } from './vscode/statusBar';

/** What activate() returns: used by the extension-host test suites. */
export interface PostHogExtensionApi {
  registry: ToolRegistry;
  onDidRefresh: vscode.Event<ViewName>;
  isSignedIn(): boolean;
  mcpServer(): { url: string; port: number } | undefined;
}

let provider: PostHogMcpProvider | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<PostHogExtensionApi> {
  const log = vscode.window.createOutputChannel('PostHog', { log: true });
  context.subscriptions.push(log);

  const session = new Session(context.secrets, log);
  context.subscriptions.push(session);
  const registry = new ToolRegistry(ALL_TOOLS, () => session.getClient());
  const stopCallLog = logToolCalls(registry, log);
  context.subscriptions.push({ dispose: stopCallLog });

  const modelOptions = {
    tools: registry,
    isSignedIn: () => session.signedIn,
    projectName: () => session.projectName,
    uiUrl: (path: string) => session.uiUrl(path),
  };
  const models = {
    dashboards: new DashboardsModel(modelOptions),
    featureFlags: new FeatureFlagsModel(modelOptions),
    mcp: new McpInstallationsModel(modelOptions),
  };
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

  // Any successful write tool, whoever called it (view, command, agent), refreshes what it touched.
  const stopRouting = refreshViewsOnChange(registry, models);
  context.subscriptions.push({ dispose: stopRouting });

  const setContext = () => {
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

  provider = new PostHogMcpProvider(session, registry, log, context.extension.id);
  context.subscriptions.push(vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider));

  const results = new ResultDocuments();
  context.subscriptions.push(results);

  const services: Services = { context, session, registry, log, models, views, mcpProvider: provider, results };
  context.subscriptions.push(...registerCommands(services), createStatusBar(session));

  await session.ready;
  setContext();
  void vscode.commands.executeCommand('setContext', 'posthog.flags.filtered', false);

  return {
    registry,
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
