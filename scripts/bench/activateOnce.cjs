'use strict';
/**
 * One activation in a fresh process: intercept require('vscode'), load the bundled
 * dist/extension.js, run activate(), print timings as one JSON line, exit.
 * Usage: node scripts/bench/activateOnce.cjs <repo root>
 */
const Module = require('node:module');
const path = require('node:path');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const stub = require('./vscodeStub.cjs');

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'vscode') return stub.vscode;
  return originalLoad.call(this, request, parent, isMain);
};

/** This thread's time on a CPU and waiting for one (ms), from Linux schedstat. */
function schedstat() {
  try {
    const [run, wait] = require('node:fs').readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    return { cpu: run / 1e6, wait: wait / 1e6 };
  } catch {
    return undefined;
  }
}

async function main() {
  const context = stub.makeContext(root);
  const s0 = schedstat();
  const t0 = performance.now();
  const ext = require(path.join(root, 'dist', 'extension.js'));
  const t1 = performance.now();
  let api;
  if (typeof ext.activate === 'function') api = await ext.activate(context);
  const t2 = performance.now();
  const s2 = schedstat();
  // Not activation: what the first tree fetch / tool call (dist/core.js) and the MCP server's start
  // (dist/server.js) load later, when the bundle is split that way.
  const later = {};
  for (const name of ['core', 'server']) {
    const file = path.join(root, 'dist', `${name}.js`);
    if (!require('node:fs').existsSync(file)) continue;
    const a = performance.now();
    require(file);
    later[`${name}_load_ms`] = performance.now() - a;
  }
  const out = {
    ...later,
    cpu_ms: s0 && s2 ? s2.cpu - s0.cpu : undefined,
    wait_ms: s0 && s2 ? s2.wait - s0.wait : undefined,
    load_ms: t1 - t0,
    activate_ms: t2 - t1,
    total_ms: t2 - t0,
    commands: stub.registered.commands.size,
    tree_providers: stub.registered.treeProviders.size,
    mcp_providers: stub.registered.mcpProviders.size,
    returned_api: api && typeof api === 'object' ? Object.keys(api) : [],
    unknown: [...stub.unknownPaths].slice(0, 40),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  try {
    if (typeof ext.deactivate === 'function') await ext.deactivate();
  } catch {
    /* measuring activation only */
  }
  process.exit(0);
}

main().catch((err) => {
  process.stdout.write(`${JSON.stringify({ error: String((err && err.stack) || err) })}\n`);
  process.exit(1);
});
