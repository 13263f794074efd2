/**
 * The MCP server factory. Construction is separate from transport: stdio, loopback HTTP and
 * in-memory (tests) all wrap the Server this returns.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  McpError,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { MCP_APP_RESOURCE, MCP_APP_URI, readMcpAppResource } from './appResource';
import type { ToolFilter, ToolRegistry } from './registry';

import { SERVER_NAME, SERVER_VERSION } from './version';

export { SERVER_NAME, SERVER_VERSION };

export interface ServerOptions extends ToolFilter {
  registry: ToolRegistry;
  /** Reported in serverInfo; defaults to "posthog". */
  name?: string;
  version?: string;
}

/** MCP's "Resource not found" (the spec's resources page; the SDK has no ErrorCode for it). */
const RESOURCE_NOT_FOUND = -32002 as ErrorCode;

const INSTRUCTIONS =
  'PostHog product analytics, feature flags, dashboards, insights, experiments and MCP store tools for the active PostHog project. ' +
  'List tools take limit/offset and answer with a table: "columns" once, then "rows" as arrays in that order (a short row lacks its last fields); ' +
  '"count" is the total when known and "next_offset" is given when there are more. Objects carry a "url" into the PostHog UI; ' +
  'lists give one "url_template" instead (fill {id} or {short_id} from each row).';

export function createPostHogMcpServer(options: ServerOptions): Server {
  const { registry } = options;
  const filter: ToolFilter = { toolsets: options.toolsets, readOnly: options.readOnly };
  const server = new Server(
    { name: options.name ?? SERVER_NAME, version: options.version ?? SERVER_VERSION, title: 'PostHog' },
    { capabilities: { tools: { listChanged: false }, resources: { listChanged: false } }, instructions: INSTRUCTIONS },
  );
  // The list is fixed for the server's life: compute it once.
  let toolsList: unknown[] | undefined;
  server.setRequestHandler(ListToolsRequestSchema, async () => {
    toolsList ??= registry.list(filter).map((t) => registry.describe(t));
    return { tools: toolsList as never[] };
  });
  // MCP Apps: the chart view is listed when a tool this server exposes declares it (hosts without MCP Apps ignore it).
  const withView = registry.list(filter).some((t) => t.ui?.resourceUri === MCP_APP_URI);
  server.setRequestHandler(ListResourcesRequestSchema, async () => ({ resources: withView ? [MCP_APP_RESOURCE] : [] }));
  server.setRequestHandler(ReadResourceRequestSchema, async (request) => {
    if (!withView || request.params.uri !== MCP_APP_URI) {
      throw new McpError(
        RESOURCE_NOT_FOUND,
        `Unknown resource ${request.params.uri.slice(0, 200)}: this server has only ${withView ? MCP_APP_URI : 'no resources'}.`,
      );
    }
    try {
      return readMcpAppResource() as never;
    } catch (err) {
      throw new McpError(ErrorCode.InternalError, err instanceof Error ? err.message : String(err));
    }
  });
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const result = await registry.call(request.params.name, request.params.arguments ?? {}, { signal: extra.signal, filter });
    return result as never;
  });
  return server;
}
