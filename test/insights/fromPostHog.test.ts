/**
 * PostHog query results -> ChartModel (src/insights/fromPostHog). Fixtures are shaped as PostHog's
 * runners answer (posthog/hogql_queries/insights/**; /work/shared/posthog-api.md §16.2), trimmed.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { chartFromPostHog, LIMITS } from '../../src/insights/fromPostHog';
import { summarizeChart, summaryText } from '../../src/insights/summary';

const action = (id: string, order = 0, extra: Record<string, unknown> = {}) => ({
  id,
  type: 'events',
  order,
  name: id,
  custom_name: null,
  math: 'total',
  ...extra,
});
const trendsSeries = (event: string, data: number[], extra: Record<string, unknown> = {}) => ({
  action: action(event, (extra.order as number) ?? 0),
  label: event,
  count: data.reduce((a, b) => a + b, 0),
  data,
  labels: data.map((_, i) => `${i + 1}-Jan-2024`),
  days: data.map((_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`),
  ...extra,
});
const trends = (extra: Record<string, unknown> = {}) => ({
  kind: 'TrendsQuery',
  series: [{ kind: 'EventsNode', event: '$pageview' }],
  ...extra,
});

describe('trends results as a chart', () => {
  it('one series per PostHog series, labels from the buckets, totals from count, line by default', () => {
    const chart = chartFromPostHog(trends(), {
      results: [trendsSeries('$pageview', [10, 20, 5]), trendsSeries('signed_up', [1, 0, 2], { order: 1 })],
    });
    assert.equal(chart.kind, 'trends');
    assert.equal(chart.display, 'line');
    assert.deepEqual(chart.labels, ['1-Jan-2024', '2-Jan-2024', '3-Jan-2024']);
    assert.deepEqual(
      chart.series.map((s) => [s.name, s.data, s.total]),
      [
        ['$pageview', [10, 20, 5], 35],
        ['signed_up', [1, 0, 2], 3],
      ],
    );
    assert.deepEqual(chart.table.columns, ['Series', '1-Jan-2024', '2-Jan-2024', '3-Jan-2024', 'Total']);
    assert.deepEqual(chart.table.rows[0], ['$pageview', 10, 20, 5, 35]);
  });

  it('maps display types: bar, area, stacked, number, table', () => {
    const display = (d: string) =>
      chartFromPostHog(trends({ trendsFilter: { display: d } }), { results: [trendsSeries('$pageview', [1, 2])] }).display;
    assert.equal(display('ActionsBar'), 'bar');
    assert.equal(display('ActionsAreaGraph'), 'area');
    assert.equal(display('ActionsStackedBar'), 'stacked');
    assert.equal(display('ActionsLineGraphCumulative'), 'line');
    assert.equal(display('ActionsTable'), 'table');
    assert.equal(display('BoldNumber'), 'number');
  });

  it('total-value displays read aggregated_value (PostHog sends empty data)', () => {
    const bold = { ...trendsSeries('signed_up', []), data: [], labels: [], days: [], count: 0, aggregated_value: 42 };
    const chart = chartFromPostHog(trends({ trendsFilter: { display: 'BoldNumber' } }), { results: [bold] });
    assert.equal(chart.display, 'number');
    assert.deepEqual(chart.series[0].data, [42]);
    assert.equal(chart.series[0].total, 42);
  });

  it('breakdowns become series named by value; sentinels in words; several series keep the event name', () => {
    const one = chartFromPostHog(trends({ breakdownFilter: { breakdown: '$browser' } }), {
      results: [
        trendsSeries('$pageview', [3, 4], { label: '$pageview - Chrome', breakdown_value: 'Chrome' }),
        trendsSeries('$pageview', [1, 1], { label: '$pageview - none', breakdown_value: '$$_posthog_breakdown_null_$$' }),
        trendsSeries('$pageview', [0, 2], { label: '$pageview - Other', breakdown_value: '$$_posthog_breakdown_other_$$' }),
      ],
    });
    assert.deepEqual(
      one.series.map((s) => [s.name, s.breakdown]),
      [
        ['Chrome', 'Chrome'],
        ['(none)', '(none)'],
        ['(other)', '(other)'],
      ],
    );
    const two = chartFromPostHog(trends(), {
      results: [
        trendsSeries('$pageview', [1], { breakdown_value: 'Safari' }),
        trendsSeries('signed_up', [1], { order: 1, breakdown_value: 'Safari' }),
      ],
    });
    assert.deepEqual(
      two.series.map((s) => s.name),
      ['$pageview - Safari', 'signed_up - Safari'],
    );
  });

  it('compare: previous-period series are marked and named, labels come from the current period', () => {
    const current = trendsSeries('$pageview', [5, 6], { compare: true, compare_label: 'current' });
    const previous = {
      ...trendsSeries('$pageview', [3, 4], { compare: true, compare_label: 'previous' }),
      labels: ['30-Dec-2023', '31-Dec-2023'],
    };
    const chart = chartFromPostHog(trends({ compareFilter: { compare: true } }), { results: [previous, current] });
    assert.deepEqual(chart.labels, ['1-Jan-2024', '2-Jan-2024']);
    assert.deepEqual(
      chart.series.map((s) => [s.name, s.compare]),
      [
        ['$pageview (previous period)', 'previous'],
        ['$pageview', 'current'],
      ],
    );
  });

  it('a custom name wins over the event name', () => {
    const s = trendsSeries('$pageview', [1]);
    (s.action as Record<string, unknown>).custom_name = 'Views';
    assert.equal(chartFromPostHog(trends(), { results: [s] }).series[0].name, 'Views');
  });
});

describe('funnel results as a chart', () => {
  const step = (name: string, order: number, count: number, extra: Record<string, unknown> = {}) => ({
    action_id: name,
    name,
    custom_name: null,
    order,
    count,
    type: 'events',
    people: [],
    average_conversion_time: order ? 60 : null,
    median_conversion_time: order ? 50 : null,
    ...extra,
  });
  const funnel = { kind: 'FunnelsQuery', series: [] };

  it('steps with conversion from the first step, drop-off from the previous one, and overall conversion', () => {
    const chart = chartFromPostHog(funnel, {
      results: [step('$pageview', 0, 100), step('signed_up', 1, 40), step('uploaded_file', 2, 10)],
    });
    assert.equal(chart.kind, 'funnels');
    assert.deepEqual(chart.labels, ['$pageview', 'signed_up', 'uploaded_file']);
    const steps = chart.funnel!.steps;
    assert.deepEqual(
      steps.map((s) => [s.name, s.count, s.conversion]),
      [
        ['$pageview', 100, 1],
        ['signed_up', 40, 0.4],
        ['uploaded_file', 10, 0.1],
      ],
    );
    assert.deepEqual(
      steps.map((s) => Math.round(s.dropOff * 100)),
      [0, 60, 75],
    );
    assert.equal(chart.funnel!.overall, 0.1);
    assert.deepEqual(chart.table.rows[1], ['signed_up', 40, 0.4, 0.6]);
  });

  it('a breakdown (a list of step lists) gives a series per value; the funnel sums them', () => {
    const chrome = [
      step('$pageview', 0, 6, { breakdown: ['Chrome'], breakdown_value: ['Chrome'] }),
      step('signed_up', 1, 3, { breakdown: ['Chrome'], breakdown_value: ['Chrome'] }),
    ];
    const safari = [
      step('$pageview', 0, 4, { breakdown: ['Safari'], breakdown_value: ['Safari'] }),
      step('signed_up', 1, 1, { breakdown: ['Safari'], breakdown_value: ['Safari'] }),
    ];
    const chart = chartFromPostHog(funnel, { results: [chrome, safari] });
    assert.deepEqual(
      chart.series.map((s) => [s.name, s.data]),
      [
        ['Chrome', [6, 3]],
        ['Safari', [4, 1]],
      ],
    );
    assert.deepEqual(
      chart.funnel!.steps.map((s) => s.count),
      [10, 4],
    );
  });

  it('an empty funnel (no one entered) has zero conversion, not NaN', () => {
    const chart = chartFromPostHog(funnel, { results: [step('a', 0, 0), step('b', 1, 0)] });
    assert.equal(chart.funnel!.overall, 0);
    assert.ok(chart.funnel!.steps.every((s) => s.conversion === 0 && s.dropOff === 0));
  });
});

describe('retention, stickiness and lifecycle results as charts', () => {
  it('retention: a cohort per row, its size from period 0, period labels from the filter', () => {
    const results = [
      { date: '2024-01-01T00:00:00Z', label: 'Week 0', values: [{ count: 10 }, { count: 5 }, { count: 2 }] },
      { date: '2024-01-08T00:00:00Z', label: 'Week 1', values: [{ count: 8 }, { count: 4 }] },
      { date: '2024-01-15T00:00:00Z', label: 'Week 2', values: [{ count: 3 }] },
    ];
    const chart = chartFromPostHog({ kind: 'RetentionQuery', retentionFilter: { period: 'Week' } }, { results });
    assert.equal(chart.kind, 'retention');
    assert.deepEqual(chart.retention!.periods, ['Week 0', 'Week 1', 'Week 2']);
    assert.deepEqual(
      chart.retention!.cohorts.map((c) => [c.label, c.size, c.values]),
      [
        ['2024-01-01', 10, [10, 5, 2]],
        ['2024-01-08', 8, [8, 4]],
        ['2024-01-15', 3, [3]],
      ],
    );
    assert.deepEqual(chart.table.rows[1], ['2024-01-08', 8, 8, 4, null]);
  });

  it('stickiness: one series per event over "1 day", "2 days", … drawn as bars', () => {
    const s = {
      action: action('uploaded_file'),
      label: 'uploaded_file',
      count: 9,
      data: [5, 3, 1],
      labels: ['1 day', '2 days', '3 days'],
      days: [1, 2, 3],
    };
    const chart = chartFromPostHog({ kind: 'StickinessQuery', series: [] }, { results: [s] });
    assert.equal(chart.kind, 'stickiness');
    assert.equal(chart.display, 'bar');
    assert.deepEqual(chart.labels, ['1 day', '2 days', '3 days']);
    assert.deepEqual(chart.series[0].data, [5, 3, 1]);
  });

  it('lifecycle: the four statuses as stacked series in PostHog order, dormant negative; toggledLifecycles hides the rest', () => {
    const status = (st: string, data: number[]) => ({
      action: action('$pageview'),
      label: `$pageview - ${st}`,
      status: st,
      data,
      count: data.reduce((a, b) => a + b, 0),
      labels: ['1-Jan-2024', '2-Jan-2024'],
      days: ['2024-01-01', '2024-01-02'],
    });
    const results = [status('dormant', [-2, -1]), status('new', [3, 1]), status('resurrecting', [0, 1]), status('returning', [1, 2])];
    const chart = chartFromPostHog({ kind: 'LifecycleQuery', series: [] }, { results });
    assert.equal(chart.display, 'stacked');
    assert.deepEqual(
      chart.series.map((s) => s.name),
      ['new', 'returning', 'resurrecting', 'dormant'],
    );
    assert.deepEqual(chart.series[3].data, [-2, -1]);
    const some = chartFromPostHog(
      { kind: 'LifecycleQuery', series: [], lifecycleFilter: { toggledLifecycles: ['new', 'dormant'] } },
      { results },
    );
    assert.deepEqual(
      some.series.map((s) => s.name),
      ['new', 'dormant'],
    );
  });
});

describe('anything else, and huge results', () => {
  it('HogQL results and unknown kinds are a table', () => {
    const hogql = chartFromPostHog(
      { kind: 'HogQLQuery', query: 'select 1' },
      { columns: ['event', 'count()'], results: [['$pageview', 3]] },
    );
    assert.equal(hogql.kind, 'table');
    assert.deepEqual(hogql.table, { columns: ['event', 'count()'], rows: [['$pageview', 3]] });
    const paths = chartFromPostHog({ kind: 'PathsQuery' }, { results: [{ source: '1_/', target: '2_/pricing', value: 4 }] });
    assert.equal(paths.kind, 'table');
    assert.deepEqual(paths.table.columns, ['source', 'target', 'value']);
  });

  it('too many series keep the largest; too many points keep the latest; truncated says so', () => {
    const many = Array.from({ length: LIMITS.series + 10 }, (_, i) => trendsSeries(`e${i}`, [i, i]));
    const clipped = chartFromPostHog(trends(), { results: many });
    assert.equal(clipped.series.length, LIMITS.series);
    assert.ok(!clipped.series.some((s) => s.name === 'e0'), 'the smallest series went');
    assert.match(clipped.truncated ?? '', /50 largest of 60 series/);
    const long = Array.from({ length: LIMITS.points + 500 }, (_, i) => i);
    const clippedLong = chartFromPostHog(trends(), { results: [trendsSeries('$pageview', long)] });
    assert.equal(clippedLong.labels.length, LIMITS.points);
    assert.equal(clippedLong.series[0].data[LIMITS.points - 1], LIMITS.points + 499, 'the latest point is kept');
    assert.match(clippedLong.truncated ?? '', /last 2000 of 2500 points/);
    const rows = Array.from({ length: LIMITS.tableRows + 1 }, (_, i) => [i]);
    assert.match(chartFromPostHog({ kind: 'HogQLQuery' }, { columns: ['n'], results: rows }).truncated ?? '', /first 1000 of 1001 rows/);
  });
});

describe('the summary agents read', () => {
  it('a few lines: per series total and last value; funnel steps with conversion', () => {
    const chart = chartFromPostHog(trends(), { results: [trendsSeries('$pageview', [10, 20, 5])] });
    const text = summaryText('Daily pageviews', summarizeChart(chart));
    assert.equal(text, 'Daily pageviews\n3 points (day): 1-Jan-2024 … 3-Jan-2024\n- $pageview: total 35, last 5');
    const funnel = chartFromPostHog(
      { kind: 'FunnelsQuery' },
      {
        results: [
          { name: 'a', order: 0, count: 4 },
          { name: 'b', order: 1, count: 1 },
        ],
      },
    );
    assert.match(
      summaryText('F', summarizeChart(funnel)),
      /^F\n1\. a: 4 \(100% of the first step\)\n2\. b: 1 \(25% of the first step\)\nOverall conversion: 25%$/,
    );
  });
});
