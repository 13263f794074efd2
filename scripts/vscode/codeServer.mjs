// The real-VS Code harness: code-server (VS Code 1.139 from npm, run by Node 24 from npm, both in
// the git-ignored .harness/ that scripts/setup.sh fills) plus Debian's Chromium driven by
// playwright-core. Used by the launcher (integration tests), the UI suite and `npm run demo`.
//
// Everything listens on 127.0.0.1 only. Every process started here is ended here, by its PID
// (code-server runs in its own process group, so its extension host and the MCP servers the
// extension starts end with it).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const HARNESS = path.join(ROOT, '.harness');
export const NODE24 = path.join(HARNESS, 'node', 'bin', 'node');
export const CODE_SERVER = path.join(HARNESS, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Chromium flags for a closed network: no background connections, no sandbox (CI runs as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** User settings that keep VS Code from reaching outside hosts. */
export const QUIET_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  // 1.139 opens the Chat view in the secondary side bar of a fresh profile: keep screenshots on the extension.
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/** Throws a message saying what to run when the harness is not installed. */
export function checkHarness({ browser = true } = {}) {
  const missing = [];
  if (!existsSync(NODE24)) missing.push(`Node 24 (${path.relative(ROOT, NODE24)})`);
  if (!existsSync(CODE_SERVER)) missing.push(`code-server (${path.relative(ROOT, CODE_SERVER)})`);
  if (browser && !existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM}; Debian package 'chromium', or set CHROMIUM_PATH)`);
  if (missing.length) {
    throw new Error(
      `the real-VS Code harness is missing: ${missing.join(', ')}.\n` +
        `Run 'bash scripts/setup.sh' (as root it also installs Debian's chromium and libkrb5-dev).`,
    );
  }
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix = 'posthog-vscode-') {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Merges settings into <userDataDir>/User/settings.json (plain JSON; a file with comments is replaced). */
export function writeUserSettings(userDataDir, settings) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  mkdirSync(path.dirname(file), { recursive: true });
  let current;
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    current = {};
  }
  writeFileSync(file, JSON.stringify({ ...current, ...settings }, null, 2));
  return file;
}

/** The environment for code-server: no VS Code variables of an outer VS Code, no gallery, XDG dirs in `home`. */
function codeServerEnv(home, extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if ((key.startsWith('VSCODE_') && key !== 'VSCODE_EXECUTABLE') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return {
    ...env,
    PATH: `${path.dirname(NODE24)}${path.delimiter}${env.PATH ?? ''}`,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    XDG_STATE_HOME: path.join(home, 'state'),
    EXTENSIONS_GALLERY: '{}',
    CS_DISABLE_GETTING_STARTED_OVERRIDE: '1',
    ...extra,
  };
}

function runNode24(args, env, { timeoutMs = 120_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${out}`));
    });
  });
}

/** `code-server --install-extension <vsix>` into extensionsDir. */
export async function installExtension(vsix, { extensionsDir, userDataDir, home }) {
  checkHarness({ browser: false });
  const dir = home ?? tempDir('posthog-cs-install-');
  try {
    const out = await runNode24(
      [CODE_SERVER, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--force', '--install-extension', vsix],
      codeServerEnv(dir),
    );
    return out.trim();
  } finally {
    if (!home) removeDir(dir);
  }
}

/**
 * Starts code-server on a free loopback port and waits for /healthz.
 * @param {object} o
 * @param {string} o.userDataDir
 * @param {string} o.extensionsDir
 * @param {string} [o.home] temp dir for XDG dirs and the config file (made when missing)
 * @param {boolean} [o.smokeTestDriver] pass --vscode-option enable-smoke-test-driver (honours ?payload=)
 * @param {Record<string, unknown>} [o.settings] user settings merged over QUIET_SETTINGS
 * @param {Record<string, string>} [o.env] extra environment (reaches the extension host)
 * @param {string[]} [o.extraArgs]
 * @param {(line: string) => void} [o.log] receives code-server's output lines
 */
export async function startCodeServer(o) {
  checkHarness({ browser: false });
  const home = o.home ?? tempDir('posthog-cs-');
  const ownHome = !o.home;
  mkdirSync(home, { recursive: true });
  mkdirSync(o.userDataDir, { recursive: true });
  mkdirSync(o.extensionsDir, { recursive: true });
  writeUserSettings(o.userDataDir, { ...QUIET_SETTINGS, ...o.settings });

  let child;
  let port;
  const output = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    port = o.port ?? (await freePort());
    const config = path.join(home, 'code-server.yaml');
    writeFileSync(config, [`bind-addr: 127.0.0.1:${port}`, 'auth: none', 'cert: false', ''].join('\n'));
    const args = [
      CODE_SERVER,
      '--config',
      config,
      '--user-data-dir',
      o.userDataDir,
      '--extensions-dir',
      o.extensionsDir,
      '--disable-workspace-trust',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--reconnection-grace-time',
      '5',
      '--ignore-last-opened',
      ...(o.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
      ...(o.extraArgs ?? []),
    ];
    // detached: its own process group (PGID = its PID), so stop() ends its extension host too.
    child = spawn(NODE24, args, { env: codeServerEnv(home, o.env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const onData = (d) => {
      for (const line of String(d).split('\n')) {
        if (!line.trim()) continue;
        output.push(line);
        if (output.length > 400) output.shift();
        o.log?.(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const healthy = await Promise.race([waitHealthy(port, 60_000), exited.then(() => false)]);
    if (healthy) {
      const url = `http://127.0.0.1:${port}`;
      return {
        url,
        port,
        host: `127.0.0.1:${port}`,
        pid: child.pid,
        home,
        process: child,
        exited,
        output,
        stop: async () => {
          await stopProcessGroup(child);
          if (ownHome) removeDir(home);
        },
      };
    }
    await stopProcessGroup(child);
    const inUse = output.some((l) => l.includes('EADDRINUSE'));
    if (!inUse || o.port) break;
  }
  if (ownHome) removeDir(home);
  throw new Error(`code-server did not start:\n${output.slice(-40).join('\n')}`);
}

