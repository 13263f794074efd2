/**
 * A chart in a few lines, for agents: per series its total and last value, a funnel's steps, a
 * retention table's cohorts. What an MCP result carries as text (and, as an object, as
 * structuredContent) instead of the whole chart, which only the MCP App view needs.
 */
import type { ChartModel } from './chart';

/** At most this many series or cohorts are listed; the rest are counted. */
const MAX_LINES = 12;

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const round = (x: number) => Math.round(x * 100) / 100;

export interface ChartSummary {
  kind: string;
  display: string;
  interval?: string;
  points?: number;
  from?: string;
  to?: string;
  series?: Array<{ name: string; total?: number; last?: number }>;
  more_series?: number;
  funnel?: { steps: Array<{ name: string; count: number; conversion: string }>; overall: string };
  cohorts?: Array<{ label: string; size: number; retained: string[] }>;
  columns?: string[];
  rows?: number;
  truncated?: string;
}

export function summarizeChart(chart: ChartModel): ChartSummary {
  const out: ChartSummary = { kind: chart.kind, display: chart.display };
  if (chart.interval) out.interval = chart.interval;
  if (chart.truncated) out.truncated = chart.truncated;
  if (chart.funnel) {
    out.funnel = {
      steps: chart.funnel.steps.map((s) => ({ name: s.name, count: s.count, conversion: pct(s.conversion) })),
      overall: pct(chart.funnel.overall),
    };
    return out;
  }
  if (chart.retention) {
    out.cohorts = chart.retention.cohorts.slice(0, MAX_LINES).map((c) => ({
      label: c.label,
      size: c.size,
      retained: c.values.slice(1, 6).map((v) => (c.size > 0 ? pct(v / c.size) : '0%')),
    }));
    return out;
  }
  if (chart.kind === 'table') {
    out.columns = chart.table.columns;
    out.rows = chart.table.rows.length;
    return out;
  }
  if (chart.labels.length > 1) {
    out.points = chart.labels.length;
    out.from = chart.labels[0];
    out.to = chart.labels[chart.labels.length - 1];
  }
  out.series = chart.series.slice(0, MAX_LINES).map((s) => {
    const line: { name: string; total?: number; last?: number } = { name: s.name };
    if (s.total !== undefined) line.total = round(s.total);
    if (s.data.length > 1) line.last = round(s.data[s.data.length - 1]);
    return line;
  });
  if (chart.series.length > MAX_LINES) out.more_series = chart.series.length - MAX_LINES;
  return out;
}

/** The summary as lines of text, under a heading. */
export function summaryText(heading: string, s: ChartSummary): string {
  const lines = [heading];
  if (s.funnel) {
    s.funnel.steps.forEach((step, i) => lines.push(`${i + 1}. ${step.name}: ${step.count} (${step.conversion} of the first step)`));
    lines.push(`Overall conversion: ${s.funnel.overall}`);
  } else if (s.cohorts) {
    for (const c of s.cohorts) lines.push(`${c.label}: ${c.size} people; then ${c.retained.join(', ') || 'no later periods'}`);
  } else if (s.columns) {
    lines.push(`${s.rows ?? 0} rows; columns: ${s.columns.join(', ')}`);
  } else {
    if (s.points) lines.push(`${s.points} points${s.interval ? ` (${s.interval})` : ''}: ${s.from} … ${s.to}`);
    for (const x of s.series ?? []) {
      const parts = [x.total !== undefined ? `total ${x.total}` : '', x.last !== undefined ? `last ${x.last}` : ''].filter(Boolean);
      lines.push(`- ${x.name}: ${parts.join(', ')}`);
    }
    if (s.more_series) lines.push(`… and ${s.more_series} more series`);
  }
  if (s.truncated) lines.push(`Clipped: ${s.truncated}.`);
  return lines.join('\n');
}
