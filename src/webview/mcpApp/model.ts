/**
 * What the MCP App view draws for a tool result: the chart run_insight_query computed, or a HogQL
 * result as a table; else the tool's text (an error, or a host that dropped `_meta`).
 */
import type { ChartModel } from '../../insights/chart';
import { chartFromPostHog } from '../../insights/fromPostHog';
import { MCP_APP_RESULT_KEY } from '../../insights/mcpApp';

export type ViewContent =
  { model: ChartModel; title: string; url?: string; computedAt?: string; note?: string } | { text: string; error: boolean };

type Row = Record<string, unknown>;
const isRow = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);

function isChart(v: unknown): v is ChartModel {
  return isRow(v) && typeof v.kind === 'string' && Array.isArray(v.series) && Array.isArray(v.labels) && isRow(v.table);
}

export function contentOf(result: unknown): ViewContent {
  const r = isRow(result) ? result : {};
  const text = (Array.isArray(r.content) ? r.content : [])
    .filter((c): c is Row => isRow(c) && c.type === 'text' && typeof c.text === 'string')
    .map((c) => String(c.text))
    .join('\n');
  if (r.isError === true) return { text: text || 'The tool failed.', error: true };
  const data = isRow(r._meta) ? r._meta[MCP_APP_RESULT_KEY] : undefined;
  if (isRow(data) && isChart(data.chart)) {
    const insight = isRow(data.insight) ? data.insight : undefined;
    return {
      model: data.chart,
      title: typeof insight?.name === 'string' ? insight.name : String(data.kind ?? 'Insight'),
      url: typeof insight?.url === 'string' ? insight.url : undefined,
      computedAt: typeof data.computed_at === 'string' ? data.computed_at : undefined,
    };
  }
  if (isRow(data) && Array.isArray(data.columns) && Array.isArray(data.results)) {
    const model = chartFromPostHog({ kind: 'HogQLQuery' }, { results: data.results, columns: data.columns });
    return { model, title: 'HogQL query', note: data.has_more === true ? 'PostHog has more rows than these.' : undefined };
  }
  return { text: text || 'No result to show.', error: false };
}
