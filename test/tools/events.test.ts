import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import { startStandin } from '../standin/server';
import { personByDistinctId } from '../standin/analytics';

/** What the capture tools answer: the event as it was sent. */
interface CapturedAnswer {
  status: string;
  event: string;
  uuid: string;
  distinct_id?: string;
  timestamp?: string;
  anon_distinct_id?: string;
  group_key?: string;
}

const events = (h: Harness, pid = 1) => h.standin.state.table(pid, 'events');

async function post(h: Harness, path: string, body: unknown) {
  const res = await fetch(`${h.standin.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
}

describe('event tracking tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('capture_event sends one event with the project token and a fresh uuid, and PostHog stores it', async () => {
    const out = await h.json<CapturedAnswer>('capture_event', {
      distinct_id: 'user-42',
      event: 'exported_report',
      properties: { format: 'csv', rows: 120 },
    });
    assert.equal(out.status, 'captured');
    assert.equal(out.event, 'exported_report');
    assert.equal(out.distinct_id, 'user-42');
    const stored = events(h).get(out.uuid)!;
    assert.ok(stored, 'stored under the uuid the tool reported');
    assert.equal(stored.event, 'exported_report');
    assert.equal(stored.distinct_id, 'user-42');
    assert.equal(stored.properties.format, 'csv');
    assert.equal(stored.properties.rows, 120);
    assert.ok(personByDistinctId(h.standin.state, 1, 'user-42'), 'a person exists for the distinct id');

    const req = h.standin.requestsTo('/i/v0/e', 'POST').at(-1)!;
    assert.equal(req.path, '/i/v0/e/');
    assert.equal(req.body.api_key, h.standin.projectToken);
    assert.equal(req.body.uuid, out.uuid);
    assert.equal(req.auth, undefined, 'no personal key is sent to the ingestion host');
    assert.equal(req.status, 200);

    const again = await h.call<CapturedAnswer>('capture_event', { distinct_id: 'user-42', event: 'exported_report' });
    assert.notEqual(again.data.uuid, out.uuid, 'every call is a new event');
    assert.equal(
      events(h)
        .all()
        .filter((e) => e.distinct_id === 'user-42').length,
      2,
    );
  });

  it('capture_event keeps the given timestamp', async () => {
    const ts = '2025-03-04T05:06:07.000Z';
    const out = await h.json<CapturedAnswer>('capture_event', { distinct_id: 'user-ts', event: 'backfilled', timestamp: ts });
    assert.equal(events(h).get(out.uuid)!.timestamp, ts);
    assert.equal(out.timestamp, ts);
  });

  it('a send whose answer was lost is retried with the same uuid, and stored once', async () => {
    h.standin.faults.add({ method: 'POST', path: '/i/v0/e', reset: true, afterHandler: true, times: 1 });
    const out = await h.call<CapturedAnswer>('capture_event', { distinct_id: 'user-retry', event: 'flaky_network' });
    assert.equal(out.isError, false, out.text);
    const sends = h.standin.requestsTo('/i/v0/e', 'POST').filter((r) => r.body?.distinct_id === 'user-retry');
    assert.equal(sends.length, 2, 'sent twice');
    assert.equal(sends[0].body.uuid, sends[1].body.uuid, 'with the same uuid');
    assert.equal(
      events(h)
        .all()
        .filter((e) => e.distinct_id === 'user-retry').length,
      1,
      'stored once',
    );
  });

  it('identify_user sets person properties and merges the anonymous id', async () => {
    await h.call<CapturedAnswer>('capture_event', {
      distinct_id: 'anon-abc',
      event: '$pageview',
      properties: { $current_url: 'https://hedgebox.net/pricing' },
    });
    const out = await h.json<CapturedAnswer>('identify_user', {
      distinct_id: 'lin@example.com',
      properties: { email: 'lin@example.com', plan: 'pro' },
      anon_distinct_id: 'anon-abc',
    });
    assert.equal(out.event, '$identify');
    assert.equal(out.anon_distinct_id, 'anon-abc');
    const stored = events(h).get(out.uuid)!;
    assert.deepEqual(stored.properties.$set, { email: 'lin@example.com', plan: 'pro' });
    assert.equal(stored.properties.$anon_distinct_id, 'anon-abc');
    const person = personByDistinctId(h.standin.state, 1, 'lin@example.com')!;
    assert.equal(person.properties.plan, 'pro');
    assert.ok(person.distinct_ids.includes('anon-abc'), 'the anonymous activity now belongs to the user');
    assert.equal(personByDistinctId(h.standin.state, 1, 'anon-abc'), person);

    const plain = await h.call<CapturedAnswer>('identify_user', { distinct_id: 'lin@example.com', properties: { plan: 'enterprise' } });
    assert.equal(events(h).get(plain.data.uuid)!.properties.$anon_distinct_id, undefined);
    assert.equal(person.properties.plan, 'enterprise');
    assert.equal(person.properties.email, 'lin@example.com', 'other properties are kept');
  });

  it('group_identify creates the group with its properties', async () => {
    const out = await h.json<CapturedAnswer>('group_identify', {
      group_type: 'company',
      group_key: 'acme-inc',
      properties: { name: 'Acme Inc.', plan: 'enterprise' },
    });
    assert.deepEqual(
      { ...out, uuid: undefined },
      { status: 'captured', event: '$groupidentify', group_type: 'company', group_key: 'acme-inc', uuid: undefined },
    );
    const req = h.standin.requestsTo('/i/v0/e', 'POST').at(-1)!;
    assert.equal(req.body.distinct_id, '$company_acme-inc');
    assert.deepEqual(
      { t: req.body.properties.$group_type, k: req.body.properties.$group_key, s: req.body.properties.$group_set },
      { t: 'company', k: 'acme-inc', s: { name: 'Acme Inc.', plan: 'enterprise' } },
    );
    const group = h.standin.state.table(1, 'groups').find((g) => g.group_type === 'company' && g.group_key === 'acme-inc')!;
    assert.deepEqual(group.properties, { name: 'Acme Inc.', plan: 'enterprise' });
    await h.call<CapturedAnswer>('group_identify', { group_type: 'company', group_key: 'acme-inc', properties: { employees: 50 } });
    assert.deepEqual(group.properties, { name: 'Acme Inc.', plan: 'enterprise', employees: 50 });
  });

  it('capture_group_event attributes the event to the group', async () => {
    const out = await h.json<CapturedAnswer>('capture_group_event', {
      distinct_id: 'user-7',
      event: 'invited_teammate',
      group_type: 'company',
      group_key: 'acme-inc',
      properties: { role: 'editor', $groups: { project: 'p1' } },
    });
    assert.equal(out.group_key, 'acme-inc');
    const stored = events(h).get(out.uuid)!;
    assert.equal(stored.event, 'invited_teammate');
    assert.equal(stored.properties.role, 'editor');
    assert.deepEqual(stored.properties.$groups, { project: 'p1', company: 'acme-inc' }, 'existing $groups are kept');
  });

  it('bad input is rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const blank = await h.error('capture_event', { distinct_id: '  ', event: 'x' });
    assert.match(blank, /distinct_id/);
    const noEvent = await h.call<CapturedAnswer>('capture_event', { distinct_id: 'u' });
    assert.match(noEvent.text, /'event' is required/);
    const badTime = await h.call<CapturedAnswer>('capture_event', { distinct_id: 'u', event: 'x', timestamp: 'yesterday' });
    assert.match(badTime.text, /timestamp/);
    const noProps = await h.call<CapturedAnswer>('identify_user', { distinct_id: 'u' });
    assert.match(noProps.text, /'properties' is required/);
    const noKey = await h.call<CapturedAnswer>('group_identify', { group_type: 'company', properties: {} });
    assert.match(noKey.text, /'group_key' is required/);
    const noType = await h.call<CapturedAnswer>('capture_group_event', { distinct_id: 'u', event: 'x', group_key: 'k' });
    assert.match(noType.text, /'group_type' is required/);
    assert.equal(h.standin.requests.length, before);
  });

  it('a rejected project token is reported as such, not as a bad personal key', async () => {
    // Capture refuses a token by its shape only (rust/capture/src/token.rs validate_token): 401
    // "API key is not valid: …" for an empty, over-long, non-ASCII or phx_ token.
    h.standin.faults.add({ method: 'POST', path: '/i/v0/e', status: 401, body: 'API key is not valid: personal API key', times: 1 });
    const out = await h.error('capture_event', { distinct_id: 'u', event: 'x' });
    assert.match(out, /rejected the project API token \(401\)/);
    assert.doesNotMatch(out, /personal API key/);
  });

  it('an unknown but well-formed project token is answered 200 by PostHog, which drops the events: nothing to report', async () => {
    // token.rs checks the token's format, not its project; the capture service accepts the request.
    const team = h.standin.team();
    const token = team.api_token;
    team.api_token = 'phc_rotated_token';
    try {
      const before = h.standin.state.table(1, 'events').all().length;
      const out = await h.call('capture_event', { distinct_id: 'u', event: 'dropped_for_unknown_token' });
      assert.equal(out.isError, false, out.text);
      assert.equal(h.standin.state.table(1, 'events').all().length, before, 'PostHog stored nothing');
    } finally {
      team.api_token = token;
    }
  });
});

describe("the stand-in's capture endpoints", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ seed: 'empty' });
  });
  after(() => h.close());

  describe('accept a single event on every capture path, with or without the trailing slash', () => {
    const paths = ['/i/v0/e', '/i/v0/e/', '/e', '/capture/', '/track', '/batch/'];
    for (const path of paths) {
      it(path, async () => {
        const res = await post(h, path, { api_key: h.standin.projectToken, event: 'ping', distinct_id: `p${path}` });
        assert.equal(res.status, 200, path);
        assert.deepEqual(JSON.parse(res.text), { status: 'Ok' });
        assert.ok(
          events(h)
            .all()
            .some((e) => e.event === 'ping' && e.distinct_id === `p${path}`),
          `the event sent to ${path} is stored`,
        );
      });
    }
    it('one event stored per path', () => {
      assert.equal(
        events(h)
          .all()
          .filter((e) => e.event === 'ping').length,
        paths.length,
      );
    });
  });

  it('accept a batch with the token at batch level, an array of events, and the token in properties', async () => {
    const batch = await post(h, '/batch/', {
      api_key: h.standin.projectToken,
      batch: [
        { event: 'b1', distinct_id: 'batcher' },
        { event: 'b2', $distinct_id: 'batcher', properties: { n: 2 } },
      ],
    });
    assert.equal(batch.status, 200);
    const array = await post(h, '/e', [
      { token: h.standin.projectToken, event: 'a1', properties: { distinct_id: 'arrayer' } },
      { $token: h.standin.projectToken, event: 'a2', distinct_id: 12345 },
    ]);
    assert.equal(array.status, 200);
    const inProps = await post(h, '/capture', { event: 'p1', distinct_id: 'props', properties: { token: h.standin.projectToken } });
    assert.equal(inProps.status, 200);
    const names = events(h)
      .all()
      .map((e) => `${e.event}:${e.distinct_id}`);
    for (const n of ['b1:batcher', 'b2:batcher', 'a1:arrayer', 'a2:12345', 'p1:props']) assert.ok(names.includes(n), n);
  });

  it('de-duplicate by uuid', async () => {
    const ev = { api_key: h.standin.projectToken, event: 'once', distinct_id: 'dup', uuid: '0190a1b2-dead-7000-8000-000000000001' };
    await post(h, '/i/v0/e/', ev);
    await post(h, '/i/v0/e/', ev);
    assert.equal(
      events(h)
        .all()
        .filter((e) => e.event === 'once').length,
      1,
    );
  });

  it('refuse with plain-text errors, storing nothing', async () => {
    const count = events(h).all().length;
    const noToken = await post(h, '/i/v0/e/', { event: 'x', distinct_id: 'a' });
    assert.equal(noToken.status, 401);
    assert.equal(noToken.text, 'event submitted without an api_key');
    assert.match(noToken.type, /text\/plain/);
    // rust/capture/src/token.rs validate_token checks the shape only: an unknown well-formed token
    // is accepted (200) and its events dropped; a personal key (phx_) is refused.
    const unknown = await post(h, '/i/v0/e/', { api_key: 'phc_unknown', event: 'x', distinct_id: 'a' });
    assert.equal(unknown.status, 200);
    const personal = await post(h, '/i/v0/e/', { api_key: h.standin.key, event: 'x', distinct_id: 'a' });
    assert.equal(personal.status, 401);
    assert.match(personal.text, /API key is not valid/);
    const noName = await post(h, '/i/v0/e/', { api_key: h.standin.projectToken, event: '', distinct_id: 'a' });
    assert.equal(noName.status, 400);
    assert.equal(noName.text, 'event submitted with an empty event name');
    const noId = await post(h, '/i/v0/e/', { api_key: h.standin.projectToken, event: 'x' });
    assert.equal(noId.status, 400);
    assert.equal(noId.text, 'event submitted without a distinct_id');
    const empty = await post(h, '/batch', { api_key: h.standin.projectToken, batch: [] });
    assert.equal(empty.status, 400);
    const mixed = await post(h, '/batch', [
      { api_key: h.standin.projectToken, event: 'x', distinct_id: 'a' },
      { api_key: 'phc_other', event: 'y', distinct_id: 'a' },
    ]);
    // CaptureError::MultipleTokensError is answered 401 (rust/capture/src/api.rs).
    assert.equal(mixed.status, 401);
    assert.equal(mixed.text, 'batch submitted with inconsistent api_key values');
    const oneBad = await post(h, '/batch', {
      api_key: h.standin.projectToken,
      batch: [{ event: 'good', distinct_id: 'a' }, { event: 'bad' }],
    });
    assert.equal(oneBad.status, 400, 'one bad event refuses the whole request');
    const garbage = await post(h, '/i/v0/e/', '{not json');
    assert.equal(garbage.status, 400);
    assert.equal(events(h).all().length, count, 'nothing was stored');
  });

  it('store events for the project the token belongs to', async () => {
    const staging = h.standin.team(2).api_token;
    await post(h, '/i/v0/e/', { api_key: staging, event: 'staging_only', distinct_id: 's' });
    assert.equal(
      events(h, 2)
        .all()
        .filter((e) => e.event === 'staging_only').length,
      1,
    );
    assert.equal(
      events(h, 1)
        .all()
        .filter((e) => e.event === 'staging_only').length,
      0,
    );
  });
});

describe('the demo events', () => {
  it('project 1 has a few hundred realistic events over the last 14 days; project 2 a handful', async () => {
    const s = await startStandin();
    try {
      const all = s.state.table(1, 'events').all();
      // Only the events seed's own events: the persons seed adds older $identify events.
      const recent = all.filter((e) => Date.parse(e.timestamp) >= Date.now() - 14 * 86_400_000);
      assert.ok(recent.length >= 300 && recent.length <= 1500, `${recent.length} recent events`);
      const names = new Set(recent.map((e) => e.event));
      for (const n of ['$pageview', 'signed_up', 'uploaded_file', 'upgraded_plan', '$identify', '$groupidentify'])
        assert.ok(names.has(n), n);
      assert.ok(
        recent.filter((e) => e.event === '$pageview').every((e) => /^https:\/\//.test(e.properties.$current_url)),
        'page views carry $current_url',
      );
      const days = new Set(recent.map((e) => Math.floor((Date.now() - Date.parse(e.timestamp)) / 86_400_000)));
      assert.ok(days.size >= 12, `events on ${days.size} of the 14 days`);
      assert.ok(
        all.every((e) => Date.parse(e.timestamp) <= Date.now()),
        'nothing in the future',
      );
      const persons = s.state.table(1, 'persons').all();
      const identified = persons.filter((p) => p.properties.email && p.properties.plan);
      assert.ok(identified.length >= 20, `${identified.length} persons with email and plan`);
      assert.ok(persons.some((p) => p.properties.plan === 'pro') && persons.some((p) => p.properties.plan === 'free'));
      assert.ok(s.state.table(1, 'groups').all().length >= 3, 'company groups');

      const staging = s.state.table(2, 'events').all();
      assert.ok(staging.length > 0 && staging.length < recent.length / 4, `${staging.length} staging events`);

      // Deterministic: a second stand-in seeds the same event ids.
      const again = await startStandin();
      try {
        const ids = (st: typeof s) =>
          st.state
            .table(1, 'events')
            .all()
            .map((e) => `${e.uuid}:${e.event}:${e.distinct_id}`)
            .sort();
        assert.deepEqual(ids(again), ids(s));
      } finally {
        await again.close();
      }
    } finally {
      await s.close();
    }
  });
});
