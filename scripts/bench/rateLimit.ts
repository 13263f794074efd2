/**
 * 6. Rate limits: 1,000 list_dashboards calls issued at once through MCP (in-memory) against the
 *    stand-in's CRUD limit scaled to a short window. The client is a PostHogClient with its
 *    defaults, as the CLI and the extension make it.
 *
 * achieved_ratio: the stand-in's limiter is a sliding window, so `limit` calls may go at once and
 * then `limit` more each window. The best possible time for N calls is (N/limit − 1) windows;
 * achieved_ratio = that ideal time / the time the last call took. 1.0 = every window used to
 * the full, no time lost; it is the same as (N − limit)/elapsed ÷ (limit/window). N counts the
 * calls that succeeded, and elapsed ends with the last of them.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { startStandin } from '../../test/standin/server';
import { now, round } from './lib';

export interface RateLimitResult {
  calls: number;
  failed: number;
  limit: number;
  window_s: number;
  achieved_ratio: number;
  extra: {
    elapsed_s: number;
    ideal_s: number;
    requests: number;
    throttled_429: number;
    firstError?: string;
    completionsPerWindow: number[];
  };
}

export async function measureRateLimit(calls: number, limit: number, windowMs: number): Promise<RateLimitResult> {
  const standin = await startStandin({ rateLimits: { crud: { limit, windowMs }, analytics: { limit, windowMs } } });
  const client = new PostHogClient({ apiKey: standin.key, host: standin.url });
  // This measures the client's throughput under a rate limit: every call is queued at once, so the
  // last ones wait out the whole storm (~45 s), which the 45 s per-call deadline would cut short by
  // design. The deadline is lifted to keep that the one thing measured (test/hardening/deadline.test.ts
  // proves the deadline itself).
  const registry = new ToolRegistry(ALL_TOOLS, () => client, { callTimeoutMs: 10 * 60_000 });
  const server = createPostHogMcpServer({ registry });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: 'bench', version: '1.0.0' });
  await mcp.connect(clientSide);
  try {
    await client.context(); // signed in: the project is known
    standin.limiter.reset();
    standin.requests.length = 0;

    const t0 = now();
    const ends: number[] = [];
    let firstError: string | undefined;
    const results = await Promise.all(
      Array.from({ length: calls }, async () => {
        // Generous client-side timeout: the whole run needs ~(calls/limit − 1) windows by design.
        const r = (await mcp.callTool({ name: 'list_dashboards', arguments: {} }, undefined, { timeout: 600_000 })) as {
          isError?: boolean;
          content?: Array<{ text?: string }>;
        };
        if (r.isError !== true) ends.push(now() - t0);
        if (r.isError && !firstError) firstError = r.content?.[0]?.text?.slice(0, 300);
        return r.isError !== true;
      }),
    );
    // Over the calls that succeeded: failed calls end early and would flatter the rate.
    const elapsed = ends.length ? Math.max(...ends) / 1000 : 0;
    const windowS = windowMs / 1000;
    const ideal = Math.max(0, (ends.length / limit - 1) * windowS);
    const completionsPerWindow: number[] = [];
    for (const e of ends) {
      const w = Math.floor(e / windowMs);
      completionsPerWindow[w] = (completionsPerWindow[w] ?? 0) + 1;
    }
    return {
      calls,
      failed: results.filter((ok) => !ok).length,
      limit,
      window_s: windowS,
      achieved_ratio: round(elapsed > 0 ? Math.min(ideal / elapsed, 10) : 0, 3),
      extra: {
        elapsed_s: round(elapsed, 2),
        ideal_s: round(ideal, 2),
        requests: standin.requests.length,
        throttled_429: standin.requests.filter((r) => r.status === 429).length,
        firstError,
        completionsPerWindow: Array.from(completionsPerWindow, (x) => x ?? 0),
      },
    };
  } finally {
    await mcp.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    await standin.close();
  }
}
