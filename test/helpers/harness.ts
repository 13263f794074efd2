/**
 * Test harness: a stand-in, a PostHog client pointed at it, the tool registry, and an MCP
 * server reached through the SDK's own Client over the in-memory transport.
 *
 * Tool answers are JSON; a test names the shape it expects (`h.call<Flag>(…)`, `h.json<Flag>(…)`,
 * `h.list<FlagRow>(…)`, see ./answers.ts) and its assertions check the values. Nothing is `any`:
 * an answer read without a type is `unknown`.
 */
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { PostHogClient, type PostHogClientOptions } from '../../src/posthog/client';
import type { CodeIndex } from '../../src/code/types';
import { ToolRegistry } from '../../src/mcp/registry';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { fromTable } from '../../src/mcp/render';
import { ALL_TOOLS } from '../../src/mcp/tools';
import type { Toolset } from '../../src/mcp/tool';
import { startStandin, type Standin, type StandinOptions } from '../standin/server';
import type { ListAnswer } from './answers';

export interface HarnessOptions extends StandinOptions {
  toolsets?: Toolset[];
  readOnly?: boolean;
  client?: Partial<PostHogClientOptions>;
  /** The code the `code` tools read (a scan of a fixture workspace); without it they say there is none. */
  code?: () => CodeIndex | undefined;
}

export interface CallOutcome<T = unknown> {
  isError: boolean;
  text: string;
  /**
   * The parsed JSON text, list tables turned back into `{results: [...]}` rows. Typed as the
   * caller expects it (unchecked: the assertions check it); undefined when the text is not JSON.
   */
  data: T;
  structured?: Record<string, unknown>;
}

export interface RawResponse<T = unknown> {
  status: number;
  text: string;
  /** The parsed body, typed as the caller expects it; undefined when the body is empty. */
  json: T;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeout?: number;
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
  raw<T = unknown>(method: string, path: string, body?: unknown): Promise<RawResponse<T>>;
  /** Calls a tool through MCP and parses its text. */
  call<T = unknown>(name: string, args?: Record<string, unknown>, opts?: CallOptions): Promise<CallOutcome<T>>;
  /** Calls a tool that must succeed (asserted, with the tool's text as the message) and returns its answer. */
  json<T>(name: string, args?: Record<string, unknown>): Promise<T>;
  /** Calls a list tool that must succeed and returns its rows as objects with the envelope. */
  list<Row>(name: string, args?: Record<string, unknown>): Promise<ListAnswer<Row>>;
  /** Calls a tool that must fail (asserted) and returns the error text the agent reads. */
  error(name: string, args?: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

/**
 * A tool result as a test reads it. `T` is what the caller expects the JSON to be.
 * The `any` default keeps test/core/cli.test.ts (another part of the clean-up) compiling: it reads
 * `data` without naming a type; give it one there and this default can become `unknown`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: only for a caller outside these files
export function parseOutcome<T = any>(result: { content?: unknown; isError?: unknown; structuredContent?: unknown }): CallOutcome<T> {
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
  return {
    isError: result.isError === true,
    text,
    data: data as T,
    structured: result.structuredContent as Record<string, unknown> | undefined,
  };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const standin = await startStandin(options);
  const client = new PostHogClient({ apiKey: standin.key, host: standin.url, retryBaseMs: 5, timeoutMs: 5_000, ...options.client });
  const registry = new ToolRegistry(ALL_TOOLS, () => client, { code: options.code });
  const server = createPostHogMcpServer({ registry, toolsets: options.toolsets, readOnly: options.readOnly });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: 'posthog-tests', version: '1.0.0' });
  await mcp.connect(clientSide);
  const call = async <T = unknown>(name: string, args: Record<string, unknown> = {}, opts: CallOptions = {}) => {
    const result = await mcp.callTool({ name, arguments: args }, undefined, { signal: opts.signal, timeout: opts.timeout });
    return parseOutcome<T>(result as Parameters<typeof parseOutcome>[0]);
  };
  const json = async <T>(name: string, args: Record<string, unknown> = {}) => {
    const out = await call<T>(name, args);
    assert.equal(out.isError, false, `${name}: ${out.text}`);
    return out.data;
  };
  return {
    standin,
    client,
    registry,
    mcp,
    async raw<T = unknown>(method: string, path: string, body?: unknown) {
      const res = await fetch(standin.url + path, {
        method,
        headers: { Authorization: `Bearer ${standin.key}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, text, json: (text ? JSON.parse(text) : undefined) as T };
    },
    call,
    json,
    list: <Row>(name: string, args: Record<string, unknown> = {}) => json<ListAnswer<Row>>(name, args),
    async error(name, args = {}) {
      const out = await call(name, args);
      assert.equal(out.isError, true, `${name} ${JSON.stringify(args)} should fail, got: ${out.text}`);
      return out.text;
    },
    async close() {
      await mcp.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await standin.close();
    },
  };
}
