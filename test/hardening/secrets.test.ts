/**
 * Secrets: a known fake personal API key and `api_key` / `client_secret` tool arguments never
 * appear in anything the product writes:
 * - the CLI's stderr in --verbose mode, over stdio and over HTTP, and every tool result and error
 *   message it returns (successes, 404s, PostHog errors that echo the secret, a secret cut in half
 *   by error clipping, HTML error pages, resets, a rejected key);
 * - what the registry tells its listeners (the extension's output channel logs these);
 * - the shipped files: dist/cli.js, dist/extension.js, every file .vscodeignore lets into the .vsix,
 *   and the .vsix itself when one has been packaged: no test key, no key-shaped string.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { DEMO_KEY, DEMO_PROJECT_TOKEN, READ_ONLY_KEY, startStandin, type Standin } from '../standin/server';
import { templatesTable } from '../standin/routes/mcpStore';
import { parseOutcome, startHarness } from '../helpers/harness';
import { CLI, ROOT, cleanEnv, startHttpCli } from './helpers';

const rand = (n: number) => randomBytes(n).toString('base64url').replace(/[-_]/g, 'x');
/** Made fresh for each run, so nothing in the product could contain them by accident. */
const FAKE_KEY = `phx_${rand(30)}`;
const UNKNOWN_KEY = `phx_${rand(30)}`;
const API_KEY_ARG = `sk_live_${rand(24)}`;
const CLIENT_SECRET_ARG = `cs_${rand(24)}`;
const TEMPLATE_KEY_ARG = `tk_${rand(24)}`;
const SECRETS = { FAKE_KEY, UNKNOWN_KEY, API_KEY_ARG, CLIENT_SECRET_ARG, TEMPLATE_KEY_ARG };

/** Fails if `text` holds a secret, or any 10-character piece of one (a clipped or split secret). */
function assertNoSecret(text: string, where: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    assert.ok(!text.includes(secret), `${where} contains ${name}`);
    for (let i = 0; i + 10 <= secret.length; i++) {
      const piece = secret.slice(i, i + 10);
      assert.ok(
        !text.includes(piece),
        `${where} contains a piece of ${name} ("${piece}") at ${text.indexOf(piece)}: …${text.slice(Math.max(0, text.indexOf(piece) - 60), text.indexOf(piece) + 20)}…`,
      );
    }
  }
}

const INSTALLS = '/mcp_server_installations/install_custom';

/** The tool calls each transport goes through, with PostHog faults in between. Returns every text. */
async function exercise(client: Client, s: Standin): Promise<string[]> {
  const texts: string[] = [];
  const call = async <T = unknown>(name: string, args: Record<string, unknown>) => {
    const out = parseOutcome<T>((await client.callTool({ name, arguments: args })) as never);
    texts.push(out.text);
    return out;
  };
  const apiKeyTemplate = (templatesTable(s.state).all() as Array<{ id: string; auth_type?: string }>).find(
    (t) => t.auth_type === 'api_key',
  );
  assert.ok(apiKeyTemplate, 'the stand-in has an api_key template');

  assert.equal((await call('list_dashboards', { limit: 2 })).isError, false);
  assert.equal((await call('get_dashboard', { dashboard_id: 987_654 })).isError, true);
  const installed = await call('install_custom_mcp_server', {
    name: `Secret test ${rand(4)}`,
    url: `https://mcp-${rand(6).toLowerCase()}.secret-test.dev/mcp`,
    auth_type: 'api_key',
    api_key: API_KEY_ARG,
  });
  assert.equal(installed.isError, false, installed.text);
  const oauth = await call('install_custom_mcp_server', {
    name: `Secret OAuth ${rand(4)}`,
    url: `https://mcp-${rand(6).toLowerCase()}.secret-oauth.dev/mcp`,
    auth_type: 'oauth',
    client_id: 'hardening-client',
    client_secret: CLIENT_SECRET_ARG,
  });
  assert.equal(oauth.isError, false, oauth.text);
  assert.equal((await call('install_mcp_server_template', { template_id: apiKeyTemplate.id, api_key: TEMPLATE_KEY_ARG })).isError, false);
  const list = await call<{ results: Array<{ id: string }> } | undefined>('list_mcp_server_installations', { limit: 100 });
  for (const row of list.data?.results ?? []) await call('get_mcp_server_installation', { installation_id: row.id });

  // PostHog errors that echo the secret: whole, clipped in half by the 500-character detail limit,
  // inside an HTML page's title; a reset after sending; input errors.
  const args = { name: 'Echo', url: 'https://mcp.echo.dev/mcp', auth_type: 'api_key', api_key: API_KEY_ARG };
  const faults = [
    {
      status: 400,
      body: { type: 'validation_error', code: 'invalid', detail: `Could not connect with key ${API_KEY_ARG}.`, attr: 'api_key' },
    },
    {
      status: 400,
      body: {
        type: 'validation_error',
        code: 'invalid',
        detail: `${'Upstream said: '.padEnd(480, '.')}${API_KEY_ARG} was rejected`,
        attr: null,
      },
    },
    { status: 502, body: `<html><head><title>Bad key ${API_KEY_ARG}</title></head></html>`, contentType: 'text/html' },
    { reset: true },
  ];
  for (const f of faults) {
    s.faults.add({ path: INSTALLS, method: 'POST', times: 1, ...f });
    const out = await call('install_custom_mcp_server', args);
    assert.equal(out.isError, true, `fault ${JSON.stringify(f).slice(0, 60)} is an error`);
  }
  s.faults.add({ path: INSTALLS, method: 'POST', times: 1, status: 400, body: { detail: `bad client ${CLIENT_SECRET_ARG}` } });
  assert.equal(
    (
      await call('install_custom_mcp_server', {
        ...args,
        api_key: undefined,
        auth_type: 'oauth',
        client_id: 'c',
        client_secret: CLIENT_SECRET_ARG,
      })
    ).isError,
    true,
  );
  assert.equal(
    (await call('install_custom_mcp_server', { ...args, auth_type: 'oauth' })).isError,
    true,
    'api_key with oauth is an input error',
  );
  assert.equal((await call('install_mcp_server_template', { template_id: 'not-a-uuid', api_key: TEMPLATE_KEY_ARG })).isError, true);
  // PostHog rejects the personal key.
  s.faults.add({
    path: '/dashboards',
    status: 401,
    times: 1,
    body: {
      type: 'authentication_error',
      code: 'authentication_failed',
      detail: 'Personal API key found in request Authorization header is invalid.',
      attr: null,
    },
  });
  assert.equal((await call('list_dashboards', {})).isError, true);
  s.faults.clear();
  return texts;
}

