/**
 * The chart renderer in headless Chromium: every kind draws from its ChartModel (pixels on the canvas
 * or the HTML bars and cells), with the right series and labels, a legend that hides a series, the
 * screen readers' table, and a table with "Open in PostHog" for a kind it does not know.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { ChartModel } from '../../src/insights/chart';
import * as fx from './fixtures';
import { chartPage, pageErrors, type ChartPage } from './page';

let cp: ChartPage;
before(async () => {
  cp = await chartPage();
});
after(async () => {
  await cp?.close();
});

async function render(model: ChartModel, theme: 'light' | 'dark' = 'light', options: object = {}): Promise<Page> {
  const page = await cp.open(theme);
  // As JSON text, as postMessage hands it over (Playwright's own serialiser is slow on big arrays).
  await page.evaluate(
    ([m, o]) =>
      (window as unknown as { renderChart(el: HTMLElement, m: unknown, o: object): void }).renderChart(
        document.getElementById('chart')!,
        JSON.parse(m),
        o,
      ),
    [JSON.stringify(model), options] as const,
  );
  return page;
}

/** Pixels on the plot's canvas within a small distance of an RGB colour (or any non-background pixel). */
async function pixels(page: Page, rgb?: [number, number, number]): Promise<number> {
  return page.evaluate((target) => {
    const canvas = document.querySelector('.ph-plot canvas') as HTMLCanvasElement | null;
    if (!canvas) return -1;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      if (!target) n++;
      else if (Math.abs(data[i] - target[0]) < 40 && Math.abs(data[i + 1] - target[1]) < 40 && Math.abs(data[i + 2] - target[2]) < 40) n++;
    }
    return n;
  }, rgb);
}

const legendLabels = (page: Page) => page.locator('.ph-legend-item').allTextContents();
async function srRows(page: Page): Promise<number> {
  // Filled a slice at a time after the chart paints: count once every row is in.
  await page.locator('[data-role="sr-table"][data-complete]').first().waitFor({ state: 'attached' });
  return page.locator('[data-role="sr-table"] tbody tr').count();
}
const attr = (page: Page, name: string) => page.locator('.ph-chart').getAttribute(name);

