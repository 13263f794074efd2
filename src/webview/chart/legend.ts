import { el } from './dom';

export interface LegendItem {
  label: string;
  colour: string;
  dashed?: boolean;
}

/**
 * A legend of toggle buttons (keyboard reachable, aria-pressed says whether the series shows).
 * `onToggle` gets the item's index and whether it is now shown.
 */
export function legend(items: LegendItem[], onToggle: (index: number, shown: boolean) => void): HTMLElement {
  const list = el('div', { class: 'ph-legend', role: 'group', 'aria-label': 'Series' });
  items.forEach((item, index) => {
    const swatch = el('span', { class: item.dashed ? 'ph-swatch ph-swatch-dashed' : 'ph-swatch', 'aria-hidden': 'true' });
    swatch.style.setProperty('--swatch', item.colour);
    const button = el(
      'button',
      { type: 'button', class: 'ph-legend-item', 'aria-pressed': 'true', title: `Show or hide ${item.label}` },
      swatch,
      el('span', { class: 'ph-legend-label' }, item.label),
    );
    button.addEventListener('click', () => {
      const shown = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', String(shown));
      onToggle(index, shown);
    });
    list.append(button);
  });
  return list;
}
