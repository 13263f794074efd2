/** The result's line chart, drawn by the shared chart renderer (src/webview/chart/). */
import type { ChartModel } from '../../insights/chart';
import { renderChart, type ChartHandle } from '../chart';

let current: ChartHandle | undefined;

export function drawResultChart(host: HTMLElement, model: ChartModel): void {
  current?.destroy();
  current = renderChart(host, model, { title: 'Query result over time' });
}
