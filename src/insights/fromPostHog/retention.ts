/**
 * RetentionQuery results -> ChartModel (a cohort table, drawn as a heat map). PostHog's shape
 * (posthog/hogql_queries/insights/retention_query_runner.py): one row per cohort,
 * `{date, label: "Day 0", values: [{count, label?}, …], breakdown_value?}`; value 0 is the cohort's size.
 */
import type { ChartModel, ChartSeries, RetentionCohort } from '../chart';
import { breakdownLabel, isRow, num, rows, str, type Row } from './common';

function cohortLabel(r: Row, period: string): string {
  const date = str(r.date);
  if (!date) return str(r.label) ?? 'Cohort';
  return period === 'Hour' ? date.slice(0, 16).replace('T', ' ') : date.slice(0, 10);
}

export function retentionChart(results: unknown, source: Row): ChartModel {
  const filter = isRow(source.retentionFilter) ? source.retentionFilter : {};
  const period = str(filter.period) ?? 'Day';
  const list = rows(results);
  const cohorts: RetentionCohort[] = list.map((r) => {
    const values = (Array.isArray(r.values) ? r.values : []).map((v) => (isRow(v) ? num(v.count) : num(v)));
    const b = 'breakdown_value' in r ? breakdownLabel(r.breakdown_value) : undefined;
    const label = cohortLabel(r, period);
    return { label: b === undefined ? label : `${b}: ${label}`, size: values[0] ?? 0, values };
  });
  const width = cohorts.reduce((m, c) => Math.max(m, c.values.length), 0);
  const periods = Array.from({ length: width }, (_, i) => `${period} ${i}`);
  const series: ChartSeries[] = cohorts.map((c) => ({ name: c.label, data: c.values, total: c.size }));
  return {
    kind: 'retention',
    display: 'table',
    labels: periods,
    series,
    retention: { periods, cohorts },
    table: {
      columns: ['Cohort', 'Size', ...periods],
      rows: cohorts.map((c) => [c.label, c.size, ...periods.map((_, i) => c.values[i] ?? null)]),
    },
    interval: period.toLowerCase(),
  };
}
