/**
 * A page in headless Chromium with the chart renderer loaded (bundled here with esbuild, as the
 * build bundles the webview pages), for the renderer's tests and the bench. The page is a file://
 * page with the same strict CSP as the webviews: nothing from the network, no inline script.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The UI suite's flags (scripts/vscode/codeServer.mjs): a closed network, no sandbox. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Theme variables as VS Code sets them on a webview's <html> (a subset: what the renderer reads). */
export const THEMES: Record<'light' | 'dark', Record<string, string>> = {
  light: {
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-editor-background': '#ffffff',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#388a34',
    '--vscode-charts-lines': 'rgba(59, 59, 59, 0.5)',
  },
  dark: {
    '--vscode-editor-foreground': '#cccccc',
    '--vscode-editor-background': '#1f1f1f',
    '--vscode-charts-blue': '#3794ff',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#89d185',
    '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
  },
};

export interface ChartPage {
  browser: Browser;
  /** A fresh page with the renderer as `window.renderChart`, themed. */
  open(theme?: 'light' | 'dark', width?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function chartPage(): Promise<ChartPage> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'posthog-chart-page-'));
  await build({
    stdin: {
      contents:
        "import { renderChart } from './src/webview/chart'; (window as any).renderChart = renderChart; document.body.dataset.ready = 'yes';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    minify: process.env.CHART_PAGE_MINIFY !== '0',
    outfile: path.join(dir, 'harness.js'),
    logLevel: 'error',
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    browser,
    async open(theme = 'light', width = 800) {
      const vars = Object.entries(THEMES[theme])
        .map(([k, v]) => `${k}: ${v};`)
        .join(' ');
      const file = path.join(dir, `${theme}.html`);
      writeFileSync(
        file,
        `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src file: 'unsafe-inline'; script-src file:; img-src data:">` +
          `<link rel="stylesheet" href="harness.css"></head>` +
          `<body class="vscode-${theme}" style="${vars} background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); margin: 12px">` +
          `<div id="chart" style="width: ${width}px"></div><script src="harness.js"></script></body></html>`,
      );
      const page = await browser.newPage({ viewport: { width: width + 40, height: 700 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`file://${file}`);
      await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 10_000 });
      (page as Page & { errors?: string[] }).errors = errors;
      return page;
    },
    async close() {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Errors the page logged (CSP refusals included). */
export function pageErrors(page: Page): string[] {
  return (page as Page & { errors?: string[] }).errors ?? [];
}
