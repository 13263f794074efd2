/** Every command the manifest contributes, wired to its handler. */
import * as vscode from 'vscode';
import { runToolCommand } from '../runTool';
import * as dashboards from './dashboards';
import * as flags from './flags';
import * as general from './general';
import * as mcp from './mcp';
import * as session from './session';
import type { Services } from './services';

export function registerCommands(s: Services): vscode.Disposable[] {
  const handlers: Record<string, (...args: unknown[]) => unknown> = {
    'posthog.signIn': (arg) => session.signIn(s, arg),
    'posthog.signOut': () => session.signOut(s),
    'posthog.selectProject': (arg) => session.selectProject(s, arg),
    'posthog.refresh': () => general.refreshAll(s),
    'posthog.copyMcpConfig': () => general.copyMcpConfig(s),
    'posthog.runTool': (name, args) => runToolCommand({ registry: s.registry, results: s.results }, name, args),
    'posthog.openInPostHog': (arg) => general.openInPostHog(s, arg),
    'posthog.showLog': () => s.log.show(true),

    'posthog.dashboards.refresh': (arg) => dashboards.refresh(s, arg),
    'posthog.dashboards.loadMore': () => dashboards.loadMore(s),
    'posthog.dashboards.create': () => dashboards.create(s),
    'posthog.dashboards.delete': (arg) => dashboards.remove(s, arg),

    'posthog.flags.refresh': (arg) => flags.refresh(s, arg),
    'posthog.flags.loadMore': () => flags.loadMore(s),
    'posthog.flags.filter': (arg) => flags.filter(s, arg),
    'posthog.flags.clearFilter': () => flags.clearFilter(s),
    'posthog.flags.create': () => flags.create(s),
    'posthog.flags.toggle': (arg) => flags.toggle(s, arg),
    'posthog.flags.copyKey': (arg) => flags.copyKey(s, arg),
    'posthog.flags.delete': (arg) => flags.remove(s, arg),

    'posthog.mcp.refresh': (arg) => mcp.refresh(s, arg),
    'posthog.mcp.approveTool': (arg) => mcp.setApproval(s, arg, 'approved'),
    'posthog.mcp.denyTool': (arg) => mcp.setApproval(s, arg, 'do_not_use'),
    'posthog.mcp.requireApproval': (arg) => mcp.setApproval(s, arg, 'needs_approval'),
    'posthog.mcp.refreshTools': (arg) => mcp.refreshTools(s, arg),
    'posthog.mcp.enable': (arg) => mcp.setEnabled(s, arg, true),
    'posthog.mcp.disable': (arg) => mcp.setEnabled(s, arg, false),
    'posthog.mcp.authorize': (arg) => mcp.authorize(s, arg),
    'posthog.mcp.delete': (arg) => mcp.remove(s, arg),
    'posthog.mcp.installTemplate': (arg) => mcp.installTemplate(s, arg),
    'posthog.mcp.installCustom': () => mcp.installCustom(s),
  };
  return Object.entries(handlers).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}

export { type Services } from './services';
