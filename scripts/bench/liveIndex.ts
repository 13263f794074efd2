/**
 * The editor's live index (src/code/liveIndex.ts over the scanner): what one edit costs — a
 * 2,000-line TypeScript file rescanned into an index holding a workspace — beside its floor, the
 * scanner's scanSource on the same text alone (interleaved); and the longest the event loop is held
 * while the index's full scan of a 2,000-file workspace runs (perf_hooks' event-loop delay, max).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { scanSource, scanTree } from '../../src/code';
import { FileFilter } from '../../src/code/fileFilter';
import { LiveCodeIndex } from '../../src/code/liveIndex';
import { idleEventLoopDelay, median, now, percentile, round, type Reps } from './lib';

export interface LiveIndexResult {
  lines: number;
  update_ms_p50: number;
  update_ms_p95: number;
  scan_source_ms_p50: number;
  workspace_files: number;
  full_scan_ms: number;
  max_event_loop_block_ms: number;
  /** The same process idle for as long as the full scan took: the floor on a shared machine. */
  idle_event_loop_block_ms: number;
}

/** A TypeScript file of `lines` lines with a flag check or a capture every 100 lines; `variant` changes one key. */
function source(lines: number, variant: number): string {
  const out = ["import posthog from 'posthog-js';", ''];
  for (let i = 2; i < lines; i++) {
    if (i % 100 === 0)
      out.push(`  if (posthog.isFeatureEnabled('flag-${i === 1000 ? `v${variant}` : i}')) posthog.capture('event_${i}', { i: ${i} });`);
    else out.push(`  const value${i} = compute(${i}, 'text ${i}') + other.call(value${i - 1});`);
  }
  return out.join('\n');
}

export async function measureLiveIndex(reps: Reps, workspaceFiles: number): Promise<LiveIndexResult> {
  const root = mkdtempSync(path.join(tmpdir(), 'posthog-live-index-'));
  try {
    for (let i = 0; i < workspaceFiles; i++) {
      const dir = path.join(root, `pkg${i % 40}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `file${i}.ts`), source(100 + (i % 5) * 40, i));
    }
    const filter = new FileFilter();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const t0 = now();
    const index = new LiveCodeIndex({ scanSource, scanTree, accepts: (r, f) => filter.accepts(r, f) }, [root], 0);
    await index.ready;
    const fullScanMs = now() - t0;
    delay.disable();
    const idleMs = await idleEventLoopDelay(fullScanMs);

    const file = path.join(root, 'pkg0', 'edited.ts');
    const texts = [source(2000, 1), source(2000, 2)];
    index.updateFile(file, texts[0]);
    const update: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < reps.warmup + reps.n; i++) {
      const text = texts[(i + 1) % 2]; // a different key each time: a real change
      const a = now();
      index.updateFile(file, text);
      const b = now();
      scanSource(text, 'pkg0/edited.ts');
      const c = now();
      if (i >= reps.warmup) {
        update.push(b - a);
        floor.push(c - b);
      }
    }
    index.dispose();
    return {
      lines: 2000,
      update_ms_p50: round(median(update), 3),
      update_ms_p95: round(percentile(update, 95), 3),
      scan_source_ms_p50: round(median(floor), 3),
      workspace_files: workspaceFiles,
      full_scan_ms: round(fullScanMs, 1),
      max_event_loop_block_ms: round(delay.max / 1e6, 1),
      idle_event_loop_block_ms: round(idleMs, 1),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
