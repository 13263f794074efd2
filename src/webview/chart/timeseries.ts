import uPlot from 'uplot';
import type { ChartModel } from '../../insights/chart';
import { groupedBars, stackedBars } from './bars';
import { compact } from './format';
import { stack } from './stack';
import { seriesColour, type ChartTheme } from './theme';
import { tooltipPlugin } from './tooltip';

export type SeriesStyle = 'line' | 'area' | 'bar' | 'stacked-bar' | 'stacked-area';

export interface TimeSeriesChart {
  /** Shows or hides series `index` (stacked charts re-stack what is left). */
  setShown(index: number, shown: boolean): void;
  resize(width: number): void;
  destroy(): void;
}

const HEIGHT = 320;

/** Line, area, bar and stacked charts of a model's series over its labels, with uPlot (canvas). */
export function timeSeries(target: HTMLElement, model: ChartModel, style: SeriesStyle, theme: ChartTheme, width: number): TimeSeriesChart {
  const shown = model.series.map(() => true);
  const stacked = style === 'stacked-bar' || style === 'stacked-area';
  const xs = model.labels.map((_, i) => i);
  const lineWidth = lineWidthFor(model.labels.length, width);
  let plot = create();

  function create(): uPlot {
    const { base, top } = stacked
      ? stack(
          model.series.map((s) => s.data),
          shown,
        )
      : { base: [], top: [] };
    const data: uPlot.AlignedData = [xs, ...model.series.map((s, i) => (stacked ? (top[i] ?? s.data.map(() => null)) : s.data))];
    const bars = model.series.length;
    const series: uPlot.Series[] = [
      {},
      ...model.series.map((s, i): uPlot.Series => {
        const colour = seriesColour(theme, i);
        const previous = s.compare === 'previous';
        const common = { label: s.name, show: shown[i], stroke: colour, width: lineWidth, points: { show: false } };
        if (style === 'bar') return { ...common, fill: previous ? alpha(colour, 0.45) : colour, paths: groupedBars(i, bars) };
        if (style === 'stacked-bar') return { ...common, fill: colour, paths: stackedBars(base[i] ?? []) };
        const dash = previous ? [6, 4] : undefined;
        if (style === 'area') return { ...common, dash, fill: alpha(colour, 0.18) };
        if (style === 'stacked-area') return { ...common, dash, fill: alpha(colour, 0.5) };
        return { ...common, dash };
      }),
    ];
    const axis = (): uPlot.Axis => ({
      stroke: theme.muted,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1 },
      font: `11px ${theme.font}`,
    });
    const opts: uPlot.Options = {
      width,
      height: HEIGHT,
      series,
      legend: { show: false },
      // The last x label is centred on the plot's right edge: uPlot's automatic right padding (half the
      // y axis) cut a date like "2-Dec-2026" short. The other sides stay automatic.
      padding: [null, 40, null, null],
      scales: {
        x: { time: false, range: bars && style.includes('bar') ? (_u, min, max) => [min - 0.5, max + 0.5] : undefined },
        y: { range: yRange },
      },
      axes: [
        { ...axis(), values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? (model.labels[v] ?? '') : '')), space: 60 },
        { ...axis(), values: (_u, splits) => splits.map((v) => compact(v)), size: 56 },
      ],
      // Areas stack by filling each shown series down to the one beneath it.
      bands:
        style === 'stacked-area'
          ? areaBands(shown).map(([hi, lo]) => ({ series: [hi + 1, lo + 1], fill: alpha(seriesColour(theme, hi), 0.5) }))
          : undefined,
      cursor: { points: { show: !style.includes('bar') }, drag: { x: false, y: false } },
      plugins: [
        tooltipPlugin(
          model.labels,
          model.series.map((s, i) => ({
            label: s.name,
            colour: seriesColour(theme, i),
            value: (idx: number) => s.data[idx] ?? null,
            shown: () => shown[i],
          })),
        ),
      ],
    };
    if (style === 'stacked-area')
      opts.series.forEach((s, i) => i > 0 && areaBands(shown).some(([hi]) => hi + 1 === i) && (s.fill = undefined));
    return new uPlot(opts, data, target);
  }

  return {
    setShown(index, show) {
      shown[index] = show;
      if (stacked) {
        plot.destroy();
        plot = create();
      } else plot.setSeries(index + 1, { show });
    },
    resize(w) {
      plot.setSize({ width: w, height: HEIGHT });
    },
    destroy() {
      plot.destroy();
    },
  };
}

/**
 * Lines are 2 px while points are at least 4 px apart, 1 px when denser: there a 2 px line only
 * blurs neighbouring points together, and it costs the most. Canvas strokes 1 px lines on a fast path
 * but outlines wider ones with a round join at every vertex: drawn without a GPU (headless Chromium,
 * VS Code with hardware acceleration off), 50 series × 2,000 points took ~510 ms at 2 px and
 * ~120 ms at 1 px (.prof A/B, load ~7; npm run bench, charts).
 */
export function lineWidthFor(points: number, width: number): number {
  return points > 0 && width / points < 4 ? 1 : 2;
}

/** Pairs [upper, lower] of consecutive shown series: the upper one is filled down to the lower. */
function areaBands(shown: boolean[]): [number, number][] {
  const pairs: [number, number][] = [];
  let last = -1;
  shown.forEach((s, i) => {
    if (!s) return;
    if (last >= 0) pairs.push([i, last]);
    last = i;
  });
  return pairs;
}

/** Bars and counts start at zero; a flat series still gets some height. */
function yRange(_u: uPlot, min: number, max: number): uPlot.Range.MinMax {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (lo === hi) return [0, 1];
  const pad = (hi - lo) * 0.05;
  return [lo < 0 ? lo - pad : 0, hi + pad];
}

/** A colour with an alpha, for fills: hex and rgb() directly (canvas reads them everywhere), else color-mix. */
export function alpha(colour: string, a: number): string {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(colour.trim());
  if (hex) {
    const h = hex[1].length <= 4 ? [...hex[1].slice(0, 3)].map((c) => c + c).join('') : hex[1].slice(0, 6);
    const [r, g, b] = [0, 2, 4].map((o) => parseInt(h.slice(o, o + 2), 16));
    return `rgba(${r}, ${g}, ${b}, ${a})`;
  }
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(colour.trim());
  if (rgb) return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${a})`;
  return `color-mix(in srgb, ${colour} ${Math.round(a * 100)}%, transparent)`;
}
