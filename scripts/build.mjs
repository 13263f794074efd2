// Bundles the extension and the posthog-mcp CLI into dist/ with esbuild.
//
// The extension is split so that activation loads only the vscode glue:
//   dist/extension.js  commands, tree models and providers, status bar, session, the MCP provider
//                      shell (`vscode` external);
//   dist/core.js       the PostHog client (axios), the ToolRegistry, every tool definition, zod:
//                      required on first use (src/vscode/lazy.ts: `require('./core.js')`);
//   dist/server.js     the MCP SDK server and the loopback HTTP transport: required when VS Code
//                      asks for the MCP server;
//   dist/codeScanner.js the code scanner (src/code): required on the first scan of a document;
//   dist/hogql.js      HogQL's editor features: when a .hogql document opens or a HogQL command runs;
//   dist/errors.js     src/posthog/errors.ts, shared by extension.js and core.js so that
//                      `instanceof PostHogError` holds for errors thrown on either side.
// dist/cli.js stays one self-contained file.
// dist/webview/<page>.js + .css are the webview pages (browser, iife), loaded only when their panel
// opens; dist/webview/codicon.{css,ttf} is VS Code's icon font, shipped so nothing comes from the network.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const watch = process.argv.includes('--watch');
rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  sourcemap: false,
  mainFields: ['module', 'main'],
};

const ERRORS = path.resolve('src/posthog/errors.ts');
const LAZY = path.resolve('src/vscode/lazy.ts');

/** The lazily required siblings (./core.js, ./server.js) and the shared errors module stay outside. */
const splitPlugin = {
  name: 'posthog-split',
  setup(b) {
    b.onResolve({ filter: /^\.\/(core|server|codeScanner|hogql)\.js$/ }, (args) =>
      args.importer === LAZY ? { path: args.path, external: true } : undefined,
    );
    b.onResolve({ filter: /(^|\/)errors$/ }, (args) => {
      const resolved = path.resolve(args.resolveDir, args.path);
      return resolved === ERRORS.replace(/\.ts$/, '') ? { path: './errors.js', external: true } : undefined;
    });
  },
};

/**
 * axios runs its fetch adapter's feature test when it is loaded: that builds a web Request with a
 * ReadableStream body, which makes Node load undici and its web streams (~30 ms of a ~240 ms cold
 * start, profiled). Our client always uses axios's http adapter (src/posthog/axiosInstance.ts), so the
 * fetch adapter is replaced by "not available" (`false`, which axios's adapter lookup accepts).
 */
const axiosNoFetchPlugin = {
  name: 'axios-no-fetch-adapter',
  setup(b) {
    b.onResolve({ filter: /^\.\/fetch\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]axios[\\/]lib[\\/]adapters$/.test(args.resolveDir)
        ? { path: 'axios-fetch-adapter', namespace: 'axios-no-fetch' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'axios-no-fetch' }, () => ({
      contents: 'export const getFetch = () => false;\nexport default false;\n',
      loader: 'js',
    }));
  },
};
common.plugins = [axiosNoFetchPlugin];

/**
 * Every tool's tools/list entry, made once here from the same sources (src/mcp/registry.ts
 * toolJson) and carried by the bundles as __POSTHOG_TOOLS_JSON__: turning 63 zod schemas into JSON
 * Schema was a large part of posthog-mcp's cold start (spawn → tools/list 300 → 230 ms A/B).
 * test/core/cli.test.ts checks the built list against the one made at run time.
 */
async function toolsJson() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'posthog-tools-json-'));
  try {
    const outfile = path.join(dir, 'tools.cjs');
    await build({
      ...common,
      minify: false,
      stdin: {
        contents:
          "import { ALL_TOOLS } from './src/mcp/tools'; import { toolJson } from './src/mcp/registry'; export const json = JSON.stringify(ALL_TOOLS.map((t) => toolJson(t)));",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      outfile,
    });
    return createRequire(import.meta.url)(outfile).json;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const define = { __POSTHOG_TOOLS_JSON__: JSON.stringify(await toolsJson()) };

/**
 * The MCP App view (src/webview/mcpApp/): one self-contained HTML page, script and style inlined,
 * nothing from the network. dist/mcp-app.html sits beside cli.js and server.js, which read it when a
 * host asks for ui://posthog/insight-chart.html (src/mcp/appResource.ts): not inlined into them, so
 * neither carries a page it rarely serves (~85 KB: the view speaks the MCP Apps protocol itself,
 * src/webview/mcpApp/bridge.ts, without the SDK's zod schemas).
 */
async function mcpAppPage() {
  const out = await build({
    entryPoints: ['src/webview/mcpApp/main.ts'],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
    outdir: 'dist/mcp-app',
  });
  const js = out.outputFiles.find((f) => f.path.endsWith('.js')).text.replace(/<\/script/gi, '<\\/script');
  const css = (out.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '').replace(/<\/style/gi, '<\\/style');
  const html =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>PostHog insight chart</title><style>${css}</style></head><body><main id="root"></main><script>${js}</script></body></html>`;
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/mcp-app.html', html);
}

/** The webview pages, each src/webview/<page>/main.ts: browser code, one script and one stylesheet. */
const WEBVIEW_PAGES = ['insight', 'dashboard', 'results'];
const webview = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  mcpAppPage(),
  build({
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
    plugins: [splitPlugin, axiosNoFetchPlugin],
  }),
  build({ ...common, define, entryPoints: ['src/vscode/core.ts'], outfile: 'dist/core.js', plugins: [splitPlugin, axiosNoFetchPlugin] }),
  build({ ...common, entryPoints: ['src/vscode/server.ts'], outfile: 'dist/server.js', plugins: [splitPlugin, axiosNoFetchPlugin] }),
  build({ ...common, entryPoints: ['src/vscode/codeScanner.ts'], outfile: 'dist/codeScanner.js' }),
  build({ ...common, entryPoints: ['src/vscode/hogqlEditor.ts'], outfile: 'dist/hogql.js', external: ['vscode'], plugins: [splitPlugin] }),
  build({ ...common, entryPoints: ['src/posthog/errors.ts'], outfile: 'dist/errors.js' }),
  build({
    ...webview,
    entryPoints: WEBVIEW_PAGES.map((page) => ({ in: `src/webview/${page}/main.ts`, out: page })),
    outdir: 'dist/webview',
  }),
  build({ ...common, define, entryPoints: ['src/mcp/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);
mkdirSync('dist/webview', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `dist/webview/${file}`);
if (!watch) {
  console.log(
    'built dist/extension.js (+ core.js, server.js, codeScanner.js, hogql.js, errors.js, loaded on demand), dist/cli.js, dist/mcp-app.html and dist/webview/',
  );
  // Each view's page, minified: issue 13 §5 allows 300 KB per view.
  const views = ['mcp-app.html', ...WEBVIEW_PAGES.flatMap((p) => [`webview/${p}.js`, `webview/${p}.css`])];
  const sizes = views.map((f) => {
    const kb = statSync(`dist/${f}`).size / 1024;
    return `${f} ${kb.toFixed(1)} KB${kb > 300 ? ' (over 300 KB)' : ''}`;
  });
  console.log(`view sizes: ${sizes.join(', ')}`);
}
