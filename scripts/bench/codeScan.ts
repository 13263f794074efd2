/**
 * The code scanner (issue 12 §4), side by side with GNU grep in the same run:
 *   - a generated workspace of 10,000 files / ~1,000,000 lines (scripts/bench/codeWorkspace.ts);
 *     `grep -rEn '<the call names>'` and scanTree over it, both warm (the tree read once first);
 *     grep's figure is a process's wall time, the scanner's an in-process call (its own child);
 *   - the longest event-loop stall during a scan, the rescan of one 2,000-line file;
 *   - heap held by the index of the whole tree; in the full run also for a 100,000-file tree;
 *   - precision and recall per kind on the committed corpus (test/corpus/), and on the corpus of real
 *     files from published npm packages (test/corpus/npm/, scored on its own).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { CORPUS_DIR, scoreCorpus, type CorpusScore } from '../../test/corpus/measure';
import { generateWorkspace, GREP_PATTERN } from './codeWorkspace';
import { ROOT, median, now, round, runToEnd, tsxNodeArgs } from './lib';

export interface CodeScanResult {
  files: number;
  lines: number;
  grep_ms: number;
  scan_ms: number;
  ratio: number;
  max_stall_ms: number;
  /** The same process idle for as long: what the machine's scheduling alone shows as a stall. */
  idle_stall_ms: number;
  rescan_2000_lines_ms: number;
  index_heap_mb: number;
  large_tree: { files: number; index_heap_mb: number; max_rss_mb: number; scan_ms: number } | null;
  corpus: CorpusFigures;
  /** The same figures on test/corpus/npm: real files copied from published npm packages. */
  corpus_npm: CorpusFigures;
}

export interface CorpusFigures {
  flag_precision: number;
  flag_recall: number;
  event_precision: number;
  event_recall: number;
  files: number;
}

const corpusFigures = (c: CorpusScore): CorpusFigures => ({
  files: c.files,
  flag_precision: round(c.flag.precision, 3),
  flag_recall: round(c.flag.recall, 3),
  event_precision: round(c.event.precision, 3),
  event_recall: round(c.event.recall, 3),
});

async function child(env: Record<string, string>): Promise<Record<string, number>> {
  const r = await runToEnd(process.execPath, tsxNodeArgs(path.join(__dirname, 'codeScanChild.ts'), ['--expose-gc']), {
    env: { ...process.env, ...env },
    timeoutMs: 900_000,
  });
  if (r.code !== 0) throw new Error(`code scan child failed: ${r.stderr.trim().slice(0, 300)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
}

async function grepMs(dir: string): Promise<number> {
  const t0 = now();
  const r = await runToEnd('grep', ['-rEn', GREP_PATTERN, dir], { timeoutMs: 300_000 });
  if (r.code !== 0) throw new Error(`grep exited ${r.code}`);
  return now() - t0;
}

export async function measureCodeScan(quick: boolean): Promise<CodeScanResult> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'posthog-code-bench-'));
  try {
    const bundle = path.join(tmp, 'code.js');
    buildSync({
      entryPoints: [path.join(ROOT, 'src', 'code', 'index.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: bundle,
      logLevel: 'warning',
    });
    const dir = path.join(tmp, 'ws');
    const ws = generateWorkspace(dir, 10_000, 100);
    const reps = quick ? 2 : 5;
    await grepMs(dir); // warm: the tree read once
    const greps: number[] = [];
    for (let i = 0; i < reps; i++) greps.push(await grepMs(dir));
    const scan = await child({ BENCH_CODE_BUNDLE: bundle, BENCH_CODE_DIR: dir, BENCH_CODE_REPS: String(reps) });
    for (let i = 0; i < reps; i++) greps.push(await grepMs(dir));
    const memory = await child({ BENCH_CODE_BUNDLE: bundle, BENCH_CODE_DIR: dir, BENCH_CODE_MODE: 'memory' });
    let large: CodeScanResult['large_tree'] = null;
    if (!quick) {
      const big = path.join(tmp, 'big');
      generateWorkspace(big, 100_000, 12, 7);
      const m = await child({ BENCH_CODE_BUNDLE: bundle, BENCH_CODE_DIR: big, BENCH_CODE_MODE: 'memory' });
      large = { files: m.files, index_heap_mb: m.index_heap_mb, max_rss_mb: m.max_rss_mb, scan_ms: m.scan_ms };
    }
    const grep = median(greps);
    return {
      files: ws.files,
      lines: ws.lines,
      grep_ms: round(grep, 0),
      scan_ms: scan.scan_ms,
      ratio: round(scan.scan_ms / grep, 2),
      max_stall_ms: scan.max_stall_ms,
      idle_stall_ms: scan.idle_stall_ms,
      rescan_2000_lines_ms: scan.rescan_2000_lines_ms,
      index_heap_mb: memory.index_heap_mb,
      large_tree: large,
      corpus: corpusFigures(scoreCorpus()),
      corpus_npm: corpusFigures(scoreCorpus(path.join(CORPUS_DIR, 'npm'))),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
