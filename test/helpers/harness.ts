/**
 * Test harness: a stand-in, a PostHog client pointed at it, the tool registry, and an MCP
 * server reached through the SDK's own Client over the in-memory transport.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { PostHogClient, type PostHogClientOptions } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { fromTable } from '../../src/mcp/render';
import { ALL_TOOLS } from '../../src/mcp/tools';
import type { Toolset } from '../../src/mcp/tool';
import { startStandin, type Standin, type StandinOptions } from '../standin/server';

export interface HarnessOptions extends StandinOptions {
  toolsets?: Toolset[];
  readOnly?: boolean;
  client?: Partial<PostHogClientOptions>;
}

export interface CallOutcome {
  isError: boolean;
  text: string;
  /** The parsed JSON text, when it is JSON. */
  data: any;
  structured?: Record<string, unknown>;
}

export interface Harness {
  standin: Standin;
  client: PostHogClient;
  registry: ToolRegistry;
  mcp: Client;
  /**
   * A raw request to the stand-in with the demo key, for what the tools never send (DELETE,
   * malformed bodies): checks the stand-in itself behaves like PostHog.
   */
  raw(method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: any }>;
  /** Calls a tool through MCP and parses its text. */
  call(name: string, args?: Record<string, unknown>, opts?: { signal?: AbortSignal; timeout?: number }): Promise<CallOutcome>;
  close(): Promise<void>;
}

export function parseOutcome(result: { content?: unknown; isError?: unknown; structuredContent?: unknown }): CallOutcome {
  const content = (result.content as Array<{ type: string; text?: string }> | undefined) ?? [];
  const text = content
    .filter((c) => c.type === 'text')
    .map((c) => c.text ?? '')
    .join('\n');
  let data: unknown;
  try {
    // Lists come to an agent as a table (src/mcp/render.ts); tests read their rows as objects.
    data = fromTable(JSON.parse(text));
  } catch {
    data = undefined;
  }
  return { isError: result.isError === true, text, data, structured: result.structuredContent as Record<string, unknown> | undefined };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standin = await startStandin(options);
  const client = new PostHogClient({ apiKey: standin.key, host: standin.url, retryBaseMs: 5, timeoutMs: 5_000, ...options.client });
  const registry = new ToolRegistry(ALL_TOOLS, () => client);
  const server = createPostHogMcpServer({ registry, toolsets: options.toolsets, readOnly: options.readOnly });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: 'posthog-tests', version: '1.0.0' });
  await mcp.connect(clientSide);
  return {
    standin,
    client,
    registry,
    mcp,
    async raw(method, path, body) {
      const res = await fetch(standin.url + path, {
        method,
        headers: { Authorization: `Bearer ${standin.key}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, json: text ? JSON.parse(text) : undefined };
    },
    async call(name, args = {}, opts = {}) {
      const result = await mcp.callTool({ name, arguments: args }, undefined, { signal: opts.signal, timeout: opts.timeout });
      return parseOutcome(result as Parameters<typeof parseOutcome>[0]);
    },
    async close() {
      await mcp.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await standin.close();
    },
  };
}
