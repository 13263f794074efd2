/**
 * TrendsQuery results -> ChartModel. PostHog's shape (posthog/hogql_queries/insights/trends/trends_query_runner.py):
 * one object per series (and per breakdown value, and per period when comparing) with `label`,
 * `data`, `labels`, `days`, `count`, `action`, `breakdown_value?`, `compare?`/`compare_label?`;
 * total-value displays (BoldNumber, ActionsPie, ActionsBarValue, ActionsTable, WorldMap) give
 * `aggregated_value` and empty `data`.
 */
import type { ChartModel, ChartSeries } from '../chart';
import { TOTAL_VALUE_DISPLAYS, actionName, breakdownLabel, displayOf, isRow, num, rows, seriesTable, str, type Row } from './common';

export function trendsChart(results: unknown, source: Row): ChartModel {
  const list = rows(results);
  const display = isRow(source.trendsFilter) ? source.trendsFilter.display : undefined;
  const totalValue = typeof display === 'string' && TOTAL_VALUE_DISPLAYS.has(display);
  const orders = new Set(list.map((s) => (isRow(s.action) ? s.action.order : undefined)));
  const comparing = list.some((s) => s.compare === true);
  // Labels come from the current period's series (a previous-period series has its own dates).
  const labelSource = list.find((s) => s.compare_label !== 'previous' && Array.isArray(s.labels) && s.labels.length) ?? list[0];
  const labels = totalValue ? ['Total'] : Array.isArray(labelSource?.labels) ? (labelSource.labels as unknown[]).map(String) : [];

  const series: ChartSeries[] = list.map((s) => {
    const base = actionName(s);
    const breakdown = 'breakdown_value' in s ? breakdownLabel(s.breakdown_value) : undefined;
    let name = breakdown === undefined ? base : orders.size > 1 ? `${base} - ${breakdown}` : breakdown;
    const compare = comparing ? (s.compare_label === 'previous' ? 'previous' : 'current') : undefined;
    if (compare === 'previous') name = `${name} (previous period)`;
    const data = totalValue ? [num(s.aggregated_value ?? s.count)] : Array.isArray(s.data) ? (s.data as unknown[]).map(num) : [];
    const out: ChartSeries = { name, data, total: totalValue ? num(s.aggregated_value ?? s.count) : num(s.count) };
    if (breakdown !== undefined) out.breakdown = breakdown;
    if (compare) out.compare = compare;
    return out;
  });

  return {
    kind: 'trends',
    display: displayOf(display),
    labels,
    series,
    table: seriesTable(labels, series),
    interval: str(source.interval) ?? 'day',
  };
}