describe('renderChart in Chromium', () => {
  for (const display of ['line', 'bar', 'area', 'stacked'] as const) {
    it(`draws trends as ${display} with every series in the legend and the screen readers' table`, async () => {
      const model = fx.trends(display);
      const page = await render(model);
      assert.ok((await pixels(page)) > 500, 'the canvas has the chart drawn on it');
      assert.deepEqual(await legendLabels(page), ['$pageview', 'signed_up', 'purchase']);
      assert.equal(await attr(page, 'data-series-count'), '3');
      assert.equal(await srRows(page), 3);
      const ticks = await page.evaluate(() => document.querySelector('.ph-plot')!.textContent);
      assert.equal(ticks, '', 'uPlot draws axis labels on canvas (no stray text)');
      assert.deepEqual(pageErrors(page), []);
      await page.close();
    });
  }

  it('hides a series when its legend button is pressed, and shows it again', async () => {
    const page = await render(fx.trends('line'));
    const blue: [number, number, number] = [0x1a, 0x85, 0xff];
    const before = await pixels(page, blue);
    assert.ok(before > 100, `the first series is drawn in --vscode-charts-blue (${before} px)`);
    const button = page.locator('.ph-legend-item').first();
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.ok((await pixels(page, blue)) < before / 10, 'the hidden series is no longer drawn');
    await page.keyboard.press('Space');
    assert.ok((await pixels(page, blue)) > before / 2, 'shown again');
    await page.close();
  });

  it('re-stacks a stacked chart when a series is hidden', async () => {
    const page = await render(fx.lifecycle());
    const green: [number, number, number] = [0x38, 0x8a, 0x34];
    assert.ok((await pixels(page, green)) > 100, 'the third series (resurrecting) is drawn');
    await page.locator('.ph-legend-item').nth(2).click();
    assert.ok((await pixels(page, green)) < 20);
    assert.deepEqual(await legendLabels(page), ['new', 'returning', 'resurrecting', 'dormant']);
    await page.close();
  });

  it('shows exact values in the tooltip, by mouse and by arrow keys', async () => {
    const model = fx.trends('line');
    const page = await render(model);
    await page.locator('.ph-plot .u-over').focus();
    await page.keyboard.press('Home');
    const tooltip = page.locator('.ph-tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.textContent();
    assert.ok(text?.includes(model.labels[0]), text ?? '');
    assert.ok(text?.includes(model.series[1].data[0].toLocaleString('en-US')), text ?? '');
    await page.keyboard.press('ArrowRight');
    assert.ok((await tooltip.textContent())?.includes(model.labels[1]));
    const box = (await page.locator('.ph-plot .u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2);
    assert.ok((await tooltip.textContent())?.includes(model.labels[model.labels.length - 1]));
    await page.close();
  });

  it('draws a breakdown as one series per value and "compare to previous" with a dashed legend swatch', async () => {
    let page = await render(fx.breakdown());
    assert.deepEqual(await legendLabels(page), ['$pageview - Chrome', '$pageview - Firefox', '$pageview - Safari']);
    await page.close();
    page = await render(fx.compare());
    assert.deepEqual(await legendLabels(page), ['$pageview (current)', '$pageview (previous)']);
    assert.equal(await page.locator('.ph-legend-item .ph-swatch-dashed').count(), 1);
    assert.ok((await pixels(page)) > 300);
    await page.close();
  });

  it('draws a single value as a big number', async () => {
    const page = await render(fx.bigNumber());
    assert.equal(await page.locator('.ph-number-value').textContent(), '4,213');
    assert.equal(await page.locator('.ph-number-label').textContent(), 'signed_up');
    assert.equal(await srRows(page), 1);
    await page.close();
  });

  it('draws a funnel as bars with conversion and drop-off per step and the overall conversion', async () => {
    const page = await render(fx.funnel());
    assert.equal(await attr(page, 'data-series-count'), '3');
    assert.equal(await page.locator('.ph-funnel-overall').textContent(), 'Overall conversion: 31%');
    const figures = await page.locator('.ph-funnel-figures').allTextContents();
    assert.deepEqual(figures, ['1,000 · 100% converted', '620 · 62% converted · 38% dropped off', '310 · 31% converted · 50% dropped off']);
    const widths = await page.locator('.ph-funnel-bar').evaluateAll((bars) => bars.map((b) => Math.round(b.getBoundingClientRect().width)));
    assert.ok(widths[0] > widths[1] && widths[1] > widths[2] && widths[2] > 0, `bars shrink with the funnel: ${widths}`);
    await page.close();
  });

  it('draws retention as a heat map: one row per cohort, darker where more are retained', async () => {
    const page = await render(fx.retention(), 'dark');
    assert.equal(await page.locator('.ph-retention tbody tr').count(), 5);
    assert.deepEqual(await page.locator('.ph-retention thead th').allTextContents(), [
      'Cohort',
      'Size',
      'Day 0',
      'Day 1',
      'Day 2',
      'Day 3',
      'Day 4',
    ]);
    const alphas = await page
      .locator('.ph-retention tbody tr:first-child td.ph-heat')
      .evaluateAll((cells) => cells.map((c) => Number(/rgba\([^)]*,\s*([\d.]+)\)/.exec(getComputedStyle(c).backgroundColor)?.[1] ?? 1)));
    assert.ok(alphas[0] > alphas[1] && alphas[1] > alphas[4], `shading follows the share retained: ${alphas}`);
    await page.close();
  });

  it('draws stickiness as bars beside each other', async () => {
    const page = await render(fx.stickiness());
    assert.equal(await attr(page, 'data-chart-style'), 'bar');
    assert.deepEqual(await legendLabels(page), ['$pageview', 'signed_up']);
    assert.ok((await pixels(page, [0xd1, 0x86, 0x16])) > 50, 'the second series has its own bars');
    await page.close();
  });

  it('gives a kind it does not know as a table with "Open in PostHog"', async () => {
    const page = await render(fx.unknownKind(), 'light', { openInPostHog: { url: 'https://us.posthog.com/project/1/insights/abc' } });
    assert.equal(await page.locator('.ph-chart table:not(.ph-sr-only) tbody tr').count(), 2);
    const link = page.locator('.ph-open a');
    assert.equal(await link.textContent(), 'Open in PostHog');
    assert.equal(await link.getAttribute('href'), 'https://us.posthog.com/project/1/insights/abc');
    assert.equal(await page.locator('canvas').count(), 0);
    await page.close();
  });

  it('shows the trends "table" display as a visible table, without an Open in PostHog link', async () => {
    const page = await render(fx.trends('table'));
    assert.equal(await page.locator('.ph-chart > table tbody tr').count(), 3);
    assert.equal(await page.locator('.ph-open').count(), 0);
    await page.close();
  });

  it('clips a huge result with a note and stays responsive', async () => {
    const page = await render(fx.huge(120, 6000));
    const note = await page.locator('.ph-note').textContent();
    assert.match(note ?? '', /Showing 100 of 120 series/);
    assert.match(note ?? '', /last 5,000 of 6,000 points/);
    assert.equal(await page.locator('.ph-legend-item').count(), 100);
    // The page answers straight after drawing: not frozen.
    assert.equal(await page.evaluate(() => 1 + 1), 2);
    await page.close();
  });

  it('says so when there is no data instead of an empty chart', async () => {
    const page = await render({ ...fx.trends('line'), labels: [], series: [] });
    assert.equal(await page.locator('.ph-empty').textContent(), 'No data for this date range.');
    await page.close();
  });
});