describe('secrets never leak', () => {
  let s: Standin;
  before(async () => {
    s = await startStandin();
    s.state.keys.set(FAKE_KEY, { key: FAKE_KEY, label: 'hardening', userId: 1, scopes: ['*'] });
  });
  after(() => s.close());

  it('posthog-mcp over stdio with --verbose: nothing on stderr and no tool result or error holds a secret', async (t) => {
    if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, '--verbose'],
      env: cleanEnv({ POSTHOG_API_KEY: FAKE_KEY, POSTHOG_HOST: s.url, POSTHOG_TIMEOUT_MS: '3000' }),
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const client = new Client({ name: 'secrets-stdio', version: '1' });
    await client.connect(transport);
    let texts: string[];
    try {
      texts = await exercise(client, s);
    } finally {
      await client.close();
    }
    assert.match(stderr, /install_custom_mcp_server failed/, 'the verbose log did record the calls');
    assert.ok(stderr.split('\n').length > 20);
    assertNoSecret(stderr, 'stderr (stdio, --verbose)');
    texts.forEach((text, i) => assertNoSecret(text, `tool result #${i} (stdio)`));
    // PostHog did receive the secrets: they were sent where they belong, and only there.
    assert.ok(s.requestsTo('/install_custom', 'POST').some((r) => r.body?.api_key === API_KEY_ARG));
    assert.ok(
      s.requests.every((r) => r.auth === undefined || r.auth === 'hardening'),
      'every authenticated request used the configured key',
    );
  });

  it('posthog-mcp --http --verbose: stderr and results hold no secret (the printed token is the only credential shown)', async (t) => {
    if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
    const cli = await startHttpCli({ POSTHOG_API_KEY: FAKE_KEY, POSTHOG_HOST: s.url, POSTHOG_TIMEOUT_MS: '3000' }, ['--verbose']);
    const client = new Client({ name: 'secrets-http', version: '1' });
    let texts: string[];
    try {
      await client.connect(
        new StreamableHTTPClientTransport(new URL(cli.url), { requestInit: { headers: { Authorization: `Bearer ${cli.token}` } } }),
      );
      texts = await exercise(client, s);
      // A request with a wrong token is logged without the token it carried.
      const wrong = `wrong-${rand(20)}`;
      await fetch(cli.url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${wrong}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      await new Promise((r) => setTimeout(r, 100));
      assert.ok(!cli.stderr().includes(wrong), 'a rejected token is not logged');
    } finally {
      await client.close().catch(() => undefined);
      await cli.stop();
    }
    assertNoSecret(cli.stderr(), 'stderr (--http, --verbose)');
    texts.forEach((text, i) => assertNoSecret(text, `tool result #${i} (http)`));
  });

  it('a key PostHog rejects is not repeated in the error or the log', async (t) => {
    if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
    const child = spawn(process.execPath, [CLI, '--verbose'], {
      env: cleanEnv({ POSTHOG_API_KEY: UNKNOWN_KEY, POSTHOG_HOST: s.url }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const answered = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer: ${stdout} ${stderr}`)), 15_000);
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString('utf8');
        if (/"id":2\b/.test(stdout)) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const send = (m: unknown) => child.stdin.write(`${JSON.stringify(m)}\n`);
    send({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } },
    });
    send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_dashboards', arguments: {} } });
    try {
      await answered;
    } finally {
      child.stdin.end();
      await new Promise((r) => child.once('exit', r));
    }
    assert.match(stdout, /rejected the personal API key \(401\)/);
    assertNoSecret(stdout, 'stdout (rejected key)');
    assertNoSecret(stderr, 'stderr (rejected key)');
  });

  it("the registry's listeners (the extension's output channel) never see a secret argument", async () => {
    const h = await startHarness();
    const seen: unknown[] = [];
    const offCall = h.registry.onDidCall((e) => seen.push(e));
    const offChange = h.registry.onDidChange((e) => seen.push(e));
    try {
      const template = (templatesTable(h.standin.state).all() as Array<{ id: string; auth_type?: string }>).find(
        (x) => x.auth_type === 'api_key',
      )!;
      await h.call('install_custom_mcp_server', {
        name: 'Listener',
        url: 'https://mcp.listener.dev/mcp',
        auth_type: 'api_key',
        api_key: API_KEY_ARG,
      });
      await h.call('install_custom_mcp_server', {
        name: 'Listener OAuth',
        url: 'https://mcp.listener.dev/mcp',
        auth_type: 'oauth',
        client_id: 'c',
        client_secret: CLIENT_SECRET_ARG,
      });
      await h.call('install_mcp_server_template', { template_id: template.id, api_key: TEMPLATE_KEY_ARG });
      h.standin.faults.add({ path: INSTALLS, method: 'POST', times: 1, status: 400, body: { detail: `echo ${API_KEY_ARG}` } });
      await h.call('install_custom_mcp_server', {
        name: 'Listener 2',
        url: 'https://mcp.listener.dev/mcp',
        auth_type: 'api_key',
        api_key: API_KEY_ARG,
      });
    } finally {
      offCall();
      offChange();
      await h.close();
    }
    assert.ok(seen.length >= 6, 'the listeners were called');
    const text = JSON.stringify(seen);
    assert.match(text, /\[redacted\]/);
    assertNoSecret(text, 'registry listener events');
  });

  describe('shipped files', () => {
    /** Test credentials of the stand-in, and shapes of real credentials. */
    const TEST_SECRETS = [
      DEMO_KEY,
      READ_ONLY_KEY,
      DEMO_PROJECT_TOKEN,
      'phc_standin_hedgebox_staging_token',
      'phx_standin',
      'fixed-token-for-test',
    ];
    const KEY_SHAPES: Array<[string, RegExp]> = [
      ['PostHog personal API key', /\bphx_[A-Za-z0-9]{20,}/],
      ['PostHog project token', /\bphc_[A-Za-z0-9]{20,}/],
      ['Stripe-style secret key', /\bsk_(live|test)_[A-Za-z0-9]{16,}/],
      ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
      ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36}\b/],
      ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
      ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
    ];

    function scan(text: string, where: string): void {
      for (const secret of TEST_SECRETS) assert.ok(!text.includes(secret), `${where} contains the test secret "${secret}"`);
      for (const [what, re] of KEY_SHAPES) {
        const m = re.exec(text);
        assert.equal(m, null, `${where} contains something shaped like a ${what}: "${m?.[0]}"`);
      }
    }

    /** The files .vscodeignore lets into the .vsix (it denies everything, then allows a list). */
    function vsixAllowList(): string[] {
      const lines = readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'));
      assert.equal(lines[0], '**', '.vscodeignore starts by excluding everything');
      return lines.filter((l) => l.startsWith('!')).map((l) => l.slice(1));
    }

    it('.vscodeignore lets in no sources, tests, stand-in or node_modules', () => {
      for (const f of vsixAllowList()) assert.doesNotMatch(f, /^(src|test|scripts|node_modules|out)\/|\*/, f);
    });

    it('dist bundles and every file the .vsix ships hold no test secret and nothing key-shaped', (t) => {
      const files = [...new Set(['dist/cli.js', 'dist/extension.js', ...vsixAllowList(), 'docs/extension.md'])].filter((f) =>
        existsSync(join(ROOT, f)),
      );
      if (!files.includes('dist/cli.js')) return t.skip('dist not built');
      for (const f of files) {
        const text = readFileSync(join(ROOT, f), 'latin1');
        scan(text, f);
      }
      t.diagnostic(`scanned ${files.length} shipped files: ${files.join(', ')}`);
    });

    it('the packaged .vsix, when there is one, holds no test secret and nothing key-shaped', (t) => {
      const vsix = join(ROOT, 'posthog-vscode.vsix');
      if (!existsSync(vsix)) return t.skip('no .vsix packaged (npm run package makes one)');
      const listing = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
      if (listing.status !== 0) return t.skip('unzip is not available');
      const entries = listing.stdout.split('\n').filter(Boolean);
      for (const e of entries) assert.doesNotMatch(e, /^extension\/(src|test|node_modules|scripts)\//, `the .vsix ships ${e}`);
      for (const e of entries) {
        const body = spawnSync('unzip', ['-p', vsix, e], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 }).stdout;
        scan(body, `posthog-vscode.vsix:${e}`);
      }
      t.diagnostic(`scanned ${entries.length} entries of posthog-vscode.vsix`);
    });
  });
});
