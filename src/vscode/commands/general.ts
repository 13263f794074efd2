/** Refresh everything, Open in PostHog, Copy MCP Configuration. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../ids';
import { API_KEY_PLACEHOLDER, mcpConfigurationText } from '../../views/model/mcpConfig';
import { executeCommand } from '../execute';
import { readMcpSettings } from '../mcpProvider';
import { openExternal } from '../ui';
import { isNode, type Services } from './services';

export async function refreshAll(s: Services): Promise<void> {
  s.models.dashboards.refresh();
  s.models.featureFlags.refresh();
  s.models.staleFlags.refresh();
  s.models.mcp.refresh();
  if (s.session.signedIn) await s.session.refreshProject();
}

/** The PostHog page of a node (its own link), a URL, or else the project's home. */
export async function openInPostHog(s: Services, arg?: unknown): Promise<string | undefined> {
  let url: string | undefined;
  const node = arg;
  if (typeof arg === 'string' && /^https?:\/\//i.test(arg)) url = arg;
  else if (isNode(node))
    url =
      node.url ??
      (typeof node.data?.url === 'string' && /^https?:/.test(node.data.url) && node.kind !== 'installation' ? node.data.url : undefined);
  url ??= s.session.uiUrl('');
  if (!url) {
    void vscode.window.showInformationMessage('Sign in to PostHog to open your project.', 'Sign In').then((c) => {
      if (c) void executeCommand(COMMANDS.signIn);
    });
    return undefined;
  }
  await openExternal(url);
  return url;
}

export async function copyMcpConfig(s: Services): Promise<string> {
  const settings = readMcpSettings();
  const text = mcpConfigurationText({
    host: s.session.host,
    projectId: s.session.projectId,
    toolsets: settings.toolsets,
    readOnly: settings.readOnly,
    cliPath: s.context.asAbsolutePath('dist/cli.js'),
  });
  await vscode.env.clipboard.writeText(text);
  // Not awaited: the command returns the text at once (a notification may stay open for long).
  void vscode.window
    .showInformationMessage(
      `Copied an MCP configuration for the posthog-mcp CLI. Replace ${API_KEY_PLACEHOLDER} with a personal API key before using it.`,
      'Create a Key',
    )
    .then((choice) => {
      if (choice) void openExternal(`${s.session.host}/settings/user-api-keys`);
    });
  return text;
}
