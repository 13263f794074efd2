/**
 * FunnelsQuery results -> ChartModel. PostHog's shapes (posthog/hogql_queries/insights/funnels/base.py,
 * funnel_trends.py, funnel_time_to_convert.py):
 *   steps (default):    [{action_id, name, custom_name, order, count, type, average_conversion_time, …}]
 *   with a breakdown:   a list of such lists, steps adding `breakdown` and `breakdown_value`
 *   funnelVizType trends: [{count, data: [conversion %], days, labels, breakdown_value?}]
 *   time_to_convert:    {average_conversion_time, bins: [[seconds, count], …]}
 */
import type { ChartModel, ChartSeries, FunnelStep } from '../chart';
import { breakdownLabel, isRow, num, rows, seriesTable, str, type Row } from './common';

const stepName = (s: Row, i: number) => str(s.custom_name) ?? str(s.name) ?? str(s.action_id) ?? `Step ${i + 1}`;

export function funnelSteps(counts: number[], names: string[]): { steps: FunnelStep[]; overall: number } {
  const first = counts[0] ?? 0;
  const steps = counts.map((count, i) => ({
    name: names[i],
    count,
    conversion: first > 0 ? count / first : 0,
    dropOff: i === 0 || counts[i - 1] <= 0 ? 0 : 1 - count / counts[i - 1],
  }));
  return { steps, overall: first > 0 && counts.length ? counts[counts.length - 1] / first : 0 };
}

function stepsChart(results: unknown[]): ChartModel {
  const groups: Row[][] = Array.isArray(results[0]) ? results.map((g) => rows(g)) : [rows(results)];
  const order = (s: Row, i: number) => (typeof s.order === 'number' ? s.order : i);
  const sorted = groups.map((g) => [...g].sort((a, b) => order(a, 0) - order(b, 0)));
  const labels = (sorted[0] ?? []).map(stepName);
  const broken = groups.length > 1 || (sorted[0]?.[0] !== undefined && 'breakdown_value' in sorted[0][0]);
  const series: ChartSeries[] = sorted.map((g) => {
    const data = labels.map((_, i) => num(g[i]?.count));
    const s: ChartSeries = { name: 'Persons', data, total: data[0] ?? 0 };
    if (broken) {
      const b = breakdownLabel(g[0]?.breakdown_value ?? g[0]?.breakdown) ?? '(none)';
      s.name = b;
      s.breakdown = b;
    }
    return s;
  });
  const counts = labels.map((_, i) => series.reduce((a, s) => a + (s.data[i] ?? 0), 0));
  const funnel = funnelSteps(counts, labels);
  return {
    kind: 'funnels',
    display: 'bar',
    labels,
    series,
    funnel,
    table: {
      columns: ['Step', 'Persons', 'Conversion from first step', 'Drop-off from previous step'],
      rows: funnel.steps.map((s) => [s.name, s.count, s.conversion, s.dropOff]),
    },
  };
}

export function funnelsChart(results: unknown, source: Row): ChartModel {
  const viz = isRow(source.funnelsFilter) ? source.funnelsFilter.funnelVizType : undefined;
  if (isRow(results) && Array.isArray(results.bins)) {
    const bins = (results.bins as unknown[]).filter(Array.isArray) as unknown[][];
    const labels = bins.map((b) => `${num(b[0])} s`);
    const series = [{ name: 'Conversions', data: bins.map((b) => num(b[1])), total: bins.reduce((a, b) => a + num(b[1]), 0) }];
    return { kind: 'funnels', display: 'bar', labels, series, table: seriesTable(labels, series, 'Time to convert') };
  }
  const list = Array.isArray(results) ? results : [];
  if (viz === 'trends' || (isRow(list[0]) && Array.isArray(list[0].data))) {
    const trends = rows(list);
    const labels = Array.isArray(trends[0]?.labels) ? (trends[0].labels as unknown[]).map(String) : [];
    const series = trends.map((t) => {
      const b = 'breakdown_value' in t ? breakdownLabel(t.breakdown_value) : undefined;
      const s: ChartSeries = { name: b ?? 'Conversion rate (%)', data: (t.data as unknown[]).map(num), total: num(t.count) };
      if (b !== undefined) s.breakdown = b;
      return s;
    });
    return { kind: 'funnels', display: 'line', labels, series, table: seriesTable(labels, series), interval: str(source.interval) };
  }
  return stepsChart(list);
}
