/** The dashboard panel's page: its tiles in PostHog's layout order, charts and text, each tile opening its insight. */
import type { DashboardHostMessage, DashboardTileState, DashboardViewState } from '../../insights/panelMessages';
import { renderChart, type ChartHandle } from '../chart';
import { codicon, el } from '../chart/dom';
import { ago, initialState, post } from '../common/host';
import { button } from '../common/controls';
import '../common/page.css';
import './dashboard.css';
import { renderMarkdown } from './markdown';

const root = document.getElementById('root')!;
const title = el('h1', {});
const description = el('p', { class: 'description' });
const refresh = button('Refresh all', 'refresh', () => post({ type: 'refresh' }));
const error = el('div', { class: 'error', role: 'alert' });
const grid = el('div', { class: 'tiles' });
root.append(title, description, el('div', { class: 'toolbar' }, refresh), error, grid);

const tiles = new Map<number, { element: HTMLElement; chart?: ChartHandle; state?: DashboardTileState }>();

function showDashboard(state: DashboardViewState): void {
  document.title = state.dashboard.name;
  title.textContent = state.dashboard.name;
  description.textContent = state.dashboard.description ?? '';
  description.hidden = !state.dashboard.description;
  error.hidden = state.status !== 'error';
  error.textContent = state.error ?? '';
  refresh.disabled = state.status === 'loading' || state.tiles.some((t) => t.status === 'loading');
  document.body.dataset.status = state.status;
  const keep = new Set(state.tiles.map((t) => t.tileId));
  for (const [id, t] of tiles) {
    if (keep.has(id)) continue;
    t.chart?.destroy();
    t.element.remove();
    tiles.delete(id);
  }
  for (const tile of state.tiles) showTile(tile);
  // Layout order, as the extension sends the tiles.
  grid.replaceChildren(...state.tiles.map((t) => tiles.get(t.tileId)!.element));
}

function showTile(tile: DashboardTileState): void {
  let entry = tiles.get(tile.tileId);
  if (!entry) {
    entry = { element: el('section', { class: 'tile' }) };
    tiles.set(tile.tileId, entry);
  }
  const previous = entry.state;
  entry.state = tile;
  const section = entry.element;
  section.dataset.tile = String(tile.tileId);
  section.dataset.type = tile.type;
  section.dataset.status = tile.status;
  const span = Math.max(3, Math.min(12, tile.layout?.w ?? 6));
  section.style.gridColumn = `span ${span}`;
  if (tile.type === 'text') {
    if (previous?.text === tile.text && section.firstChild) return;
    const body = el('div', { class: 'tile-text' });
    body.innerHTML = renderMarkdown(tile.text ?? '');
    section.replaceChildren(body);
    return;
  }
  if (previous && previous.status === tile.status && previous.chart === tile.chart && previous.error === tile.error && section.firstChild)
    return;
  entry.chart?.destroy();
  entry.chart = undefined;
  const name = tile.name ?? 'Untitled insight';
  const heading = el('h2', { class: 'tile-title' });
  if (tile.insightId !== undefined) {
    const open = el(
      'button',
      { type: 'button', class: 'tile-open', title: `Open ${name} in its own panel` },
      name,
      ' ',
      codicon('go-to-file'),
    );
    const id = tile.insightId;
    open.addEventListener('click', () => post({ type: 'openInsight', insightId: id }));
    heading.append(open);
  } else heading.append(name);
  const meta = el(
    'p',
    { class: 'tile-meta' },
    tile.status === 'loading' ? 'Computing…' : tile.computedAt ? `Computed ${ago(tile.computedAt)}` : '',
  );
  const body = el('div', { class: 'tile-body' });
  section.replaceChildren(heading, meta, body);
  if (tile.status === 'error')
    body.append(el('div', { class: 'error', role: 'alert' }, tile.error ?? 'This insight could not be computed.'));
  else if (tile.chart)
    entry.chart = renderChart(body, tile.chart, {
      title: name,
      openInPostHog: { onOpen: () => post({ type: 'openInPostHog', insightId: tile.insightId }) },
    });
}

window.addEventListener('message', (e: MessageEvent<DashboardHostMessage>) => {
  if (e.data?.type === 'state') showDashboard(e.data.state);
  else if (e.data?.type === 'tile') {
    const entry = tiles.get(e.data.tile.tileId);
    if (entry) showTile(e.data.tile);
    refresh.disabled = [...tiles.values()].some((t) => t.state?.status === 'loading');
  }
});
const first = initialState<DashboardViewState>();
if (first) showDashboard(first);
post({ type: 'ready' });
