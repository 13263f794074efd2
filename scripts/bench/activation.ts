/**
 * 3. Activation of the bundled extension (fresh process each time, `vscode` replaced by a minimal
 *    stand-in), and bundle sizes: dist/extension.js, dist/cli.js and the packaged .vsix.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import type { Standin } from '../../test/standin/server';
import { ROOT, type Reps, median, percentile, round, runToEnd } from './lib';

interface ActivationSample {
  load_ms: number;
  activate_ms: number;
  total_ms: number;
  cpu_ms?: number;
  wait_ms?: number;
  commands: number;
  tree_providers: number;
  mcp_providers: number;
  returned_api: string[];
  unknown: string[];
  /** After activation, on first use: require(dist/core.js), then require(dist/server.js). */
  core_load_ms?: number;
  server_load_ms?: number;
  error?: string;
}

export interface ActivationResult {
  /** Signed in against the stand-in (the daily case): the JSON figure. */
  p50: number;
  p95: number;
  signedOutP50: number;
  loadP50: number;
  activateP50: number;
  /** Main thread on a CPU / waiting for one during load + activate (signed in). */
  cpuP50?: number;
  waitP50?: number;
  /** Not part of activation: loading dist/core.js (first tree fetch, tool call, sign-in check) and dist/server.js (MCP server start). */
  coreLoadP50?: number;
  serverLoadP50?: number;
  last: ActivationSample;
}

async function activateOnce(env: Record<string, string>): Promise<ActivationSample> {
  const r = await runToEnd(process.execPath, [path.join(__dirname, 'activateOnce.cjs'), ROOT], {
    env: { ...process.env, ...env },
    timeoutMs: 30_000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  let sample: ActivationSample;
  try {
    sample = JSON.parse(line) as ActivationSample;
  } catch {
    throw new Error(`activation child gave no result (exit ${r.code}): ${r.stderr.slice(0, 500)}`);
  }
  if (sample.error) throw new Error(`activate() failed: ${sample.error.slice(0, 800)}`);
  return sample;
}

export async function measureActivation(standin: Standin, reps: Reps): Promise<ActivationResult> {
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build first');
  const signedIn = { BENCH_POSTHOG_HOST: standin.url, BENCH_POSTHOG_KEY: standin.key };
  const signedOut = { BENCH_POSTHOG_HOST: '', BENCH_POSTHOG_KEY: '' };
  for (let i = 0; i < reps.warmup; i++) await activateOnce(signedIn);
  const inSamples: ActivationSample[] = [];
  const outSamples: ActivationSample[] = [];
  for (let i = 0; i < reps.n; i++) {
    inSamples.push(await activateOnce(signedIn));
    outSamples.push(await activateOnce(signedOut));
  }
  const total = inSamples.map((s) => s.total_ms);
  return {
    p50: round(median(total), 2),
    p95: round(percentile(total, 95), 2),
    signedOutP50: round(median(outSamples.map((s) => s.total_ms)), 2),
    loadP50: round(median(inSamples.map((s) => s.load_ms)), 2),
    activateP50: round(median(inSamples.map((s) => s.activate_ms)), 2),
    cpuP50: inSamples[0]?.cpu_ms === undefined ? undefined : round(median(inSamples.map((s) => s.cpu_ms ?? 0)), 2),
    waitP50: inSamples[0]?.wait_ms === undefined ? undefined : round(median(inSamples.map((s) => s.wait_ms ?? 0)), 2),
    coreLoadP50: inSamples[0]?.core_load_ms === undefined ? undefined : round(median(inSamples.map((s) => s.core_load_ms ?? 0)), 2),
    serverLoadP50: inSamples[0]?.server_load_ms === undefined ? undefined : round(median(inSamples.map((s) => s.server_load_ms ?? 0)), 2),
    last: inSamples[inSamples.length - 1],
  };
}

export interface BundleResult {
  extension: number | null;
  cli: number | null;
  /** The parts of the extension loaded on demand (absent in a single-bundle build). */
  core: number | null;
  server: number | null;
  vsix: number | null;
  vsixError?: string;
  vsixNote?: string;
}

function size(p: string): number | null {
  return existsSync(p) ? statSync(p).size : null;
}

/** Packages the current tree with vsce into a temp dir (never into the repo) and measures it. */
export async function measureBundles(): Promise<BundleResult> {
  const out: BundleResult = {
    extension: size(path.join(ROOT, 'dist', 'extension.js')),
    cli: size(path.join(ROOT, 'dist', 'cli.js')),
    core: size(path.join(ROOT, 'dist', 'core.js')),
    server: size(path.join(ROOT, 'dist', 'server.js')),
    vsix: null,
  };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'posthog-bench-vsix-'));
  const target = path.join(dir, 'posthog-vscode.vsix');
  try {
    const vsce = path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    // The same options as `npm run package`, with the output in the temp dir.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    const m = /vsce package([^&|;]*)/.exec(pkg.scripts?.package ?? '');
    const own = (m ? m[1].trim().split(/\s+/).filter(Boolean) : ['--no-dependencies', '--allow-missing-repository']).filter(
      (a, i, all) => a !== '--out' && all[i - 1] !== '--out',
    );
    let r = await runToEnd(process.execPath, [vsce, 'package', ...own, '--out', target], { cwd: ROOT, timeoutMs: 120_000 });
    if (size(target) === null) {
      // No repository URL yet: stand-in base URLs for README links (they change no size worth counting).
      out.vsixNote = 'packaged with --baseContentUrl/--baseImagesUrl stand-ins';
      r = await runToEnd(
        process.execPath,
        [vsce, 'package', ...own, '--baseContentUrl', 'https://localhost/', '--baseImagesUrl', 'https://localhost/', '--out', target],
        {
          cwd: ROOT,
          timeoutMs: 120_000,
        },
      );
    }
    out.vsix = size(target);
    if (out.vsix === null)
      out.vsixError = stripVTControlCharacters(r.stderr || r.stdout)
        .trim()
        .split('\n')
        .slice(-3)
        .join(' ')
        .slice(0, 300);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
