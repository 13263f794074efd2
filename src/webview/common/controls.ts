import type { DateRange, Interval } from '../../insights/panelMessages';
import { codicon, el } from '../chart/dom';

/** Kept here (not imported from panelMessages) so that zod stays out of the page bundle. */
const PRESETS: { value: string; label: string }[] = [
  { value: '-24h', label: 'Last 24 hours' },
  { value: '-7d', label: 'Last 7 days' },
  { value: '-30d', label: 'Last 30 days' },
  { value: '-90d', label: 'Last 90 days' },
];
const INTERVALS: Interval[] = ['hour', 'day', 'week', 'month'];

export function button(label: string, icon: string, onClick: () => void, primary = false): HTMLButtonElement {
  const b = el('button', { type: 'button', class: primary ? 'primary' : 'ph-button' }, codicon(icon), ` ${label}`);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * The date range control: a select of presets plus "Custom…", which shows two date inputs and an
 * Apply button. Calls `onChange` with a preset or a complete custom range.
 */
export function dateRangeControl(onChange: (range: DateRange) => void): { element: HTMLElement; set(range: DateRange | undefined): void } {
  const select = el(
    'select',
    { 'aria-label': 'Date range' },
    el('option', { value: '' }, 'Saved range'),
    ...PRESETS.map((p) => el('option', { value: p.value }, p.label)),
    el('option', { value: 'custom' }, 'Custom…'),
  );
  const from = el('input', { type: 'date', 'aria-label': 'From' });
  const to = el('input', { type: 'date', 'aria-label': 'To' });
  const apply = button('Apply', 'check', () => {
    if (from.value && to.value) onChange({ from: from.value, to: to.value });
  });
  const custom = el('span', { class: 'custom-range' }, from, ' – ', to, ' ', apply);
  custom.hidden = true;
  select.addEventListener('change', () => {
    custom.hidden = select.value !== 'custom';
    if (select.value === 'custom') from.focus();
    else if (select.value) onChange({ preset: select.value });
  });
  return {
    element: el('span', { class: 'date-range' }, el('label', {}, 'Date range', select), custom),
    set(range) {
      if (!range) select.value = '';
      else if ('preset' in range) select.value = range.preset;
      else {
        select.value = 'custom';
        from.value = range.from;
        to.value = range.to;
      }
      custom.hidden = select.value !== 'custom';
    },
  };
}

export function intervalControl(onChange: (interval: Interval) => void): {
  element: HTMLElement;
  set(interval: Interval | undefined): void;
} {
  const select = el(
    'select',
    { 'aria-label': 'Interval' },
    ...INTERVALS.map((i) => el('option', { value: i }, i[0].toUpperCase() + i.slice(1))),
  );
  select.addEventListener('change', () => onChange(select.value as Interval));
  return {
    element: el('label', {}, 'Grouped by', select),
    set(interval) {
      if (interval) select.value = interval;
    },
  };
}
