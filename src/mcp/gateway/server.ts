/**
 * The governed gateway's MCP server (same factory style as ../server.ts): the tools of MCP
 * servers installed in PostHog, as PostHog's approvals allow, called through PostHog's proxy.
 * Every server made from one catalog shares it; each sends notifications/tools/list_changed when
 * the catalog's list changes.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { ToolRegistry } from '../registry';
import { SERVER_VERSION } from '../version';
import { callGatewayTool } from './call';
import type { GatewayCatalog } from './catalog';
import { PREFIX_SEPARATOR } from './names';
import type { ConfirmApproval, GatewayTool } from './types';

export interface GatewayServerOptions {
  catalog: GatewayCatalog;
  registry: ToolRegistry;
  confirm?: ConfirmApproval;
  callTimeoutMs?: () => number | undefined;
  /** Reported in serverInfo; default "posthog-gateway". */
  name?: string;
  title?: string;
}

export function gatewayInstructions(catalog: GatewayCatalog): string {
  const lines = [
    "Tools of third-party MCP servers installed in the team's PostHog project, called through PostHog, which adds each server's credentials. " +
      'PostHog decides which tools agents may use: approved tools run; tools marked as needing approval ask the person first (or say where to approve them); ' +
      'tools set to "Do not use" are not offered.',
  ];
  if (catalog.problem) lines.push(catalog.problem);
  const ready = catalog.installations.filter((i) => i.status === 'ready');
  if (catalog.multi && ready.length) {
    lines.push(`Tool names start with their server's prefix: ${ready.map((i) => `${i.slug}${PREFIX_SEPARATOR} = ${i.name}`).join('; ')}.`);
  }
  for (const i of catalog.installations) if (i.problem) lines.push(i.problem);
  if (!catalog.problem && catalog.installations.length === 0)
    lines.push('No MCP server is installed and enabled in this PostHog project: install one from the MCP store in PostHog.');
  return lines.join('\n');
}

function describeTool(t: GatewayTool): Record<string, unknown> {
  const from = `[${t.installation.name}, through PostHog]`;
  const ask = t.state === 'needs_approval' ? ' Needs approval in PostHog: calling it asks first.' : '';
  const out: Record<string, unknown> = {
    name: t.name,
    description: `${from} ${t.upstream.description ?? ''}`.trim() + ask,
    inputSchema:
      t.upstream.inputSchema && typeof t.upstream.inputSchema === 'object' ? t.upstream.inputSchema : { type: 'object', properties: {} },
  };
  if (t.upstream.title) out.title = t.upstream.title;
  if (t.upstream.outputSchema) out.outputSchema = t.upstream.outputSchema;
  if (t.upstream.annotations) out.annotations = t.upstream.annotations;
  return out;
}

export function createGatewayMcpServer(options: GatewayServerOptions): Server {
  const { catalog } = options;
  const server = new Server(
    { name: options.name ?? 'posthog-gateway', version: SERVER_VERSION, title: options.title ?? 'PostHog MCP gateway' },
    { capabilities: { tools: { listChanged: true } }, instructions: gatewayInstructions(catalog) },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    // Approvals changed elsewhere show at once on the next list (shared with calls just made).
    await catalog.refresh({ maxAgeMs: 250 }).catch(() => undefined);
    return { tools: catalog.tools.map(describeTool) as never[] };
  });
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const result = await callGatewayTool(
      { catalog, registry: options.registry, confirm: options.confirm, callTimeoutMs: options.callTimeoutMs, signal: extra.signal },
      request.params.name,
      request.params.arguments ?? {},
    );
    return result as never;
  });
  const unsubscribe = catalog.onDidChange(() => {
    void server.sendToolListChanged().catch(() => undefined);
  });
  const previous = server.onclose;
  server.onclose = () => {
    unsubscribe();
    previous?.();
  };
  return server;
}
