/**
 * A third-party MCP server for the gateway tests: the MCP SDK's own McpServer behind its
 * StreamableHTTPServerTransport, on 127.0.0.1, with sessions (as most hosted MCP servers have).
 * It records the headers of every request it gets, so a test can check whose credentials arrived.
 *
 * `mode`: 'ok'; 'error' (a tools/call gets HTTP 500 with a JSON-RPC error); 'hang' (a tools/call
 * never gets an answer). `sse: true` answers with Server-Sent Events instead of JSON.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

export interface UpstreamRequest {
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface UpstreamMcp {
  url: string;
  requests: UpstreamRequest[];
  /** The tools/call requests only. */
  calls(): Array<{ name: string; arguments: unknown; headers: http.IncomingHttpHeaders }>;
  mode: 'ok' | 'error' | 'hang';
  close(): Promise<void>;
}

/** The tools it offers, as `tools/list` gives them (the stand-in's installation rows copy these). */
export const UPSTREAM_TOOLS = [
  {
    name: 'echo',
    title: 'Echo',
    description: 'Say the text back.',
    inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  },
  {
    name: 'create_issue',
    title: 'Create issue',
    description: 'Create an issue in the tracker.',
    inputSchema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
  },
  {
    name: 'delete_project',
    title: 'Delete project',
    description: 'Delete a whole project.',
    inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
  },
];

function makeServer(): McpServer {
  const server = new McpServer({ name: 'upstream-fixture', version: '1.0.0' });
  server.registerTool(
    'echo',
    { title: 'Echo', description: 'Say the text back.', inputSchema: { text: z.string() }, annotations: { readOnlyHint: true } },
    async ({ text }) => ({ content: [{ type: 'text', text: `echo: ${text}` }] }),
  );
  server.registerTool(
    'create_issue',
    {
      title: 'Create issue',
      description: 'Create an issue in the tracker.',
      inputSchema: { title: z.string() },
      annotations: { readOnlyHint: false, destructiveHint: false, openWorldHint: true },
    },
    async ({ title }) => ({ content: [{ type: 'text', text: `created issue "${title}"` }] }),
  );
  server.registerTool(
    'delete_project',
    {
      title: 'Delete project',
      description: 'Delete a whole project.',
      inputSchema: { id: z.string() },
      annotations: { destructiveHint: true },
    },
    async ({ id }) => ({ content: [{ type: 'text', text: `deleted ${id}` }] }),
  );
  return server;
}

export async function startUpstreamMcp(options: { sse?: boolean } = {}): Promise<UpstreamMcp> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const requests: UpstreamRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  const state = { mode: 'ok' as UpstreamMcp['mode'] };

  const httpServer = http.createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const text = Buffer.concat(chunks).toString('utf8');
      const body: unknown = text ? JSON.parse(text) : undefined;
      requests.push({ headers: req.headers, body });
      const isCall = !!body && typeof body === 'object' && (body as { method?: string }).method === 'tools/call';
      if (isCall && state.mode === 'hang') {
        hanging.add(res);
        return;
      }
      if (isCall && state.mode === 'error') {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({ jsonrpc: '2.0', id: (body as { id?: unknown }).id, error: { code: -32603, message: 'upstream exploded' } }),
        );
        return;
      }
      const sid = req.headers['mcp-session-id'];
      let transport = typeof sid === 'string' ? sessions.get(sid) : undefined;
      if (!transport) {
        transport = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          enableJsonResponse: !options.sse,
          onsessioninitialized: (id) => {
            sessions.set(id, transport!);
          },
        });
        await makeServer().connect(transport);
      }
      await transport.handleRequest(req, res, body);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    requests,
    calls: () =>
      requests
        .filter((r) => (r.body as { method?: string } | undefined)?.method === 'tools/call')
        .map((r) => {
          const params = (r.body as { params: { name: string; arguments: unknown } }).params;
          return { name: params.name, arguments: params.arguments, headers: r.headers };
        }),
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      for (const t of sessions.values()) await t.close().catch(() => undefined);
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
    },
  };
}
