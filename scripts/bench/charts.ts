/**
 * Chart paint time in headless Chromium: from the moment a ChartModel reaches the page (as JSON
 * text, parsed in the page as postMessage would) to the next frame after renderChart, for 10 series
 * x 365 points and 50 x 2,000, beside a floor in the same page and run: the same data parsed and
 * drawn as plain canvas lines with no library, axes, legend or tooltip. Runs are interleaved
 * (chart, floor, chart, floor, ...) so that a busy machine slows both alike. Also the page bundles'
 * minified sizes (each view's: the webview pages and the MCP App view, 300 KB allowed), and the MCP App
 * view's time to its chart (./mcpApp.ts).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { huge } from '../../test/webview/fixtures';
import { chartPage } from '../../test/webview/page';
import { ROOT, median, round } from './lib';
import { measureMcpApp, type McpAppResult } from './mcpApp';

export interface ChartsResult {
  sizes: Array<{ series: number; points: number; chart_ms_p50: number; floor_ms_p50: number; target_ms: number }>;
  bundles: Record<string, number>;
  mcp_app: McpAppResult;
}

const CASES = [
  { series: 10, points: 365, target: 100 },
  { series: 50, points: 2000, target: 300 },
];

// Page-side code as text: it runs in Chromium, not in Node.
const PAINT = `async (json) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const box = document.getElementById('chart'); box.replaceChildren();
  await frame();
  const t0 = performance.now();
  window.__handle = window.renderChart(box, JSON.parse(json));
  await frame();
  const t = performance.now() - t0;
  window.__handle.destroy();
  return t;
}`;
const FLOOR = `async (json) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const box = document.getElementById('chart'); box.replaceChildren();
  await frame();
  const t0 = performance.now();
  const model = JSON.parse(json);
  const c = document.createElement('canvas'); c.width = 800; c.height = 320; box.append(c);
  const g = c.getContext('2d');
  let max = 1; for (const s of model.series) for (const v of s.data) if (v > max) max = v;
  for (const s of model.series) { g.beginPath(); s.data.forEach((v, i) => { const x = (i / s.data.length) * 800, y = 320 - (v / max) * 320; i ? g.lineTo(x, y) : g.moveTo(x, y); }); g.stroke(); }
  await frame();
  return performance.now() - t0;
}`;

export async function measureCharts(reps: number): Promise<ChartsResult> {
  const cp = await chartPage();
  let base: Omit<ChartsResult, 'mcp_app'>;
  try {
    const sizes: ChartsResult['sizes'] = [];
    for (const c of CASES) {
      const page = await cp.open('light', 800);
      const json = JSON.stringify(huge(c.series, c.points));
      const chart: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < reps + 1; i++) {
        const a = (await page.evaluate(`(${PAINT})(${JSON.stringify(json)})`)) as number;
        const b = (await page.evaluate(`(${FLOOR})(${JSON.stringify(json)})`)) as number;
        if (i === 0) continue; // warm-up
        chart.push(a);
        floor.push(b);
      }
      await page.close();
      sizes.push({
        series: c.series,
        points: c.points,
        chart_ms_p50: round(median(chart), 1),
        floor_ms_p50: round(median(floor), 1),
        target_ms: c.target,
      });
    }
    const bundles: Record<string, number> = {};
    const views = ['insight.js', 'insight.css', 'dashboard.js', 'dashboard.css', 'results.js', 'results.css'].map((f) => `webview/${f}`);
    for (const f of [...views, 'mcp-app.html']) {
      try {
        bundles[f] = statSync(path.join(ROOT, 'dist', f)).size;
      } catch {
        bundles[f] = Number.NaN;
      }
    }
    base = { sizes, bundles };
  } finally {
    await cp.close();
  }
  return { ...base, mcp_app: await measureMcpApp(reps) };
}
