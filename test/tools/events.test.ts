import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import { startStandin } from '../standin/server';
import { personByDistinctId } from '../standin/analytics';
import { v1Requests } from '../standin/routes/captureV1';
import { setSwitches } from '../standin/switches';
import { startScriptedIngestion } from '../helpers/scriptedIngestion';

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

    // Capture v1 (rust/capture/src/v1/): a one-event batch, the project token as Bearer, the SDK headers.
    assert.equal(h.standin.requestsTo('/i/v0/e', 'POST').length, 0, 'nothing on the legacy endpoint');
    const req = h.standin.requestsTo('/i/v1/analytics/events', 'POST').at(-1)!;
    assert.equal(req.body.batch.length, 1);
    assert.equal(req.body.batch[0].uuid, out.uuid);
    assert.equal(req.body.api_key, undefined, 'the token is a header, not in the body');
    assert.equal(req.auth, undefined, 'no personal key is sent to the ingestion host');
    assert.equal(req.status, 200);
    const sent = v1Requests(h.standin.state).at(-1)!;
    assert.equal(sent.token, h.standin.projectToken);
    assert.deepEqual(sent.uuids, [out.uuid]);
    assert.equal(sent.attempt, 1);
    assert.match(sent.sdkInfo, /^posthog-vscode-mcp\/\d+\.\d+\.\d+$/);
    assert.match(sent.requestId, /^[0-9a-f-]{36}$/);
    assert.ok(Math.abs(Date.parse(sent.requestTimestamp) - Date.now()) < 10_000);
    assert.ok(sent.userAgent);
    assert.equal(stored.properties.$lib, 'posthog-vscode-mcp', 'PostHog sets $lib from PostHog-Sdk-Info');

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
    h.standin.faults.add({ method: 'POST', path: '/i/v1/analytics/events', reset: true, afterHandler: true, times: 1 });
    const out = await h.call<CapturedAnswer>('capture_event', { distinct_id: 'user-retry', event: 'flaky_network' });
    assert.equal(out.isError, false, out.text);
    const sends = v1Requests(h.standin.state).filter((r) => r.uuids[0] === out.data.uuid);
    assert.equal(sends.length, 2, 'sent twice');
    assert.deepEqual(
      sends.map((r) => [r.attempt, r.requestId]),
      [
        [1, sends[0].requestId],
        [2, sends[0].requestId],
      ],
      'the same request, attempt counted up',
    );
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
    const req = h.standin.requestsTo('/i/v1/analytics/events', 'POST').at(-1)!.body.batch[0];
    assert.equal(req.distinct_id, '$company_acme-inc');
    assert.deepEqual(
      { t: req.properties.$group_type, k: req.properties.$group_key, s: req.properties.$group_set },
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
    // Capture v1 refuses a token by its shape only (rust/capture/src/v1/context.rs): 401
    // invalid_api_token for an empty, over-long, non-ASCII or phx_ token.
    h.standin.faults.add({
      method: 'POST',
      path: '/i/v1/analytics/events',
      status: 401,
      body: { error: 'invalid_api_token', error_description: 'the project token is not valid', error_uri: null },
      times: 1,
    });
    const out = await h.error('capture_event', { distinct_id: 'u', event: 'x' });
    assert.match(out, /rejected the project API token \(401\)/);
    assert.doesNotMatch(out, /personal API key/);
  });

  it('an event PostHog keeps with a warning is captured, and the answer says person processing is off', async () => {
    // A junk distinct id (rust/capture/src/v1/analytics/process.rs) is kept with person processing off.
    const out = await h.json<CapturedAnswer & { warning?: string }>('capture_event', { distinct_id: 'anonymous', event: 'junk_id' });
    assert.equal(out.status, 'captured');
    assert.match(out.warning ?? '', /person processing off/);
    assert.equal(events(h).get(out.uuid)!.properties.$process_person_profile, false);
  });

  it("a whole-batch 400 is reported with PostHog's error_description", async () => {
    h.standin.faults.add({
      method: 'POST',
      path: '/i/v1/analytics/events',
      status: 400,
      body: { error: 'invalid_batch', error_description: 'created_at must be an RFC 3339 time', error_uri: null },
      times: 1,
    });
    const out = await h.error('capture_event', { distinct_id: 'u', event: 'refused' });
    assert.match(out, /refused the event \(400\): created_at must be an RFC 3339 time/);
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

describe('capture v1 answers per event (a scripted ingestion host)', () => {
  it('drop is an error naming the reason; nothing is sent again', async () => {
    const ingest = await startScriptedIngestion(() => ({ result: 'drop', details: 'billing_limit_exceeded' }));
    const h = await startHarness({ client: { ingestionHost: ingest.url } });
    try {
      const out = await h.error('capture_event', { distinct_id: 'u', event: 'over_quota' });
      assert.match(out, /PostHog dropped the event: billing_limit_exceeded/);
      assert.equal(ingest.requests.length, 1);
    } finally {
      await h.close();
      await ingest.close();
    }
  });

  it('retry resends the event with the same uuid and Request-Id, attempt +1, until it is kept', async () => {
    const ingest = await startScriptedIngestion((n) => (n < 3 ? { result: 'retry', details: 'not_persisted' } : { result: 'ok' }));
    const h = await startHarness({ client: { ingestionHost: ingest.url } });
    try {
      const out = await h.json<CapturedAnswer>('capture_event', { distinct_id: 'u', event: 'retried' });
      assert.equal(out.status, 'captured');
      assert.deepEqual(
        ingest.requests.map((r) => [r.uuid, r.requestId, r.attempt, r.createdAt]),
        [1, 2, 3].map((a) => [out.uuid, ingest.requests[0].requestId, String(a), ingest.requests[0].createdAt]),
      );
    } finally {
      await h.close();
      await ingest.close();
    }
  });

  it('retry on every send ends in a clear error after three sends', async () => {
    const ingest = await startScriptedIngestion(() => ({ result: 'retry', details: 'not_persisted' }));
    const h = await startHarness({ client: { ingestionHost: ingest.url } });
    try {
      const out = await h.error('capture_event', { distinct_id: 'u', event: 'never_kept' });
      assert.match(out, /did not store the event after 3 sends.*not captured/);
      assert.equal(ingest.requests.length, 3);
    } finally {
      await h.close();
      await ingest.close();
    }
  });
});

describe('a PostHog without capture v1', () => {
  it('gets the event on /i/v0/e/ after a 404, and later events go straight there', async () => {
    const h = await startHarness();
    try {
      setSwitches(h.standin.state, { captureV1Missing: true });
      const first = await h.json<CapturedAnswer>('capture_event', { distinct_id: 'old-1', event: 'on_v0' });
      assert.equal(events(h).get(first.uuid)!.event, 'on_v0');
      const v1 = h.standin.requestsTo('/i/v1/analytics/events', 'POST');
      assert.deepEqual(
        v1.map((r) => r.status),
        [404],
      );
      const v0 = h.standin.requestsTo('/i/v0/e', 'POST');
      assert.equal(v0.length, 1);
      assert.equal(v0[0].body.uuid, first.uuid, 'the same uuid');
      assert.equal(v0[0].body.api_key, h.standin.projectToken);

      const second = await h.json<CapturedAnswer>('identify_user', { distinct_id: 'old-1', properties: { plan: 'pro' } });
      assert.equal(events(h).get(second.uuid)!.event, '$identify');
      assert.equal(h.standin.requestsTo('/i/v1/analytics/events', 'POST').length, 1, 'v1 is not asked again');
      assert.equal(h.standin.requestsTo('/i/v0/e', 'POST').length, 2);
    } finally {
      await h.close();
    }
  });
});