async function waitHealthy(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

/** SIGTERM to the process group we started (by its PID), SIGKILL after a grace period. */
export async function stopProcessGroup(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    killGroup(child?.pid, 'SIGKILL'); // leftovers of the group (the extension host) if any
    return;
  }
  const done = new Promise((r) => child.once('exit', r));
  killGroup(child.pid, 'SIGTERM');
  const timer = new Promise((r) => setTimeout(r, graceMs, 'timeout'));
  if ((await Promise.race([done, timer])) === 'timeout') {
    killGroup(child.pid, 'SIGKILL');
    await Promise.race([done, new Promise((r) => setTimeout(r, 1000))]);
  }
  killGroup(child.pid, 'SIGKILL');
}

function killGroup(pid, signal) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Headless Debian Chromium through playwright-core (never a downloaded browser). */
export async function launchChromium({ headless = true } = {}) {
  checkHarness();
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless, args: CHROMIUM_ARGS });
}

/** A vscode-remote:// URI for a path on the code-server machine, as the page at `host` sees it. */
export function remoteUri(host, p) {
  const abs = path.resolve(p).split(path.sep).map(encodeURIComponent).join('/');
  return `vscode-remote://${host}${abs.startsWith('/') ? '' : '/'}${abs}`;
}

/** The workbench URL, optionally opening a folder and carrying the extension test payload. */
export function workbenchUrl(server, { folder, payload } = {}) {
  const q = new URLSearchParams();
  if (folder) q.set('folder', path.resolve(folder));
  else q.set('ew', 'true');
  if (payload) q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q.toString()}`;
}

/** The .vsix that `npm run package` writes: package.json's package script `--out <file>`, or <name>-<version>.vsix. */
export function vsixPath() {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const out = /--out[ =](\S+)/.exec(pkg.scripts?.package ?? '')?.[1];
  return path.resolve(ROOT, out ?? `${pkg.name}-${pkg.version}.vsix`);
}

/** Calls `onGone` once when the process that started this one exits (so an orphan cleans up after itself). */
export function watchParent(onGone, intervalMs = 2000) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    let gone = process.ppid !== parent;
    if (!gone) {
      try {
        process.kill(parent, 0);
      } catch {
        gone = true;
      }
    }
    if (gone) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function removeDir(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // best effort
  }
}
