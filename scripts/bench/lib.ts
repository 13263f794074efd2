/** Shared helpers for the benchmark: timing, statistics, child processes we start (and end by PID). */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface Reps {
  /** Measured repetitions. */
  n: number;
  /** Unmeasured repetitions first. */
  warmup: number;
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Nearest-rank percentile of a sample (p in 0..100). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function round(x: number, digits = 2): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Runs `fn` warmup + n times, one after another; returns the n measured durations (ms). */
export async function timeRuns(reps: Reps, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < reps.warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < reps.n; i++) {
    const t0 = now();
    await fn();
    out.push(now() - t0);
  }
  return out;
}

/**
 * Runs several measured functions interleaved (a, b, c, a, b, c, …) so that drift on a busy machine
 * (other processes, GC, CPU frequency) hits every contender alike.
 */
export async function timeInterleaved(reps: Reps, fns: Record<string, () => Promise<unknown>>): Promise<Record<string, number[]>> {
  const names = Object.keys(fns);
  for (let i = 0; i < reps.warmup; i++) for (const n of names) await fns[n]();
  const out: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < reps.n; i++) {
    for (const n of names) {
      const t0 = now();
      await fns[n]();
      out[n].push(now() - t0);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Child processes: every one we start is recorded and ended by its PID, never by name.

const children = new Set<ChildProcess>();

export function startChild(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], ...options });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Ends one child we started (SIGTERM, then SIGKILL after a grace period). */
export async function stopChild(child: ChildProcess, graceMs = 2_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    if (child.pid) process.kill(child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export function stopAllChildren(): void {
  for (const c of children) {
    try {
      if (c.pid && c.exitCode === null) process.kill(c.pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
}

/** Runs a command to completion (bounded by timeoutMs); returns exit code, stdout and stderr. */
export function runToEnd(
  command: string,
  args: string[],
  options: SpawnOptions & { timeoutMs?: number; input?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { timeoutMs = 120_000, input, ...spawnOptions } = options;
    const child = startChild(command, args, spawnOptions);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => void stopChild(child, 500), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

/**
 * The longest event-loop delay (ms) seen while this process does nothing for `ms`: the floor for a
 * stall figure on a shared machine, where being scheduled late shows up as a stall too.
 */
export async function idleEventLoopDelay(ms: number, resolution = 1): Promise<number> {
  const { monitorEventLoopDelay } = await import('node:perf_hooks');
  const h = monitorEventLoopDelay({ resolution });
  h.enable();
  await new Promise((resolve) => setTimeout(resolve, ms));
  h.disable();
  return h.max / 1e6;
}

/** Node with tsx's loader, for TypeScript children. */
export function tsxNodeArgs(script: string, extra: string[] = []): string[] {
  return ['--import', 'tsx', ...extra, script];
}

export function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// Output

export function table(rows: Array<Array<string | number>>, header: string[]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => String(c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}
