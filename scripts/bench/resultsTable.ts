/**
 * The HogQL results table (src/webview/results/) in headless Chromium: 10,000 rows × 10 columns
 * handed to the page as a message event, timed from the event to the frame after the table is
 * drawn (two animation frames: the browser has painted). Beside it, in the same page and run:
 * the floor (a message nobody draws, then the same two frames) and a peer (the same rows written
 * as one plain HTML table, what the page would cost without windowing).
 */
import { buildPage, launch, openPage } from '../../test/helpers/webviewPage';
import { median, round } from './lib';

export interface ResultsTableResult {
  rows: number;
  columns: number;
  shown_ms_p50: number;
  floor_ms_p50: number;
  plain_table_ms_p50: number;
}

export async function measureResultsTable(n: number): Promise<ResultsTableResult> {
  const built = await buildPage('results');
  const browser = await launch();
  try {
    const p = await openPage(browser, built.dir, { width: 1280, height: 800 });
    const times = await p.page.evaluate(async (reps) => {
      const g = globalThis as unknown as {
        performance: { now(): number };
        requestAnimationFrame(cb: () => void): void;
        dispatchEvent(e: unknown): void;
        MessageEvent: new (type: string, init: { data: unknown }) => unknown;
        document: { body: { append(e: unknown): void }; createElement(t: string): { innerHTML: string; remove(): void } };
      };
      const frames = () => new Promise<void>((resolve) => g.requestAnimationFrame(() => g.requestAnimationFrame(() => resolve())));
      const columns = ['id', 'event', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'];
      const rows = Array.from({ length: 10_000 }, (_r, i) => [
        i,
        `event_${i % 7}`,
        ...Array.from({ length: 8 }, (_c, j) => (i * 31 + j) % 1000),
      ]);
      const out = { shown: [] as number[], floor: [] as number[], plain: [] as number[] };
      for (let i = 0; i < reps + 2; i++) {
        const state = { status: 'done', query: 'SELECT …', columns, rows: rows.map((r) => r.slice()), hasMore: false, elapsedMs: 1 };
        let t = g.performance.now();
        g.dispatchEvent(new g.MessageEvent('message', { data: { type: 'state', state } }));
        await frames();
        const shown = g.performance.now() - t;

        t = g.performance.now();
        g.dispatchEvent(new g.MessageEvent('message', { data: { type: 'nothing' } }));
        await frames();
        const floor = g.performance.now() - t;

        t = g.performance.now();
        const holder = g.document.createElement('div');
        holder.innerHTML = `<table>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table>`;
        g.document.body.append(holder);
        await frames();
        const plain = g.performance.now() - t;
        holder.remove();
        if (i >= 2) {
          out.shown.push(shown);
          out.floor.push(floor);
          out.plain.push(plain);
        }
      }
      return out;
    }, n);
    await p.close();
    return {
      rows: 10_000,
      columns: 10,
      shown_ms_p50: round(median(times.shown), 1),
      floor_ms_p50: round(median(times.floor), 1),
      plain_table_ms_p50: round(median(times.plain), 1),
    };
  } finally {
    await browser.close();
    built.dispose();
  }
}
