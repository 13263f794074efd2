// `npm run demo`: the whole product in a real VS Code without a PostHog account.
// Starts the local PostHog stand-in with its demo data, packages the extension (`npm run package`),
// installs the .vsix into a fresh code-server (from .harness/, see scripts/setup.sh) together with a
// tiny helper that signs each new browser session in to the stand-in, and prints the URL to open.
// Everything listens on 127.0.0.1. Ctrl+C stops the stand-in and code-server.
// Run under tsx (the stand-in is TypeScript): node --import tsx scripts/vscode/demo.mjs [--port N] [--no-package]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  ROOT,
  checkHarness,
  installExtension,
  removeDir,
  startCodeServer,
  tempDir,
  vsixPath,
  watchParent,
  workbenchUrl,
} from './codeServer.mjs';

const argv = process.argv.slice(2);
const portArg = Number(argv[argv.indexOf('--port') + 1] || process.env.PORT || 0) || undefined;
const say = (m) => console.log(`[demo] ${m}`);

async function main() {
  checkHarness({ browser: false });
  const vsix = vsixPath();
  if (!argv.includes('--no-package') || !existsSync(vsix)) {
    say('npm run package');
    const r = spawnSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm run package failed');
  }

  const { startStandin } = await import('../../test/standin/server.ts');
  const standin = await startStandin({ seed: 'demo' });
  say(`PostHog stand-in with demo data on ${standin.url}`);

  const tmp = tempDir('posthog-demo-');
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  const workspace = path.join(tmp, 'posthog-demo');
  mkdirSync(workspace, { recursive: true });
  writeFileSync(
    path.join(workspace, 'README.md'),
    [
      '# PostHog for VS Code: demo',
      '',
      `This VS Code is signed in to a local PostHog stand-in (${standin.url}) with demo data.`,
      'Open the PostHog view in the activity bar: dashboards, feature flags and MCP installations.',
      'Run "MCP: List Servers" to start the PostHog MCP server, or try the "PostHog:" commands.',
      '',
    ].join('\n'),
  );

  say(`installing ${path.relative(ROOT, vsix)} into code-server`);
  await installExtension(vsix, { extensionsDir, userDataDir });
  const helperDir = path.join(tmp, 'demo-extension');
  cpSync(path.join(ROOT, 'scripts', 'vscode', 'demo-extension'), helperDir, { recursive: true });
  const helperVsix = path.join(tmp, 'posthog-demo-sign-in.vsix');
  const pack = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--no-dependencies',
      '--allow-missing-repository',
      '--skip-license',
      '--out',
      helperVsix,
    ],
    { cwd: helperDir, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (pack.status !== 0) throw new Error('could not package the demo sign-in helper');
  await installExtension(helperVsix, { extensionsDir, userDataDir });

  const server = await startCodeServer({
    userDataDir,
    extensionsDir,
    home: path.join(tmp, 'home'),
    port: portArg,
    settings: { 'posthog.host': standin.url, 'posthog.projectId': standin.projectId },
    env: { POSTHOG_DEMO_HOST: standin.url, POSTHOG_DEMO_KEY: standin.key, POSTHOG_DEMO_PROJECT: String(standin.projectId) },
  });
  const url = workbenchUrl(server, { folder: workspace });
  console.log('');
  console.log(`  Open ${url}`);
  console.log('');
  console.log(`  PostHog stand-in: ${standin.url}  (personal API key ${standin.key})`);
  console.log('  Press Ctrl+C to stop.');
  console.log('');

  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('stopping code-server and the stand-in');
    await server.stop().catch(() => undefined);
    await standin.close().catch(() => undefined);
    removeDir(tmp);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGHUP', () => void stop(0));
  // `npm run demo` killed without Ctrl+C (npm does not always pass SIGTERM on): stop anyway.
  watchParent(() => void stop(0));
  server.exited.then(({ code }) => {
    if (!stopping) {
      say(`code-server exited (${code}); its last output:\n${server.output.slice(-20).join('\n')}`);
      void stop(1);
    }
  });
}

main().catch((e) => {
  console.error(`[demo] ${e?.message ?? e}`);
  process.exit(1);
});
