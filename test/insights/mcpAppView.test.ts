/**
 * The MCP App view in headless Chromium: a host page built on the ext-apps SDK's host side
 * (AppBridge, ./mcpAppHost/host.ts) hands the view (dist/mcp-app.html, under VS Code's webview CSP)
 * real tool results from the stand-in; the view draws them with the insight renderer: right kind,
 * series count and labels, sized to its content, no CSP violation. Needs `npm run build` and
 * Debian's chromium (scripts/setup.sh).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Frame, Page } from 'playwright-core';
import { startHarness, type Harness } from '../helpers/harness';

const VIEW = join(__dirname, '..', '..', 'dist', 'mcp-app.html');
/** VS Code's webview CSP for an MCP App that declares no domains (/work/shared/mcp-apps.md): no eval, no network, no data: fonts. */
const VSCODE_CSP =
  "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self'; media-src 'self' data:; frame-src 'none'; object-src 'none'; base-uri 'self'";

describe('MCP App view drawn by a host bridge (headless Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  /** One host page for every test; each test gets a fresh view frame and bridge in it. */
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    assert.ok(existsSync(VIEW), 'dist/mcp-app.html exists (run `npm run build` first)');
    // The same Debian Chromium and flags as the VS Code UI suite (an ES module, hence the dynamic import).
    const { CHROMIUM, CHROMIUM_ARGS } = await import('../../scripts/vscode/codeServer.mjs');
    assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (bash scripts/setup.sh installs it)`);
    const viewHtml = readFileSync(VIEW, 'utf8').replace(
      '<head>',
      `<head><meta http-equiv="Content-Security-Policy" content="${VSCODE_CSP}">`,
    );
    const bundled = await build({
      entryPoints: [join(__dirname, 'mcpAppHost', 'host.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      minify: true,
      write: false,
      logLevel: 'silent',
    });
    h = await startHarness();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    // Messages from the view's frame come here too (CSP violations included).
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.setContent('<!DOCTYPE html><html><body></body></html>');
    await page.evaluate((html) => Object.assign(globalThis, { __viewHtml: html }), viewHtml);
    await page.addScriptTag({ content: bundled.outputFiles[0].text });
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  const insightId = (name: string) =>
    h.standin.state
      .table(1, 'insights')
      .all()
      .find((i) => i.name === name)!.id as number;

  /** Calls the tool through MCP, hands its result to a fresh view, and waits for the view to draw. */
  async function show(tool: string, args: Record<string, unknown>): Promise<{ view: Frame; problems: string[] }> {
    const result = await h.mcp.callTool({ name: tool, arguments: args });
    problems.length = 0;
    const name = await page.evaluate(([res, a]) => (globalThis as unknown as { __show(r: unknown, a: unknown): string }).__show(res, a), [
      result,
      args,
    ] as const);
    await page.waitForFunction(() => (globalThis as unknown as { __host?: { initialized: boolean } }).__host?.initialized === true, null, {
      timeout: 10_000,
    });
    const view = page.frame({ name })!;
    await view.waitForSelector('.ph-chart, .error, .text', { timeout: 10_000 });
    return { view, problems };
  }

  const texts = (view: Frame, selector: string) => view.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').trim()));

  it('a trends insight with a breakdown: a line chart with a legend entry per breakdown value, the title, sized to its content', async () => {
    const { view, problems } = await show('run_insight_query', { insight_id: insightId('Pageviews by page'), display: 'ActionsBar' });
    const answer = (await h.registry.run('run_insight_query', { insight_id: insightId('Pageviews by page'), display: 'ActionsBar' })) as {
      chart: { series: Array<{ name: string }> };
    };
    const chart = await view.$('.ph-chart');
    assert.equal(await chart!.getAttribute('data-chart-kind'), 'trends');
    assert.equal(await chart!.getAttribute('data-chart-style'), 'bar');
    assert.equal(await chart!.getAttribute('data-series-count'), String(answer.chart.series.length));
    assert.deepEqual(
      await texts(view, '.ph-legend-label'),
      answer.chart.series.map((s) => s.name),
    );
    assert.ok(await view.$('canvas'), 'the plot is drawn');
    assert.deepEqual(await texts(view, 'header h1'), ['Pageviews by page']);
    await page.waitForFunction(() => (globalThis as unknown as { __host: { sizes: unknown[] } }).__host.sizes.length > 0);
    const sizes = await page.evaluate(() => (globalThis as unknown as { __host: { sizes: Array<{ height?: number }> } }).__host.sizes);
    assert.ok(sizes.at(-1)!.height! > 100, `the view reports its height (${sizes.at(-1)!.height})`);
    assert.deepEqual(problems, [], 'no CSP violation or error in the view');
  });

  it('a funnel: its three steps and the overall conversion', async () => {
    const { view, problems } = await show('run_insight_query', { insight_id: insightId('Signup funnel') });
    assert.equal(await (await view.$('.ph-chart'))!.getAttribute('data-series-count'), '3');
    assert.deepEqual(await texts(view, '.ph-funnel-name'), ['1. $pageview', '2. signed_up', '3. uploaded_file']);
    assert.match((await texts(view, '.ph-funnel-overall'))[0], /^Overall conversion: \d/);
    assert.deepEqual(problems, []);
  });

  it('"Open in PostHog" opens through the host, and the view answers the host\'s teardown request', async () => {
    const { view } = await show('run_insight_query', { insight_id: insightId('Signup funnel') });
    const href = await view.getAttribute('header a', 'href');
    assert.match(href ?? '', /^https?:\/\/.+\/insights\//);
    await view.click('header a');
    await page.waitForFunction(() => (globalThis as unknown as { __host: { links: string[] } }).__host.links.length > 0);
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as { __host: { links: string[] } }).__host.links), [href]);
    // A host waits for this answer before it removes the view.
    assert.deepEqual(await page.evaluate(() => (globalThis as unknown as { __teardown(): Promise<unknown> }).__teardown()), {});
  });

  it('follows a theme change from the host: the new colours on the page and the chart drawn again', async () => {
    const { view } = await show('run_insight_query', { insight_id: insightId('Pageview lifecycle') });
    assert.equal(await view.getAttribute('html', 'data-theme'), 'dark');
    await view.$eval('.ph-chart', (c) => c.setAttribute('data-before-change', ''));
    await page.evaluate(() =>
      (globalThis as unknown as { __setContext(c: unknown): void }).__setContext({
        theme: 'light',
        displayMode: 'inline',
        styles: { variables: { '--color-text-primary': '#111111', '--color-background-primary': '#ffffff', '--font-sans': 'sans-serif' } },
      }),
    );
    await view.waitForSelector('html[data-theme="light"]', { state: 'attached' });
    assert.equal(
      await view.$eval(
        'body',
        (b) =>
          // Runs in the page; the test's own lib has no DOM.
          (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(b).backgroundColor,
      ),
      'rgb(255, 255, 255)',
    );
    await view.waitForSelector('.ph-chart:not([data-before-change])', { state: 'attached' });
    assert.equal(await view.$$eval('.ph-chart', (c) => c.length), 1);
  });

  it('lifecycle: four stacked series named by status', async () => {
    const { view } = await show('run_insight_query', { insight_id: insightId('Pageview lifecycle') });
    assert.equal(await (await view.$('.ph-chart'))!.getAttribute('data-chart-style'), 'stacked-bar');
    assert.deepEqual(await texts(view, '.ph-legend-label'), ['new', 'returning', 'resurrecting', 'dormant']);
  });

  it('a HogQL result: a table with its columns', async () => {
    const { view } = await show('run_hogql_query', { query: 'SELECT event, count() FROM events GROUP BY event' });
    assert.equal(await (await view.$('.ph-chart'))!.getAttribute('data-chart-kind'), 'table');
    assert.deepEqual(await texts(view, '.ph-table:not(.ph-sr-only) thead th'), ['event', 'count()']);
  });

  it('a failed call: the error text, nothing drawn', async () => {
    const { view } = await show('run_insight_query', { insight_id: 999999 });
    assert.match((await texts(view, '.error'))[0], /insight 999999 was not found/);
    assert.equal(await view.$('.ph-chart'), null);
  });
});
