/**
 * A governed gateway over the stand-in, reached through the MCP SDK's Client (in memory), with a
 * test upstream MCP server behind an installation.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { GatewayCatalog, type CatalogOptions } from '../../src/mcp/gateway/catalog';
import { createGatewayMcpServer } from '../../src/mcp/gateway/server';
import type { ConfirmApproval } from '../../src/mcp/gateway/types';
import type { Standin } from '../standin/server';

export interface GatewayUnderTest {
  catalog: GatewayCatalog;
  registry: ToolRegistry;
  mcp: Client;
  /** How many notifications/tools/list_changed the client got. */
  listChanged: () => number;
  /** Resolves at the next list_changed, or rejects after `ms`. */
  nextListChanged(ms: number): Promise<number>;
  close(): Promise<void>;
}

export async function startGateway(
  standin: Standin,
  opts: Partial<CatalogOptions> & { confirm?: ConfirmApproval; callTimeoutMs?: number; registry?: ToolRegistry } = {},
): Promise<GatewayUnderTest> {
  const client = new PostHogClient({ apiKey: standin.key, host: standin.url, retryBaseMs: 5, timeoutMs: 5_000 });
  const registry = opts.registry ?? new ToolRegistry(ALL_TOOLS, () => client);
  const catalog = new GatewayCatalog({ registry, client: () => client, pollMs: 0, ...opts });
  await catalog.refresh();
  const server = createGatewayMcpServer({ catalog, registry, confirm: opts.confirm, callTimeoutMs: () => opts.callTimeoutMs });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: 'gateway-tests', version: '1.0.0' });
  let changes = 0;
  const waiters: Array<(n: number) => void> = [];
  mcp.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
    changes++;
    for (const w of waiters.splice(0)) w(changes);
  });
  await mcp.connect(clientSide);
  return {
    catalog,
    registry,
    mcp,
    listChanged: () => changes,
    nextListChanged: (ms) =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no tools/list_changed within ${ms} ms`)), ms);
        waiters.push((n) => {
          clearTimeout(timer);
          resolve(n);
        });
      }),
    close: async () => {
      catalog.dispose();
      await mcp.close().catch(() => undefined);
      await server.close().catch(() => undefined);
    },
  };
}

export function textOf(result: unknown): string {
  const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
  return content.map((c) => c.text ?? '').join('\n');
}
