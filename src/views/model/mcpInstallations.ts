/**
 * The MCP Installations view (PostHog's MCP store): installations with their auth type, enabled
 * state and a warning when they need (re-)authorization; each expands to its tools with their
 * approval state.
 */
import { COMMANDS, MCP_TOOL_ITEMS, TREE_ITEMS, mcpInstallationItem } from '../../ids';
import { TreeModel, asPage, type ModelOptions } from './base';
import { md, oneLine, plural, str, type Row, type TreeNode } from './node';

export type ApprovalState = 'approved' | 'needs_approval' | 'do_not_use';
export const APPROVAL_STATES: readonly ApprovalState[] = ['approved', 'needs_approval', 'do_not_use'];

export interface InstallationRow extends Row {
  id: string;
  name?: string;
  display_name?: string;
  url?: string;
  auth_type?: string;
  is_enabled: boolean;
  needs_reauth: boolean;
  pending_oauth: boolean;
  tool_count?: number;
  template_id?: string;
  description?: string;
}

export interface McpToolRow extends Row {
  tool_name: string;
  display_name?: string;
  description?: string;
  approval_state: ApprovalState | string;
  removed_at?: string;
  /** Added by the model: which installation the tool belongs to. */
  installation_id: string;
}

export interface TemplateRow extends Row {
  id: string;
  name: string;
  description?: string;
  auth_type?: string;
  url?: string;
  category?: string;
  docs_url?: string;
}

export interface InstallResult {
  installation?: InstallationRow;
  /** OAuth: the user must open this to finish. */
  redirect_url?: string;
  message?: string;
}

export const APPROVAL_LABELS: Record<ApprovalState, string> = {
  approved: 'Approved',
  needs_approval: 'Needs approval',
  do_not_use: 'Do not use',
};

const APPROVAL_ICONS: Record<ApprovalState, { id: string; color: string }> = {
  approved: { id: 'pass-filled', color: 'testing.iconPassed' },
  needs_approval: { id: 'question', color: 'problemsWarningIcon.foreground' },
  do_not_use: { id: 'circle-slash', color: 'testing.iconFailed' },
};

export function authTypeLabel(t: unknown): string {
  return t === 'api_key' ? 'API key' : t === 'oauth' ? 'OAuth' : (str(t) ?? 'unknown auth');
}

function hostOf(url: unknown): string | undefined {
  try {
    return new URL(String(url)).host || undefined;
  } catch {
    return undefined;
  }
}

export function installationName(i: Partial<InstallationRow>): string {
  return str(i.name) ?? str(i.display_name) ?? hostOf(i.url) ?? 'Unnamed server';
}

/** Does this installation need the user to (re-)authorize it? And how to say so. */
export function installationWarning(i: InstallationRow): string | undefined {
  if (i.needs_reauth) return 'Needs re-authorization';
  if (i.pending_oauth) return 'OAuth authorization pending';
  return undefined;
}

export class McpInstallationsModel extends TreeModel<InstallationRow> {
  readonly view = 'mcp' as const;
  protected readonly noun = 'installations';
  protected readonly commands = { refresh: COMMANDS.mcpRefresh };

  constructor(options: ModelOptions) {
    super(options);
  }

  protected async fetchRoot(req: { signal: AbortSignal }) {
    return asPage<InstallationRow>(await this.options.tools.run('list_mcp_server_installations', {}, { signal: req.signal }));
  }

  protected keyOf(i: InstallationRow): string {
    return i.id;
  }

