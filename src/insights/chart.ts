/**
 * The chart model: what a renderer draws, whatever PostHog query produced it. The insight tool
 * (src/mcp/tools/insightQuery.ts) turns PostHog's query results into one; the webview renderer
 * (src/webview/chart/), the insight and dashboard panels, the HogQL results panel and the MCP App
 * view all draw from it. Plain data: it crosses postMessage and MCP results as JSON.
 */

export type ChartKind = 'trends' | 'funnels' | 'retention' | 'stickiness' | 'lifecycle' | 'table';

/** How a trends-like chart is drawn (PostHog's display types, reduced to what we draw). */
export type ChartDisplay = 'line' | 'bar' | 'area' | 'stacked' | 'number' | 'table';

export interface ChartSeries {
  /** Legend label: the event or action name, with its breakdown value when there is one. */
  name: string;
  data: number[];
  /** Present when the series is broken down: the breakdown value. */
  breakdown?: string;
  /** "previous" for the comparison period of "compare to previous period". */
  compare?: 'current' | 'previous';
  /** The series' total (PostHog's `count` / `aggregated_value`). */
  total?: number;
}

export interface FunnelStep {
  name: string;
  count: number;
  /** Share of the first step's count (0..1). */
  conversion: number;
  /** Share lost from the previous step (0..1); 0 for the first step. */
  dropOff: number;
}

export interface RetentionCohort {
  /** The cohort's label (its start date). */
  label: string;
  size: number;
  /** Counts per period, from period 0. */
  values: number[];
}

export interface ChartTable {
  columns: string[];
  rows: unknown[][];
}

export interface ChartModel {
  kind: ChartKind;
  display: ChartDisplay;
  /** X-axis labels (dates or periods) shared by every series. */
  labels: string[];
  series: ChartSeries[];
  funnel?: { steps: FunnelStep[]; overall: number };
  retention?: { periods: string[]; cohorts: RetentionCohort[] };
  /** The data as a table: what screen readers get, and the whole chart for a kind we do not draw. */
  table: ChartTable;
  /** Set when the data was clipped to keep the view responsive: says what was left out. */
  truncated?: string;
  /** Interval of the x axis when known: hour, day, week, month. */
  interval?: string;
}
