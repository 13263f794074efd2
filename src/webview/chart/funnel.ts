import type { ChartModel } from '../../insights/chart';
import { el } from './dom';
import { exact, percent } from './format';
import { seriesColour, type ChartTheme } from './theme';

/** A funnel as horizontal bars, one per step: its count, conversion from the first step and drop-off from the previous one. */
export function funnelChart(model: ChartModel, theme: ChartTheme): HTMLElement {
  const funnel = model.funnel ?? { steps: [], overall: 0 };
  const colour = seriesColour(theme, 0);
  const list = el('ol', { class: 'ph-funnel', 'aria-label': 'Funnel steps' });
  funnel.steps.forEach((step, i) => {
    const bar = el('div', { class: 'ph-funnel-bar', title: `${step.name}: ${exact(step.count)} (${percent(step.conversion)})` });
    bar.style.width = `${Math.max(0, Math.min(1, step.conversion)) * 100}%`;
    bar.style.background = colour;
    const drop = i === 0 ? '' : ` · ${percent(step.dropOff)} dropped off`;
    list.append(
      el(
        'li',
        { class: 'ph-funnel-step', 'data-series': step.name },
        el('div', { class: 'ph-funnel-name' }, `${i + 1}. ${step.name}`),
        el('div', { class: 'ph-funnel-track' }, bar),
        el('div', { class: 'ph-funnel-figures' }, `${exact(step.count)} · ${percent(step.conversion)} converted${drop}`),
      ),
    );
  });
  return el(
    'div',
    { class: 'ph-funnel-wrap' },
    el('p', { class: 'ph-funnel-overall' }, `Overall conversion: ${percent(funnel.overall)}`),
    list,
  );
}
