/** The insight panel's page: name, description, controls, the chart, when it was computed. */
import type { InsightHostMessage, InsightViewState } from '../../insights/panelMessages';
import { renderChart, type ChartHandle } from '../chart';
import { el } from '../chart/dom';
import { ago, initialState, post } from '../common/host';
import { button, dateRangeControl, intervalControl } from '../common/controls';
import '../common/page.css';

const root = document.getElementById('root')!;
const title = el('h1', {});
const description = el('p', { class: 'description' });
const range = dateRangeControl((r) => post({ type: 'setDateRange', range: r }));
const interval = intervalControl((i) => post({ type: 'setInterval', interval: i }));
const refresh = button('Refresh', 'refresh', () => post({ type: 'refresh' }));
const save = button('Save to insight', 'save', () => post({ type: 'save' }), true);
const open = button('Open in PostHog', 'link-external', () => post({ type: 'openInPostHog' }));
const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
const error = el('div', { class: 'error', role: 'alert' });
const chartBox = el('div', { class: 'chart' });
root.append(
  title,
  description,
  el('div', { class: 'toolbar' }, range.element, interval.element, refresh, save, el('span', { class: 'spacer' }), open),
  status,
  error,
  chartBox,
);

let chart: ChartHandle | undefined;
let drawn = -1;

function show(state: InsightViewState): void {
  document.title = state.insight.name;
  title.textContent = state.insight.name;
  description.textContent = state.insight.description ?? '';
  description.hidden = !state.insight.description;
  range.set(state.range);
  interval.set(state.interval ?? (state.chart?.interval as InsightViewState['interval']));
  interval.element.hidden = !state.hasInterval;
  save.hidden = !state.changed;
  save.disabled = !!state.saving;
  refresh.disabled = state.status === 'loading';
  open.hidden = !state.insight.url;
  status.textContent =
    state.status === 'loading'
      ? 'Computing…'
      : state.computedAt
        ? `Computed ${ago(state.computedAt)}${state.cached ? ' (from PostHog’s cache)' : ''}`
        : '';
  status.title = state.computedAt ?? '';
  error.hidden = state.status !== 'error';
  error.textContent = state.error ?? '';
  document.body.dataset.status = state.status;
  if (state.chart && state.revision !== drawn) {
    chart?.destroy();
    drawn = state.revision;
    chart = renderChart(chartBox, state.chart, {
      title: state.insight.name,
      openInPostHog: { onOpen: () => post({ type: 'openInPostHog' }) },
    });
  } else if (!state.chart && state.status === 'error') {
    chart?.destroy();
    chart = undefined;
    drawn = -1;
  }
}

window.addEventListener('message', (e: MessageEvent<InsightHostMessage>) => {
  if (e.data?.type === 'state') show(e.data.state);
});
const first = initialState<InsightViewState>();
if (first) show(first);
post({ type: 'ready' });
