/**
 * The built extension activates without its heavy parts: dist/extension.js holds the vscode glue,
 * and dist/core.js (client, axios, registry, tools, zod) and dist/server.js (MCP SDK server, HTTP
 * transport) are required on first use. Run against the build (`npm run build`), in a child
 * process, with the bench's minimal `vscode` stand-in (scripts/bench/vscodeStub.cjs).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');

const CHILD = `
const Module = require('node:module');
const path = require('node:path');
const stub = require(${JSON.stringify(path.join(ROOT, 'scripts', 'bench', 'vscodeStub.cjs'))});
const load = Module._load;
Module._load = function (request, parent, isMain) {
  return request === 'vscode' ? stub.vscode : load.call(this, request, parent, isMain);
};
const dist = ${JSON.stringify(DIST)};
const loaded = () => Object.keys(require.cache).filter((f) => f.startsWith(dist)).map((f) => path.basename(f)).sort();
(async () => {
  const ext = require(path.join(dist, 'extension.js'));
  const api = await ext.activate(stub.makeContext(${JSON.stringify(ROOT)}));
  await new Promise((r) => setTimeout(r, 50));
  const afterActivate = loaded();
  // VS Code asks for the MCP server definitions eagerly: that starts and loads nothing.
  const mcp = stub.registered.mcpProviders.get('posthog.mcpServer');
  const definitions = await mcp.provideMcpServerDefinitions();
  const afterProvide = loaded();
  const provided = definitions.map((d) => String(d.uri));
  const providedHeaders = definitions.map((d) => Object.keys(d.headers));
  // First use: a tool call. Signed in to a closed port: the client (in core.js) fails.
  let error;
  try { await api.registry.run('list_dashboards', {}); } catch (e) { error = e; }
  const { PostHogError } = require(path.join(dist, 'errors.js'));
  const afterCall = loaded();
  // VS Code starts the server: now it is loaded, listening, and the definition gets its address.
  const resolved = await mcp.resolveMcpServerDefinition(definitions[0], { isCancellationRequested: false });
  const afterStart = loaded();
  const uri = String(resolved.uri);
  const auth = resolved.headers.Authorization;
  const answer = await fetch(uri, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } } }) });
  await ext.deactivate();
  process.stdout.write(JSON.stringify({ afterActivate, afterProvide, provided, providedHeaders, afterCall, afterStart, uri, auth: /^Bearer \\S{16,}$/.test(auth), status: answer.status, commands: stub.registered.commands.size, isPostHogError: error instanceof PostHogError, kind: error && error.kind }));
  process.exit(0);
})().catch((e) => { process.stdout.write(JSON.stringify({ failed: String(e && e.stack || e) })); process.exit(1); });
`;

describe('activation of the built extension', () => {
  it('loads only the glue; core.js comes with the first tool call, server.js when VS Code starts the MCP server; one PostHogError class', (t) => {
    if (!existsSync(path.join(DIST, 'core.js'))) return t.skip('dist not built (npm run build)');
    const r = spawnSync(process.execPath, ['-e', CHILD], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BENCH_POSTHOG_HOST: 'http://127.0.0.1:9', BENCH_POSTHOG_KEY: 'phx_activation_test_not_a_key' },
      timeout: 30_000,
    });
    const out = JSON.parse(r.stdout || '{}') as {
      afterActivate: string[];
      afterProvide: string[];
      provided: string[];
      providedHeaders: string[][];
      afterCall: string[];
      afterStart: string[];
      uri: string;
      auth: boolean;
      status: number;
      commands: number;
      isPostHogError: boolean;
      kind: string;
      failed?: string;
    };
    assert.equal(out.failed, undefined, out.failed);
    assert.deepEqual(out.afterActivate, ['errors.js', 'extension.js'], 'activation loads the glue and the shared errors only');
    assert.ok(out.commands > 20, 'the commands are registered');
    assert.deepEqual(out.afterProvide, ['errors.js', 'extension.js'], 'providing the MCP definitions loads nothing');
    assert.deepEqual(out.provided, ['http://127.0.0.1/mcp'], 'one definition, not started yet');
    assert.deepEqual(out.providedHeaders, [[]], 'no token before the server starts');
    assert.deepEqual(
      out.afterCall,
      ['core.js', 'errors.js', 'extension.js'],
      'the first tool call loads core.js; the MCP server is not loaded',
    );
    assert.equal(out.isPostHogError, true, 'errors from core.js are instances of the PostHogError the glue checks for');
    assert.equal(out.kind, 'network');
    assert.deepEqual(out.afterStart, ['core.js', 'errors.js', 'extension.js', 'server.js'], 'starting the MCP server loads server.js');
    assert.match(out.uri, /^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    assert.ok(out.auth, 'a bearer token');
    assert.equal(out.status, 200, 'the started server answers initialize');
  });

  it('core.js carries no MCP SDK: its zod 4 and ajv come with server.js, not with the first tree fetch', (t) => {
    if (!existsSync(path.join(DIST, 'core.js'))) return t.skip('dist not built (npm run build)');
    const core = readFileSync(path.join(DIST, 'core.js'), 'utf8');
    // A tool once imported the server's version from src/mcp/server.ts: core.js grew by 190 KB and
    // took ~140 ms to load instead of ~60 (the bench's "require core.js" row).
    assert.ok(!core.includes('notifications/initialized'), 'no MCP SDK protocol code in core.js');
    assert.ok(!core.includes('strictTypes'), 'no ajv in core.js');
  });
});
