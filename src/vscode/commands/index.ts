/** Every command the manifest contributes, wired to its handler. */
import * as vscode from 'vscode';
import { COMMANDS, type CommandId } from '../../ids';
import { runToolCommand } from '../runTool';
import * as codeRefs from './codeRefs';
import * as dashboards from './dashboards';
import * as flags from './flags';
import * as general from './general';
import * as insights from './insights';
import * as mcp from './mcp';
import * as session from './session';
import type { Services } from './services';
import * as staleFlags from './staleFlags';

export function registerCommands(s: Services): vscode.Disposable[] {
  // Keyed by CommandId: a command in src/ids.ts without a handler here is a type error.
  const handlers: Record<CommandId, (...args: unknown[]) => unknown> = {
    [COMMANDS.signIn]: (arg) => session.signIn(s, arg),
    [COMMANDS.signOut]: (arg) => session.signOut(s, arg),
    [COMMANDS.selectProject]: (arg) => session.selectProject(s, arg),
    [COMMANDS.refresh]: () => general.refreshAll(s),
    [COMMANDS.copyMcpConfig]: () => general.copyMcpConfig(s),
    [COMMANDS.runTool]: (name, args) => runToolCommand({ registry: s.registry, results: s.results }, name, args),
    [COMMANDS.openInPostHog]: (arg) => general.openInPostHog(s, arg),
    [COMMANDS.showLog]: () => s.log.show(true),

    [COMMANDS.dashboardsRefresh]: (arg) => dashboards.refresh(s, arg),
    [COMMANDS.dashboardsLoadMore]: () => dashboards.loadMore(s),
    [COMMANDS.dashboardsCreate]: () => dashboards.create(s),
    [COMMANDS.dashboardsDelete]: (arg) => dashboards.remove(s, arg),
    [COMMANDS.dashboardsOpen]: (arg) => insights.openDashboard(s, arg),
    [COMMANDS.insightsOpen]: (arg) => insights.openInsight(s, arg),

    [COMMANDS.flagsRefresh]: (arg) => flags.refresh(s, arg),
    [COMMANDS.flagsLoadMore]: () => flags.loadMore(s),
    [COMMANDS.flagsFilter]: (arg) => flags.filter(s, arg),
    [COMMANDS.flagsClearFilter]: () => flags.clearFilter(s),
    [COMMANDS.flagsCreate]: (arg) => flags.create(s, typeof arg === 'string' ? arg : undefined),
    [COMMANDS.flagsToggle]: (arg) => flags.toggle(s, arg),
    [COMMANDS.flagsCopyKey]: (arg) => flags.copyKey(s, arg),
    [COMMANDS.flagsDelete]: (arg) => flags.remove(s, arg),
    [COMMANDS.findFlagReferences]: (arg) => codeRefs.findFlagReferences(s, arg),
    [COMMANDS.openCodeReference]: (arg) => codeRefs.openCodeReference(arg),

    [COMMANDS.staleFlagsRefresh]: (arg) => staleFlags.refresh(s, arg),
    [COMMANDS.staleFlagsCleanUp]: (arg) => staleFlags.cleanUp(s, arg),
    [COMMANDS.staleFlagsDelete]: (arg) => staleFlags.remove(s, arg),

    [COMMANDS.mcpRefresh]: (arg) => mcp.refresh(s, arg),
    [COMMANDS.mcpApproveTool]: (arg) => mcp.setApproval(s, arg, 'approved'),
    [COMMANDS.mcpDenyTool]: (arg) => mcp.setApproval(s, arg, 'do_not_use'),
    [COMMANDS.mcpRequireApproval]: (arg) => mcp.setApproval(s, arg, 'needs_approval'),
    [COMMANDS.mcpRefreshTools]: (arg) => mcp.refreshTools(s, arg),
    [COMMANDS.mcpEnable]: (arg) => mcp.setEnabled(s, arg, true),
    [COMMANDS.mcpDisable]: (arg) => mcp.setEnabled(s, arg, false),
    [COMMANDS.mcpAuthorize]: (arg) => mcp.authorize(s, arg),
    [COMMANDS.mcpDelete]: (arg) => mcp.remove(s, arg),
    [COMMANDS.mcpInstallTemplate]: (arg) => mcp.installTemplate(s, arg),
    [COMMANDS.mcpInstallCustom]: () => mcp.installCustom(s),

    [COMMANDS.hogqlRunQuery]: (arg) => s.hogql.run(arg),
    [COMMANDS.hogqlQueryHistory]: () => s.hogql.showHistory(),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

export { type Services } from './services';
