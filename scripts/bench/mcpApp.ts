/**
 * The MCP App view (dist/mcp-app.html) in headless Chromium, in a sandboxed iframe of a host page on
 * the ext-apps SDK's AppBridge (test/insights/mcpAppHost/host.ts): from the moment the host puts the
 * view in its frame to the view's size report once the chart (10 series x 365 points, handed over in
 * `_meta` as run_insight_query does) is laid out. Timed in the host page (no Playwright round trips).
 * Beside it, interleaved in the same page: the floor, a 12-line view that does the same handshake by
 * hand and reports a size after the result arrives, drawing nothing (what any view costs).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { MCP_APP_RESULT_KEY } from '../../src/insights/mcpApp';
import { trends } from '../../test/webview/fixtures';
import { ROOT, median, round } from './lib';

export interface McpAppResult {
  view_ms_p50: number;
  floor_ms_p50: number;
  page_bytes: number;
}

const FLOOR = `<!DOCTYPE html><html><body><script>
const send = (m) => parent.postMessage({ jsonrpc: '2.0', ...m }, '*');
addEventListener('message', (e) => {
  const m = e.data;
  if (m.id === 0 && m.result) send({ method: 'ui/notifications/initialized' });
  if (m.method === 'ui/notifications/tool-result') {
    document.body.style.height = '400px';
    requestAnimationFrame(() => send({ method: 'ui/notifications/size-changed', params: { width: innerWidth, height: 400 } }));
  }
});
send({ id: 0, method: 'ui/initialize', params: { appInfo: { name: 'floor', version: '1' }, appCapabilities: {}, protocolVersion: '2026-01-26' } });
</script></body></html>`;

/** Shows `html` in a fresh frame; ms from then to its first size report at least `height` tall. */
async function time(page: Page, html: string, result: unknown, height: number): Promise<number> {
  await page.evaluate(
    ([h, r]) => {
      const g = globalThis as unknown as { __viewHtml: string; __show(r: unknown, a: unknown): string };
      g.__viewHtml = h;
      g.__show(r, {});
    },
    [html, result] as const,
  );
  const handle = await page.waitForFunction(
    (min) => {
      const s = (globalThis as unknown as { __host: { sizes: Array<{ height?: number }>; sizedAt: number[]; shownAt: number } }).__host;
      const i = s.sizes.findIndex((z) => (z.height ?? 0) >= min);
      return i >= 0 ? s.sizedAt[i] - s.shownAt : false;
    },
    height,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

export async function measureMcpApp(reps: number, viewFile = path.join(ROOT, 'dist', 'mcp-app.html')): Promise<McpAppResult> {
  const view = readFileSync(viewFile, 'utf8');
  const host = await build({
    entryPoints: [path.join(ROOT, 'test', 'insights', 'mcpAppHost', 'host.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  const result = {
    content: [{ type: 'text', text: 'Daily pageviews' }],
    _meta: { [MCP_APP_RESULT_KEY]: { kind: 'TrendsQuery', chart: trends('line', 10, 365), insight: { name: 'Daily pageviews' } } },
  };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.addScriptTag({ content: host.outputFiles[0].text });
    const viewMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < reps + 1; i++) {
      // The chart's plot alone is 320 px tall: a report of 300 px or more comes after it is laid out.
      const a = await time(page, view, result, 300);
      const b = await time(page, FLOOR, result, 400);
      if (i === 0) continue; // warm-up
      viewMs.push(a);
      floorMs.push(b);
    }
    return { view_ms_p50: round(median(viewMs), 1), floor_ms_p50: round(median(floorMs), 1), page_bytes: Buffer.byteLength(view) };
  } finally {
    await browser.close();
  }
}
