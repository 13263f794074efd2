'use strict';
/**
 * One activation in a fresh process: intercept require('vscode'), load the bundled
 * dist/extension.js, run activate(), print timings as one JSON line, exit.
 * Usage: node scripts/bench/activateOnce.cjs <repo root>
 */
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..'));
const stub = require('./vscodeStub.cjs');

const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'vscode') return stub.vscode;
  return originalLoad.call(this, request, parent, isMain);
};

async function main() {
  const context = stub.makeContext(root);
  const t0 = performance.now();
  const ext = require(path.join(root, 'dist', 'extension.js'));
  const t1 = performance.now();
  let api;
  if (typeof ext.activate === 'function') api = await ext.activate(context);
  const t2 = performance.now();
  const out = {
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
