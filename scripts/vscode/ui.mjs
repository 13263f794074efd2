#!/usr/bin/env node
// The Playwright UI suite: packages the extension (`npm run package`, the .vsix named by
// package.json's package script), then runs mocha over test/vscode/ui/*.test.ts under tsx. The tests
// install that .vsix into a fresh code-server, start the stand-in and drive the workbench in
// headless Debian Chromium; screenshots go to screenshots/ (git-ignored).
// Usage: node scripts/vscode/ui.mjs [--grep <text>] [--results <file>] [--no-package]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ROOT, checkHarness, vsixPath } from './codeServer.mjs';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const started = Date.now();

function writeResults(counts) {
  const file = opt('results');
  if (file) writeFileSync(file, JSON.stringify(counts));
}

async function main() {
  checkHarness();
  const vsix = vsixPath();
  if (!argv.includes('--no-package')) {
    console.log(`ui: npm run package -> ${path.relative(ROOT, vsix)}`);
    const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
    if (pack.status !== 0) {
      console.error('ui: npm run package failed');
      return 1;
    }
  }
  if (!existsSync(vsix)) {
    console.error(`ui: ${vsix} is missing`);
    return 1;
  }
  const dir = path.join(ROOT, 'test', 'vscode', 'ui');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => path.join(dir, f));
  const args = [
    '--import',
    'tsx',
    path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--ui',
    'bdd',
    '--reporter',
    'spec',
    '--timeout',
    '120000',
    '--exit',
    ...(opt('grep') ? ['--grep', opt('grep')] : []),
    ...files,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, POSTHOG_VSIX: vsix },
  });
  let text = '';
  child.stdout.on('data', (d) => {
    process.stdout.write(d);
    text += d;
  });
  const forward = (sig) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const status = await new Promise((r) => child.on('close', (code, signal) => r(code ?? (signal ? 1 : 0))));
  // mocha's spec reporter closes with "N passing (time)", "N pending", "N failing".
  const plain = stripVTControlCharacters(text);
  const n = (word) => Number(plain.match(new RegExp(`^\\s*(\\d+) ${word}\\b`, 'm'))?.[1] ?? 0);
  const counts = { passed: n('passing'), failed: n('failing'), skipped: n('pending') };
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`ui: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${secs} s; screenshots in screenshots/)`);
  writeResults(counts);
  return status !== 0 || counts.failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  },
);
