#!/usr/bin/env node
// A stand-in for a desktop VS Code executable, for @vscode/test-electron's
// runTests({ vscodeExecutablePath: 'scripts/vscode/launcher.mjs', ... }) on a machine without one.
//
// It takes the desktop flags runTests passes (--extensionDevelopmentPath, --extensionTestsPath,
// --user-data-dir, --extensions-dir, an optional folder; everything else is ignored), starts
// code-server (VS Code 1.139) on a free 127.0.0.1 port with the smoke-test driver on, opens the test
// payload URL in headless Debian Chromium, prints the extension host's log as it arrives
// (window.codeAutomationLog), and exits with the code the workbench reports when the tests end
// (window.codeAutomationExit). It always stops the code-server and the browser it started.
//
// Environment: VSCODE_LAUNCHER_TIMEOUT (seconds, default 600), VSCODE_LAUNCHER_VERBOSE=1 (also print
// code-server's own output and the page's console errors), CHROMIUM_PATH (default /usr/bin/chromium).
import path from 'node:path';
import { format } from 'node:util';
import { watchParent, launchChromium, remoteUri, removeDir, startCodeServer, tempDir, workbenchUrl } from './codeServer.mjs';

const started = Date.now();
const verbose = process.env.VSCODE_LAUNCHER_VERBOSE === '1';
const timeoutS = Number(process.env.VSCODE_LAUNCHER_TIMEOUT ?? 600);
const say = (msg) => process.stderr.write(`[launcher] ${msg}\n`);

/** Desktop VS Code flags: --name=value, --name value, bare flags and positional paths. */
export function parseArgs(argv) {
  const wanted = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir']);
  const out = {
    extensionDevelopmentPath: [],
    extensionTestsPath: undefined,
    userDataDir: undefined,
    extensionsDir: undefined,
    folder: undefined,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.folder ??= path.resolve(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (!wanted.has(name)) continue; // --no-sandbox, --disable-gpu-sandbox, --skip-welcome, ...
    let value = eq < 0 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined) throw new Error(`${a} needs a value`);
    value = path.resolve(value);
    if (name === 'extensionDevelopmentPath') out.extensionDevelopmentPath.push(value);
    else if (name === 'extensionTestsPath') out.extensionTestsPath = value;
    else if (name === 'user-data-dir') out.userDataDir = value;
    else out.extensionsDir = value;
  }
  return out;
}

// The workbench's own log lines arrive through the same channel as the extension host's console:
// these are dropped unless VSCODE_LAUNCHER_VERBOSE=1.
const WORKBENCH_CHATTER = [
  /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|Service Worker|reconnection-grace-time)\]/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^Ignoring fetching additional builtin extensions/,
  /^Timed out waiting for authentication provider/,
  /^No search provider registered for scheme/,
  /^Updating additional builtin extensions cache/,
];

/** The workbench sends console arguments as a JSON array: print them as console.log would. */
export function formatLog(message) {
  let parts = message;
  if (typeof message === 'string') {
    try {
      parts = JSON.parse(message);
    } catch {
      return message;
    }
  }
  if (!Array.isArray(parts)) return typeof parts === 'string' ? parts : JSON.stringify(parts);
  return format(...parts); // console.log's own formatting: mocha's reporters pass '%s' templates
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionTestsPath) {
    say(
      'usage: launcher.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [--user-data-dir=<dir>] [--extensions-dir=<dir>] [folder]',
    );
    return 2;
  }
  const home = tempDir('posthog-launcher-');
  const userDataDir = args.userDataDir ?? path.join(home, 'user-data');
  const extensionsDir = args.extensionsDir ?? path.join(home, 'extensions');

  let server;
  let browser;
  let finished = false;
  const cleanup = async () => {
    if (finished) return;
    finished = true;
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    removeDir(home);
  };
  const onSignal = (sig) => {
    say(`${sig}: stopping code-server and Chromium`);
    void cleanup().then(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  // The test runner that started us died: do not leave code-server and Chromium behind.
  watchParent(() => onSignal('parent exited'));

  try {
    server = await startCodeServer({
      userDataDir,
      extensionsDir,
      home: path.join(home, 'cs'),
      smokeTestDriver: true,
      log: verbose ? (l) => process.stderr.write(`[code-server] ${l}\n`) : undefined,
    });
    say(`code-server pid ${server.pid} on ${server.url} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });

    let resolveExit;
    let failRun;
    const exitCode = new Promise((res, rej) => {
      resolveExit = res;
      failRun = rej;
    });
    await page.exposeFunction('codeAutomationLog', (type, message) => {
      const text = formatLog(message);
      if (!verbose && WORKBENCH_CHATTER.some((re) => re.test(text))) return;
      (type === 'error' ? process.stderr : process.stdout).write(text.endsWith('\n') ? text : `${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
    page.on('pageerror', (e) => verbose && say(`page error: ${e.message}`));
    page.on('console', (m) => verbose && m.type() === 'error' && say(`page console: ${m.text()}`));
    page.on('crash', () => failRun(new Error('the workbench page crashed')));
    browser.on('disconnected', () => failRun(new Error('Chromium exited')));
    server.exited.then(({ code, signal }) => failRun(new Error(`code-server exited (${code ?? signal}) before the tests ended`)));

    const payload = [
      ...args.extensionDevelopmentPath.map((p) => ['extensionDevelopmentPath', remoteUri(server.host, p)]),
      ['extensionTestsPath', remoteUri(server.host, args.extensionTestsPath)],
    ];
    await page.goto(workbenchUrl(server, { folder: args.folder, payload }));
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the tests did not end within ${timeoutS} s (VSCODE_LAUNCHER_TIMEOUT)`)), timeoutS * 1000);
    });
    const code = await Promise.race([exitCode, timeout]).finally(() => clearTimeout(timer));
    say(`tests ended with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } catch (e) {
    say(`FAILED: ${e instanceof Error ? e.message : String(e)}`);
    if (server && !verbose) say(`last code-server output:\n${server.output.slice(-30).join('\n')}`);
    return 1;
  } finally {
    await cleanup();
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('launcher.mjs')) {
  main().then(
    (code) => process.exit(code),
    (e) => {
      say(String(e?.stack ?? e));
      process.exit(1);
    },
  );
}
