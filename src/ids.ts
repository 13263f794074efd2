/**
 * Every id package.json and the code share, in one place: commands, views, context keys, the
 * MCP server definition provider, and the tree items' contextValue (what menus match with
 * `viewItem`). No `vscode` here: the tree models use these too. test/manifest/ checks
 * package.json against this file.
 */
import type { ApprovalState } from './views/model/mcpInstallations';
import type { ViewName } from './views/model/node';

/** Every command the extension contributes; src/vscode/commands/index.ts has a handler for each. */
export const COMMANDS = {
  signIn: 'posthog.signIn',
  signOut: 'posthog.signOut',
  selectProject: 'posthog.selectProject',
  refresh: 'posthog.refresh',
  copyMcpConfig: 'posthog.copyMcpConfig',
  runTool: 'posthog.runTool',
  openInPostHog: 'posthog.openInPostHog',
  showLog: 'posthog.showLog',

  dashboardsRefresh: 'posthog.dashboards.refresh',
  dashboardsLoadMore: 'posthog.dashboards.loadMore',
  dashboardsCreate: 'posthog.dashboards.create',
  dashboardsDelete: 'posthog.dashboards.delete',
  dashboardsOpen: 'posthog.dashboards.open',
  insightsOpen: 'posthog.insights.open',

  flagsRefresh: 'posthog.flags.refresh',
  flagsLoadMore: 'posthog.flags.loadMore',
  flagsFilter: 'posthog.flags.filter',
  flagsClearFilter: 'posthog.flags.clearFilter',
  flagsCreate: 'posthog.flags.create',
  flagsToggle: 'posthog.flags.toggle',
  flagsCopyKey: 'posthog.flags.copyKey',
  flagsDelete: 'posthog.flags.delete',
  findFlagReferences: 'posthog.findFlagReferences',
  openCodeReference: 'posthog.code.openReference',

  staleFlagsRefresh: 'posthog.staleFlags.refresh',
  staleFlagsCleanUp: 'posthog.staleFlags.cleanUp',
  staleFlagsDelete: 'posthog.staleFlags.delete',

  mcpRefresh: 'posthog.mcp.refresh',
  mcpApproveTool: 'posthog.mcp.approveTool',
  mcpDenyTool: 'posthog.mcp.denyTool',
  mcpRequireApproval: 'posthog.mcp.requireApproval',
  mcpRefreshTools: 'posthog.mcp.refreshTools',
  mcpEnable: 'posthog.mcp.enable',
  mcpDisable: 'posthog.mcp.disable',
  mcpAuthorize: 'posthog.mcp.authorize',
  mcpDelete: 'posthog.mcp.delete',
  mcpInstallTemplate: 'posthog.mcp.installTemplate',
  mcpInstallCustom: 'posthog.mcp.installCustom',

  hogqlRunQuery: 'posthog.hogql.runQuery',
  hogqlQueryHistory: 'posthog.hogql.queryHistory',
} as const;
export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** The sidebar views, by the models' name for them. */
export const VIEWS = {
  dashboards: 'posthog.dashboards',
  featureFlags: 'posthog.featureFlags',
  staleFlags: 'posthog.staleFlags',
  mcp: 'posthog.mcpInstallations',
} as const satisfies Record<ViewName, string>;
export type ViewId = (typeof VIEWS)[ViewName];

/** The context keys the extension sets (`when` clauses in package.json read them). */
export const CONTEXT_KEYS = {
  /** The stored key has been read (before that, the welcome views show nothing). */
  ready: 'posthog.ready',
  signedIn: 'posthog.signedIn',
  /** The feature flags view has a search filter. */
  flagsFiltered: 'posthog.flags.filtered',
  // What the walkthrough's steps complete on (src/vscode/walkthrough.ts), besides signedIn:
  /** Signed in with a project chosen (sign-in's last step or "Select Project"). */
  projectChosen: 'posthog.projectChosen',
  /**
   * The Feature Flags view showed while signed in. (`onView:` alone completes only when the view
   * becomes visible, not when it shows already, and also for the signed-out welcome text.)
   */
  flagsSeen: 'posthog.flagsSeen',
  /** VS Code started our MCP server (the provider resolved its definition). */
  mcpServerStarted: 'posthog.mcpServerStarted',
} as const;
export type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];

/** The id under which the MCP server definition provider is registered (`onMcpCollection:`). */
export const MCP_PROVIDER_ID = 'posthog.mcpServer';

/** The fixed contextValue of tree items (menus match them with `viewItem`). */
export const TREE_ITEMS = {
  dashboard: 'posthog.dashboard',
  pinnedDashboard: 'posthog.dashboard.pinned',
  insight: 'posthog.insight',
  textTile: 'posthog.textTile',
  activeFlag: 'posthog.flag.active',
  inactiveFlag: 'posthog.flag.inactive',
  codeReference: 'posthog.codeReference',
  staleGroup: 'posthog.staleGroup',
  /** A stale flag still referenced in code: clean it up first. */
  staleFlag: 'posthog.staleFlag',
  /** A stale flag in PostHog with no reference left in the workspace: it can go. */
  staleFlagDeletable: 'posthog.staleFlag.deletable',
  mcpWarning: 'posthog.mcpWarning',
  empty: 'posthog.empty',
  error: 'posthog.error',
  loadMoreError: 'posthog.error.loadMore',
  loadMore: 'posthog.loadMore',
  signIn: 'posthog.signIn',
} as const;

/** An MCP tool's contextValue carries its approval state, so menus offer only the other two. */
export const MCP_TOOL_ITEMS = {
  approved: 'posthog.mcpTool.approved',
  needs_approval: 'posthog.mcpTool.needs_approval',
  do_not_use: 'posthog.mcpTool.do_not_use',
} as const satisfies Record<ApprovalState, string>;

export interface InstallationFlags {
  enabled: boolean;
  oauth: boolean;
  needsAuth: boolean;
}

/** An installation's contextValue: `posthog.mcpInstallation.enabled[.oauth][.needsAuth]`. */
export function mcpInstallationItem(f: InstallationFlags): string {
  const parts = ['posthog.mcpInstallation', f.enabled ? 'enabled' : 'disabled'];
  if (f.oauth) parts.push('oauth');
  if (f.needsAuth) parts.push('needsAuth');
  return parts.join('.');
}

/** Every contextValue a tree item can have. */
export function allTreeItemValues(): string[] {
  const installations: string[] = [];
  for (const enabled of [true, false])
    for (const oauth of [true, false])
      for (const needsAuth of [true, false]) installations.push(mcpInstallationItem({ enabled, oauth, needsAuth }));
  return [...Object.values(TREE_ITEMS), ...Object.values(MCP_TOOL_ITEMS), ...installations];
}
