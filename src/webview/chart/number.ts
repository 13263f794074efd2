import type { ChartModel } from '../../insights/chart';
import { el } from './dom';
import { exact } from './format';

/** The big number of a single-value insight: each series' total (or its only value), with its name. */
export function bigNumber(model: ChartModel): HTMLElement {
  const wrap = el('div', { class: 'ph-numbers' });
  for (const s of model.series) {
    const value = s.total ?? s.data.reduce((a, b) => a + (b ?? 0), 0);
    wrap.append(
      el(
        'div',
        { class: 'ph-number', 'data-series': s.name },
        el('div', { class: 'ph-number-value' }, exact(value)),
        el('div', { class: 'ph-number-label' }, s.name),
      ),
    );
  }
  return wrap;
}
