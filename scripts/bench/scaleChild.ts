/**
 * Scale, measured in its own process (run with --expose-gc) against a stand-in in another one:
 * the Flags tree model the view uses, on a project with 10,000 flags.
 *   - first page: a fresh FeatureFlagsModel → children() (what the view shows first);
 *   - everything: first page, then "Load more" until the end, asking for children() after each
 *     page as the view does; time, and resident memory before/after (after a full GC each time);
 *   - bounded lists: list tools at their default and their maximum, and a limit over the maximum.
 * Env: BENCH_STANDIN_URL, BENCH_STANDIN_KEY, BENCH_REPS (JSON {n, warmup}), BENCH_ALL_REPS.
 * Prints one JSON line.
 */
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { FeatureFlagsModel } from '../../src/views/model/featureFlags';
import { PostHogAgentToolkit } from '@posthog/agent-toolkit/tools';
import { median, now, percentile, round } from './lib';
import { startAdapter } from './tokens';

const gc = (globalThis as { gc?: () => void }).gc;

function fullGc(): void {
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
}

const mb = (n: number) => n / (1024 * 1024);

async function main(): Promise<void> {
  const url = process.env.BENCH_STANDIN_URL!;
  const key = process.env.BENCH_STANDIN_KEY!;
  const reps = JSON.parse(process.env.BENCH_REPS ?? '{"n":10,"warmup":3}') as { n: number; warmup: number };
  // Memory is only meaningful once per process (after a first paging V8 keeps its grown heap),
  // so the parent runs one full paging per fresh process, after the first pages.
  const allReps = Number(process.env.BENCH_ALL_REPS ?? 1);
  const skipFirst = process.env.BENCH_SKIP_FIRST === '1';

  const client = new PostHogClient({ apiKey: key, host: url });
  const registry = new ToolRegistry(ALL_TOOLS, () => client);
  await client.context(); // signed in: the project is known before the view opens

  // First page.
  const first: number[] = [];
  let firstNodes = 0;
  for (let i = 0; i < (skipFirst ? 0 : reps.warmup + reps.n); i++) {
    const model = new FeatureFlagsModel({ tools: registry });
    const t0 = now();
    const nodes = await model.children();
    const dt = now() - t0;
    if (model.root.status !== 'loaded') throw new Error(`first page failed: ${String(model.root.error)}`);
    firstNodes = nodes.length;
    if (i >= reps.warmup) first.push(dt);
    model.dispose();
  }

  // Everything, page by page (after the first pages, so the code is warm, as in a session).
  const all: number[] = [];
  const deltas: number[] = [];
  const heapDeltas: number[] = [];
  const peaks: number[] = [];
  let pages = 0;
  let items = 0;
  for (let r = 0; r < allReps; r++) {
    fullGc();
    const rss0 = process.memoryUsage().rss;
    const heap0 = process.memoryUsage().heapUsed;
    let peak = rss0;
    const model = new FeatureFlagsModel({ tools: registry });
    const t0 = now();
    await model.children();
    pages = 1;
    while (model.root.hasMore) {
      await model.loadMore();
      if (model.root.moreError) throw new Error(`load more failed: ${String(model.root.moreError)}`);
      await model.children();
      pages++;
      if (pages % 20 === 0) peak = Math.max(peak, process.memoryUsage().rss);
    }
    all.push(now() - t0);
    items = model.root.items.length;
    peak = Math.max(peak, process.memoryUsage().rss);
    fullGc();
    const m1 = process.memoryUsage();
    deltas.push(mb(m1.rss - rss0));
    heapDeltas.push(mb(m1.heapUsed - heap0));
    peaks.push(mb(peak - rss0));
    model.dispose();
  }

  // Bounded list tools.
  const sizeOf = async (name: string, args: Record<string, unknown>) => {
    try {
      const data = (await registry.run(name, args)) as { results?: unknown[]; has_more?: boolean; count?: number };
      return {
        rows: data.results?.length ?? 0,
        bytes: Buffer.byteLength(JSON.stringify(data)),
        has_more: data.has_more,
        count: data.count,
      };
    } catch (err) {
      return { rejected: err instanceof Error ? err.message.slice(0, 160) : String(err) };
    }
  };
  const bounded: Record<string, unknown> = {};
  for (const name of skipFirst ? [] : ['list_feature_flags', 'list_dashboards']) {
    bounded[`${name} {}`] = await sizeOf(name, {});
    bounded[`${name} {limit:100}`] = await sizeOf(name, { limit: 100 });
    bounded[`${name} {limit:1000}`] = await sizeOf(name, { limit: 1000 });
  }

  // The peer on the same data: the toolkit's flag list has no paging and follows `next` to the end.
  if (!skipFirst)
    try {
      const adapter = await startAdapter({ url });
      const toolkit = new PostHogAgentToolkit({ posthogApiToken: key, posthogApiBaseUrl: adapter.url });
      const tool = (await toolkit.getTools()).find((t) => t.name === 'feature-flag-get-all');
      const t0 = now();
      const res = (await tool!.handler(toolkit.getContext(), {} as never)) as { content: Array<{ text: string }> };
      const text = res.content.map((c) => c.text).join('');
      bounded['toolkit feature-flag-get-all {}'] = {
        rows: (JSON.parse(text) as unknown[]).length,
        bytes: Buffer.byteLength(text),
        ms: round(now() - t0, 0),
      };
      await adapter.close();
    } catch (err) {
      bounded['toolkit feature-flag-get-all {}'] = { rejected: err instanceof Error ? err.message.slice(0, 160) : String(err) };
    }

  process.stdout.write(
    `${JSON.stringify({
      first_page_ms: first.length ? round(median(first), 2) : null,
      first_page_p95: first.length ? round(percentile(first, 95), 2) : null,
      first_page_nodes: firstNodes,
      all_pages_ms: round(median(all), 1),
      pages,
      items,
      rss_mb_delta: round(median(deltas), 1),
      heap_mb_delta: round(median(heapDeltas), 1),
      rss_mb_peak_delta: round(median(peaks), 1),
      bounded,
    })}\n`,
  );
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: err instanceof Error ? err.stack : String(err) })}\n`);
  process.exit(1);
});
