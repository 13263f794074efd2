/**
 * A query result as a line chart, when it has one: a date or time column for the x axis and
 * numeric columns as series (or one numeric column split by a text column, the shape of
 * `SELECT day, event, count() … GROUP BY day, event`). Otherwise undefined: the table is enough.
 */
import type { ChartModel, ChartSeries } from '../chart';

const DATE = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MAX_POINTS = 2_000;
const MAX_SERIES = 20;

function columnIs(rows: unknown[][], col: number, test: (v: unknown) => boolean): boolean {
  let seen = false;
  for (const row of rows) {
    const v = row[col];
    if (v === null || v === undefined) continue;
    if (!test(v)) return false;
    seen = true;
  }
  return seen;
}

const isDate = (v: unknown) => typeof v === 'string' && DATE.test(v);
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

export function resultChart(columns: string[], rows: unknown[][]): ChartModel | undefined {
  if (rows.length < 2) return undefined;
  const dateCol = columns.findIndex((_c, i) => columnIs(rows, i, isDate));
  if (dateCol < 0) return undefined;
  const numeric = columns.map((_c, i) => i).filter((i) => i !== dateCol && columnIs(rows, i, isNumber));
  if (numeric.length === 0) return undefined;
  const text = columns.map((_c, i) => i).filter((i) => i !== dateCol && !numeric.includes(i));

  const allLabels = [...new Set(rows.map((r) => r[dateCol]).filter(isDate) as string[])].sort();
  const notes: string[] = [];
  const labels = allLabels.length > MAX_POINTS ? allLabels.slice(-MAX_POINTS) : allLabels;
  if (labels.length < allLabels.length) notes.push(`the last ${MAX_POINTS} of ${allLabels.length} dates are drawn`);
  const at = new Map(labels.map((l, i) => [l, i]));

  // key → values per label (values on the same date add up).
  const series = new Map<string, number[]>();
  const add = (name: string, label: unknown, value: unknown) => {
    const i = at.get(label as string);
    if (i === undefined || !isNumber(value)) return;
    let data = series.get(name);
    if (!data) {
      if (series.size >= MAX_SERIES) return;
      data = new Array<number>(labels.length).fill(0);
      series.set(name, data);
    }
    data[i] += value as number;
  };
  const split = numeric.length === 1 && text.length === 1;
  for (const row of rows) {
    if (split) add(row[text[0]] === null || row[text[0]] === undefined ? '(none)' : String(row[text[0]]), row[dateCol], row[numeric[0]]);
    else for (const c of numeric) add(columns[c], row[dateCol], row[c]);
  }
  const distinct = split ? new Set(rows.map((r) => String(r[text[0]]))).size : numeric.length;
  if (distinct > series.size) notes.push(`the first ${series.size} of ${distinct} series are drawn`);

  const chartSeries: ChartSeries[] = [...series].map(([name, data]) => ({ name, data, total: data.reduce((a, b) => a + b, 0) }));
  const model: ChartModel = {
    kind: 'trends',
    display: 'line',
    labels,
    series: chartSeries,
    table: { columns, rows: rows.slice(0, 1000) },
  };
  if (notes.length) model.truncated = notes.join('; ');
  return model;
}
