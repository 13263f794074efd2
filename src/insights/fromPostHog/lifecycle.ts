/**
 * LifecycleQuery results -> ChartModel: its statuses as stacked bars. PostHog's shape
 * (posthog/hogql_queries/insights/lifecycle_query_runner.py): one object per status (new, returning,
 * resurrecting, dormant) `{status, label: "<event> - <status>", data, count, labels, days, action}`;
 * dormant counts are negative. `lifecycleFilter.toggledLifecycles` hides the others.
 */
import type { ChartModel, ChartSeries } from '../chart';
import { isRow, num, rows, seriesTable, str, type Row } from './common';

const ORDER = ['new', 'returning', 'resurrecting', 'dormant'];

export function lifecycleChart(results: unknown, source: Row): ChartModel {
  const filter = isRow(source.lifecycleFilter) ? source.lifecycleFilter : {};
  const shown = Array.isArray(filter.toggledLifecycles) && filter.toggledLifecycles.length ? new Set(filter.toggledLifecycles) : undefined;
  const list = rows(results)
    .filter((s) => !shown || shown.has(s.status))
    .sort((a, b) => ORDER.indexOf(String(a.status)) - ORDER.indexOf(String(b.status)));
  const labels = Array.isArray(list[0]?.labels) ? (list[0].labels as unknown[]).map(String) : [];
  const series: ChartSeries[] = list.map((s) => ({
    name: str(s.status) ?? str(s.label) ?? 'Series',
    data: Array.isArray(s.data) ? (s.data as unknown[]).map(num) : [],
    total: num(s.count),
  }));
  return {
    kind: 'lifecycle',
    display: 'stacked',
    labels,
    series,
    table: seriesTable(labels, series, 'Status'),
    interval: str(source.interval) ?? 'day',
  };
}
