/** 5. Scale: a stand-in with 10,000 flags and 2,000 dashboards in one process, the measurement in another. */
import path from 'node:path';
import { ROOT, type Reps, median, round, runToEnd, startChild, stopChild, tsxNodeArgs } from './lib';

export interface ScaleResult {
  flags: number;
  first_page_ms: number;
  all_pages_ms: number;
  rss_mb_delta: number;
  extra: {
    first_page_p95: number;
    first_page_nodes: number;
    pages: number;
    items: number;
    heap_mb_delta: number;
    rss_mb_peak_delta: number;
    seed_ms: number;
    bounded: Record<string, unknown>;
  };
}

export const SCALE = { flags: 10_000, dashboards: 2_000 };

/** Starts the stand-in in a child process; resolves with its URL and key. */
export async function startStandinChild(options: Record<string, unknown>) {
  const t0 = Date.now();
  const child = startChild(process.execPath, tsxNodeArgs(path.join(__dirname, 'standinChild.ts'), []).concat([JSON.stringify(options)]), {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const info = await new Promise<{ url: string; key: string; projectId: number }>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`stand-in did not start: ${err.slice(0, 500)}`)), 60_000);
    child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(JSON.parse(out.slice(0, nl)) as { url: string; key: string; projectId: number });
      }
    });
    child.once('exit', (code) => reject(new Error(`stand-in exited (${code}): ${err.slice(0, 500)}`)));
  });
  return { child, ...info, startMs: Date.now() - t0 };
}

/** `allReps` full pagings, each in a fresh process; the first page `reps` times in the first one. */
export async function measureScale(reps: Reps, allReps: number): Promise<ScaleResult> {
  const standin = await startStandinChild({
    scale: SCALE,
    rateLimits: { crud: { limit: 1e9, windowMs: 60_000 }, analytics: { limit: 1e9, windowMs: 60_000 } },
  });
  const runChild = async (skipFirst: boolean): Promise<Record<string, unknown>> => {
    const r = await runToEnd(process.execPath, tsxNodeArgs(path.join(__dirname, 'scaleChild.ts'), ['--expose-gc']), {
      cwd: ROOT,
      env: {
        ...process.env,
        BENCH_STANDIN_URL: standin.url,
        BENCH_STANDIN_KEY: standin.key,
        BENCH_REPS: JSON.stringify(reps),
        BENCH_ALL_REPS: '1',
        BENCH_SKIP_FIRST: skipFirst ? '1' : '0',
      },
      timeoutMs: 300_000,
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    let out: Record<string, unknown>;
    try {
      out = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`scale child gave no result (exit ${r.code}): ${r.stderr.slice(0, 800)}`);
    }
    if (out.error) throw new Error(`scale: ${String(out.error).slice(0, 800)}`);
    return out;
  };
  try {
    // The first process measures the first pages, one full paging and the bounded lists; each
    // further process one full paging (memory growth is per fresh process).
    const runs = [await runChild(false)];
    for (let i = 1; i < allReps; i++) runs.push(await runChild(true));
    const out = runs[0];
    const med = (k: string) => median(runs.map((r) => r[k] as number));
    return {
      flags: SCALE.flags,
      first_page_ms: out.first_page_ms as number,
      all_pages_ms: round(med('all_pages_ms'), 1),
      rss_mb_delta: round(med('rss_mb_delta'), 1),
      extra: {
        first_page_p95: out.first_page_p95 as number,
        first_page_nodes: out.first_page_nodes as number,
        pages: out.pages as number,
        items: out.items as number,
        heap_mb_delta: round(med('heap_mb_delta'), 1),
        rss_mb_peak_delta: round(med('rss_mb_peak_delta'), 1),
        seed_ms: standin.startMs,
        bounded: out.bounded as Record<string, unknown>,
      },
    };
  } finally {
    await stopChild(standin.child);
  }
}
