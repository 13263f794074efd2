/**
 * run_insight_query through the MCP client against the stand-in: every kind from a seeded insight
 * (series counts and labels), overrides that are not saved, a given query, bad input, and what an
 * agent and an MCP App view each get. Also get_dashboard's tiles in layout order.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChartModel } from '../../src/insights/chart';
import { MCP_APP_RESULT_KEY, MCP_APP_URI } from '../../src/insights/mcpApp';
import { startHarness, type Harness } from '../helpers/harness';

interface Answer {
  insight?: { id: number; short_id: string; name: string; url: string };
  kind: string;
  chart: ChartModel;
  computed_at: string;
  cached: boolean;
  query: Record<string, unknown>;
}

interface Outcome {
  isError: boolean;
  text: string;
  structured?: Record<string, unknown>;
  data: Answer;
}

describe('run_insight_query', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const idOf = (name: string) => {
    const row = h.standin.state
      .table(1, 'insights')
      .all()
      .find((i) => i.name === name);
    assert.ok(row, `seeded insight "${name}"`);
    return row.id as number;
  };
  const run = async (args: Record<string, unknown>): Promise<Outcome> => {
    const r = (await h.mcp.callTool({ name: 'run_insight_query', arguments: args })) as Record<string, unknown>;
    const text = (r.content as Array<{ text: string }>)[0].text;
    const meta = r._meta as Record<string, unknown> | undefined;
    return {
      isError: r.isError === true,
      text,
      structured: r.structuredContent as Record<string, unknown>,
      data: meta?.[MCP_APP_RESULT_KEY] as Answer,
    };
  };
  const ok = async (args: Record<string, unknown>) => {
    const out = await run(args);
    assert.equal(out.isError, false, out.text);
    return out.data;
  };
  const names = (c: ChartModel) => c.series.map((s) => s.name);

  it('trends: a saved insight by id or short_id, one series per event, a label per day', async () => {
    const id = idOf('Daily pageviews');
    const a = await ok({ insight_id: id });
    assert.equal(a.kind, 'TrendsQuery');
    assert.equal(a.insight?.name, 'Daily pageviews');
    assert.match(a.insight?.url ?? '', /\/project\/1\/insights\/[A-Za-z0-9]{8}$/);
    assert.equal(a.chart.display, 'line');
    assert.deepEqual(names(a.chart), ['$pageview']);
    assert.equal(a.chart.labels.length, 15, '-14d by day: 15 buckets');
    assert.ok(a.chart.series[0].total! > 0);
    const byShort = await ok({ insight_id: a.insight!.short_id });
    assert.deepEqual(byShort.chart.series[0].data, a.chart.series[0].data);
  });

  it('trends with two events, a bold number, and a breakdown by page', async () => {
    assert.deepEqual(names((await ok({ insight_id: idOf('Signups vs. pageviews') })).chart), ['$pageview', 'signed_up']);
    const bold = await ok({ insight_id: idOf('Signups (last 30 days)') });
    assert.equal(bold.chart.display, 'number');
    assert.equal(bold.chart.series.length, 1);
    const pages = await ok({ insight_id: idOf('Pageviews by page') });
    assert.ok(pages.chart.series.length > 3);
    assert.ok(names(pages.chart).includes('https://hedgebox.net/pricing'));
    assert.ok(pages.chart.series.every((s) => s.breakdown === s.name));
  });

  it('funnels: the steps in order, counts that never grow, conversion and overall', async () => {
    const a = await ok({ insight_id: idOf('Signup funnel') });
    assert.equal(a.chart.kind, 'funnels');
    assert.deepEqual(a.chart.labels, ['$pageview', 'signed_up', 'uploaded_file']);
    const counts = a.chart.funnel!.steps.map((s) => s.count);
    assert.ok(counts[0] > counts[1] && counts[1] >= counts[2] && counts[2] > 0, `non-trivial funnel: ${counts.join(' > ')}`);
    assert.equal(a.chart.funnel!.overall, counts[2] / counts[0]);
  });

  it('retention: eight daily cohorts, each row one period shorter', async () => {
    const a = await ok({ insight_id: idOf('Pageview retention') });
    const r = a.chart.retention!;
    assert.deepEqual(r.periods, ['Day 0', 'Day 1', 'Day 2', 'Day 3', 'Day 4', 'Day 5', 'Day 6', 'Day 7']);
    assert.equal(r.cohorts.length, 8);
    assert.deepEqual(
      r.cohorts.map((c) => c.values.length),
      [8, 7, 6, 5, 4, 3, 2, 1],
    );
    assert.ok(
      r.cohorts.some((c) => c.size > 0 && c.values.slice(1).some((v) => v > 0)),
      'someone comes back',
    );
    assert.ok(r.cohorts.every((c) => c.values.every((v) => v <= c.size)));
  });

  it('stickiness: "1 day" … "15 days" bars; lifecycle: the four statuses, dormant below zero', async () => {
    const s = await ok({ insight_id: idOf('Upload stickiness') });
    assert.equal(s.chart.kind, 'stickiness');
    assert.equal(s.chart.labels[0], '1 day');
    assert.equal(s.chart.labels.length, 15);
    assert.equal(s.chart.series.length, 1);
    const l = await ok({ insight_id: idOf('Pageview lifecycle') });
    assert.deepEqual(names(l.chart), ['new', 'returning', 'resurrecting', 'dormant']);
    assert.ok(l.chart.series[3].data.every((v) => v <= 0));
    assert.ok(l.chart.series[0].total! > 0 && l.chart.series[1].total! > 0);
  });

  it('compare to the previous period: a current and a previous series over the same labels', async () => {
    const a = await ok({ insight_id: idOf('Pageviews vs. the week before') });
    assert.deepEqual(
      a.chart.series.map((s) => [s.name, s.compare]),
      [
        ['$pageview', 'current'],
        ['$pageview (previous period)', 'previous'],
      ],
    );
    assert.equal(a.chart.series[0].data.length, a.chart.series[1].data.length);
  });

  it('overrides change this run only: nothing is written to the insight', async () => {
    const id = idOf('Daily pageviews');
    const before = JSON.stringify(h.standin.state.table(1, 'insights').get(id)!.query);
    const writes = () => h.standin.requestsTo('/insights/').filter((r) => r.method !== 'GET').length;
    const writesBefore = writes();
    const week = await ok({ insight_id: id, date_from: '-7d', interval: 'day', display: 'ActionsBar' });
    assert.equal(week.chart.labels.length, 8);
    assert.equal(week.chart.display, 'bar');
    const compared = await ok({ insight_id: id, compare: true });
    assert.equal(compared.chart.series.length, 2);
    const browsers = await ok({ insight_id: id, breakdown: '$browser' });
    assert.ok(names(browsers.chart).includes('Chrome'), names(browsers.chart).join(', '));
    const noBreakdown = await ok({ insight_id: idOf('Pageviews by page'), breakdown: null });
    assert.deepEqual(names(noBreakdown.chart), ['$pageview']);
    assert.equal(JSON.stringify(h.standin.state.table(1, 'insights').get(id)!.query), before);
    assert.equal(writes(), writesBefore);
    assert.deepEqual((week.query.dateRange as Record<string, unknown>).date_from, '-7d', 'the effective query is returned');
  });

  it('a given query runs as is (an InsightVizNode is unwrapped, as PostHog runs its source)', async () => {
    const source = {
      kind: 'TrendsQuery',
      series: [{ kind: 'EventsNode', event: 'signed_up' }],
      dateRange: { date_from: '-30d' },
      interval: 'week',
    };
    const a = await ok({ query: { kind: 'InsightVizNode', source } });
    assert.equal(a.insight, undefined);
    assert.deepEqual(names(a.chart), ['signed_up']);
    assert.equal(a.chart.interval, 'week');
    const sent = h.standin.requestsTo('/query/', 'POST').at(-1)!.body as { query: { kind: string } };
    assert.equal(sent.query.kind, 'TrendsQuery');
    const hogql = await ok({ query: { kind: 'HogQLQuery', query: 'SELECT event, count() FROM events GROUP BY event' } });
    assert.equal(hogql.chart.kind, 'table');
    assert.deepEqual(hogql.chart.table.columns, ['event', 'count()']);
  });

  it('bad input: a clear error and nothing sent', async () => {
    const sent = h.standin.requestsTo('/query/').length;
    assert.match(await h.error('run_insight_query', {}), /give insight_id or query/);
    assert.match(await h.error('run_insight_query', { insight_id: 1, query: { kind: 'TrendsQuery' } }), /give insight_id or query/);
    assert.match(await h.error('run_insight_query', { query: { series: [] } }), /needs a 'kind'/);
    assert.match(await h.error('run_insight_query', { insight_id: 1, date_from: 'last week' }), /relative date like -7d/);
    assert.match(
      await h.error('run_insight_query', { insight_id: idOf('Pageview retention'), compare: true }),
      /compare applies to TrendsQuery, StickinessQuery, FunnelsQuery, not to a RetentionQuery/,
    );
    assert.match(
      await h.error('run_insight_query', { insight_id: idOf('Top events (SQL)'), date_from: '-7d' }),
      /apply to insight queries .* not to a HogQLQuery/,
    );
    assert.equal(h.standin.requestsTo('/query/').length, sent);
    assert.match(await h.error('run_insight_query', { insight_id: 999999 }), /insight 999999 was not found/);
  });

  it("PostHog's query errors come back in its words", async () => {
    const text = await h.error('run_insight_query', {
      query: { kind: 'TrendsQuery', series: [{ kind: 'EventsNode', event: 'x' }], interval: 'minute' },
    });
    assert.match(text, /run the query of the TrendsQuery/);
    assert.match(text, /intervals hour, day, week and month/);
  });

  it('agents get a few lines and a summary; the MCP App view gets the whole chart in _meta', async () => {
    const out = await run({ insight_id: idOf('Pageviews by page') });
    assert.match(out.text, /^Pageviews by page \(TrendsQuery, insight \d+\), computed .*: http/);
    assert.match(out.text, /\n- https:\/\/hedgebox\.net\/: total \d+/);
    assert.ok(out.text.length < 2000, `compact text (${out.text.length} chars)`);
    const series = out.structured?.series as Array<{ name: string; total: number }>;
    assert.ok(series.length > 3 && series.every((s) => typeof s.total === 'number'));
    assert.equal(out.structured?.chart, undefined, 'no chart data for the model');
    assert.ok(out.data.chart.table.rows.length > 3);
    const funnel = await run({ insight_id: idOf('Signup funnel') });
    assert.match(funnel.text, /\n1\. \$pageview: \d+ \(100% of the first step\)\n2\. signed_up: \d+/);
    assert.match(funnel.text, /Overall conversion: \d/);
  });

  it('tools/list: run_insight_query and run_hogql_query declare the MCP App view', async () => {
    const { tools } = await h.mcp.listTools();
    const withUi = tools
      .filter((t) => (t._meta?.ui as { resourceUri?: string } | undefined)?.resourceUri === MCP_APP_URI)
      .map((t) => t.name);
    assert.deepEqual(withUi.sort(), ['run_hogql_query', 'run_insight_query']);
    const hogql = (await h.mcp.callTool({
      name: 'run_hogql_query',
      arguments: { query: 'SELECT event, count() FROM events GROUP BY event' },
    })) as Record<string, unknown>;
    const data = (hogql._meta as Record<string, unknown>)[MCP_APP_RESULT_KEY] as { columns: string[] };
    assert.deepEqual(data.columns, ['event', 'count()']);
  });
});

describe('get_dashboard tiles for the dashboard view', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('tiles in layout order (row, then column) with each insight kind and grid place; the text tile on top', async () => {
    const d = await h.json<{ tiles: Array<Record<string, unknown>> }>('get_dashboard', { dashboard_id: 1 });
    const first = d.tiles[0];
    assert.match(String(first.text), /Numbers refresh hourly/);
    assert.deepEqual(first.layout, { x: 0, y: 0, w: 12, h: 2 });
    const kinds = d.tiles.slice(1).map((t) => t.kind);
    for (const k of ['TrendsQuery', 'FunnelsQuery', 'RetentionQuery', 'StickinessQuery', 'LifecycleQuery']) assert.ok(kinds.includes(k), k);
    const places = d.tiles.map((t) => t.layout as { x: number; y: number });
    for (let i = 1; i < places.length; i++) {
      const [a, b] = [places[i - 1], places[i]];
      assert.ok(a.y < b.y || (a.y === b.y && a.x < b.x), `tile ${i} after tile ${i - 1}`);
    }
  });
});
