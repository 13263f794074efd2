/** The result's line chart, drawn by the shared chart renderer (src/webview/chart/). */
import type { ChartModel } from '../../insights/chart';

export function drawResultChart(host: HTMLElement, model: ChartModel): void {
  // Until the shared renderer lands on this branch: say what would be drawn.
  host.textContent = `${model.series.length} series over ${model.labels.length} dates`;
}
