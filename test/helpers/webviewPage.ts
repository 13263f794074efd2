/**
 * A webview page in headless Chromium, outside VS Code: the page's bundle built from src/webview/
 * with esbuild (as scripts/build.mjs does), loaded from a temporary folder, with
 * `acquireVsCodeApi` replaced by a recorder (`sent()` returns what the page posted) and
 * `post(message)` delivering a message the way VS Code does (a window message event).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface WebviewPage {
  page: Page;
  post(message: unknown): Promise<void>;
  sent(): Promise<unknown[]>;
  close(): Promise<void>;
}

/** Builds src/webview/<name>/main.ts once per call; `dir` holds results.js/.css and index.html. */
export async function buildPage(name: string): Promise<{ dir: string; dispose(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `posthog-webview-${name}-`));
  await build({
    entryPoints: { page: path.resolve(`src/webview/${name}/main.ts`) },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    outdir: dir,
    logLevel: 'warning',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
  });
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!DOCTYPE html><html><head><meta charset="UTF-8"><link rel="stylesheet" href="page.css"></head>' +
      '<body style="--vscode-font-family: sans-serif; --vscode-editor-font-family: monospace; --vscode-font-size: 13px; --vscode-editor-font-size: 13px">' +
      '<div id="root"></div><script src="page.js"></script></body></html>',
  );
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
}

export async function openPage(browser: Browser, dir: string, viewport = { width: 1000, height: 700 }): Promise<WebviewPage> {
  const page = await browser.newPage({ viewport });
  // A string, not a function: tsx marks functions with `__name(...)`, which the page does not have
  // (given here too, for the callbacks tests pass to page.evaluate).
  await page.addInitScript({
    content:
      'window.__name = (f) => f; window.__sent = [];' +
      'window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__sent.push(m), getState: () => undefined, setState: () => undefined });',
  });
  await page.goto(`file://${path.join(dir, 'index.html')}`);
  return {
    page,
    post: (message) =>
      page.evaluate((m) => (globalThis as unknown as { postMessage(m: unknown, origin: string): void }).postMessage(m, '*'), message),
    sent: () => page.evaluate(() => (globalThis as unknown as { __sent: unknown[] }).__sent),
    close: () => page.close(),
  };
}
