import type { ChartModel } from '../../insights/chart';

/** Most series and points per series drawn; past these a chart stops being readable or fast. */
export const MAX_SERIES = 100;
export const MAX_POINTS = 5000;

/**
 * Clips a model the renderer could not draw quickly (the tool clips too; this guards any caller):
 * the first MAX_SERIES series and the last MAX_POINTS points, with a note saying what was left out.
 */
export function clipModel(model: ChartModel): { model: ChartModel; note?: string } {
  const notes: string[] = model.truncated ? [model.truncated] : [];
  let { series, labels } = model;
  if (series.length > MAX_SERIES) {
    notes.push(`Showing ${MAX_SERIES} of ${series.length} series.`);
    series = series.slice(0, MAX_SERIES);
  }
  if (labels.length > MAX_POINTS) {
    notes.push(`Showing the last ${MAX_POINTS.toLocaleString('en-US')} of ${labels.length.toLocaleString('en-US')} points.`);
    const from = labels.length - MAX_POINTS;
    labels = labels.slice(from);
    series = series.map((s) => ({ ...s, data: s.data.slice(from) }));
  }
  return { model: { ...model, series, labels }, note: notes.length ? notes.join(' ') : undefined };
}
