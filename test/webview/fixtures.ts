/**
 * ChartModels of every kind and display, shaped as the insight tool returns them (labels as PostHog
 * words its days, breakdowns and comparisons as series, funnel steps, retention cohorts), for the
 * renderer's tests and the panels' pages before data comes from the stand-in.
 */
import type { ChartDisplay, ChartModel, ChartSeries } from '../../src/insights/chart';

export function days(n: number, from = Date.UTC(2026, 10, 1)): string[] {
  return Array.from({ length: n }, (_, i) => new Date(from + i * 86_400_000).toISOString().slice(0, 10));
}

function wave(n: number, seed: number, scale = 100): number[] {
  return Array.from({ length: n }, (_, i) =>
    Math.max(0, Math.round(scale + scale * 0.4 * Math.sin(i / 5 + seed) + ((i * 7 + seed * 13) % 11))),
  );
}

function tableOf(labels: string[], series: ChartSeries[]): ChartModel['table'] {
  return { columns: ['Series', ...labels], rows: series.map((s) => [s.name, ...s.data]) };
}

export function trends(display: ChartDisplay, seriesCount = 3, points = 14): ChartModel {
  const labels = days(points);
  const names = ['$pageview', 'signed_up', 'purchase', 'invite_sent', 'file_uploaded'];
  const series: ChartSeries[] = Array.from({ length: seriesCount }, (_, i) => {
    const data = wave(points, i, 100 - i * 20);
    return { name: names[i % names.length] + (i >= names.length ? ` ${i}` : ''), data, total: data.reduce((a, b) => a + b, 0) };
  });
  return { kind: 'trends', display, labels, series, table: tableOf(labels, series), interval: 'day' };
}

export function breakdown(): ChartModel {
  const labels = days(7);
  const series: ChartSeries[] = ['Chrome', 'Firefox', 'Safari'].map((b, i) => ({
    name: `$pageview - ${b}`,
    breakdown: b,
    data: wave(7, i, 60 - i * 15),
  }));
  return { kind: 'trends', display: 'line', labels, series, table: tableOf(labels, series), interval: 'day' };
}

export function compare(): ChartModel {
  const labels = days(7);
  const series: ChartSeries[] = [
    { name: '$pageview (current)', compare: 'current', data: wave(7, 1) },
    { name: '$pageview (previous)', compare: 'previous', data: wave(7, 2, 80) },
  ];
  return { kind: 'trends', display: 'line', labels, series, table: tableOf(labels, series), interval: 'day' };
}

export function bigNumber(): ChartModel {
  const series: ChartSeries[] = [{ name: 'signed_up', data: [4213], total: 4213 }];
  return {
    kind: 'trends',
    display: 'number',
    labels: ['Total'],
    series,
    table: { columns: ['Series', 'Total'], rows: [['signed_up', 4213]] },
  };
}

export function funnel(): ChartModel {
  const counts = [1000, 620, 310];
  const names = ['$pageview', 'signed_up', 'purchase'];
  const steps = names.map((name, i) => ({
    name,
    count: counts[i],
    conversion: counts[i] / counts[0],
    dropOff: i === 0 ? 0 : 1 - counts[i] / counts[i - 1],
  }));
  return {
    kind: 'funnels',
    display: 'bar',
    labels: names,
    series: [{ name: 'Funnel', data: counts }],
    funnel: { steps, overall: counts[2] / counts[0] },
    table: { columns: ['Step', 'Count', 'Conversion', 'Drop-off'], rows: steps.map((s) => [s.name, s.count, s.conversion, s.dropOff]) },
  };
}

export function retention(): ChartModel {
  const periods = ['Day 0', 'Day 1', 'Day 2', 'Day 3', 'Day 4'];
  const cohorts = days(5).map((label, c) => {
    const size = 200 - c * 10;
    return { label, size, values: periods.slice(0, 5 - c).map((_, p) => Math.round(size * Math.pow(0.55, p))) };
  });
  return {
    kind: 'retention',
    display: 'table',
    labels: periods,
    series: [],
    retention: { periods, cohorts },
    table: { columns: ['Cohort', 'Size', ...periods], rows: cohorts.map((c) => [c.label, c.size, ...c.values]) },
  };
}

export function stickiness(): ChartModel {
  const labels = ['1 day', '2 days', '3 days', '4 days', '5 days', '6 days', '7 days'];
  const series: ChartSeries[] = [
    { name: '$pageview', data: [120, 80, 40, 22, 10, 6, 3] },
    { name: 'signed_up', data: [50, 12, 4, 1, 0, 0, 0] },
  ];
  return { kind: 'stickiness', display: 'bar', labels, series, table: tableOf(labels, series) };
}

export function lifecycle(): ChartModel {
  const labels = days(7);
  const series: ChartSeries[] = [
    { name: 'new', data: [10, 12, 8, 15, 9, 11, 13] },
    { name: 'returning', data: [30, 28, 33, 31, 29, 35, 32] },
    { name: 'resurrecting', data: [5, 4, 6, 3, 7, 5, 4] },
    { name: 'dormant', data: [-8, -9, -7, -12, -6, -10, -9] },
  ];
  return { kind: 'lifecycle', display: 'stacked', labels, series, table: tableOf(labels, series) };
}

/** A kind the renderer does not draw (as an older or newer PostHog might send). */
export function unknownKind(): ChartModel {
  return {
    kind: 'paths' as ChartModel['kind'],
    display: 'line',
    labels: [],
    series: [],
    table: {
      columns: ['Source', 'Target', 'Users'],
      rows: [
        ['/home', '/pricing', 120],
        ['/pricing', '/signup', 45],
      ],
    },
  };
}

export function huge(seriesCount: number, points: number): ChartModel {
  const labels = days(points, Date.UTC(2020, 0, 1));
  const series: ChartSeries[] = Array.from({ length: seriesCount }, (_, i) => ({ name: `series ${i + 1}`, data: wave(points, i) }));
  return { kind: 'trends', display: 'line', labels, series, table: tableOf(labels.slice(0, 50), series) };
}
