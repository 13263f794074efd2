/** Every command the manifest contributes, wired to its handler. */
import * as vscode from 'vscode';
import { COMMANDS, type CommandId } from '../../ids';
import { runToolCommand } from '../runTool';
import * as dashboards from './dashboards';
import * as flags from './flags';
import * as general from './general';
import * as mcp from './mcp';
import * as session from './session';
import type { Services } from './services';

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

    [COMMANDS.flagsRefresh]: (arg) => flags.refresh(s, arg),
    [COMMANDS.flagsLoadMore]: () => flags.loadMore(s),
    [COMMANDS.flagsFilter]: (arg) => flags.filter(s, arg),
    [COMMANDS.flagsClearFilter]: () => flags.clearFilter(s),
    [COMMANDS.flagsCreate]: () => flags.create(s),
    [COMMANDS.flagsToggle]: (arg) => flags.toggle(s, arg),
    [COMMANDS.flagsCopyKey]: (arg) => flags.copyKey(s, arg),
    [COMMANDS.flagsDelete]: (arg) => flags.remove(s, arg),

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
