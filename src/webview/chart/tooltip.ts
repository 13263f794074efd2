import type uPlot from 'uplot';
import { el } from './dom';
import { exact } from './format';

export interface TooltipRow {
  label: string;
  colour: string;
  /** The exact value at an x index (the model's value, not a stacked total). */
  value: (index: number) => number | null;
  shown: () => boolean;
}

/**
 * A uPlot plugin: a tooltip with the x label and every shown series' exact value at the cursor, and
 * arrow keys on the focused plot moving the cursor point by point (keyboard users get the values too).
 */
export function tooltipPlugin(labels: string[], rows: TooltipRow[]): uPlot.Plugin {
  const box = el('div', { class: 'ph-tooltip', role: 'status', 'aria-live': 'polite' });
  box.hidden = true;
  let keyIndex = -1;
  return {
    hooks: {
      init: (u) => {
        u.over.append(box);
        u.over.tabIndex = 0;
        u.over.setAttribute('aria-label', 'Chart: use the left and right arrow keys to read the values at each point');
        u.over.addEventListener('keydown', (e) => {
          const n = labels.length;
          if (!n || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End')) return;
          e.preventDefault();
          const current = u.cursor.idx ?? keyIndex;
          keyIndex =
            e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? n - 1
                : Math.min(n - 1, Math.max(0, (current < 0 ? -1 : current) + (e.key === 'ArrowLeft' ? -1 : 1)));
          u.setCursor({ left: u.valToPos(keyIndex, 'x'), top: u.bbox.height / devicePixelRatio / 2 });
        });
        u.over.addEventListener('blur', () => (box.hidden = true));
      },
      setCursor: (u) => {
        const idx = u.cursor.idx;
        if (idx === null || idx === undefined || u.cursor.left === undefined || u.cursor.left < 0) {
          box.hidden = true;
          return;
        }
        box.replaceChildren(el('div', { class: 'ph-tooltip-title' }, labels[idx] ?? ''));
        for (const row of rows) {
          if (!row.shown()) continue;
          const swatch = el('span', { class: 'ph-swatch', 'aria-hidden': 'true' });
          swatch.style.setProperty('--swatch', row.colour);
          box.append(
            el(
              'div',
              { class: 'ph-tooltip-row' },
              swatch,
              el('span', { class: 'ph-tooltip-label' }, row.label),
              el('span', { class: 'ph-tooltip-value' }, exact(row.value(idx))),
            ),
          );
        }
        box.hidden = false;
        const width = u.over.clientWidth;
        const left = u.cursor.left;
        box.style.left = left > width / 2 ? '' : `${left + 12}px`;
        box.style.right = left > width / 2 ? `${width - left + 12}px` : '';
        box.style.top = '8px';
      },
    },
  };
}
