/**
 * StickinessQuery results -> ChartModel. PostHog's shape (posthog/hogql_queries/insights/stickiness_query_runner.py):
 * one object per series `{label, count, data, days: [1, 2, …], labels: ["1 day", "2 days", …], action, compare?, compare_label?}`.
 */
import type { ChartModel, ChartSeries } from '../chart';
import { actionName, displayOf, isRow, num, rows, seriesTable, str, type Row } from './common';

export function stickinessChart(results: unknown, source: Row): ChartModel {
  const list = rows(results);
  const comparing = list.some((s) => s.compare === true);
  const labelSource = list.find((s) => s.compare_label !== 'previous') ?? list[0];
  const labels = Array.isArray(labelSource?.labels) ? (labelSource.labels as unknown[]).map(String) : [];
  const series: ChartSeries[] = list.map((s) => {
    const previous = comparing && s.compare_label === 'previous';
    const out: ChartSeries = {
      name: previous ? `${actionName(s)} (previous period)` : actionName(s),
      data: Array.isArray(s.data) ? (s.data as unknown[]).map(num) : [],
      total: num(s.count),
    };
    if (comparing) out.compare = previous ? 'previous' : 'current';
    return out;
  });
  const display = isRow(source.stickinessFilter) ? source.stickinessFilter.display : undefined;
  return {
    kind: 'stickiness',
    display: displayOf(display, 'bar'),
    labels,
    series,
    table: seriesTable(labels, series),
    interval: str(source.interval) ?? 'day',
  };
}
