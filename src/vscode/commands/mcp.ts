/**
 * MCP installations (PostHog's MCP store): tool approval, refresh tools, enable / disable,
 * authorize (opens the OAuth page), delete (confirmed), install from the catalogue or a custom server.
 */
import * as vscode from 'vscode';
import { VIEWS } from '../../ids';
import {
  authTypeLabel,
  installationName,
  type ApprovalState,
  type InstallResult,
  type InstallationRow,
  type McpToolRow,
  type TemplateRow,
} from '../../views/model/mcpInstallations';
import { BACK, askPick, askText } from '../prompts';
import { askCustomServer } from './installCustomWizard';
import { confirm, openExternal, showError, withProgress } from '../ui';
import { isNode, target, type Services } from './services';

export function refresh(s: Services, arg?: unknown): void {
  s.models.mcp.refresh(isNode(arg) ? arg : undefined);
}

const STATE_WORDS: Record<ApprovalState, string> = { approved: 'Approved', needs_approval: 'Now needs approval:', do_not_use: 'Blocked' };

export async function setApproval(s: Services, arg: unknown, state: ApprovalState): Promise<boolean> {
  const tool = target<McpToolRow>(arg, s.views.mcp, ['tool']);
  if (!tool?.installation_id || !tool.tool_name) return false;
  try {
    await withProgress(`Updating "${tool.tool_name}"…`, (signal) => s.models.mcp.setApproval(tool, state, signal), {
      viewId: VIEWS.mcp,
    });
    vscode.window.setStatusBarMessage(`${STATE_WORDS[state]} ${tool.tool_name}`, 3000);
    return true;
  } catch (err) {
    void showError(err, { retry: () => setApproval(s, arg, state) });
    return false;
  }
}

function installationOf(s: Services, arg: unknown): InstallationRow | undefined {
  // The warning child ("Needs re-authorization") carries its installation as the argument.
  const node = arg === undefined ? s.views.mcp.selection[0] : arg;
  if (isNode(node) && node.kind !== 'installation' && node.parentId) {
    const parent = s.models.mcp.node(node.parentId);
    return parent?.data as InstallationRow | undefined;
  }
  const i = target<InstallationRow>(node, undefined, ['installation']);
  return i?.id ? i : undefined;
}

export async function refreshTools(s: Services, arg?: unknown): Promise<boolean> {
  const i = installationOf(s, arg);
  if (!i) return false;
  const name = installationName(i);
  try {
    const out = (await withProgress(`Fetching the tools of ${name}…`, (signal) => s.models.mcp.refreshTools(i, signal), {
      notification: true,
    })) as { count?: number };
    vscode.window.setStatusBarMessage(
      `$(sync) ${name}: ${typeof out?.count === 'number' ? `${out.count} tools` : 'tools refreshed'}`,
      4000,
    );
    return true;
  } catch (err) {
    void showError(err, { retry: () => refreshTools(s, arg) });
    return false;
  }
}

export async function setEnabled(s: Services, arg: unknown, enabled: boolean): Promise<boolean> {
  const i = installationOf(s, arg);
  if (!i) return false;
  const name = installationName(i);
  try {
    await withProgress(`${enabled ? 'Enabling' : 'Disabling'} ${name}…`, (signal) => s.models.mcp.setEnabled(i, enabled, signal), {
      viewId: VIEWS.mcp,
    });
    vscode.window.setStatusBarMessage(`${name} ${enabled ? 'enabled' : 'disabled'}`, 3000);
    return true;
  } catch (err) {
    void showError(err, { retry: () => setEnabled(s, arg, enabled) });
    return false;
  }
}

async function openAuthorization(s: Services, url: string, name: string): Promise<void> {
  await openExternal(url);
  void vscode.window
    .showInformationMessage(`Finish connecting ${name} in your browser, then refresh the MCP Installations view.`, 'Refresh')
    .then((choice) => {
      if (choice === 'Refresh') s.models.mcp.refresh();
    });
}

