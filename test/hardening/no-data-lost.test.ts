/**
 * No data lost, no false claims:
 * - an event whose connection resets (or whose answer is too slow) after PostHog received it is
 *   sent again with the same uuid and stored once (the stand-in de-duplicates by uuid, as PostHog
 *   does), for every event tool;
 * - a create whose outcome is unknown says so, and is sent once (it did land);
 * - an update or delete whose every attempt was cut off after being sent says the outcome is
 *   unknown rather than "could not be reached" (it was applied).
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';

const TIMEOUT_MS = 800;
const MAX_RETRIES = 2;

/** What the capture tools answer. */
interface Captured {
  status: string;
  uuid: string;
}
describe('no data lost', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ client: { timeoutMs: TIMEOUT_MS, maxRetries: MAX_RETRIES, retryBaseMs: 5 } });
    await h.client.projectToken(); // resolve the project first, so only the tools' own requests meet faults
  });
  after(() => h.close());
  beforeEach(() => h.standin.faults.clear());

  const events = () => h.standin.state.table(1, 'events');
  // Capture v1 (/i/v1/analytics/events): one-event batches.
  const capturesSince = (start: number) =>
    h.standin.requests.slice(start).filter((r) => r.method === 'POST' && /^\/i\/v1\/analytics\/events\/?$/.test(r.path));
  const uuidOf = (r: { body: { batch: Array<{ uuid: string }> } }) => r.body.batch[0].uuid;

  describe('events reach PostHog exactly once', () => {
    const EVENT_TOOLS: Array<[string, Record<string, unknown>, string]> = [
      ['capture_event', { distinct_id: 'lossless-1', event: 'file_uploaded', properties: { size_kb: 12 } }, 'file_uploaded'],
      ['identify_user', { distinct_id: 'lossless-2', properties: { plan: 'pro' } }, '$identify'],
      ['group_identify', { group_type: 'company', group_key: 'lossless-co', properties: { name: 'Lossless Co' } }, '$groupidentify'],
      [
        'capture_group_event',
        { distinct_id: 'lossless-3', event: 'seat_added', group_type: 'company', group_key: 'lossless-co' },
        'seat_added',
      ],
    ];

    for (const [tool, args, eventName] of EVENT_TOOLS) {
      it(`${tool}: the connection resets after PostHog stored the event → sent again with the same uuid, stored once, reported captured`, async () => {
        h.standin.faults.add({ path: 're:^/i/v1/analytics/events/?$', method: 'POST', reset: true, afterHandler: true, times: 1 });
        const before = events().all().length;
        const start = h.standin.requests.length;
        const out = await h.call<Captured>(tool, args);
        assert.equal(out.isError, false, out.text);
        assert.equal(out.data.status, 'captured');
        const sent = capturesSince(start);
        assert.equal(sent.length, 2, 'sent twice: the reset, then the retry');
        assert.equal(sent[0].status, -1, 'the first connection was cut after the stand-in handled it');
        assert.equal(uuidOf(sent[0]), uuidOf(sent[1]), 'the retry carries the same uuid');
        assert.equal(uuidOf(sent[0]), out.data.uuid, 'the tool reports that uuid');
        assert.equal(events().all().length, before + 1, 'stored once');
        const stored = events().get(out.data.uuid) as { event?: string } | undefined;
        assert.equal(stored?.event, eventName);
      });
    }

    it('capture_event answered slower than the timeout: every attempt carries the same uuid and the event is stored once', async () => {
      h.standin.faults.add({ path: 're:^/i/v1/analytics/events/?$', method: 'POST', delayMs: TIMEOUT_MS + 300, times: 1 });
      const before = events().all().length;
      const start = h.standin.requests.length;
      const out = await h.call<Captured>('capture_event', { distinct_id: 'lossless-slow', event: 'slow_ack' });
      assert.equal(out.isError, false, out.text);
      await new Promise((r) => setTimeout(r, 500)); // the slow first attempt is handled meanwhile
      const sent = capturesSince(start);
      assert.equal(sent.length, 2);
      assert.equal(new Set(sent.map(uuidOf)).size, 1);
      assert.equal(events().all().length, before + 1, 'both attempts reached the handler; one event is stored');
      assert.ok(events().get(out.data.uuid));
    });

    it('capture_event whose every attempt is cut off after being received says it may have been captured (not "could not be reached")', async () => {
      h.standin.faults.add({ path: 're:^/i/v1/analytics/events/?$', method: 'POST', reset: true, afterHandler: true });
      const out = await h.call('capture_event', { distinct_id: 'lossless-4', event: 'cut_off' });
      h.standin.faults.clear();
      assert.equal(out.isError, true);
      assert.doesNotMatch(out.text, /could not be reached/);
      assert.match(out.text, /may (or may not )?have been captured|unknown whether/);
    });
  });

  describe('a change whose outcome is unknown says so', () => {
    const CREATES: Array<[string, Record<string, unknown>, string, string, (row: Record<string, unknown>) => boolean]> = [
      [
        'create_dashboard',
        { name: 'Lost answer dashboard' },
        're:^/api/projects/1/dashboards/?$',
        'dashboards',
        (r) => r.name === 'Lost answer dashboard',
      ],
      [
        'create_feature_flag',
        { key: 'lost-answer-flag', rollout_percentage: 10 },
        're:^/api/projects/1/feature_flags/?$',
        'feature_flags',
        (r) => r.key === 'lost-answer-flag',
      ],
      [
        'create_annotation',
        { content: 'Lost answer deploy', date_marker: '2026-01-05T10:00:00Z' },
        're:^/api/projects/1/annotations/?$',
        'annotations',
        (r) => r.content === 'Lost answer deploy',
      ],
    ];

    for (const [tool, args, path, table, isIt] of CREATES) {
      it(`${tool}: the connection resets after PostHog created it → sent once, "unknown whether the change was applied", and it exists once`, async () => {
        h.standin.faults.add({ path, method: 'POST', reset: true, afterHandler: true, times: 1 });
        const start = h.standin.requests.length;
        const out = await h.call(tool, args);
        assert.equal(out.isError, true);
        assert.match(
          out.text,
          /after the request was sent, so it is unknown whether the change was applied\. Check the current state before trying again/,
        );
        const re = new RegExp(path.slice(3));
        assert.equal(h.standin.requests.slice(start).filter((r) => r.method === 'POST' && re.test(r.path)).length, 1, 'sent exactly once');
        assert.equal(
          h.standin.state
            .table(1, table)
            .all()
            .filter((r) => isIt(r as Record<string, unknown>)).length,
          1,
          'it was created, once',
        );
      });
    }

    it('update_dashboard: every attempt cut off after PostHog applied it → "unknown whether the change was applied" (it was), not "could not be reached"', async () => {
      h.standin.faults.add({ path: 're:^/api/projects/1/dashboards/2/?$', method: 'PATCH', reset: true, afterHandler: true });
      const out = await h.call('update_dashboard', { dashboard_id: 2, description: 'applied despite the resets' });
      h.standin.faults.clear();
      assert.equal(out.isError, true);
      assert.doesNotMatch(out.text, /could not be reached/);
      assert.match(out.text, /unknown whether the change was applied/);
      assert.equal(h.standin.state.table(1, 'dashboards').get(2)?.description, 'applied despite the resets');
    });

    it('delete_feature_flag: every attempt slower than the timeout → "unknown whether the change was applied" (it was)', async () => {
      h.standin.faults.add({ path: 're:^/api/projects/1/feature_flags/4/?$', method: 'PATCH', delayMs: TIMEOUT_MS + 200 });
      const out = await h.call('delete_feature_flag', { flag_id: 4 });
      h.standin.faults.clear();
      assert.equal(out.isError, true);
      assert.doesNotMatch(out.text, /try again later/i);
      assert.match(out.text, /did not answer within 1 s.*unknown whether the change was applied/);
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(h.standin.state.table(1, 'feature_flags').get(4)?.deleted, true);
    });

    it('a read whose every attempt is cut off still says so plainly (no talk of changes)', async () => {
      h.standin.faults.add({ path: 're:^/api/projects/1/dashboards/3/?$', method: 'GET', reset: true });
      const out = await h.call('get_dashboard', { dashboard_id: 3 });
      h.standin.faults.clear();
      assert.equal(out.isError, true);
      assert.match(out.text, /ECONNRESET/);
      assert.doesNotMatch(out.text, /change was applied/);
    });
  });
});
