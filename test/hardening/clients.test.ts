/**
 * Independent clients against the built `posthog-mcp` (dist/cli.js) and the stand-in:
 * - the protocol's own conformance suite over Streamable HTTP, with a committed baseline of
 *   expected failures (conformance-baseline.yml). The suite cannot send an Authorization header,
 *   so a loopback proxy in this test adds it; the server is not weakened.
 * - the MCP Inspector's CLI (a third-party client) over stdio and over HTTP with the token.
 *
 * The conformance suite's own output goes to a file (its "Total:" line is not this project's test
 * count); the test reads that file and reports where it is.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandin, type Standin } from '../standin/server';
import { CLI, ROOT, startAuthProxy, startHttpCli, type AuthProxy, type HttpCli } from './helpers';

const CONFORMANCE = join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const INSPECTOR = join(ROOT, 'node_modules', '@modelcontextprotocol', 'inspector', 'clients', 'launcher', 'build', 'index.js');
const BASELINE = join(__dirname, 'conformance-baseline.yml');

/** Scenarios that apply to any MCP server: they must pass, not merely be absent from the baseline. */
const MUST_PASS = [
  'server-initialize',
  'ping',
  'tools-list',
  'tools-call-error',
  'server-sse-multiple-streams',
  'dns-rebinding-protection',
];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node <args>` without blocking this process's event loop (the stand-in and proxy live here). */
function runNode(args: string[], opts: { env?: Record<string, string>; timeoutMs: number }): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      env: opts.env ?? (process.env as Record<string, string>),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** Scenario → passed, from the suite's SUMMARY block ("✓ ping: 1 passed, 0 failed"). */
function summary(output: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  const block = output.slice(output.indexOf('=== SUMMARY ==='));
  for (const m of block.matchAll(/^([✓✗]) ([a-z0-9-]+): \d+ passed, \d+ failed/gm)) out.set(m[2], m[1] === '✓');
  return out;
}

function baselineNames(): string[] {
  return readFileSync(BASELINE, 'utf8')
    .split('\n')
    .map((l) => /^\s*-\s*([a-z0-9-]+)\s*$/.exec(l)?.[1])
    .filter((x): x is string => !!x);
}

describe('independent clients against dist/cli.js', () => {
  let s: Standin;
  let cli: HttpCli;
  let proxy: AuthProxy;
  let outDir: string;

  before(async () => {
    assert.ok(existsSync(CLI), `${CLI} exists (npm test builds it; or set HARDENING_CLI)`);
    s = await startStandin();
    cli = await startHttpCli({ POSTHOG_API_KEY: s.key, POSTHOG_HOST: s.url });
    proxy = await startAuthProxy(cli);
    outDir = join(tmpdir(), 'posthog-hardening');
    mkdirSync(outDir, { recursive: true });
  });
  after(async () => {
    await proxy?.close();
    await cli?.stop();
    await s?.close();
  });

  describe('MCP conformance suite (0.1.13) over Streamable HTTP', () => {
    it('fails exactly its baseline; every scenario that applies to any server passes', async (t) => {
      const results = mkdtempSync(join(outDir, 'conformance-'));
      const run = await runNode([CONFORMANCE, 'server', '--url', proxy.url, '--expected-failures', BASELINE, '-o', results], {
        timeoutMs: 240_000,
      });
      const logFile = join(outDir, 'conformance.log');
      writeFileSync(logFile, `exit ${run.code} in ${run.ms} ms\n\n${run.stdout}\n--- stderr ---\n${run.stderr}`);
      const scenarios = summary(run.stdout);
      const failing = [...scenarios]
        .filter(([, ok]) => !ok)
        .map(([name]) => name)
        .sort();
      const passing = [...scenarios].filter(([, ok]) => ok).map(([name]) => name);
      t.diagnostic(
        `conformance suite output in ${logFile}: ${passing.length} scenarios green, ${failing.length} red (baseline lists ${baselineNames().length}), ${run.ms} ms`,
      );

      assert.equal(scenarios.size, 30, `the active suite's 30 scenarios ran (see ${logFile})`);
      for (const name of MUST_PASS) assert.equal(scenarios.get(name), true, `${name} passes (see ${logFile})`);
      assert.deepEqual(failing, [...baselineNames()].sort(), `the failing scenarios are exactly the baseline (see ${logFile})`);
      assert.match(run.stdout, /Baseline check passed: all failures are expected/);
      assert.equal(run.code, 0, `the suite's exit code follows the baseline (see ${logFile})`);
      assert.ok(proxy.forwarded > 30, 'the suite went through the proxy');
      rmSync(results, { recursive: true, force: true });
    });

    it('without the token-adding proxy it cannot even initialize: the server is not weakened for it', async () => {
      const run = await runNode([CONFORMANCE, 'server', '--url', cli.url, '--scenario', 'server-initialize'], { timeoutMs: 60_000 });
      assert.match(run.stdout, /\[server-initialize\] .*FAILURE/, run.stdout.slice(-2000));
      assert.match(run.stdout, /Unauthorized: send \\"Authorization: Bearer <token>\\"/);
      assert.notEqual(run.code, 0);
    });
  });

  describe('MCP Inspector CLI (2.12.0)', () => {
    let home: string;
    const inspector = (args: string[]) =>
      runNode([INSPECTOR, '--cli', ...args, '--format', 'json'], {
        env: { ...(process.env as Record<string, string>), HOME: home, MCP_CATALOG_PATH: join(home, 'catalog.json') },
        timeoutMs: 60_000,
      });
    const stdioTarget = () => [process.execPath, CLI, '-e', `POSTHOG_API_KEY=${s.key}`, '-e', `POSTHOG_HOST=${s.url}`];
    const json = (r: Run) => JSON.parse(r.stdout.trim().split('\n').filter(Boolean).at(-1) ?? r.stderr.trim().split('\n').at(-1) ?? '{}');

    before(() => {
      home = mkdtempSync(join(tmpdir(), 'inspector-home-')); // it keeps state under ~/.mcp-inspector
    });
    after(() => rmSync(home, { recursive: true, force: true }));

    it('stdio: lists the 71 tools and calls one; an isError result exits 5 with the message', async () => {
      const list = await inspector([...stdioTarget(), '--method', 'tools/list']);
      assert.equal(list.code, 0, list.stderr);
      assert.equal(json(list).result.tools.length, 71);

      const call = await inspector([
        ...stdioTarget(),
        '--method',
        'tools/call',
        '--tool-name',
        'get_dashboard',
        '--tool-arg',
        'dashboard_id=1',
      ]);
      assert.equal(call.code, 0, call.stderr);
      const dashboard = JSON.parse(json(call).result.content[0].text);
      assert.equal(dashboard.id, 1);
      assert.equal(dashboard.name, s.state.table(1, 'dashboards').get(1)?.name);

      const missing = await inspector([
        ...stdioTarget(),
        '--method',
        'tools/call',
        '--tool-name',
        'get_dashboard',
        '--tool-arg',
        'dashboard_id=987654',
      ]);
      assert.equal(missing.code, 5, 'the Inspector exits 5 for a tool result with isError');
      assert.match(missing.stdout, /dashboard 987654 was not found/);
    });

    it('stdio: --strict finds no error-severity schema portability problem in any tool', async () => {
      const strict = await inspector([...stdioTarget(), '--method', 'tools/list', '--strict']);
      assert.equal(strict.code, 0, `exit 6 means an error-severity problem:\n${strict.stderr.slice(0, 3000)}`);
      assert.doesNotMatch(strict.stderr, /^Error: tool/m);
    });

    it('HTTP: works with the bearer header; without it the server asks for auth (exit 3); an unknown tool exits 5', async () => {
      const auth = ['--header', `Authorization: Bearer ${cli.token}`];
      const call = await inspector([
        cli.url,
        ...auth,
        '--method',
        'tools/call',
        '--tool-name',
        'list_feature_flags',
        '--tool-arg',
        'limit=2',
      ]);
      assert.equal(call.code, 0, call.stderr);
      const page = JSON.parse(json(call).result.content[0].text);
      assert.equal(page.rows.length, 2, 'a table of two flags');
      assert.deepEqual(page.columns.slice(0, 2), ['id', 'key']);
      assert.equal(page.next_offset, 2, 'and where the next page starts');

      const noAuth = await inspector([cli.url, '--method', 'tools/list']);
      assert.equal(noAuth.code, 3, `no token: auth required (${noAuth.stdout}${noAuth.stderr})`);

      const unknown = await inspector([cli.url, ...auth, '--method', 'tools/call', '--tool-name', 'drop_database']);
      assert.equal(unknown.code, 5);
    });
  });
});
