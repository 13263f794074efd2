/**
 * `posthog-mcp gateway` (dist/cli.js, built by `npm run build`) over stdio and loopback HTTP,
 * through the SDK's own clients: PostHog's approvals govern what it serves, a needs-approval call
 * answers where to approve it, approval changes made elsewhere arrive as tools/list_changed, and
 * the HTTP transport checks its token and Host.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { startStandin, type Standin } from '../standin/server';
import { startUpstreamMcp, type UpstreamMcp } from '../helpers/upstreamMcp';
import { INSTALLATION_TOKEN, addUpstreamInstallation, setApproval } from '../helpers/gatewayInstall';
import { textOf } from '../helpers/gatewayHarness';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const APPROVALS = { echo: 'approved', create_issue: 'needs_approval', delete_project: 'do_not_use' };

let standin: Standin;
let upstream: UpstreamMcp;
let linear: string;

function env(extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('POSTHOG_')) out[k] = v;
  return { ...out, POSTHOG_API_KEY: standin.key, POSTHOG_HOST: standin.url, POSTHOG_PROJECT_ID: String(standin.projectId), ...extra };
}

async function stdioClient(args: string[], extraEnv: Record<string, string> = {}) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'gateway', ...args],
    env: env(extraEnv),
    stderr: 'ignore',
  });
  const client = new Client({ name: 'gateway-cli-test', version: '1' });
  await client.connect(transport);
  return client;
}

before(async () => {
  standin = await startStandin({ seed: 'empty' });
  upstream = await startUpstreamMcp();
  linear = addUpstreamInstallation(standin, { url: upstream.url, name: 'Linear', approvals: APPROVALS });
  addUpstreamInstallation(standin, {
    url: upstream.url,
    name: 'Notion',
    approvals: { echo: 'approved', create_issue: 'do_not_use', delete_project: 'do_not_use' },
  });
});
after(async () => {
  await upstream.close();
  await standin.close();
});

describe('posthog-mcp gateway over stdio', () => {
  it('serves one installation as PostHog approves it, and says where to approve a needs-approval tool', async () => {
    const client = await stdioClient(['--installation', linear]);
    try {
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name).sort(), ['create_issue', 'echo']);
      assert.equal(textOf(await client.callTool({ name: 'echo', arguments: { text: 'cli' } })), 'echo: cli');
      assert.equal(upstream.calls().at(-1)!.headers.authorization, `Bearer ${INSTALLATION_TOKEN}`);
      const needs = await client.callTool({ name: 'create_issue', arguments: { title: 't' } });
      assert.equal(needs.isError, true);
      assert.match(textOf(needs), /Approve create_issue in PostHog .*VS Code PostHog MCP Installations view/);
      assert.match(textOf(await client.callTool({ name: 'delete_project', arguments: { id: '1' } })), /"Do not use"/);
      for (const r of upstream.requests) assert.ok(!JSON.stringify(r.headers).includes(standin.key), 'personal key reached the upstream');
    } finally {
      await client.close();
    }
  });

  it('serves every enabled installation with prefixed names, and sends list_changed for a change made elsewhere', async () => {
    const client = await stdioClient([], { POSTHOG_GATEWAY_POLL_MS: '300' });
    try {
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name).sort(), [
        'linear__create_issue',
        'linear__echo',
        'notion__echo',
      ]);
      assert.match(client.getInstructions() ?? '', /prefix: .*linear__ = Linear/);
      assert.match(client.getInstructions() ?? '', /prefix: .*notion__ = Notion/);
      const changed = new Promise<void>((resolve) =>
        client.setNotificationHandler(ToolListChangedNotificationSchema, async () => resolve()),
      );
      setApproval(standin, linear, 'echo', 'do_not_use');
      await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error('no list_changed in 3 s')), 3_000))]);
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name).sort(), ['linear__create_issue', 'notion__echo']);
    } finally {
      setApproval(standin, linear, 'echo', 'approved');
      await client.close();
    }
  });

  it('refuses an --installation that is not an id, before starting', () => {
    const out = spawnSync(process.execPath, [CLI, 'gateway', '--installation', 'linear'], { env: env(), encoding: 'utf8' });
    assert.equal(out.status, 2);
    assert.match(out.stderr, /--installation must be an installation id \(a UUID/);
  });
});

describe('posthog-mcp gateway --http', () => {
  let child: ChildProcess;
  let url: string;
  let token: string;
  let port: number;

  before(async () => {
    child = spawn(process.execPath, [CLI, 'gateway', '--http', '--installation', linear], {
      env: env(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${stderr}`)), 10_000);
      child.stderr!.on('data', (c: Buffer) => {
        stderr += c.toString();
        const u = /listening on (http:\/\/127\.0\.0\.1:(\d+)\/mcp)/.exec(stderr);
        const t = /^token: (\S+)$/m.exec(stderr);
        if (u && t) {
          clearTimeout(timer);
          [url, port, token] = [u[1], Number(u[2]), t[1]];
          resolve();
        }
      });
    });
  });
  after(() => {
    child.kill();
  });

  it('serves the governed tools to a client with the token', async () => {
    const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } });
    const client = new Client({ name: 'gateway-http-test', version: '1' });
    await client.connect(transport);
    try {
      assert.deepEqual((await client.listTools()).tools.map((t) => t.name).sort(), ['create_issue', 'echo']);
      assert.equal(textOf(await client.callTool({ name: 'echo', arguments: { text: 'http' } })), 'echo: http');
    } finally {
      await client.close();
    }
  });

  it('refuses a request without the token (401) or for another Host (403)', async () => {
    const post = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path: '/mcp', method: 'POST', headers }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end('{}');
      });
    assert.equal(await post({ 'Content-Type': 'application/json' }), 401);
    assert.equal(await post({ 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Host: 'evil.example:80' }), 403);
  });
});