  protected itemNode(i: InstallationRow): Omit<TreeNode, 'view'> {
    const name = installationName(i);
    const warning = installationWarning(i);
    // What needs attention comes first, so a narrow side bar cuts the details, not the warning.
    const parts: string[] = [];
    if (warning) parts.push(warning.toLowerCase());
    if (!i.is_enabled) parts.push('disabled');
    parts.push(authTypeLabel(i.auth_type));
    if (!warning && typeof i.tool_count === 'number') parts.push(plural(i.tool_count, 'tool'));
    const lines = [`**${md(name)}**`, ''];
    if (str(i.description)) lines.push(md(i.description), '');
    if (str(i.url)) lines.push(`Server: \`${String(i.url).replace(/`/g, "'")}\``, '');
    lines.push(`Authentication: ${authTypeLabel(i.auth_type)}`, '');
    lines.push(i.is_enabled ? 'Enabled' : '$(circle-slash) Disabled: agents cannot call its tools');
    if (typeof i.tool_count === 'number') lines.push('', plural(i.tool_count, 'tool'));
    if (warning) lines.push('', `$(warning) ${warning}: use "Authorize" to sign in to this server again.`);
    return {
      id: `mcp:${i.id}`,
      kind: 'installation',
      label: name,
      description: parts.join(' · '),
      tooltip: lines.join('\n'),
      icon: warning
        ? { id: 'warning', color: 'problemsWarningIcon.foreground' }
        : i.is_enabled
          ? { id: 'server' }
          : { id: 'circle-slash', color: 'disabledForeground' },
      contextValue: mcpInstallationItem({ enabled: i.is_enabled, oauth: i.auth_type === 'oauth', needsAuth: !!warning }),
      collapsible: 'collapsed',
      url: this.options.uiUrl?.('settings/mcp-servers'),
      accessibilityLabel: `${name}, ${parts.join(', ')}`,
      data: i,
    };
  }

  protected emptyLabel(): string {
    return `No MCP servers installed in ${this.projectLabel}`;
  }

  protected override emptyExtras(): Partial<TreeNode> {
    return {
      tooltip: 'Install one from the catalogue with the + button above.',
      command: { command: COMMANDS.mcpInstallTemplate, title: 'Install MCP Server' },
    };
  }

  protected override async fetchChildren(parent: TreeNode, signal: AbortSignal): Promise<Row[]> {
    const i = parent.data as InstallationRow;
    const data = await this.options.tools.run('list_mcp_installation_tools', { installation_id: i.id }, { signal });
    return asPage<Row>(data).results;
  }

  protected override childNodes(parent: TreeNode, tools: Row[]): Array<Omit<TreeNode, 'view'>> {
    const i = parent.data as InstallationRow;
    const out: Array<Omit<TreeNode, 'view'>> = [];
    const warning = installationWarning(i);
    if (warning) {
      out.push({
        id: `${parent.id}/warning`,
        kind: 'warning',
        label: warning,
        description: 'click to authorize',
        tooltip: `${i.needs_reauth ? 'PostHog can no longer reach this server with the stored credentials.' : 'The OAuth sign-in to this server was not completed.'} Click to open the authorization page in your browser.`,
        icon: { id: 'warning', color: 'problemsWarningIcon.foreground' },
        contextValue: TREE_ITEMS.mcpWarning,
        command: { command: COMMANDS.mcpAuthorize, title: 'Authorize', args: [parent] },
      });
    }
    for (const t of tools) {
      const tool = { ...t, installation_id: i.id } as McpToolRow;
      const state = (APPROVAL_STATES as readonly string[]).includes(tool.approval_state)
        ? (tool.approval_state as ApprovalState)
        : 'needs_approval';
      const lines = [`**${md(tool.tool_name)}**${str(tool.display_name) ? ` — ${md(tool.display_name)}` : ''}`];
      if (str(tool.description)) lines.push('', md(oneLine(tool.description, 600)));
      lines.push(
        '',
        `$(${APPROVAL_ICONS[state].id}) ${APPROVAL_LABELS[state]}${state === 'needs_approval' ? ': each call waits for approval' : state === 'do_not_use' ? ': calls are blocked' : ': calls go through'}`,
      );
      if (str(tool.removed_at)) lines.push('', `Removed from the server on ${md(String(tool.removed_at).slice(0, 10))}`);
      out.push({
        id: `${parent.id}/tool:${tool.tool_name}`,
        kind: 'tool',
        label: tool.tool_name,
        description: APPROVAL_LABELS[state],
        tooltip: lines.join('\n'),
        icon: APPROVAL_ICONS[state],
        contextValue: MCP_TOOL_ITEMS[state],
        url: this.options.uiUrl?.('settings/mcp-servers'),
        accessibilityLabel: `${tool.tool_name}, ${APPROVAL_LABELS[state]}`,
        data: tool,
      });
    }
    return out;
  }

  protected override childrenEmptyLabel(): string {
    return 'No tools yet: use "Refresh Tools" to fetch them';
  }

  /** After a tool call changed something: reload only what it touched. */
  handleChange(e: { tool: string; args: Record<string, unknown> }): void {
    const id = typeof e.args?.installation_id === 'string' ? e.args.installation_id : undefined;
    if (id && e.tool === 'set_mcp_tool_approval' && this.node(`mcp:${id}`)) {
      this.invalidateChildren(`mcp:${id}`);
      return;
    }
    this.refresh();
  }

  // ----- actions -----

  async setApproval(tool: { installation_id: string; tool_name: string }, state: ApprovalState, signal?: AbortSignal): Promise<Row> {
    return (await this.options.tools.run(
      'set_mcp_tool_approval',
      { installation_id: tool.installation_id, tool_name: tool.tool_name, approval_state: state },
      { signal },
    )) as Row;
  }

  async setEnabled(installation: { id: string }, enabled: boolean, signal?: AbortSignal): Promise<InstallationRow> {
    return (await this.options.tools.run(
      'update_mcp_server_installation',
      { installation_id: installation.id, is_enabled: enabled },
      { signal },
    )) as InstallationRow;
  }

  async refreshTools(installation: { id: string }, signal?: AbortSignal): Promise<Row> {
    return (await this.options.tools.run('refresh_mcp_installation_tools', { installation_id: installation.id }, { signal })) as Row;
  }

  /** The URL the user opens to (re-)authorize the installation. */
  async authorize(installation: { id: string }, signal?: AbortSignal): Promise<string> {
    const out = (await this.options.tools.run(
      'authorize_mcp_server_installation',
      { installation_id: installation.id },
      { signal },
    )) as Row;
    const url = str(out?.redirect_url);
    if (!url) throw new Error('PostHog did not return an authorization URL for this server.');
    return url;
  }

  async delete(installation: { id: string }, signal?: AbortSignal): Promise<Row> {
    return (await this.options.tools.run('delete_mcp_server_installation', { installation_id: installation.id }, { signal })) as Row;
  }

  async templates(signal?: AbortSignal): Promise<TemplateRow[]> {
    return asPage<TemplateRow>(await this.options.tools.run('list_mcp_server_templates', {}, { signal })).results;
  }

  async installTemplate(template: { id: string }, apiKey?: string, signal?: AbortSignal): Promise<InstallResult> {
    const args: Row = { template_id: template.id };
    if (apiKey) args.api_key = apiKey;
    return (await this.options.tools.run('install_mcp_server_template', args, { signal })) as InstallResult;
  }

  async installCustom(
    input: { name: string; url: string; auth_type: 'api_key' | 'oauth'; api_key?: string; description?: string },
    signal?: AbortSignal,
  ): Promise<InstallResult> {
    const args: Row = { name: input.name, url: input.url, auth_type: input.auth_type };
    if (input.api_key) args.api_key = input.api_key;
    if (input.description) args.description = input.description;
    return (await this.options.tools.run('install_custom_mcp_server', args, { signal })) as InstallResult;
  }
}

/** Why a server URL would be refused before sending, or undefined. */
export function serverUrlProblem(text: string): string | undefined {
  const t = text.trim();
  if (!t) return 'Enter the MCP server URL, for example https://mcp.example.com/mcp.';
  try {
    const u = new URL(t);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'Use an http or https URL.';
  } catch {
    return 'That is not a valid URL. Include the scheme: https://…';
  }
  return undefined;
}
