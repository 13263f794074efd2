/**
 * What every normaliser (PostHog query result -> ChartModel) shares: reading PostHog's loosely
 * typed JSON, breakdown sentinels in words, series names, and the limits that keep a view responsive.
 */
import type { ChartDisplay, ChartModel, ChartSeries } from '../chart';

export type Row = Record<string, unknown>;

export const isRow = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);
export const rows = (v: unknown): Row[] => (Array.isArray(v) ? v.filter(isRow) : []);
export const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : Number(v) || 0);
export const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The most a chart carries: 50 series x 2,000 points is the largest the renderer is measured on (npm run bench). */
export const LIMITS = { series: 50, points: 2_000, tableRows: 1_000 } as const;

/** PostHog's breakdown sentinels (posthog/hogql_queries/insights/utils/breakdowns.py), in words. */
export function breakdownLabel(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map((x) => breakdownLabel(x) ?? '').join(' / ');
  const s = String(v);
  if (s === '$$_posthog_breakdown_null_$$' || s === '') return '(none)';
  if (s === '$$_posthog_breakdown_other_$$') return '(other)';
  return s;
}

/** A series' own name: its custom name, else the action's name, else PostHog's label. */
export function actionName(s: Row): string {
  const action = isRow(s.action) ? s.action : undefined;
  return str(action?.custom_name) ?? str(s.custom_name) ?? str(action?.name) ?? str(s.label) ?? 'Series';
}

/** PostHog's display types (posthog/hogql_queries/insights/trends/display.py) reduced to what we draw. */
export function displayOf(display: unknown, fallback: ChartDisplay = 'line'): ChartDisplay {
  switch (display) {
    case 'ActionsLineGraph':
    case 'ActionsLineGraphCumulative':
      return 'line';
    case 'ActionsBar':
    case 'ActionsUnstackedBar':
    case 'ActionsBarValue':
    case 'ActionsPie':
      return 'bar';
    case 'ActionsStackedBar':
      return 'stacked';
    case 'ActionsAreaGraph':
      return 'area';
    case 'BoldNumber':
      return 'number';
    case 'ActionsTable':
    case 'WorldMap':
    case 'CalendarHeatmap':
      return 'table';
    default:
      return fallback;
  }
}

/** Displays where PostHog answers one number per series (`aggregated_value`) instead of a time series. */
export const TOTAL_VALUE_DISPLAYS = new Set(['BoldNumber', 'ActionsPie', 'ActionsBarValue', 'ActionsTable', 'WorldMap']);

/** The series as a table: one row per series, one column per label, and the total. */
export function seriesTable(labels: string[], series: ChartSeries[], first = 'Series'): ChartModel['table'] {
  return {
    columns: [first, ...labels, 'Total'],
    rows: series.map((s) => [s.name, ...labels.map((_, i) => s.data[i] ?? null), s.total ?? s.data.reduce((a, b) => a + b, 0)]),
  };
}

const sum = (data: number[]) => data.reduce((a, b) => a + b, 0);

/**
 * Clips a model so a view stays responsive: the biggest series first when there are too many, the
 * latest points when a series is too long, the first rows of a table. `truncated` says what went.
 */
export function clip(model: ChartModel): ChartModel {
  const notes: string[] = [];
  let { series, labels, table } = model;
  if (series.length > LIMITS.series) {
    const ranked = series
      .map((s, i) => ({ s, i, total: Math.abs(s.total ?? sum(s.data)) }))
      .sort((a, b) => b.total - a.total || a.i - b.i)
      .slice(0, LIMITS.series)
      .sort((a, b) => a.i - b.i);
    notes.push(`showing the ${LIMITS.series} largest of ${series.length} series`);
    series = ranked.map((r) => r.s);
  }
  if (labels.length > LIMITS.points) {
    const cut = labels.length - LIMITS.points;
    notes.push(`showing the last ${LIMITS.points} of ${labels.length} points`);
    labels = labels.slice(cut);
    series = series.map((s) => ({ ...s, data: s.data.slice(cut) }));
  }
  if (notes.length && model.kind !== 'table' && !model.retention && !model.funnel) table = seriesTable(labels, series, table.columns[0]);
  if (table.rows.length > LIMITS.tableRows) {
    notes.push(`the table shows the first ${LIMITS.tableRows} of ${table.rows.length} rows`);
    table = { columns: table.columns, rows: table.rows.slice(0, LIMITS.tableRows) };
  }
  if (!notes.length) return model;
  const truncated = [model.truncated, ...notes].filter(Boolean).join('; ');
  return { ...model, series, labels, table, truncated };
}
