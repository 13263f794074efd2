import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasNullNoise } from '../helpers/noise';
import { startHarness, type Harness } from '../helpers/harness';
import { withLinks } from '../helpers/links';
import { eventsTable, ingestEvent } from '../standin/analytics';
import { envelope } from '../standin/core';
import { setSwitches } from '../standin/switches';
import type { ListAnswer, StandinError } from '../helpers/answers';

interface InsightAnswer {
  id: number;
  short_id: string;
  name: string;
  saved?: boolean;
  kind: string;
  query: { kind: string; source: { series: Array<{ event: string }> } };
  filters?: unknown;
  series: Array<{ label: string; total: number }>;
  dashboards: unknown[];
  created_by: string;
  last_modified_at?: string;
  url: string;
}

interface ActivityAnswer {
  activity: string;
  by: string;
  at: string;
  insight_id: number;
  changes: unknown[];
}

interface TrendSeries {
  event: string;
  total: number;
  breakdown_value?: string;
  data: Array<{ date: string; count: number }>;
}

interface TrendsAnswer {
  interval: string;
  results: TrendSeries[];
}

/** The stand-in's query API answer for a TrendsQuery (PostHog's series shape). */
interface QueryResults {
  results: Array<{ label: string; count: number; aggregated_value?: number; data: number[]; labels: string[] }>;
}

const DAY = 86_400_000;
const TEST_EVENT = 'insights_test_download';

