/**
 * PostHog's own Node SDK (posthog-node 5.70) against the stand-in, as a person would point their
 * app at `npm run standin`: capture through v0 (`/batch/`, gzipped by default) and v1
 * (`/i/v1/analytics/events`, `POSTHOG_CAPTURE_MODE=v1`), flags through `/flags/?v=2`; what the
 * SDK sent is then what our tools read.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PostHog } from 'posthog-node';
import { eventsTable } from '../standin/analytics';
import { startHarness, type Harness } from '../helpers/harness';

let h: Harness;

/** A client as an app would create it; `mode` sets the env var the SDK reads in its constructor. */
function sdk(mode: 'v0' | 'v1'): PostHog {
  const before = process.env.POSTHOG_CAPTURE_MODE;
  process.env.POSTHOG_CAPTURE_MODE = mode;
  try {
    return new PostHog(h.standin.projectToken, { host: h.standin.url, flushAt: 100, flushInterval: 0, fetchRetryCount: 0 });
  } finally {
    if (before === undefined) delete process.env.POSTHOG_CAPTURE_MODE;
    else process.env.POSTHOG_CAPTURE_MODE = before;
  }
}

const storedEvents = (distinctId: string) =>
  eventsTable(h.standin.state, h.standin.projectId)
    .all()
    .filter((e) => e.distinct_id === distinctId);

before(async () => {
  h = await startHarness({ seed: 'empty' });
  const flags = [
    { key: 'sdk-bool', filters: { groups: [{ properties: [], rollout_percentage: 100 }], payloads: { true: '{"a":1}' } } },
    { key: 'sdk-string', filters: { groups: [{ properties: [], rollout_percentage: 100 }], payloads: { true: '"42"' } } },
    {
      key: 'sdk-multi',
      filters: {
        groups: [{ properties: [], rollout_percentage: 100 }],
        multivariate: {
          variants: [
            { key: 'control', rollout_percentage: 50 },
            { key: 'test', rollout_percentage: 50 },
          ],
        },
        payloads: { control: '"hello"', test: 'true' },
      },
    },
    { key: 'sdk-off', active: false, filters: { groups: [{ properties: [], rollout_percentage: 100 }] } },
  ];
  for (const f of flags) {
    const res = await h.raw('POST', `/api/projects/${h.standin.projectId}/feature_flags/`, { name: f.key, active: true, ...f });
    assert.equal(res.status, 201, res.text);
  }
});

after(async () => {
  await h.close();
});