export async function authorize(s: Services, arg?: unknown): Promise<string | undefined> {
  const i = installationOf(s, arg);
  if (!i) return undefined;
  const name = installationName(i);
  try {
    const url = await withProgress(`Starting authorization of ${name}…`, (signal) => s.models.mcp.authorize(i, signal), {
      viewId: VIEWS.mcp,
    });
    void openAuthorization(s, url, name);
    return url;
  } catch (err) {
    void showError(err, { retry: () => authorize(s, arg) });
    return undefined;
  }
}

export async function remove(s: Services, arg?: unknown): Promise<boolean> {
  const i = installationOf(s, arg);
  if (!i) return false;
  const name = installationName(i);
  const ok = await confirm(
    `Delete the MCP server "${name}"?`,
    'PostHog removes the installation, its stored credentials and its tool approvals. This cannot be undone.',
    'Delete',
  );
  if (!ok) return false;
  try {
    await withProgress(`Deleting ${name}…`, (signal) => s.models.mcp.delete(i, signal), { viewId: VIEWS.mcp });
    vscode.window.setStatusBarMessage(`$(trash) Deleted ${name}`, 4000);
    return true;
  } catch (err) {
    void showError(err, { retry: () => remove(s, arg) });
    return false;
  }
}

/** After an install: an installation, or an OAuth page to open. */
async function finishInstall(s: Services, name: string, out: InstallResult): Promise<InstallResult> {
  if (out?.redirect_url) {
    await openAuthorization(s, out.redirect_url, name);
  } else {
    const installed = out?.installation ? installationName(out.installation) : name;
    void vscode.window.showInformationMessage(
      `Installed ${installed}. Its tools appear once PostHog has fetched them: expand it, or use Refresh Tools.`,
    );
  }
  return out;
}

export async function installTemplate(s: Services, arg?: unknown): Promise<InstallResult | undefined> {
  let template = typeof arg === 'object' && arg && 'id' in arg ? (arg as TemplateRow) : undefined;
  if (!template) {
    let chosen;
    try {
      chosen = await askPick<TemplateRow>({
        title: 'Install an MCP server from the PostHog catalogue',
        placeholder: 'Pick a server',
        matchOnDetail: true,
        items: s.models.mcp.templates().then((list) =>
          list.map((t) => ({
            label: t.name,
            description: [authTypeLabel(t.auth_type), t.category].filter(Boolean).join(' · '),
            detail: t.description,
            value: t,
          })),
        ),
      });
    } catch (err) {
      void showError(err, { retry: () => installTemplate(s, arg) });
      return undefined;
    }
    if (!chosen || chosen === BACK) return undefined;
    template = chosen.value!;
  }
  let apiKey: string | undefined;
  if (template.auth_type === 'api_key') {
    const key = await askText({
      title: `Install ${template.name}`,
      prompt: `The API key PostHog should use for ${template.name}. PostHog stores it; it is never shown again.`,
      password: true,
      validate: (v) => (v.trim() ? undefined : `${template!.name} needs an API key.`),
      buttons: template.docs_url
        ? [
            {
              button: { iconPath: new vscode.ThemeIcon('link-external'), tooltip: `${template.name} documentation` },
              run: () => openExternal(template!.docs_url!),
            },
          ]
        : [],
    });
    if (key === undefined || key === BACK) return undefined;
    apiKey = key.trim();
  }
  const t = template;
  try {
    const out = await withProgress(`Installing ${t.name}…`, (signal) => s.models.mcp.installTemplate(t, apiKey, signal), {
      notification: true,
    });
    return finishInstall(s, t.name, out);
  } catch (err) {
    void showError(err);
    return undefined;
  }
}

export async function installCustom(s: Services): Promise<InstallResult | undefined> {
  const server = await askCustomServer();
  if (!server) return undefined;
  const { name, url, authType, apiKey } = server;
  try {
    const out = await withProgress(
      `Installing ${name}…`,
      (signal) => s.models.mcp.installCustom({ name, url, auth_type: authType, api_key: apiKey || undefined }, signal),
      { notification: true },
    );
    return finishInstall(s, name, out);
  } catch (err) {
    void showError(err);
    return undefined;
  }
}
