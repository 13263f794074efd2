import type { ChartModel } from '../../insights/chart';
import { el } from './dom';
import { exact, percent } from './format';
import { seriesColour, type ChartTheme } from './theme';
import { alpha } from './timeseries';

/** Retention as PostHog shows it: one row per cohort, the share retained per period shaded by its size. */
export function retentionTable(model: ChartModel, theme: ChartTheme): HTMLElement {
  const retention = model.retention ?? { periods: [], cohorts: [] };
  const colour = seriesColour(theme, 0);
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, 'Cohort'),
    el('th', { scope: 'col' }, 'Size'),
    ...retention.periods.map((p) => el('th', { scope: 'col' }, p)),
  );
  const rows = retention.cohorts.map((cohort) =>
    el(
      'tr',
      { 'data-series': cohort.label },
      el('th', { scope: 'row' }, cohort.label),
      el('td', {}, exact(cohort.size)),
      ...retention.periods.map((_, i) => {
        const value = cohort.values[i];
        if (value === undefined) return el('td', { class: 'ph-heat-empty' });
        const share = cohort.size > 0 ? value / cohort.size : 0;
        const cell = el('td', { class: 'ph-heat', title: `${exact(value)} of ${exact(cohort.size)}` }, percent(share));
        cell.style.background = alpha(colour, 0.1 + share * 0.8);
        if (share > 0.55) cell.classList.add('ph-heat-strong');
        return cell;
      }),
    ),
  );
  return el(
    'table',
    { class: 'ph-table ph-retention' },
    el('caption', {}, 'Retention by cohort'),
    el('thead', {}, head),
    el('tbody', {}, ...rows),
  );
}
