/**
 * The HogQL results page in headless Chromium: 10,000 rows with only a window of them in the DOM,
 * scrolling shows later rows, sorting reorders, copy names the row in the data, a chart for dates
 * and numbers, and an error shown in the panel.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { buildPage, launch, openPage, type WebviewPage } from '../helpers/webviewPage';
import type { ResultsState } from '../../src/insights/hogql/protocol';
import { resultChart } from '../../src/insights/hogql/resultChart';

const COLUMNS = ['id', 'event', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'];
const ROWS = Array.from({ length: 10_000 }, (_r, i) => [i, `event_${i % 7}`, ...Array.from({ length: 8 }, (_c, j) => (i * 31 + j) % 1000)]);

function done(columns: string[], rows: unknown[][], extra: Partial<ResultsState> = {}): { type: 'state'; state: ResultsState } {
  return {
    type: 'state',
    state: { status: 'done', query: 'SELECT …', columns, rows, hasMore: false, elapsedMs: 42, ...extra } as ResultsState,
  };
}

describe('HogQL results page (headless Chromium)', () => {
  let browser: Browser;
  let built: Awaited<ReturnType<typeof buildPage>>;
  let p: WebviewPage;
  before(async () => {
    built = await buildPage('results');
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    built?.dispose();
  });

  it('shows 10,000 rows with only a window of them in the DOM, and later rows on scroll', async () => {
    p = await openPage(browser, built.dir);
    assert.deepEqual(await p.sent(), [{ type: 'ready' }], 'the page asks for its state first');
    await p.post(done(COLUMNS, ROWS));
    await p.page.waitForSelector('body[data-status="done"]');
    assert.match((await p.page.textContent('.summary')) ?? '', /10,000 rows in 42 ms/);
    const drawn = await p.page.locator('.row').count();
    assert.ok(drawn > 10 && drawn < 80, `${drawn} rows in the DOM`);
    assert.equal(await p.page.locator('.row').first().locator('.cell').nth(1).textContent(), '0');

    await p.page.locator('.scroller').evaluate((e) => (e.scrollTop = 22 * 6000));
    await p.page.waitForFunction(() => {
      const cells = (
        globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }
      ).document.querySelectorAll('.row .cell:nth-child(2)');
      return Array.from(cells).some((c) => c.textContent === '6000');
    });
    assert.ok((await p.page.locator('.row').count()) < 80, 'still a window after scrolling');
    await p.page.screenshot({ path: 'screenshots/hogql-results-table.png' });
  });

  it('sorts by a column header, descending on the second click', async () => {
    await p.page.locator('.scroller').evaluate((e) => (e.scrollTop = 0));
    const header = p.page.locator('.th', { hasText: 'id' }).first();
    await header.click();
    await header.click();
    await p.page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document;
      return doc.querySelector('.row .cell:nth-child(2)')?.textContent === '9999';
    });
    assert.equal(await header.getAttribute('aria-sort'), 'descending');
  });

  it('copy names the selected cell by its row in the data, whatever the order on screen', async () => {
    await p.page.locator('.row').first().locator('.cell').nth(2).click();
    await p.page.getByRole('button', { name: 'Copy Cell' }).click();
    await p.page.getByRole('button', { name: 'Copy Row' }).click();
    await p.page.getByRole('button', { name: 'Export CSV' }).click();
    const sent = await p.sent();
    assert.deepEqual(sent.slice(-3), [
      { type: 'copyCell', row: 9999, col: 1 },
      { type: 'copyRow', row: 9999 },
      { type: 'export', format: 'csv' },
    ]);
    await p.close();
  });

  it('draws a line chart above the table when the result has dates and numbers', async () => {
    p = await openPage(browser, built.dir);
    const columns = ['day', 'pageviews', 'signups'];
    const rows = Array.from({ length: 30 }, (_r, i) => [`2026-11-${String(i + 1).padStart(2, '0')}`, 100 + ((i * 37) % 50), 5 + (i % 4)]);
    await p.post(done(columns, rows, { chart: resultChart(columns, rows) }));
    await p.page.waitForSelector('body[data-status="done"]');
    await p.page.waitForSelector('.chart canvas, .chart svg');
    assert.equal(await p.page.locator('.chart [data-chart-style="line"]').count(), 1);
    await p.page.screenshot({ path: 'screenshots/hogql-results-chart.png' });
    await p.close();
  });

  it('shows a query error in the panel, with the query, and no table', async () => {
    p = await openPage(browser, built.dir);
    await p.post({
      type: 'state',
      state: { status: 'error', query: 'SELECT nope FROM events', error: 'Unable to resolve field: nope', elapsedMs: 12 },
    });
    await p.page.waitForSelector('body[data-status="error"]');
    assert.equal(await p.page.getByRole('alert').textContent(), 'Unable to resolve field: nope');
    assert.equal(await p.page.locator('.row').count(), 0);
    await p.close();
  });
});
