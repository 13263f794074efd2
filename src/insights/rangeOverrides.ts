import type { DateRange } from './panelMessages';

/** run_insight_query's date overrides for a range chosen in the insight panel. */
export function rangeOverrides(range: DateRange): { date_from: string; date_to?: string } {
  return 'preset' in range ? { date_from: range.preset } : { date_from: range.from, date_to: range.to };
}
