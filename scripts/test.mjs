// Runs the project's test suites in order and prints each suite's count and time; a failure in any
// suite fails the run (exit 1). The last line is the total: "Total: N passed, N failed".
// Usage: node scripts/test.mjs [unit] [integration] [ui]     (default: all three, in that order)
//   unit         node's test runner over test/**/*.test.ts (not test/vscode/ or test/corpus/), against the stand-in
//   integration  the extension inside a real VS Code (code-server + headless Chromium, see
//                scripts/vscode/integration.mjs; VSCODE_EXECUTABLE runs it in a desktop VS Code)
//   ui           Playwright drives the packaged .vsix in code-server (scripts/vscode/ui.mjs)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

function find(dir, suffix, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, suffix, out);
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

/** Runs a command with stdout/stderr passed through; resolves with its exit status and stdout text. */
function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], env: process.env });
    let text = '';
    if (capture) {
      child.stdout.on('data', (d) => {
        process.stdout.write(d);
        text += d;
        if (text.length > 2_000_000) text = text.slice(-1_000_000);
      });
    }
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ status: code ?? (signal ? 1 : 0), text });
    });
    child.on('error', (e) => {
      console.error(`${cmd}: ${e.message}`);
      resolve({ status: 1, text });
    });
  });
}

const tmp = mkdtempSync(join(os.tmpdir(), 'posthog-test-results-'));
const readCounts = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
};

const suites = {
  async unit() {
    // test/corpus holds other projects' code for the scanner to read (some of it their own
    // *.test.ts files), never to run.
    const files = find('test', '.test.ts').filter((f) => !f.startsWith(join('test', 'vscode')) && !f.startsWith(join('test', 'corpus')));
    const { status, text } = await run(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
      { capture: true },
    );
    // node's spec reporter closes with "ℹ pass N", "ℹ fail N", "ℹ skipped N", "ℹ todo N", "ℹ cancelled N".
    const plain = stripVTControlCharacters(text);
    const n = (word) => Number(plain.match(new RegExp(`^\\S+ ${word} (\\d+)\\s*$`, 'm'))?.[1] ?? NaN);
    const counts = Number.isNaN(n('pass'))
      ? undefined
      : { passed: n('pass'), failed: n('fail') + (n('cancelled') || 0), skipped: (n('skipped') || 0) + (n('todo') || 0) };
    return { status, counts };
  },
  async integration() {
    const file = join(tmp, 'integration.json');
    const { status } = await run(process.execPath, ['scripts/vscode/integration.mjs', '--results', file]);
    return { status, counts: readCounts(file) };
  },
  async ui() {
    const file = join(tmp, 'ui.json');
    const { status } = await run(process.execPath, ['scripts/vscode/ui.mjs', '--results', file]);
    return { status, counts: readCounts(file) };
  },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const order = wanted.length ? wanted : Object.keys(suites);
for (const name of order) {
  if (!suites[name]) {
    console.error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
}

const summary = [];
const total = { passed: 0, failed: 0, skipped: 0 };
let failed = false;
for (const name of order) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { status, counts } = await suites[name]();
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  // A suite passes only if it exited 0, reported its counts, ran at least one test and failed none.
  const ok = status === 0 && counts && counts.failed === 0 && counts.passed > 0;
  if (!ok) failed = true;
  if (counts) {
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped ?? 0;
  } else {
    total.failed += 1; // a suite that could not report counts as one failure
  }
  const what = counts ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped ?? 0} skipped` : 'no test count reported';
  summary.push(`${name.padEnd(12)} ${ok ? 'ok    ' : 'FAILED'} ${what} in ${secs} s${status !== 0 ? ` (exit ${status})` : ''}`);
}
rmSync(tmp, { recursive: true, force: true });
console.log(`\nSuites:\n  ${summary.join('\n  ')}`);
console.log(`Total: ${total.passed} passed, ${total.failed} failed`);
process.exit(failed ? 1 : 0);