/** Events the trends tests count: 3 today (2 Firefox, 1 Chrome), 2 two days ago (Chrome), 1 ten days ago (Safari). */
function seedTestEvents(h: Harness) {
  const team = h.standin.team();
  const now = Date.now();
  const at = (ms: number) => new Date(ms).toISOString();
  const rows: Array<[number, string]> = [
    [now - 1000, 'Firefox'],
    [now - 2000, 'Firefox'],
    [now - 3000, 'Chrome'],
    [now - 2 * DAY, 'Chrome'],
    [now - 2 * DAY - 60_000, 'Chrome'],
    [now - 10 * DAY, 'Safari'],
  ];
  rows.forEach(([t, browser], i) =>
    ingestEvent(h.standin.state, team, {
      event: TEST_EVENT,
      distinct_id: `insights-test-user-${i % 2}`,
      properties: { $browser: browser },
      timestamp: at(t),
      uuid: `00000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
    }),
  );
}

const lastBody = (h: Harness, fragment: string, method: string) => h.standin.requestsTo(fragment, method).at(-1)?.body;

describe('insights tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    seedTestEvents(h);
  });
  after(() => h.close());

  const insights = () => h.standin.state.table(1, 'insights');

  it('list_insights returns the newest first, with short_id links and paging info', async () => {
    const out = await h.call<ListAnswer<InsightAnswer>>('list_insights', { limit: 5 });
    if (!out.isError) out.data = withLinks(out.data);
    assert.equal(out.isError, false, out.text);
    assert.equal(
      out.data.count,
      insights()
        .all()
        .filter((i) => !i.deleted).length,
    );
    assert.equal(out.data.has_more, true);
    assert.equal(out.data.next_offset, 5);
    assert.equal(out.data.results.length, 5);
    const modified = out.data.results.map((i) => i.last_modified_at);
    assert.deepEqual([...modified].sort().reverse(), modified, 'most recently modified first');
    for (const i of out.data.results) {
      assert.match(i.short_id, /^[A-Za-z0-9]{8}$/);
      assert.equal(i.url, `${h.standin.url}/project/1/insights/${i.short_id}`);
    }
    assert.ok(!hasNullNoise(out.text), 'no null noise');
    const req = h.standin.requestsTo('/insights', 'GET').at(-1)!;
    assert.equal(req.query.basic, 'true', 'asks for the light serializer');
    // Without it PostHog orders by the nullable `order` column (insight.py, InsightViewSet.order_queryset).
    assert.equal(req.query.order, '-last_modified_at');
  });

  it('list_insights searches and filters by saved', async () => {
    const found = await h.call<ListAnswer<InsightAnswer>>('list_insights', { search: 'signups' });
    assert.deepEqual(found.data.results.map((i) => i.name).sort(), ['Signups (last 30 days)', 'Signups per week', 'Signups vs. pageviews']);

    // An unsaved insight, the way the PostHog UI leaves one behind when exploring.
    await h.client.request({
      method: 'POST',
      path: '/api/projects/1/insights/',
      body: { name: 'Scratch exploration', query: { kind: 'InsightVizNode', source: { kind: 'TrendsQuery', series: [] } } },
      action: 'create scratch insight',
    });
    const unsaved = await h.call<ListAnswer<InsightAnswer>>('list_insights', { saved: false });
    assert.deepEqual(
      unsaved.data.results.map((i) => i.name),
      ['Scratch exploration'],
    );
    assert.equal(unsaved.data.results[0].saved, false);
    assert.equal(h.standin.requestsTo('/insights', 'GET').at(-1)!.query.saved, 'false');
    const saved = await h.call<ListAnswer<InsightAnswer>>('list_insights', { saved: true, limit: 100 });
    assert.ok(!saved.data.results.some((i) => i.name === 'Scratch exploration'));
  });

  it('get_insight finds an insight by numeric id or by short_id, with its query and totals', async () => {
    const row = insights().find((i) => i.name === 'Daily pageviews')!;
    const byId = await h.json<InsightAnswer>('get_insight', { insight_id: row.id });
    const byShort = await h.json<InsightAnswer>('get_insight', { insight_id: row.short_id });
    assert.equal(byId.id, row.id);
    assert.equal(byShort.id, row.id);
    assert.equal(byId.kind, 'TrendsQuery');
    assert.equal(byId.query.source.series[0].event, '$pageview');
    assert.equal(byId.url, `${h.standin.url}/project/1/insights/${row.short_id}`);
    assert.equal(byId.created_by, 'Ada Lovelace');
    assert.ok(byId.dashboards.length >= 1, 'it sits on a seeded dashboard');
    // The total is the number of stored $pageview events since the start of the day 14 days ago.
    const d = new Date(Date.now() - 14 * 86_400_000);
    const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    const expected = eventsTable(h.standin.state, 1)
      .all()
      .filter((e) => e.event === '$pageview' && Date.parse(e.timestamp) >= from).length;
    assert.deepEqual(byId.series, [{ label: '$pageview', total: expected }]);
  });

  it('get_insight shows a legacy-filters insight converted to a query, as PostHog does', async () => {
    const row = insights().find((i) => i.name === 'Marketing site visits')!;
    assert.equal(row.query, null, 'stored with legacy filters only');
    const out = await h.call<InsightAnswer>('get_insight', { insight_id: row.id });
    assert.equal(out.data.kind, 'TrendsQuery');
    assert.equal(out.data.query.kind, 'InsightVizNode');
    assert.equal(out.data.filters, undefined, 'PostHog answers filters: {} once converted');
  });

  it('get_insight of a missing insight says which one was not found', async () => {
    const out = await h.error('get_insight', { insight_id: 999999 });
    assert.match(out, /insight 999999 was not found/);
    const byShort = await h.error('get_insight', { insight_id: 'zzzzzzzz' });
    assert.match(byShort, /insight zzzzzzzz was not found/);
  });

  it('create_insight saves an insight, wrapping a bare TrendsQuery in an InsightVizNode', async () => {
    const query = { kind: 'TrendsQuery', series: [{ kind: 'EventsNode', event: 'signed_up', math: 'total' }], interval: 'week' };
    const out = await h.json<InsightAnswer>('create_insight', { name: 'Weekly signups', query, description: 'For the growth review' });
    const sent = lastBody(h, '/insights', 'POST');
    assert.deepEqual(sent, {
      name: 'Weekly signups',
      description: 'For the growth review',
      saved: true,
      query: { kind: 'InsightVizNode', source: query },
    });
    const row = insights().get(out.id)!;
    assert.equal(row.name, 'Weekly signups');
    assert.equal(row.saved, true);
    assert.equal(out.kind, 'TrendsQuery');
    assert.equal(out.url, `${h.standin.url}/project/1/insights/${row.short_id}`);
  });

  it('create_insight and update_insight say to use query when PostHog refuses legacy filters (PostHog Cloud)', async () => {
    // InsightSerializer.validate (products/product_analytics/backend/api/insight.py): 403 while
    // `legacy-insight-filters-disabled` is on, which the stand-in's switch is by default.
    const filters = { insight: 'TRENDS', events: [{ id: 'uploaded_file', type: 'events', order: 0 }], interval: 'day' };
    const count = insights().all().length;
    const created = await h.error('create_insight', { name: 'Uploads (legacy)', filters });
    assert.match(created, /no longer accepts legacy insight filters/);
    assert.match(created, /Give query instead/);
    assert.equal(insights().all().length, count, 'nothing was created');
    const updated = await h.error('update_insight', { insight_id: insights().all()[0].id, filters });
    assert.match(updated, /Give query instead/);
  });

  it('create_insight accepts legacy filters where PostHog still does (self-hosted)', async () => {
    setSwitches(h.standin.state, { legacyInsightFiltersDisabled: false });
    try {
      const filters = { insight: 'TRENDS', events: [{ id: 'uploaded_file', type: 'events', order: 0 }], interval: 'day' };
      const out = await h.json<InsightAnswer>('create_insight', { name: 'Uploads (legacy)', filters });
      assert.deepEqual(lastBody(h, '/insights', 'POST').filters, filters);
      assert.equal(lastBody(h, '/insights', 'POST').query, undefined);
      assert.deepEqual(insights().get(out.id)!.filters, filters);
    } finally {
      setSwitches(h.standin.state, { legacyInsightFiltersDisabled: true });
    }
  });

  it('create_insight needs exactly one of query and filters, and checks before sending', async () => {
    const before = h.standin.requests.length;
    const neither = await h.error('create_insight', { name: 'Nothing' });
    assert.match(neither, /give query \(preferred\) or filters/);
    const both = await h.call<InsightAnswer>('create_insight', {
      name: 'Both',
      query: { kind: 'TrendsQuery', series: [] },
      filters: { insight: 'TRENDS' },
    });
    assert.equal(both.isError, true);
    assert.match(both.text, /not both/);
    const kindless = await h.error('create_insight', { name: 'No kind', query: { series: [] } });
    assert.match(kindless, /needs a 'kind'/);
    assert.equal(h.standin.requests.length, before, 'nothing was sent');
  });

  it("create_insight passes PostHog's schema error on to the caller", async () => {
    const count = insights().all().length;
    const out = await h.error('create_insight', { name: 'Bad', query: { kind: 'NopeQuery' } });
    assert.match(out, /PostHog rejected the request \(400\)/);
    assert.match(out, /NopeQuery/);
    assert.equal(insights().all().length, count, 'nothing was created');
  });

  it('update_insight sends only the given fields and leaves the rest alone', async () => {
    const created = await h.call<InsightAnswer>('create_trend_insight', {
      name: 'Before rename',
      events: ['signed_up'],
      description: 'Keep me',
    });
    const id = created.data.id;
    const queryBefore = JSON.stringify(insights().get(id)!.query);
    const out = await h.json<InsightAnswer>('update_insight', { insight_id: id, name: 'After rename' });
    assert.equal(out.name, 'After rename');
    assert.deepEqual(lastBody(h, `/insights/${id}`, 'PATCH'), { name: 'After rename' });
    const row = insights().get(id)!;
    assert.equal(row.description, 'Keep me');
    assert.equal(JSON.stringify(row.query), queryBefore);

    const newQuery = { kind: 'TrendsQuery', series: [{ kind: 'EventsNode', event: 'upgraded_plan' }] };
    const q = await h.call<InsightAnswer>('update_insight', { insight_id: id, query: newQuery });
    assert.equal(q.isError, false, q.text);
    assert.deepEqual(lastBody(h, `/insights/${id}`, 'PATCH'), { query: { kind: 'InsightVizNode', source: newQuery } });
    assert.equal(insights().get(id)!.query.source.series[0].event, 'upgraded_plan');
  });

  it('update_insight with nothing to change, or a bad id, sends nothing; a missing insight is named', async () => {
    const before = h.standin.requests.length;
    const none = await h.error('update_insight', { insight_id: 1 });
    assert.match(none, /at least one of name, description, query, filters/);
    const bad = await h.error('update_insight', { insight_id: 'abc', name: 'x' });
    assert.match(bad, /insight_id/);
    assert.equal(h.standin.requests.length, before);
    const missing = await h.error('update_insight', { insight_id: 424242, name: 'x' });
    assert.match(missing, /insight 424242 was not found/);
  });

  it('get_insight_sharing reports an unshared insight, then its public link once shared', async () => {
    const off = await h.json<{ enabled: boolean; public_url?: string }>('get_insight_sharing', { insight_id: 2 });
    assert.deepEqual(off, { enabled: false });
    await h.client.request({
      method: 'PATCH',
      path: '/api/projects/1/insights/2/sharing/',
      body: { enabled: true },
      action: 'share insight 2',
    });
    const on = await h.call<{ enabled: boolean; public_url?: string }>('get_insight_sharing', { insight_id: 2 });
    const token = insights().get(2)!.sharing.access_token;
    assert.equal(on.data.enabled, true);
    assert.equal(on.data.public_url, `${h.standin.url}/shared/${token}`);
    const missing = await h.call<{ enabled: boolean; public_url?: string }>('get_insight_sharing', { insight_id: 999999 });
    assert.match(missing.text, /insight 999999 was not found/);
  });

  it('get_insight_activity shows who changed what, newest first', async () => {
    const created = await h.call<InsightAnswer>('create_trend_insight', { name: 'Activity subject', events: ['$pageview'] });
    const id = created.data.id;
    await h.call<InsightAnswer>('update_insight', { insight_id: id, description: 'Now with a description' });
    const out = await h.list<ActivityAnswer>('get_insight_activity', { insight_id: id });
    assert.equal(out.total_count, 2);
    assert.equal(out.next_offset, undefined, 'no next page');
    const [latest, first] = out.results;
    assert.equal(latest.activity, 'updated');
    assert.equal(latest.by, 'Ada Lovelace');
    assert.deepEqual(latest.changes, [{ field: 'description', action: 'created', after: 'Now with a description' }]);
    assert.equal(first.activity, 'created');
    assert.equal(first.insight_id, id);
    const req = h.standin.requestsTo(`/insights/${id}/activity`, 'GET').at(-1)!;
    assert.deepEqual(req.query, { limit: '10', page: '1' });
  });

  it('get_insight_activity of a missing insight says so (PostHog answers an empty 404)', async () => {
    const out = await h.error('get_insight_activity', { insight_id: 999999 });
    assert.match(out, /insight 999999 was not found/);
  });

  it('get_insights_activity pages through changes across the project', async () => {
    const p1 = await h.list<ActivityAnswer>('get_insights_activity', { limit: 2 });
    assert.equal(p1.results.length, 2);
    assert.equal(p1.has_more, true);
    assert.equal(p1.next_page, 2);
    assert.ok((p1.total_count ?? 0) > 2);
    const p2 = await h.call<ListAnswer<ActivityAnswer>>('get_insights_activity', { limit: 2, page: 2 });
    assert.equal(p2.data.results.length, 2);
    assert.notDeepEqual(p2.data.results, p1.results);
    const times = [...p1.results, ...p2.data.results].map((a) => a.at);
    assert.deepEqual([...times].sort().reverse(), times, 'newest first');
  });

  it('mark_insight_viewed posts to insights/viewed/ and records the view', async () => {
    assert.equal(insights().get(7)!.last_viewed_at, null);
    const out = await h.json<{ viewed: boolean; name: string }>('mark_insight_viewed', { insight_id: 7 });
    assert.equal(out.viewed, true);
    assert.equal(out.name, 'Pageviews by page');
    assert.deepEqual(lastBody(h, '/insights/viewed', 'POST'), { insight_ids: [7] });
    assert.equal(h.standin.requestsTo('/insights/viewed', 'POST').at(-1)!.status, 201);
    assert.ok(insights().get(7)!.last_viewed_at, 'last_viewed_at is set');
  });

  it('mark_insight_viewed falls back to insights/{id}/viewed/ on servers without the new endpoint', async () => {
    h.standin.faults.add({
      method: 'POST',
      path: '/insights/viewed',
      status: 404,
      body: envelope('invalid_request', 'not_found', 'Not found.'),
      times: 1,
    });
    insights().get(8)!.last_viewed_at = null;
    const out = await h.call<{ viewed: boolean; name: string }>('mark_insight_viewed', { insight_id: 8 });
    assert.equal(out.isError, false, out.text);
    assert.equal(h.standin.requestsTo('/insights/8/viewed', 'POST').at(-1)?.status, 201);
    assert.ok(insights().get(8)!.last_viewed_at);
  });

  it('mark_insight_viewed of a missing insight reports it and posts nothing', async () => {
    const posts = h.standin.requestsTo('viewed', 'POST').length;
    const out = await h.error('mark_insight_viewed', { insight_id: 999999 });
    assert.match(out, /insight 999999 was not found/);
    assert.equal(h.standin.requestsTo('viewed', 'POST').length, posts);
  });

  it('get_trend_insights counts events per day through a TrendsQuery', async () => {
    const out = await h.json<TrendsAnswer>('get_trend_insights', { events: [TEST_EVENT] });
    const body = lastBody(h, '/query', 'POST');
    assert.deepEqual(body, {
      query: {
        kind: 'TrendsQuery',
        series: [{ kind: 'EventsNode', event: TEST_EVENT, name: TEST_EVENT, math: 'total' }],
        interval: 'day',
        dateRange: { date_from: '-7d' },
      },
    });
    assert.equal(out.interval, 'day');
    const [series] = out.results;
    assert.equal(series.event, TEST_EVENT);
    assert.equal(series.total, 5, 'the event ten days ago is outside -7d');
    assert.equal(series.data.length, 8, '-7d is seven days back plus today');
    const today = new Date().toISOString().slice(0, 10);
    const twoDaysAgo = new Date(Date.now() - 2 * DAY).toISOString().slice(0, 10);
    assert.deepEqual(series.data.at(-1), { date: today, count: 3 });
    assert.deepEqual(
      series.data.find((d) => d.date === twoDaysAgo),
      { date: twoDaysAgo, count: 2 },
    );
  });

  it('get_trend_insights takes a longer range, other intervals and several events', async () => {
    const wide = await h.call<TrendsAnswer>('get_trend_insights', { events: [TEST_EVENT], date_from: '-14d' });
    assert.equal(wide.data.results[0].total, 6);
    const hourly = await h.call<TrendsAnswer>('get_trend_insights', { events: [TEST_EVENT], date_from: '-24h', interval: 'hour' });
    assert.equal(hourly.data.results[0].total, 3);
    assert.match(hourly.data.results[0].data.at(-1)!.date, /^\d{4}-\d{2}-\d{2} \d{2}:00:00$/);
    const two = await h.call<TrendsAnswer>('get_trend_insights', { events: [TEST_EVENT, 'no_such_event_anywhere'] });
    assert.deepEqual(
      two.data.results.map((s) => [s.event, s.total]),
      [
        [TEST_EVENT, 5],
        ['no_such_event_anywhere', 0],
      ],
    );
  });

  it('get_trend_insights splits by a breakdown property', async () => {
    const out = await h.json<TrendsAnswer>('get_trend_insights', { events: [TEST_EVENT], date_from: '-14d', breakdown: '$browser' });
    assert.equal(lastBody(h, '/query', 'POST').query.breakdownFilter.breakdown, '$browser');
    const totals = Object.fromEntries(out.results.map((s) => [s.breakdown_value, s.total]));
    assert.deepEqual(totals, { Chrome: 3, Firefox: 2, Safari: 1 });
  });

  it('get_trend_insights rejects a bad date or interval before sending anything', async () => {
    const before = h.standin.requests.length;
    const badDate = await h.error('get_trend_insights', { events: [TEST_EVENT], date_from: 'last week' });
    assert.match(badDate, /date_from/);
    const badInterval = await h.error('get_trend_insights', { events: [TEST_EVENT], interval: 'fortnight' });
    assert.match(badInterval, /interval/);
    const noEvents = await h.call<TrendsAnswer>('get_trend_insights', { events: [] });
    assert.equal(noEvents.isError, true);
    assert.equal(h.standin.requests.length, before);
  });

  it('create_trend_insight saves an InsightVizNode-wrapped TrendsQuery that PostHog can compute', async () => {
    const out = await h.json<InsightAnswer>('create_trend_insight', {
      name: 'Test downloads',
      events: [TEST_EVENT],
      date_from: '-14d',
      interval: 'week',
      display: 'ActionsBar',
      description: 'Downloads, weekly',
    });
    assert.deepEqual(lastBody(h, '/insights', 'POST'), {
      name: 'Test downloads',
      description: 'Downloads, weekly',
      saved: true,
      query: {
        kind: 'InsightVizNode',
        source: {
          kind: 'TrendsQuery',
          series: [{ kind: 'EventsNode', event: TEST_EVENT, name: TEST_EVENT, math: 'total' }],
          interval: 'week',
          dateRange: { date_from: '-14d' },
          trendsFilter: { display: 'ActionsBar' },
        },
      },
    });
    const row = h.standin.state.table(1, 'insights').get(out.id)!;
    assert.equal(row.saved, true);
    assert.equal(out.url, `${h.standin.url}/project/1/insights/${row.short_id}`);
    const got = await h.call<InsightAnswer>('get_insight', { insight_id: row.short_id });
    assert.equal(got.data.name, 'Test downloads');
    assert.equal(
      got.data.series.reduce((n, s) => n + s.total, 0),
      6,
    );
  });

  it('create_trend_insight validates the display type before sending', async () => {
    const before = h.standin.requests.length;
    const out = await h.error('create_trend_insight', { name: 'Pie', events: [TEST_EVENT], display: 'PieChart' });
    assert.match(out, /display/);
    assert.equal(h.standin.requests.length, before);
  });
});

describe('insights stand-in', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    fetch(h.standin.url + path, {
      method,
      headers: { Authorization: `Bearer ${h.standin.key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('seeds seventeen saved insights in project 1 (one per query kind among them) and a couple in project 2, with unique 8-character short_ids', () => {
    const p1 = h.standin.state.table(1, 'insights').all();
    const p2 = h.standin.state.table(2, 'insights').all();
    assert.equal(p1.length, 17);
    assert.ok(p2.length >= 1 && p2.length < p1.length);
    const ids = p1.map((i) => i.short_id);
    assert.equal(new Set(ids).size, ids.length);
    for (const s of ids) assert.match(s, /^[A-Za-z0-9]{8}$/);
    assert.ok(p1.every((i) => i.saved));
  });

  it('DELETE answers 405 with an empty body; a soft-deleted insight is gone until restored by PATCH', async () => {
    const del = await req('DELETE', '/api/projects/1/insights/3/');
    assert.equal(del.status, 405);
    assert.equal(await del.text(), '');
    assert.equal((await req('PATCH', '/api/projects/1/insights/3/', { deleted: true })).status, 200);
    assert.equal((await req('GET', '/api/projects/1/insights/3/')).status, 404);
    const list = (await (await req('GET', '/api/projects/1/insights/?limit=100')).json()) as { results: Array<{ id: number }> };
    assert.ok(!list.results.some((i) => i.id === 3));
    assert.equal((await req('PATCH', '/api/projects/1/insights/3/', { name: 'x' })).status, 404);
    assert.equal((await req('PATCH', '/api/projects/1/insights/3/', { deleted: false })).status, 200);
    assert.equal((await req('GET', '/api/projects/1/insights/3/')).status, 200);
  });

  it('serves insights under /api/environments/ too, and both viewed forms answer 201 with an empty body', async () => {
    assert.equal((await req('GET', '/api/environments/1/insights/1')).status, 200);
    const current = await req('POST', '/api/environments/1/insights/viewed/', { insight_ids: [1, 999999] });
    assert.equal(current.status, 201);
    assert.equal(await current.text(), '');
    const legacy = await req('POST', '/api/projects/1/insights/1/viewed/');
    assert.equal(legacy.status, 201);
    assert.equal((await req('POST', '/api/projects/1/insights/999999/viewed/')).status, 404);
  });

  it('query API: TrendsQuery inside an InsightVizNode, aggregate displays, and PostHog-style series', async () => {
    const res = await req('POST', '/api/projects/1/query/', {
      query: {
        kind: 'InsightVizNode',
        source: {
          kind: 'TrendsQuery',
          series: [{ kind: 'EventsNode', event: '$pageview' }],
          dateRange: { date_from: '-3d' },
          trendsFilter: { display: 'BoldNumber' },
        },
      },
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as QueryResults;
    const s = body.results[0];
    assert.equal(s.label, '$pageview');
    assert.equal(s.aggregated_value, s.count);
    assert.deepEqual(s.data, []);
    const line = (await (
      await req('POST', '/api/projects/1/query/', {
        query: { kind: 'TrendsQuery', series: [{ kind: 'EventsNode', event: '$pageview' }], dateRange: { date_from: '-3d' } },
      })
    ).json()) as QueryResults;
    assert.equal(line.results[0].data.length, 4);
    assert.match(line.results[0].labels[0], /^\d{1,2}-[A-Z][a-z]{2}-\d{4}$/);
    assert.equal(line.results[0].count, s.aggregated_value);
  });

  describe("query API: HogQL errors come back in PostHog's 400 envelope", () => {
    const cases: Array<[string, RegExp]> = [
      ['SELECT nope FROM events', /^Unable to resolve field: nope$/],
      ['SELECT FROM events', /^Syntax error at line 1, column 7: /],
      ['SELECT event, count() FROM events\nGROUP BY event LIMT 3', /^Syntax error at line 2, column 15: /],
      ['SELECT count() FROM nope', /^Unknown table `nope`\.$/],
      ['SELECT count() FROM persons', /^The stand-in supports only a subset of HogQL/],
      ["SELECT count() FROM events WHERE event = 'a' OR event = 'b'", /OR is not in it/],
    ];
    for (const [query, detail] of cases) {
      it(query, async () => {
        const res = await req('POST', '/api/projects/1/query/', { query: { kind: 'HogQLQuery', query } });
        assert.equal(res.status, 400, query);
        const body = (await res.json()) as StandinError;
        assert.equal(body.type, 'validation_error', query);
        assert.match(body.detail ?? '', detail, query);
      });
    }
    it('a query kind the stand-in does not compute (PathsQuery)', async () => {
      const other = await req('POST', '/api/projects/1/query/', { query: { kind: 'PathsQuery', pathsFilter: {} } });
      assert.equal(other.status, 400);
      assert.match(((await other.json()) as StandinError).detail ?? '', /supports only HogQLQuery, TrendsQuery, FunnelsQuery/);
    });
  });
});
