/**
 * The HogQL results page (src/vscode/hogql/resultsPanel.ts opens it): the row count and elapsed
 * time, export and copy buttons, a line chart when the result has dates and numbers, the
 * virtualised table, or the query's error. Data arrives by postMessage; what the page asks of
 * the extension (copy, export, run again) goes back the same way and is validated there.
 */
import './results.css';
import type { PageMessage, PanelMessage, ResultsState } from '../../insights/hogql/protocol';
import { drawResultChart } from './chart';
import { VirtualTable, el, type Selection } from './table';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : { postMessage: () => undefined };
const send = (m: PageMessage) => api.postMessage(m);
const root = document.getElementById('root') ?? document.body;

function button(label: string, title: string, onClick: () => void, disabled = false): HTMLButtonElement {
  const b = el('button');
  b.textContent = label;
  b.title = title;
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

function plural(n: number, one: string): string {
  return `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;
}

function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

let table: VirtualTable | undefined;

function render(state: ResultsState): void {
  table?.destroy();
  table = undefined;
  const toolbar = el('div', 'toolbar');
  const summary = el('span', 'summary');
  summary.setAttribute('role', 'status');
  toolbar.append(summary);
  const parts: HTMLElement[] = [toolbar];

  if (state.status === 'running') {
    summary.textContent = 'Running…';
    const running = el('div', 'running');
    running.textContent = 'Running the query in PostHog. Cancel from the notification.';
    const query = el('pre', 'query');
    query.textContent = state.query;
    parts.push(running, query);
    root.replaceChildren(...parts);
    return;
  }
  toolbar.append(button('Run Again', 'Run the query again', () => send({ type: 'rerun' })));
  if (state.status === 'error') {
    summary.textContent = `Query failed${state.elapsedMs !== undefined ? ` after ${formatMs(state.elapsedMs)}` : ''}`;
    const error = el('div', 'error');
    error.setAttribute('role', 'alert');
    error.textContent = state.error;
    const query = el('pre', 'query');
    query.textContent = state.query;
    parts.push(error, query);
    root.replaceChildren(...parts);
    return;
  }

  const strong = el('strong');
  strong.textContent = plural(state.rows.length, 'row');
  summary.append(strong, ` ${state.hasMore ? '(more in PostHog) ' : ''}in ${formatMs(state.elapsedMs)}`);
  const copyCell = button('Copy Cell', 'Copy the selected cell (Ctrl/Cmd+C)', () => copy('cell'), true);
  const copyRow = button('Copy Row', 'Copy the selected row, tab-separated (Ctrl/Cmd+Shift+C)', () => copy('row'), true);
  toolbar.append(
    copyCell,
    copyRow,
    button('Export CSV', 'Save the result as CSV', () => send({ type: 'export', format: 'csv' })),
    button('Export JSON', 'Save the result as JSON', () => send({ type: 'export', format: 'json' })),
  );
  if (state.truncated) {
    const note = el('div', 'note');
    note.textContent = state.truncated;
    parts.push(note);
  }
  let chartHost: HTMLDivElement | undefined;
  if (state.chart) {
    chartHost = el('div', 'chart');
    chartHost.setAttribute('aria-label', 'Chart of the result');
    parts.push(chartHost);
  }
  root.replaceChildren(...parts);
  if (chartHost && state.chart) drawResultChart(chartHost, state.chart);

  if (state.columns.length === 0 || state.rows.length === 0) {
    const empty = el('div', 'empty');
    empty.textContent = state.columns.length ? 'The query returned no rows.' : 'The query returned no columns.';
    root.append(empty);
    return;
  }
  const onSelect = (s: Selection | undefined) => {
    copyCell.disabled = !s;
    copyRow.disabled = !s;
  };
  const shown = new VirtualTable(root, state.columns, state.rows, onSelect);
  table = shown;
  function copy(what: 'cell' | 'row') {
    const s = shown.selection;
    if (!s) return;
    send(what === 'cell' ? { type: 'copyCell', row: s.row, col: s.col } : { type: 'copyRow', row: s.row });
  }
  document.onkeydown = (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && !window.getSelection()?.toString()) {
      e.preventDefault();
      copy(e.shiftKey ? 'row' : 'cell');
    }
  };
}

window.addEventListener('message', (event: MessageEvent<PanelMessage>) => {
  const m = event.data;
  if (m && typeof m === 'object' && m.type === 'state') {
    const started = performance.now();
    render(m.state);
    // For the bench and tests: when the last state was drawn, and how long it took.
    document.body.dataset.renderedMs = String(performance.now() - started);
    document.body.dataset.status = m.state.status;
  }
});
send({ type: 'ready' });
