import type { ChartModel } from '../../insights/chart';
import type { Services } from '../commands/services';

/** What run_insight_query answers (src/mcp/tools/insightQuery.ts), as far as the panels read it. */
export interface InsightQueryAnswer {
  insight?: { id: number; short_id?: string; name: string; description?: string; url: string };
  kind: string;
  chart: ChartModel;
  computed_at: string;
  cached?: boolean;
  query: Record<string, unknown>;
}

export interface InsightRunArgs {
  insight_id: number;
  date_from?: string;
  date_to?: string;
  interval?: string;
  refresh?: boolean;
}

export async function runInsightQuery(s: Services, args: InsightRunArgs, signal: AbortSignal): Promise<InsightQueryAnswer> {
  return (await s.registry.run('run_insight_query', args, { signal })) as InsightQueryAnswer;
}

/** The query kinds whose x axis is time in intervals (PostHog's interval control shows for these). */
export const INTERVAL_KINDS = ['TrendsQuery', 'StickinessQuery', 'LifecycleQuery'];

/** Runs tasks with at most `limit` at once, in order of the list. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
