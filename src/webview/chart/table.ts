import type { ChartTable } from '../../insights/chart';
import { el } from './dom';
import { cellText } from './format';

/** Rows and columns drawn in a table at most: more would stall the page; a note says what is left out. */
export const MAX_TABLE_ROWS = 1000;
export const MAX_TABLE_COLUMNS = 100;

/**
 * The data as an HTML table. `hidden` makes it the screen readers' copy of a chart (visually
 * hidden, still read); otherwise it is the visible table of the "table" display or an unknown kind.
 */
export function dataTable(table: ChartTable, caption: string, hidden = false): HTMLElement {
  const rows = table.rows.slice(0, MAX_TABLE_ROWS);
  const head = el('tr', {}, ...table.columns.map((c) => el('th', { scope: 'col' }, c)));
  const body = rows.map((row) =>
    el('tr', {}, ...row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cellText(cell)) : el('td', {}, cellText(cell))))),
  );
  const t = el(
    'table',
    { class: hidden ? 'ph-table ph-sr-only' : 'ph-table' },
    el('caption', {}, caption),
    el('thead', {}, head),
    el('tbody', {}, ...body),
  );
  if (hidden) t.setAttribute('data-role', 'sr-table');
  if (table.rows.length <= MAX_TABLE_ROWS) return t;
  const note = el(
    'p',
    { class: 'ph-note', role: 'note' },
    `Showing the first ${MAX_TABLE_ROWS.toLocaleString('en-US')} of ${table.rows.length.toLocaleString('en-US')} rows.`,
  );
  return hidden ? el('div', { class: 'ph-sr-only', 'data-role': 'sr-table' }, t, note) : el('div', { class: 'ph-table-wrap' }, t, note);
}

/** The longest the screen readers' table may hold the page in one go (ms): the chart stays responsive. */
const SLICE_MS = 8;
/** The longest a slice waits for the page to be idle (ms): a page that is never idle still gets its table. */
const IDLE_TIMEOUT_MS = 500;

/**
 * Runs `fn` when the page is idle, with the time it may take: after the frame the chart is painted
 * in, not before it. Safari (an MCP App host may be a browser) has no requestIdleCallback: a timer.
 */
function whenIdle(fn: (budgetMs: number) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback((d) => fn(d.didTimeout ? SLICE_MS : Math.min(SLICE_MS, d.timeRemaining())), {
      timeout: IDLE_TIMEOUT_MS,
    });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => fn(SLICE_MS), 0);
  return () => clearTimeout(id);
}

/**
 * The screen readers' copy of a chart, added and filled a slice at a time while the page is idle,
 * after the chart is painted: built in one go, 1,000 rows of 50 series held a 50 × 2,000 chart's
 * page for seconds (npm run bench, charts), and a table added before the chart's first frame made
 * that frame lay it out. `data-complete` is set once every row is in. Returns a function that stops it.
 */
export function appendScreenReaderTable(parent: HTMLElement, table: ChartTable, caption: string): () => void {
  const rows = table.rows.slice(0, MAX_TABLE_ROWS);
  const tbody = el('tbody', {});
  let t: HTMLElement | undefined;
  let next = 0;
  let cancel = whenIdle(fill);
  function fill(budgetMs: number): void {
    const until = performance.now() + budgetMs;
    if (!t) {
      t = el(
        'table',
        { class: 'ph-table ph-sr-only', 'data-role': 'sr-table' },
        el('caption', {}, caption),
        el('thead', {}, el('tr', {}, ...table.columns.map((c) => el('th', { scope: 'col' }, c)))),
        tbody,
      );
      parent.append(t);
    }
    const chunk = document.createDocumentFragment();
    // At least one row a slice, however short the idle time: the table always gets filled.
    do {
      if (next >= rows.length) break;
      const row = rows[next++];
      chunk.append(
        el('tr', {}, ...row.map((cell, i) => (i === 0 ? el('th', { scope: 'row' }, cellText(cell)) : el('td', {}, cellText(cell))))),
      );
    } while (performance.now() < until);
    tbody.append(chunk);
    if (next < rows.length) {
      cancel = whenIdle(fill);
      return;
    }
    if (table.rows.length > MAX_TABLE_ROWS) {
      parent.append(
        el(
          'p',
          { class: 'ph-note ph-sr-only', role: 'note' },
          `Showing the first ${MAX_TABLE_ROWS.toLocaleString('en-US')} of ${table.rows.length.toLocaleString('en-US')} rows.`,
        ),
      );
    }
    t.setAttribute('data-complete', 'true');
  }
  return () => cancel();
}