describe('posthog-node 5.70 against the stand-in', () => {
  it('captures through v0 /batch/ (gzipped, as the SDK sends by default) and the tools read the events', async () => {
    const client = sdk('v0');
    client.capture({ distinctId: 'sdk-v0-user', event: 'file uploaded', properties: { size: 3 } });
    client.identify({ distinctId: 'sdk-v0-user', properties: { email: 'v0@example.com' } });
    await client.shutdown();

    const batch = h.standin.requestsTo('/batch', 'POST');
    assert.ok(batch.length >= 1);
    assert.ok(batch.every((r) => r.status === 200));
    const events = storedEvents('sdk-v0-user');
    assert.deepEqual(events.map((e) => e.event).sort(), ['$identify', 'file uploaded']);
    assert.equal(events.find((e) => e.event === 'file uploaded')?.properties.size, 3);

    const persons = await h.call('list_persons', { distinct_id: 'sdk-v0-user' });
    assert.equal(persons.isError, false, persons.text);
    assert.match(persons.text, /v0@example\.com/);
    const query = await h.call('run_hogql_query', {
      query: "select event, count() from events where distinct_id = 'sdk-v0-user' group by event order by event",
    });
    assert.equal(query.isError, false, query.text);
    assert.match(query.text, /file uploaded/);
  });

  it('captures through v1 /i/v1/analytics/events (Bearer token, gzipped) with every event answered ok', async () => {
    const client = sdk('v1');
    const errors: unknown[] = [];
    client.on('error', (e) => errors.push(e));
    client.capture({ distinctId: 'sdk-v1-user', event: 'folder shared', properties: { $set: { plan: 'pro' }, folders: 2 } });
    client.capture({ distinctId: 'sdk-v1-user', event: 'file downloaded' });
    await client.shutdown();

    assert.deepEqual(errors, []);
    const v1 = h.standin.requestsTo('/i/v1/analytics/events', 'POST');
    assert.ok(v1.length >= 1);
    assert.ok(v1.every((r) => r.status === 200));
    const events = storedEvents('sdk-v1-user');
    assert.deepEqual(events.map((e) => e.event).sort(), ['file downloaded', 'folder shared']);
    const shared = events.find((e) => e.event === 'folder shared');
    assert.equal(shared?.properties.folders, 2);
    assert.equal(shared?.properties.$lib, 'posthog-node');

    const person = await h.call('list_persons', { distinct_id: 'sdk-v1-user' });
    assert.equal(person.isError, false, person.text);
    assert.match(person.text, /"plan":\s*"pro"/);
  });

  it('evaluateFlags sends flag_keys_to_evaluate and reads flags and decoded payloads as the tools evaluate them', async () => {
    const client = sdk('v0');
    const flags = await client.evaluateFlags('sdk-flag-user', { flagKeys: ['sdk-bool', 'sdk-string', 'sdk-multi', 'sdk-off'] });
    const sent = h.standin.requestsTo('/flags', 'POST').at(-1);
    assert.deepEqual(sent?.body?.flag_keys_to_evaluate, ['sdk-bool', 'sdk-string', 'sdk-multi', 'sdk-off']);
    assert.equal(sent?.query.v, '2');

    assert.equal(flags.isEnabled('sdk-bool'), true);
    assert.deepEqual(flags.getFlagPayload('sdk-bool'), { a: 1 });
    // Stored as the JSON string "42": the SDK must get the string back, not the number.
    assert.equal(flags.getFlagPayload('sdk-string'), '42');
    assert.equal(flags.isEnabled('sdk-off'), false);
    const variant = flags.getFlag('sdk-multi');
    assert.ok(variant === 'control' || variant === 'test');
    assert.deepEqual(flags.getFlagPayload('sdk-multi'), variant === 'control' ? 'hello' : true);

    const all = await h.json<{ flags: Record<string, unknown> }>('get_all_flags', { distinct_id: 'sdk-flag-user' });
    assert.deepEqual(all.flags, {
      'sdk-bool': true,
      'sdk-multi': variant,
      'sdk-off': false,
      'sdk-string': true,
    });
    await client.shutdown();
  });

  it('only the requested flags come back when flagKeys is given', async () => {
    const client = sdk('v0');
    const flags = await client.evaluateFlags('sdk-flag-user', { flagKeys: ['sdk-bool'] });
    assert.deepEqual(flags.keys, ['sdk-bool']);
    assert.equal(flags.getFlag('sdk-bool'), true);
    await client.shutdown();
  });

  it('getFeatureFlag and getFeatureFlagPayload (the older calls) read the same answers', async () => {
    const client = sdk('v0');
    assert.equal(await client.getFeatureFlag('sdk-bool', 'sdk-flag-user'), true);
    assert.deepEqual(await client.getFeatureFlagPayload('sdk-bool', 'sdk-flag-user'), { a: 1 });
    assert.equal(await client.getFeatureFlagPayload('sdk-string', 'sdk-flag-user'), '42');
    const check = await h.call('check_feature_flag', { distinct_id: 'sdk-flag-user', flag_key: 'sdk-multi' });
    assert.equal(check.isError, false, check.text);
    assert.equal(await client.getFeatureFlag('sdk-multi', 'sdk-flag-user'), JSON.parse(check.text).variant);
    await client.shutdown();
  });
});
