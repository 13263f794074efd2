/**
 * PostHog query results -> ChartModel, one normaliser per query kind (./trends.ts, ./funnels.ts, …);
 * any other kind becomes a table. Used by the run_insight_query tool and by the MCP App view (for
 * HogQL results), so the editor and the agent's chat draw the same thing.
 */
import type { ChartModel } from '../chart';
import { clip, isRow, type Row } from './common';
import { funnelsChart } from './funnels';
import { lifecycleChart } from './lifecycle';
import { retentionChart } from './retention';
import { stickinessChart } from './stickiness';
import { tableChart } from './table';
import { trendsChart } from './trends';

export { LIMITS } from './common';

/** The query PostHog runs for an insight: the InsightVizNode's or DataVisualizationNode's `source`, or the query itself. */
export function querySource(query: Row): Row {
  return (query.kind === 'InsightVizNode' || query.kind === 'DataVisualizationNode' || query.kind === 'DataTableNode') &&
    isRow(query.source)
    ? query.source
    : query;
}

/** A `POST query/` answer (its `results`, and `columns` for HogQL) as a chart model, clipped to what a view can draw. */
export function chartFromPostHog(query: Row, answer: Row): ChartModel {
  const source = querySource(query);
  const results = answer.results ?? answer.result;
  switch (source.kind) {
    case 'TrendsQuery':
      return clip(trendsChart(results, source));
    case 'FunnelsQuery':
      return clip(funnelsChart(results, source));
    case 'RetentionQuery':
      return clip(retentionChart(results, source));
    case 'StickinessQuery':
      return clip(stickinessChart(results, source));
    case 'LifecycleQuery':
      return clip(lifecycleChart(results, source));
    default:
      return clip(tableChart(results, answer.columns));
  }
}
