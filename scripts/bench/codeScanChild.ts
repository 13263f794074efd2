/**
 * The code scanner measured in its own process (run with --expose-gc), loading the scanner as
 * esbuild bundles it (BENCH_CODE_BUNDLE), so the figures are those of the shipped code.
 *   scan:   scanTree over BENCH_CODE_DIR, warm, BENCH_CODE_REPS times (median), the longest
 *           event-loop stall seen during one scan (and while idle as long, its floor), and a 2,000-line file rescanned in a ReferenceIndex;
 *   memory: heap held by a ReferenceIndex of the whole tree (after full GCs), and peak RSS.
 * Prints one JSON line.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type * as CodeScanner from '../../src/code';
import { idleEventLoopDelay, median, now, round } from './lib';

type Scanner = typeof CodeScanner;
const gc = (globalThis as { gc?: () => void }).gc;
const fullGc = () => {
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
};
const mb = (n: number) => round(n / (1024 * 1024), 1);

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const code = require(process.env.BENCH_CODE_BUNDLE!) as Scanner;
  const dir = process.env.BENCH_CODE_DIR!;
  const mode = process.env.BENCH_CODE_MODE ?? 'scan';
  if (mode === 'memory') {
    fullGc();
    const before = process.memoryUsage().heapUsed;
    const t0 = now();
    const scan = await code.scanTree(dir);
    const ms = now() - t0;
    const index = new code.ReferenceIndex();
    index.load(scan);
    const files = scan.files;
    fullGc();
    const held = process.memoryUsage().heapUsed - before;
    process.stdout.write(
      JSON.stringify({
        files,
        references: index.references().length,
        scan_ms: round(ms, 0),
        index_heap_mb: mb(held),
        max_rss_mb: mb(process.resourceUsage().maxRSS * 1024),
      }) + '\n',
    );
    return;
  }
  const reps = Number(process.env.BENCH_CODE_REPS ?? 3);
  await code.scanTree(dir); // warm: the tree has been read once
  const times: number[] = [];
  let stallMs = 0;
  let last: Awaited<ReturnType<Scanner['scanTree']>> | undefined;
  for (let i = 0; i < reps; i++) {
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const t0 = now();
    last = await code.scanTree(dir);
    times.push(now() - t0);
    h.disable();
    stallMs = Math.max(stallMs, h.max / 1e6);
  }
  const idleStallMs = await idleEventLoopDelay(median(times), 5);
  // A 2,000-line TypeScript file with a reference every 20 lines, changed before each rescan.
  const lines: string[] = ["import posthog from 'posthog-js'"];
  for (let i = 1; i < 2000; i++)
    lines.push(
      i % 20 === 0
        ? `  posthog.capture('event-${i}', { step: ${i} })`
        : `  const value${i} = format(input, { width: ${i}, label: 'row ${i}' }) // ${i}`,
    );
  const index = new code.ReferenceIndex();
  const rescans: number[] = [];
  for (let i = 0; i < 60; i++) {
    lines[40] = `  posthog.capture('edited-${i}')`;
    const text = lines.join('\n');
    const t0 = now();
    index.setScan('big.ts', code.scanSource(text, 'big.ts'));
    if (i >= 10) rescans.push(now() - t0);
  }
  process.stdout.write(
    JSON.stringify({
      files: last?.files,
      references: last?.references.length,
      scan_ms: round(median(times), 0),
      max_stall_ms: round(stallMs, 1),
      idle_stall_ms: round(idleStallMs, 1),
      rescan_2000_lines_ms: round(median(rescans), 2),
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
