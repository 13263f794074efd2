/**
 * The bundled `posthog-mcp` command (dist/cli.js, built by `npm run build`): its command line
 * (util.parseArgs, also checked directly), missing-key exit, stdio transport through the SDK's own
 * client, and the HTTP transport's token, Host, Origin and body-size checks.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startStandin, type Standin } from '../standin/server';
import { parseOutcome } from '../helpers/harness';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { toolJson } from '../../src/mcp/registry';
import { CliUsageError, parseCliArgs } from '../../src/mcp/cliArgs';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('POSTHOG_')) env[k] = v;
  return { ...env, ...extra };
}

/** A raw HTTP request, so headers can be anything a hostile page could send. */
function raw(port: number, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; path?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: opts.path ?? '/mcp', method: opts.method ?? 'POST', headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const INIT = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

describe('posthog-mcp command line (parseCliArgs)', () => {
  const serve = (argv: string[]) => {
    const command = parseCliArgs(argv);
    assert.equal(command.kind, 'serve');
    return command.kind === 'serve' ? command.args : undefined;
  };
  const refused = (argv: string[], message: RegExp) =>
    assert.throws(
      () => parseCliArgs(argv),
      (err: unknown) => err instanceof CliUsageError && message.test(err.message),
      argv.join(' '),
    );

  it('reads every flag, as --flag value and as --flag=value', () => {
    assert.deepEqual(serve([]), { http: false, port: 0, toolsets: undefined, root: undefined, readOnly: false, verbose: false });
    const all = { http: true, port: 8123, toolsets: 'dashboards,insights', root: 'app', readOnly: true, verbose: true };
    assert.deepEqual(
      serve(['--http', '--port', '8123', '--toolsets', 'dashboards,insights', '--root', 'app', '--read-only', '--verbose']),
      all,
    );
    assert.deepEqual(serve(['--verbose', '--read-only', '--root=app', '--toolsets=dashboards,insights', '--port=8123', '--http']), all);
  });

  it('answers --help/-h and --version/-v', () => {
    for (const a of ['--help', '-h']) assert.deepEqual(parseCliArgs([a]), { kind: 'help' });
    for (const a of ['--version', '-v']) assert.deepEqual(parseCliArgs([a]), { kind: 'version' });
  });

  it('refuses unknown options and arguments naming them with the usage, missing values and bad ports', () => {
    refused(['--bogus'], /^unknown option "--bogus"\n\nUsage: posthog-mcp/);
    refused(['--http', '-x'], /^unknown option "-x"\n\nUsage:/);
    refused(['--http', 'stdio'], /^unexpected argument "stdio"\n\nUsage:/);
    refused(['--port'], /^--port needs a value$/);
    refused(['--port', '--http'], /^--port needs a value$/);
    refused(['--toolsets'], /^--toolsets needs a value$/);
    refused(['--http=yes'], /^--http takes no value$/);
    refused(['--port', 'abc'], /^--port must be a port number, got "abc"$/);
    refused(['--port=70000'], /^--port must be a port number, got "70000"$/);
    refused(['--port', '1.5'], /^--port must be a port number/);
  });
});

describe('posthog-mcp CLI', () => {
  let s: Standin;
  before(async () => {
    assert.ok(existsSync(CLI), 'dist/cli.js exists (run `npm run build` first)');
    s = await startStandin();
  });
  after(() => s.close());

  it('exits non-zero at once naming POSTHOG_API_KEY when it is missing', () => {
    const started = Date.now();
    const res = spawnSync(process.execPath, [CLI], { env: cleanEnv({}), encoding: 'utf8', timeout: 10_000 });
    assert.notEqual(res.status, 0);
    assert.match(res.stderr, /POSTHOG_API_KEY/);
    assert.ok(Date.now() - started < 5_000);
  });

  it('rejects unknown options and unknown toolsets with a clear message', () => {
    const bad = spawnSync(process.execPath, [CLI, '--bogus'], { env: cleanEnv({ POSTHOG_API_KEY: s.key }), encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown option "--bogus"\n\nUsage: posthog-mcp/);
    const help = spawnSync(process.execPath, [CLI, '-h'], { env: cleanEnv({}), encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: posthog-mcp/);
    const sets = spawnSync(process.execPath, [CLI, '--toolsets', 'dashboards,nope'], {
      env: cleanEnv({ POSTHOG_API_KEY: s.key }),
      encoding: 'utf8',
    });
    assert.notEqual(sets.status, 0);
    assert.match(sets.stderr, /Unknown toolset: nope/);
  });

  it('lists exactly the tools made from the sources (the bundle carries them prebuilt), and validates calls as the sources do', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI],
      env: cleanEnv({ POSTHOG_API_KEY: s.key, POSTHOG_HOST: s.url }),
      stderr: 'ignore',
    });
    const client = new Client({ name: 'prebuilt-test', version: '1' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(
        JSON.parse(JSON.stringify(tools)),
        JSON.parse(JSON.stringify(ALL_TOOLS.map((t) => toolJson(t)))),
        'a stale prebuilt list would differ here',
      );
      const bad = parseOutcome((await client.callTool({ name: 'list_dashboards', arguments: { limit: 1000 } })) as never);
      assert.equal(bad.isError, true);
      assert.match(bad.text, /'limit'/);
    } finally {
      await client.close();
    }
  });

  it('serves tools over stdio to the SDK client, logging to stderr without the key', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, '--toolsets', 'dashboards', '--verbose'],
      env: cleanEnv({ POSTHOG_API_KEY: s.key, POSTHOG_HOST: s.url }),
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const client = new Client({ name: 'stdio-test', version: '1' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.every((t) => ['list_dashboards', 'get_dashboard'].includes(t.name) || t.name.includes('dashboard')));
      const out = parseOutcome((await client.callTool({ name: 'list_dashboards', arguments: { limit: 2 } })) as never);
      assert.equal(out.isError, false, out.text);
      assert.equal(out.data.results.length, 2);
    } finally {
      await client.close();
    }
    assert.match(stderr, /GET \/api\/projects\/1\/dashboards\/ → 200/);
    assert.ok(!stderr.includes(s.key), 'the key never reaches the logs');
  });

  describe('--http', () => {
    let child: ChildProcess;
    let url: string;
    let token: string;
    let port: number;
    let stderr = '';

    before(async () => {
      child = spawn(process.execPath, [CLI, '--http', '--port', '0'], {
        env: cleanEnv({ POSTHOG_API_KEY: s.key, POSTHOG_HOST: s.url }),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start line: ${stderr}`)), 10_000);
        child.stderr!.on('data', (c: Buffer) => {
          stderr += c.toString('utf8');
          const u = /listening on (http:\/\/127\.0\.0\.1:(\d+)\/mcp)/.exec(stderr);
          const t = /^token: (\S+)$/m.exec(stderr);
          if (u && t) {
            url = u[1];
            port = Number(u[2]);
            token = t[1];
            clearTimeout(timer);
            resolve();
          }
        });
      });
    });
    after(() => {
      if (child.pid && child.exitCode === null) child.kill('SIGTERM');
    });

    it('prints one line with the URL and one with the token, bound to 127.0.0.1', () => {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      assert.ok(token.length >= 32);
      assert.ok(!stderr.includes(s.key));
    });

    it('no token → 401; wrong token → 401', async () => {
      const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Host: `127.0.0.1:${port}` };
      assert.equal((await raw(port, { headers, body: INIT })).status, 401);
      assert.equal((await raw(port, { headers: { ...headers, Authorization: `Bearer ${token}x` }, body: INIT })).status, 401);
      assert.equal((await raw(port, { headers: { ...headers, Authorization: `Basic ${token}` }, body: INIT })).status, 401);
    });

    it('a foreign Host or Origin → 403, even with the token', async () => {
      const headers = {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        Authorization: `Bearer ${token}`,
      };
      assert.equal((await raw(port, { headers: { ...headers, Host: 'evil.example' }, body: INIT })).status, 403);
      assert.equal(
        (await raw(port, { headers: { ...headers, Host: `127.0.0.1:${port}`, Origin: 'http://evil.example' }, body: INIT })).status,
        403,
      );
      assert.equal(
        (await raw(port, { headers: { ...headers, Host: `localhost:${port}`, Origin: `http://localhost:${port}` }, body: INIT })).status,
        200,
      );
    });

    it('a body over 4 MB → 413', async () => {
      const big = Buffer.alloc(4 * 1024 * 1024 + 10, 'a');
      const res = await raw(port, {
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Host: `127.0.0.1:${port}` },
        body: big,
      });
      assert.equal(res.status, 413);
    });

    it('the SDK client works with the token, and a new session is independent', async () => {
      const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
      const client = new Client({ name: 'http-test', version: '1' });
      await client.connect(transport);
      try {
        const out = parseOutcome((await client.callTool({ name: 'get_dashboard', arguments: { dashboard_id: 1 } })) as never);
        assert.equal(out.isError, false, out.text);
        assert.equal(out.data.id, 1);
      } finally {
        await client.close();
      }
    });

    it('a new token at each start', async () => {
      const again = spawn(process.execPath, [CLI, '--http'], {
        env: cleanEnv({ POSTHOG_API_KEY: s.key, POSTHOG_HOST: s.url }),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let text = '';
      const second = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no token line')), 10_000);
        again.stderr!.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          const t = /^token: (\S+)$/m.exec(text);
          if (t) {
            clearTimeout(timer);
            resolve(t[1]);
          }
        });
      });
      again.kill('SIGTERM');
      assert.notEqual(second, token);
    });

    it('POSTHOG_MCP_TOKEN sets the token', async () => {
      const fixed = spawn(process.execPath, [CLI, '--http'], {
        env: cleanEnv({ POSTHOG_API_KEY: s.key, POSTHOG_HOST: s.url, POSTHOG_MCP_TOKEN: 'fixed-token-for-test-0123456789abcdef' }),
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let text = '';
      const t = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no token line')), 10_000);
        fixed.stderr!.on('data', (c: Buffer) => {
          text += c.toString('utf8');
          const m = /^token: (\S+)$/m.exec(text);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      fixed.kill('SIGTERM');
      assert.equal(t, 'fixed-token-for-test-0123456789abcdef');
    });
  });
});
