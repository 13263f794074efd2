/**
 * renderChart: draws a ChartModel (src/insights/chart.ts) into an element. The one renderer of the
 * insight and dashboard panels, the HogQL results chart and the MCP App view. Browser code: it
 * reads nothing but its arguments and the page's CSS variables.
 */
import type { ChartModel } from '../../insights/chart';
import './chart.css';
import { clipModel } from './clip';
import { codicon, el } from './dom';
import { funnelChart } from './funnel';
import { legend } from './legend';
import { bigNumber } from './number';
import { retentionTable } from './retention';
import { appendScreenReaderTable, dataTable } from './table';
import { readTheme, seriesColour, type ChartTheme } from './theme';
import { timeSeries, type SeriesStyle } from './timeseries';

export type { ChartTheme } from './theme';

export interface RenderOptions {
  /** Colours to use instead of the page's --vscode-* variables (a host that themes its own way). */
  theme?: Partial<ChartTheme>;
  /** Called after a legend toggle with the series' index and whether it now shows. */
  onLegendToggle?: (index: number, shown: boolean) => void;
  /** "Open in PostHog" for what the renderer does not draw: a link, or a handler (webviews ask the extension). */
  openInPostHog?: { url?: string; onOpen?: () => void };
  /** A short accessible name for the chart (the insight's name). */
  title?: string;
}

export interface ChartHandle {
  destroy(): void;
}

/** How each kind/display is drawn; undefined means "as a table". */
export function chartStyle(model: ChartModel): SeriesStyle | 'number' | 'funnel' | 'retention' | 'table' {
  switch (model.kind) {
    case 'funnels':
      return model.funnel ? 'funnel' : 'table';
    case 'retention':
      return model.retention ? 'retention' : 'table';
    case 'lifecycle':
      return 'stacked-bar';
    case 'stickiness':
      return 'bar';
    case 'trends':
      switch (model.display) {
        case 'line':
          return 'line';
        case 'bar':
          return 'bar';
        case 'area':
          return 'area';
        case 'stacked':
          return 'stacked-bar';
        case 'number':
          return 'number';
        default:
          return 'table';
      }
    default:
      return 'table';
  }
}

export function renderChart(container: HTMLElement, input: ChartModel, options: RenderOptions = {}): ChartHandle {
  const { model, note } = clipModel(input);
  const theme = readTheme(container, options.theme);
  const style = chartStyle(model);
  const title = options.title ?? 'Chart';
  const root = el('div', {
    class: 'ph-chart',
    'data-chart-style': style,
    'data-chart-kind': String(model.kind),
    role: 'figure',
    'aria-label': title,
  });
  container.replaceChildren(root);
  if (note) root.append(el('p', { class: 'ph-note', role: 'note' }, codicon('info'), ` ${note}`));
  const cleanups: (() => void)[] = [];

  const isSeries = style === 'line' || style === 'bar' || style === 'area' || style === 'stacked-bar' || style === 'stacked-area';
  if (isSeries && (model.series.length === 0 || model.labels.length === 0)) {
    root.append(el('p', { class: 'ph-empty' }, 'No data for this date range.'));
  } else if (isSeries) {
    // Legend and plot box go in before uPlot draws: DOM changes after it restyle the page under its canvas text.
    const plotBox = el('div', { class: 'ph-plot' });
    root.append(
      legend(
        model.series.map((s, i) => ({ label: s.name, colour: seriesColour(theme, i), dashed: s.compare === 'previous' })),
        (index, shown) => {
          drawn.setShown(index, shown);
          options.onLegendToggle?.(index, shown);
        },
      ),
      plotBox,
    );
    // One layout read: read again after uPlot adds its DOM, it made the browser lay the page out twice.
    let lastWidth = widthOf(container);
    const drawn = timeSeries(plotBox, model, style, theme, lastWidth);
    // Redraw only when the width really changed (the observer also fires once on observe).
    const observer = new ResizeObserver(() => {
      const w = widthOf(container);
      if (w !== lastWidth) drawn.resize((lastWidth = w));
    });
    observer.observe(container);
    cleanups.push(
      () => observer.disconnect(),
      () => drawn.destroy(),
    );
  } else if (style === 'number') {
    root.append(bigNumber(model));
  } else if (style === 'funnel') {
    root.append(funnelChart(model, theme));
  } else if (style === 'retention') {
    root.append(retentionTable(model, theme));
  } else {
    root.append(dataTable(model.table, title));
    if (model.kind !== 'table' && model.display !== 'table')
      root.append(openLink(options, 'This kind of insight is shown as a table here.'));
  }
  // Everything drawn as a picture also gets the same data as a table for screen readers.
  // The chart draws first; its copy as a table follows in idle time once it is painted (a big hidden
  // table in the page would slow every canvas text the chart draws).
  if (style !== 'table' && style !== 'retention') cleanups.push(appendScreenReaderTable(root, model.table, `${title}: data`));
  root.setAttribute(
    'data-series-count',
    String(
      style === 'funnel'
        ? (model.funnel?.steps.length ?? 0)
        : style === 'retention'
          ? (model.retention?.cohorts.length ?? 0)
          : model.series.length,
    ),
  );

  return {
    destroy() {
      for (const c of cleanups) c();
      root.remove();
    },
  };
}

function widthOf(container: HTMLElement): number {
  return Math.max(240, Math.floor(container.clientWidth || 600));
}

function openLink(options: RenderOptions, text: string): HTMLElement {
  const open = options.openInPostHog;
  const p = el('p', { class: 'ph-open' }, `${text} `);
  if (open?.onOpen) {
    const button = el('button', { type: 'button', class: 'ph-button' }, codicon('link-external'), ' Open in PostHog');
    button.addEventListener('click', () => open.onOpen?.());
    p.append(button);
  } else if (open?.url) {
    p.append(el('a', { href: open.url, target: '_blank', rel: 'noopener' }, 'Open in PostHog'));
  }
  return p;
}
