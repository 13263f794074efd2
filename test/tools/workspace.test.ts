import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import { eventsTable, ingestEvent } from '../standin/analytics';
import { withLimit } from '../../src/mcp/tools/workspace';

const DAY = 86_400_000;

/** Counts per event name in project 1's store, optionally since a time. */
function countsByEvent(h: Harness, since = 0): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of eventsTable(h.standin.state, 1).all()) {
    if (Date.parse(e.timestamp) <= since) continue;
    counts.set(e.event, (counts.get(e.event) ?? 0) + 1);
  }
  return counts;
}

interface ProjectsAnswer {
  active_project_id: number;
  results: Array<{ id: number; name: string; active: boolean }>;
}

/** run_hogql_query's answer: PostHog's columns and rows; `R` is one row's cells for the query at hand. */
interface HogQLAnswer<R extends unknown[]> {
  columns: string[];
  results: R[];
  has_more?: boolean;
  next_offset?: number;
}

describe('workspace tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // A few distinct events so LIMIT and filters have something to cut, whatever else is seeded.
    const team = h.standin.team();
    const now = Date.now();
    const add = (event: string, ms: number, plan: string, i: number) =>
      ingestEvent(h.standin.state, team, {
        event,
        distinct_id: `ws-user-${i}`,
        properties: { plan, $lib: 'web' },
        timestamp: new Date(ms).toISOString(),
        uuid: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
      });
    ['ws_alpha', 'ws_beta', 'ws_gamma', 'ws_delta'].forEach((name, k) => add(name, now - 60_000, k % 2 ? 'pro' : 'free', k));
    add('ws_alpha', now - 20 * DAY, 'pro', 10);
    add('ws_alpha', now - 2 * DAY, "it's pro", 11);
  });
  after(() => h.close());

  it('list_projects lists the projects with the active one first', async () => {
    const out = await h.json<ProjectsAnswer>('list_projects');
    assert.deepEqual(out, {
      active_project_id: 1,
      results: [
        { id: 1, name: 'Hedgebox (production)', active: true },
        { id: 2, name: 'Hedgebox (staging)', active: false },
      ],
    });
  });

  it("list_projects marks a configured project other than the key's current one as active", async () => {
    const other = await startHarness({ client: { projectId: 2 } });
    try {
      const out = await other.call<ProjectsAnswer>('list_projects');
      assert.equal(out.isError, false, out.text);
      assert.equal(out.data.active_project_id, 2);
      assert.deepEqual(out.data.results[0], { id: 2, name: 'Hedgebox (staging)', active: true });
      assert.equal(out.data.results.filter((p) => p.active).length, 1);
    } finally {
      await other.close();
    }
  });

  it('run_hogql_query counts events per name, matching the stored events', async () => {
    const out = await h.json<HogQLAnswer<[string, number]>>('run_hogql_query', {
      query: 'SELECT event, count() FROM events GROUP BY event ORDER BY count() DESC',
    });
    assert.deepEqual(out.columns, ['event', 'count()']);
    const expected = countsByEvent(h);
    assert.equal(out.results.length, Math.min(100, expected.size));
    for (const [event, count] of out.results) assert.equal(count, expected.get(event), event);
    const counts = out.results.map((r) => r[1]);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => b - a),
      'ordered by count, descending',
    );
    assert.equal(out.next_offset, undefined, 'no next page');
    const sent = h.standin.requestsTo('/query', 'POST').at(-1)!;
    assert.equal(sent.path, '/api/projects/1/query/');
    assert.deepEqual(sent.body, {
      query: { kind: 'HogQLQuery', query: 'SELECT event, count() FROM events GROUP BY event ORDER BY count() DESC' },
    });
  });

  it('run_hogql_query appends the limit when the query has none, and reports more rows', async () => {
    const out = await h.call<HogQLAnswer<[string, number]>>('run_hogql_query', {
      query: "select event, count() from events where event != '$pageview' group by event order by event asc;",
      limit: 2,
    });
    assert.equal(out.isError, false, out.text);
    assert.equal(
      h.standin.requestsTo('/query', 'POST').at(-1)!.body.query.query,
      "select event, count() from events where event != '$pageview' group by event order by event asc\nLIMIT 2",
    );
    assert.equal(out.data.results.length, 2);
    assert.equal(out.data.has_more, true);
    const names = out.data.results.map((r) => r[0]);
    assert.deepEqual(names, [...names].sort());

    const kept = await h.call<HogQLAnswer<[string, number]>>('run_hogql_query', {
      query: 'SELECT event, count() FROM events GROUP BY event LIMIT 1',
      limit: 50,
    });
    assert.equal(
      h.standin.requestsTo('/query', 'POST').at(-1)!.body.query.query,
      'SELECT event, count() FROM events GROUP BY event LIMIT 1',
      'an existing LIMIT is left alone',
    );
    assert.equal(kept.data.results.length, 1);
  });

  it('run_hogql_query filters by property and time', async () => {
    const pro = await h.call<HogQLAnswer<[number]>>('run_hogql_query', {
      query: "SELECT count() FROM events WHERE properties.plan = 'pro' AND event = 'ws_alpha'",
    });
    assert.equal(pro.isError, false, pro.text);
    assert.deepEqual(pro.data, { columns: ['count()'], results: [[1]], has_more: false });
    const quoted = await h.call<HogQLAnswer<[number]>>('run_hogql_query', {
      query: "SELECT count() AS n FROM events WHERE properties.plan = 'it\\'s pro'",
    });
    assert.deepEqual(quoted.data.results, [[1]]);
    assert.deepEqual(quoted.data.columns, ['n']);
    const recent = await h.call<HogQLAnswer<[string, number]>>('run_hogql_query', {
      query: "SELECT event, count() FROM events WHERE event = 'ws_alpha' AND timestamp > now() - INTERVAL 7 DAY GROUP BY event",
    });
    assert.deepEqual(recent.data.results, [['ws_alpha', 2]], 'the event 20 days ago is left out');
    const since = Date.now() - 7 * DAY;
    const all = await h.call<HogQLAnswer<[number]>>('run_hogql_query', {
      query: 'SELECT count() FROM events WHERE timestamp > now() - INTERVAL 7 DAY',
    });
    const expected = [...countsByEvent(h, since).values()].reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(all.data.results[0][0] - expected) <= 1, 'matches the store (allowing one event on the boundary)');
  });

  it("run_hogql_query answers the editor's batched volume query: per event and UTC day, only the events asked for", async () => {
    const query =
      "SELECT event, toDate(timestamp) AS d, count() FROM events WHERE event IN ('ws_alpha', 'ws_beta', 'ws_missing') " +
      'AND timestamp > now() - INTERVAL 7 DAY GROUP BY event, d';
    const out = await h.call<HogQLAnswer<[string, string, number]>>('run_hogql_query', { query, limit: 1000 });
    assert.equal(out.isError, false, out.text);
    assert.deepEqual(out.data.columns, ['event', 'd', 'count()']);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const now = Date.now();
    // ws_alpha: one a minute ago and one 2 days ago (the one 20 days ago is outside); ws_beta: one a minute ago.
    const expected = [
      ['ws_alpha', day(now - 2 * DAY), 1],
      ['ws_alpha', day(now - 60_000), 1],
      ['ws_beta', day(now - 60_000), 1],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
    assert.deepEqual(out.data.results, expected);
    const ungrouped = await h.error('run_hogql_query', { query: 'SELECT event, toDate(timestamp), count() FROM events GROUP BY event' });
    assert.match(ungrouped, /not in GROUP BY keys/);
  });

  it("run_hogql_query passes PostHog's error messages on", async () => {
    const unknown = await h.error('run_hogql_query', { query: 'SELECT nope FROM events' });
    assert.match(
      unknown,
      /Could not run the HogQL query: PostHog rejected the request \(400\)\. PostHog said: "Unable to resolve field: nope"/,
    );
    const syntax = await h.error('run_hogql_query', { query: 'SELECT event count( FROM events' });
    assert.match(syntax, /Syntax error at line 1, column \d+/);
    const beyond = await h.error('run_hogql_query', { query: 'SELECT distinct_id, count() FROM events GROUP BY distinct_id' });
    assert.match(beyond, /The stand-in supports only a subset of HogQL/);
  });

  it('run_hogql_query rejects empty queries and bad limits before sending', async () => {
    const before = h.standin.requests.length;
    const empty = await h.error('run_hogql_query', { query: '' });
    assert.match(empty, /'query'/);
    const zero = await h.error('run_hogql_query', { query: 'SELECT count() FROM events', limit: 0 });
    assert.match(zero, /'limit'/);
    assert.equal(h.standin.requests.length, before);
  });

  it('run_hogql_query needs the query scope: a 403 names it', async () => {
    const key = 'phx_standin_insights_test_no_query_scope_000000';
    const limited = await startHarness({ client: { apiKey: key } });
    limited.standin.state.keys.set(key, { key, label: 'no-query', userId: 1, scopes: ['insight:read', 'user:read', 'project:read'] });
    try {
      const out = await limited.call('run_hogql_query', { query: 'SELECT count() FROM events' });
      assert.equal(out.isError, true);
      assert.match(out.text, /missing the 'query:read' scope/);
    } finally {
      await limited.close();
    }
  });
});

describe('withLimit', () => {
  it('appends LIMIT only when the outermost query has none', () => {
    assert.equal(withLimit('SELECT 1', undefined), 'SELECT 1');
    assert.equal(withLimit('SELECT 1 ;  ', 5), 'SELECT 1\nLIMIT 5');
    assert.equal(withLimit('select * from events limit 3', 5), 'select * from events limit 3');
    assert.equal(withLimit("SELECT * FROM events WHERE event = 'limit 3'", 5), "SELECT * FROM events WHERE event = 'limit 3'\nLIMIT 5");
    assert.equal(withLimit('SELECT * FROM (SELECT * FROM events LIMIT 3)', 5), 'SELECT * FROM (SELECT * FROM events LIMIT 3)\nLIMIT 5');
    assert.equal(withLimit('SELECT 1 -- no limit here', 5), 'SELECT 1 -- no limit here\nLIMIT 5');
  });
});
