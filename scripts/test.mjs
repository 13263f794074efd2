// Runs the project's test suites in order and prints each suite's count and time.
// Usage: node scripts/test.mjs [unit] [...more suites later]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir, suffix, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, suffix, out);
    else if (name.endsWith(suffix)) out.push(p);
  }
  return out.sort();
}

const suites = {
  unit: () => {
    const files = find('test', '.test.ts').filter((f) => !f.startsWith(join('test', 'vscode')));
    return spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
      stdio: 'inherit',
      env: process.env,
    }).status;
  },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const order = wanted.length ? wanted : Object.keys(suites);
const summary = [];
let failed = false;
for (const name of order) {
  const run = suites[name];
  if (!run) {
    console.error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  const started = Date.now();
  const status = run();
  summary.push(`${name}: ${status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (status !== 0) failed = true;
}
console.log(`\nSuites:\n  ${summary.join('\n  ')}`);
process.exit(failed ? 1 : 0);
