/**
 * MCP store: the catalog of MCP server templates, the MCP servers installed in the project, their
 * tools' approval states, and the install / OAuth flows.
 */
import { z } from 'zod';
import { PostHogError, errorFromResponse } from '../../posthog/errors';
import { resourcePath, seg } from '../api';
import { ADD, ADD_IDEMPOTENT, CHANGE, CHANGE_NON_IDEMPOTENT, READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import { pageOf } from '../../posthog/pages';
import { clipText, isPlainObject, type Row } from '../values';
import { DEFAULT_LIMIT, compact, defineUpdateTool, given, listResult, paging, uuid } from './common';

const installationId = uuid('MCP server installation');
const templateId = uuid('MCP server template');
const APPROVAL_STATES = ['approved', 'needs_approval', 'do_not_use'] as const;
const SETTINGS_PATH = 'settings/mcp-servers';

const installationPath = resourcePath('mcp_server_installations');
const installationObject = (id: string) => `MCP server installation ${id}`;

function hostOf(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/** A description on one line, at most 300 characters. */
function oneLine(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? clipText(line, 299) : line;
}

/** An installation as the views and agents see it; the booleans are always present. */
function installationRow(i: Row) {
  return compact({
    id: i.id,
    name: i.name || i.display_name || hostOf(i.url) || 'Unnamed MCP server',
    url: i.url,
    auth_type: i.auth_type,
    is_enabled: !!i.is_enabled,
    needs_reauth: !!i.needs_reauth,
    pending_oauth: !!i.pending_oauth,
    tool_count: typeof i.tool_count === 'number' ? i.tool_count : undefined,
    template_id: i.template_id,
    description: i.description,
    display_name: i.display_name,
  });
}

async function installationDetail(ctx: ToolContext, i: Row) {
  return { ...installationRow(i), settings_url: await ctx.api.link(SETTINGS_PATH) };
}

function toolRow(t: Row) {
  return compact({
    tool_name: t.tool_name,
    display_name: t.display_name,
    description: oneLine(t.description),
    approval_state: t.approval_state,
    removed_at: t.removed_at,
  });
}

/** `{results: [...]}` (or a bare array) → the rows. */
function rowsOf(data: unknown): Row[] {
  if (Array.isArray(data)) return data as Row[];
  const results = (data as Row | undefined)?.results;
  return Array.isArray(results) ? (results as Row[]) : [];
}

/** The install endpoints answer 201 with the installation, or 200 with an OAuth URL. */
async function installOutcome(ctx: ToolContext, status: number, data: Row | undefined, what: string) {
  const redirect = data?.redirect_url;
  if (status !== 201 && typeof redirect === 'string' && redirect) {
    return {
      redirect_url: redirect,
      message: `Open redirect_url in a browser and approve access to finish connecting ${what}. Until then the installation shows pending_oauth: true.`,
    };
  }
  if (!data || typeof data.id !== 'string') {
    throw new PostHogError({
      kind: 'server',
      status,
      message: `PostHog answered ${status} to the install of ${what} without an installation or a redirect URL. List the installations to see whether it was installed.`,
    });
  }
  return { installation: await installationDetail(ctx, data) };
}

export const mcpStoreTools: ToolDefinition[] = [
  defineTool({
    name: 'list_mcp_server_templates',
    title: 'List MCP server templates',
    description:
      'List the catalog of MCP servers that install_mcp_server_template can install: id, name, auth_type (api_key or oauth) and URL of each.',
    toolset: 'mcp_store',
    input: {},
    annotations: READ,
    handler: async (_args, ctx) => {
      const rows = rowsOf(await ctx.api.get<unknown>('mcp_servers/', { action: 'list MCP server templates' }));
      return {
        count: rows.length,
        results: rows.map((t) =>
          compact({
            id: t.id,
            name: t.name,
            description: oneLine(t.description),
            auth_type: t.auth_type,
            url: t.url,
            category: t.category,
            docs_url: t.docs_url,
          }),
        ),
      };
    },
  }),
  defineTool({
    name: 'list_mcp_server_installations',
    title: 'List MCP server installations',
    description: 'List the MCP servers installed in the project, with is_enabled, needs_reauth, pending_oauth and tool_count for each.',
    toolset: 'mcp_store',
    input: { ...paging },
    annotations: READ,
    handler: async (args, ctx) => {
      const limit = args.limit ?? DEFAULT_LIMIT;
      const offset = args.offset ?? 0;
      // The newest PostHog answers every row as `{results}` and ignores limit/offset
      // (products/mcp_store/backend/presentation/views.py); an older one pages as usual
      // (`{count, next, results}`). Only a counted answer is already the page asked for.
      const body = await ctx.api.get<unknown>(
        installationPath(),
        { action: 'list MCP server installations' },
        { query: { limit, offset } },
      );
      const page = pageOf<Row>(body, { limit, offset, paginated: isPlainObject(body) && typeof body.count === 'number' });
      return { ...listResult(page, installationRow), settings_url: await ctx.api.link(SETTINGS_PATH) };
    },
  }),
  defineTool({
    name: 'get_mcp_server_installation',
    title: 'Get MCP server installation',
    description: 'Get one installed MCP server: URL, auth type, is_enabled, needs_reauth, pending_oauth and tool count.',
    toolset: 'mcp_store',
    input: { installation_id: installationId },
    annotations: READ,
    handler: async (args, ctx) => {
      const i = await ctx.api.get(installationPath(args.installation_id), installationObject(args.installation_id));
      return installationDetail(ctx, i ?? {});
    },
  }),
  defineUpdateTool({
    name: 'update_mcp_server_installation',
    title: 'Update MCP server installation',
    description: 'Rename an installed MCP server, change its description, or enable / disable it. Only the fields given are changed.',
    toolset: 'mcp_store',
    input: {
      installation_id: installationId,
      display_name: z.string().max(200).optional().describe('New name ("" falls back to the template name)'),
      description: z.string().max(4000).optional().describe('New description'),
      is_enabled: z.boolean().optional().describe('false disables the server: its tools cannot be called'),
    },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const body = given(args, ['display_name', 'description', 'is_enabled']);
      const i = await ctx.api.patch(installationPath(args.installation_id), body, installationObject(args.installation_id));
      return installationDetail(ctx, i ?? {});
    },
  }),
  defineTool({
    name: 'delete_mcp_server_installation',
    title: 'Delete MCP server installation',
    description: 'Uninstall an MCP server. A hard delete: its tools, approvals and stored credentials are removed for good.',
    toolset: 'mcp_store',
    input: { installation_id: installationId },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      await ctx.api.delete(installationPath(args.installation_id), installationObject(args.installation_id));
      return { id: args.installation_id, deleted: true };
    },
  }),
  defineTool({
    name: 'list_mcp_installation_tools',
    title: 'List MCP installation tools',
    description: "List the tools of an installed MCP server with each one's approval_state (approved, needs_approval, do_not_use).",
    toolset: 'mcp_store',
    input: {
      installation_id: installationId,
      include_removed: z.boolean().optional().describe('Also list tools the server no longer offers (they have removed_at)'),
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const tools = await ctx.api.get<unknown>(
        installationPath(args.installation_id, 'tools/'),
        { action: `list the tools of MCP server installation ${args.installation_id}`, object: installationObject(args.installation_id) },
        { query: { include_removed: args.include_removed ? 1 : undefined } },
      );
      const rows = rowsOf(tools);
      return { count: rows.length, results: rows.map(toolRow) };
    },
  }),
  defineTool({
    name: 'set_mcp_tool_approval',
    title: 'Set MCP tool approval',
    description:
      'Set whether a tool of an installed MCP server may be called: approved, needs_approval (ask each time) or do_not_use (blocked).',
    toolset: 'mcp_store',
    input: {
      installation_id: installationId,
      tool_name: z.string().min(1).max(500).describe('The tool name, as list_mcp_installation_tools shows it'),
      approval_state: z.enum(APPROVAL_STATES).describe('The new approval state'),
    },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const action = `set the approval of tool "${args.tool_name}" of MCP server installation ${args.installation_id}`;
      const res = await ctx.api.send(
        'PATCH',
        installationPath(args.installation_id, `tools/${seg(args.tool_name)}/`),
        { action, object: installationObject(args.installation_id) },
        { body: { approval_state: args.approval_state }, acceptStatus: [404] },
      );
      if (res.status === 404) {
        // A bare {"detail": "Tool not found"} is about the tool; the error envelope is about the installation.
        const body = res.data as Row | undefined;
        if (body && typeof body.detail === 'string' && /tool/i.test(body.detail) && body.code === undefined) {
          throw new PostHogError({
            kind: 'not_found',
            status: 404,
            message: `Could not ${action}: that installation has no tool named "${args.tool_name}" (404). List its tools with list_mcp_installation_tools; tool names are case-sensitive.`,
          });
        }
        throw errorFromResponse({
          action,
          object: installationObject(args.installation_id),
          host: ctx.client.host,
          status: 404,
          body: res.data,
        });
      }
      const t = res.data ?? {};
      return {
        installation_id: args.installation_id,
        tool_name: t.tool_name ?? args.tool_name,
        approval_state: t.approval_state ?? args.approval_state,
      };
    },
  }),
  defineTool({
    name: 'refresh_mcp_installation_tools',
    title: 'Refresh MCP installation tools',
    description:
      'Re-read the tool list from the upstream MCP server: new tools arrive as needs_approval, vanished ones are marked removed. Returns the current tools.',
    toolset: 'mcp_store',
    input: { installation_id: installationId },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const action = `refresh the tools of MCP server installation ${args.installation_id}`;
      let res;
      try {
        res = await ctx.api.send<unknown>(
          'POST',
          installationPath(args.installation_id, 'tools/refresh/'),
          { action, object: installationObject(args.installation_id) },
          { retrySafe: true, acceptStatus: [502] }, // re-reading the upstream list twice changes nothing more
        );
      } catch (err) {
        if (err instanceof PostHogError && err.status === 400 && /disabled/i.test(err.message)) {
          throw new PostHogError({
            kind: 'validation',
            status: 400,
            message: `Could not ${action}: the installation is disabled. Enable it with update_mcp_server_installation (is_enabled: true), then refresh.`,
          });
        }
        throw err;
      }
      if (res.status === 502) {
        const detail = (res.data as Row | undefined)?.detail;
        if (typeof detail === 'string' && /upstream/i.test(detail)) {
          throw new PostHogError({
            kind: 'server',
            status: 502,
            message:
              `Could not ${action}: PostHog could not get the tool list from the MCP server itself (502). The server may be down or its credentials expired: ` +
              'check get_mcp_server_installation (needs_reauth or pending_oauth → authorize_mcp_server_installation), then try again.',
          });
        }
        throw errorFromResponse({
          action,
          object: installationObject(args.installation_id),
          host: ctx.client.host,
          status: 502,
          body: res.data,
        });
      }
      const rows = rowsOf(res.data);
      return { count: rows.length, results: rows.map(toolRow) };
    },
  }),
  defineTool({
    name: 'authorize_mcp_server_installation',
    title: 'Authorize MCP server installation',
    description:
      'Start or restart the OAuth sign-in of an MCP server, by template_id or installation_id. Returns redirect_url: the user must open it in a browser and approve.',
    toolset: 'mcp_store',
    input: {
      template_id: templateId.optional(),
      installation_id: installationId.optional(),
    },
    annotations: ADD_IDEMPOTENT,
    check: (a) =>
      (a.template_id === undefined) === (a.installation_id === undefined)
        ? 'give exactly one of template_id or installation_id'
        : undefined,
    handler: async (args, ctx) => {
      const object = args.template_id ? `MCP server template ${args.template_id}` : installationObject(args.installation_id!);
      const action = `start the OAuth sign-in for ${object}`;
      let res;
      try {
        res = await ctx.api.send(
          'GET',
          installationPath(undefined, 'authorize/'),
          { action, object },
          { query: { template_id: args.template_id, installation_id: args.installation_id }, acceptStatus: [302] }, // read the redirect, never follow it
        );
      } catch (err) {
        if (err instanceof PostHogError && err.status === 400 && /OAuth (metadata|state)/i.test(err.message)) {
          throw new PostHogError({
            kind: 'validation',
            status: 400,
            message: `${err.message} OAuth sign-in only applies to servers with auth_type oauth; an api_key server is reinstalled with its key instead (install_mcp_server_template or install_custom_mcp_server).`,
          });
        }
        throw err;
      }
      const redirect = res.status === 302 ? res.headers.location : res.data?.redirect_url;
      if (typeof redirect !== 'string' || !/^https?:\/\//i.test(redirect)) {
        throw new PostHogError({
          kind: 'server',
          status: res.status,
          message: `Could not start the OAuth sign-in for ${object}: PostHog answered ${res.status} without an authorization URL. Try again.`,
        });
      }
      return { redirect_url: redirect };
    },
  }),
  defineTool({
    name: 'install_custom_mcp_server',
    title: 'Install custom MCP server',
    description:
      'Install an MCP server by URL. api_key servers are installed at once; oauth returns a redirect_url the user must open to approve access.',
    toolset: 'mcp_store',
    input: {
      name: z.string().min(1).max(200).describe('Name to show for the server'),
      url: z
        .string()
        .max(2048)
        .url()
        .refine((u) => /^https?:\/\//i.test(u), 'must be an http:// or https:// URL')
        .describe("The MCP server's URL"),
      auth_type: z.enum(['api_key', 'oauth']).describe('How PostHog signs in to the server'),
      api_key: z.string().min(1).max(4000).optional().describe('Secret sent as Bearer token (api_key servers; omit for open servers)'),
      description: z.string().max(4000).optional().describe('What the server is for'),
      client_id: z.string().min(1).max(500).optional().describe('Your own OAuth client id (default: dynamic client registration)'),
      client_secret: z.string().min(1).max(2000).optional().describe('Secret of client_id, if it has one'),
    },
    secretArgs: ['api_key', 'client_secret'],
    annotations: ADD,
    check: (a) => {
      if (a.auth_type === 'oauth' && a.api_key !== undefined) return 'api_key is only used with auth_type api_key';
      if (a.auth_type === 'api_key' && (a.client_id !== undefined || a.client_secret !== undefined))
        return 'client_id and client_secret are only used with auth_type oauth';
      if (a.client_secret !== undefined && a.client_id === undefined) return 'client_secret needs client_id';
      return undefined;
    },
    handler: async (args, ctx) => {
      const res = await ctx.api.send(
        'POST',
        installationPath(undefined, 'install_custom/'),
        { action: `install the MCP server "${args.name}"` },
        { body: given(args, ['name', 'url', 'auth_type', 'api_key', 'description', 'client_id', 'client_secret']) },
      );
      return installOutcome(ctx, res.status, res.data, `"${args.name}"`);
    },
  }),
  defineTool({
    name: 'install_mcp_server_template',
    title: 'Install MCP server template',
    description:
      'Install a server from list_mcp_server_templates. api_key templates need api_key; oauth templates return a redirect_url to open. Installing a template again replaces the stored API key of its existing installation.',
    toolset: 'mcp_store',
    input: {
      template_id: templateId,
      api_key: z.string().min(1).max(4000).optional().describe('The API key, for api_key templates'),
    },
    secretArgs: ['api_key'],
    // PostHog reuses the (team, user, url) installation and stores the new key: a reinstall changes existing state.
    annotations: CHANGE_NON_IDEMPOTENT,
    handler: async (args, ctx) => {
      const object = `MCP server template ${args.template_id}`;
      const res = await ctx.api.send(
        'POST',
        installationPath(undefined, 'install_template/'),
        { action: `install ${object}`, object },
        { body: given(args, ['template_id', 'api_key']) },
      );
      return installOutcome(ctx, res.status, res.data, 'the server');
    },
  }),
];
