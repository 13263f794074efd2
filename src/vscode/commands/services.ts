/** What the commands work with, and how they read their argument (a tree node, an id, or an object). */
import type * as vscode from 'vscode';
import type { ToolRegistry } from '../../mcp/registry';
import type { DashboardsModel } from '../../views/model/dashboards';
import type { FeatureFlagsModel } from '../../views/model/featureFlags';
import type { McpInstallationsModel } from '../../views/model/mcpInstallations';
import type { TreeNode, ViewName } from '../../views/model/node';
import type { StaleFlagsModel } from '../../views/model/staleFlags';
import type { WorkspaceIndex } from '../code/workspaceIndex';
import type { HogqlCommands } from '../hogqlLoader';
import type { PostHogMcpProvider } from '../mcpProvider';
import type { ResultDocuments } from '../results';
import type { Session } from '../session';

export interface Services {
  context: vscode.ExtensionContext;
  session: Session;
  registry: ToolRegistry;
  log: vscode.LogOutputChannel;
  models: { dashboards: DashboardsModel; featureFlags: FeatureFlagsModel; staleFlags: StaleFlagsModel; mcp: McpInstallationsModel };
  views: Record<ViewName, vscode.TreeView<TreeNode>>;
  mcpProvider: PostHogMcpProvider;
  results: ResultDocuments;
  /** The live index of the workspace's PostHog calls. */
  code: WorkspaceIndex;
  /** HogQL in the editor: Run Query, the results panel, the history. */
  hogql: HogqlCommands;
}

export function isNode(arg: unknown): arg is TreeNode {
  return !!arg && typeof arg === 'object' && 'kind' in arg && 'view' in arg && 'id' in arg && 'label' in arg;
}

/**
 * The object a command acts on: a tree node's data, `{id: …}` for a bare id (automation), the
 * object itself, or else the view's selection.
 */
export function target<T>(arg: unknown, view?: vscode.TreeView<TreeNode>, kinds?: Array<TreeNode['kind']>): T | undefined {
  let a = arg;
  if (a === undefined && view) a = view.selection[0];
  if (isNode(a)) return kinds && !kinds.includes(a.kind) ? undefined : (a.data as T | undefined);
  if (typeof a === 'number') return { id: a } as T;
  if (typeof a === 'string' && a.trim()) return { id: /^\d+$/.test(a) ? Number(a) : a } as T;
  if (a && typeof a === 'object' && !Array.isArray(a)) return a as T;
  return undefined;
}
