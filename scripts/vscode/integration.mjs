#!/usr/bin/env node
// The extension-host integration suite: bundles test/vscode/integration/ with esbuild (the stand-in
// and the tool catalog included; vscode and mocha external) and runs it with @vscode/test-electron's
// runTests in a real VS Code:
//   - VSCODE_EXECUTABLE set: that desktop VS Code (or any executable taking VS Code's flags);
//   - otherwise scripts/vscode/launcher.mjs: code-server from .harness/ plus headless Chromium.
// Each run gets a fresh user-data dir, extensions dir and workspace folder in a temp dir.
// Usage: node scripts/vscode/integration.mjs [--grep <text>] [--results <file>] [--keep]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { ROOT, checkHarness, removeDir, tempDir } from './codeServer.mjs';

const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
};
const started = Date.now();
const OUT = path.join(ROOT, 'out', 'vscode-tests', 'integration');
const SRC = path.join(ROOT, 'test', 'vscode', 'integration');

export async function bundle() {
  const { readdirSync } = await import('node:fs');
  const tests = readdirSync(SRC)
    .filter((f) => f.endsWith('.test.ts'))
    .sort();
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    logLevel: 'warning',
    external: ['vscode', 'mocha'],
    mainFields: ['module', 'main'],
  };
  await Promise.all([
    build({ ...common, entryPoints: [path.join(SRC, 'index.ts')], outfile: path.join(OUT, 'index.js') }),
    build({
      ...common,
      stdin: { contents: tests.map((f) => `import './${f}';`).join('\n'), resolveDir: SRC, sourcefile: 'tests.ts', loader: 'ts' },
      outfile: path.join(OUT, 'tests.js'),
    }),
  ]);
  return tests;
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
    console.error('dist/extension.js is missing: run `npm run build` first');
    return 1;
  }
  const desktop = process.env.VSCODE_EXECUTABLE;
  if (!desktop) checkHarness();
  const tests = await bundle();

  const tmp = tempDir('posthog-integration-');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'workspace');
  const results = opt('results') ?? path.join(tmp, 'results.json');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(path.join(workspace, 'README.md'), '# integration test workspace\n');

  console.log(`integration: ${tests.join(', ')} in ${desktop ? `VS Code at ${desktop}` : 'code-server (scripts/vscode/launcher.mjs)'}`);
  let code = 0;
  try {
    await runTests({
      vscodeExecutablePath: desktop || path.join(ROOT, 'scripts', 'vscode', 'launcher.mjs'),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      launchArgs: [workspace, `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, '--disable-extensions'],
      extensionTestsEnv: {
        POSTHOG_VSCODE_RESULTS: results,
        POSTHOG_VSCODE_USER_DATA_DIR: userDataDir,
        ...(opt('grep') ? { POSTHOG_VSCODE_GREP: opt('grep') } : {}),
      },
    });
  } catch (e) {
    code = typeof e?.code === 'number' && e.code !== 0 ? e.code : 1;
  }
  let counts;
  try {
    counts = JSON.parse(readFileSync(results, 'utf8'));
  } catch {
    counts = undefined;
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (counts) {
    console.log(`integration: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${secs} s)`);
    if (counts.failed > 0) code ||= 1;
  } else {
    console.log(`integration: the suite did not report (exit ${code}, ${secs} s)`);
    code ||= 1;
  }
  if (argv.includes('--keep') || code !== 0) console.log(`integration: user data and logs kept in ${tmp}`);
  else removeDir(tmp);
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  },
);
