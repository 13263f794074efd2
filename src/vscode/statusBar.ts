/** The status-bar item: the active project (click to switch), or Sign In. */
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { Session } from './session';

export function createStatusBar(session: Session): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('posthog.project', vscode.StatusBarAlignment.Left, 10);
  item.name = 'PostHog Project';
  const update = () => {
    if (session.problem) {
      item.text = '$(warning) PostHog';
      item.tooltip = new vscode.MarkdownString(`**PostHog:** ${escape(session.problem)}\n\nClick to sign in again.`);
      item.command = COMMANDS.signIn;
      item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    } else if (session.signedIn) {
      const name = session.projectName ?? (session.projectId ? `Project ${session.projectId}` : 'PostHog');
      item.text = `$(graph) ${name}`;
      item.tooltip = new vscode.MarkdownString(
        `**PostHog** project **${escape(name)}**${session.projectId ? ` (#${session.projectId})` : ''} on ${escape(session.hostLabel)}\n\nClick to switch project.`,
      );
      item.command = COMMANDS.selectProject;
      item.backgroundColor = undefined;
    } else {
      item.text = '$(graph) Sign in to PostHog';
      item.tooltip = 'Sign in to PostHog to browse dashboards, feature flags and MCP installations, and give agents PostHog tools.';
      item.command = COMMANDS.signIn;
      item.backgroundColor = undefined;
    }
    item.accessibilityInformation = { label: item.text.replace(/\$\([^)]*\)\s*/g, '') };
    item.show();
  };
  update();
  const sub = session.onDidChange(update);
  return { dispose: () => (sub.dispose(), item.dispose()) };
}

function escape(s: string): string {
  return s.replace(/([\\`*_{}[\]()#+\-.!|<>~$])/g, '\\$1');
}
