import type { ChartTable } from '../../insights/chart';
import { el } from './dom';
import { cellText } from './format';

/** Rows drawn in a table at most: more would stall the page; the rest is said in a note. */
export const MAX_TABLE_ROWS = 1000;

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
