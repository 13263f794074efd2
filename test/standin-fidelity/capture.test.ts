/**
 * The stand-in's capture paths answer as PostHog's Rust capture does (docs/posthog-compat.md): the encodings it
 * accepts, token checks by format only, and capture v1's headers and per-event results.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import LZString from 'lz-string';
import { eventsTable } from '../standin/analytics';
import { startStandin, type Standin } from '../standin/server';

let s: Standin;

before(async () => {
  s = await startStandin({ seed: 'empty' });
});
after(async () => {
  await s.close();
});

const stored = (distinctId: string) =>
  eventsTable(s.state, s.projectId)
    .all()
    .filter((e) => e.distinct_id === distinctId);

async function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(s.url + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  return { status: res.status, text: await res.text() };
}

const event = (distinctId: string, extra: Record<string, unknown> = {}) => ({
  event: 'file uploaded',
  distinct_id: distinctId,
  properties: { size: 1 },
  ...extra,
});

describe('capture v0: encodings', () => {
  const payload = (id: string) => JSON.stringify({ api_key: s.projectToken, batch: [event(id)] });

  it('accepts a gzipped body with Content-Encoding: gzip (posthog-node /batch/)', async () => {
    const res = await post('/batch/', zlib.gzipSync(payload('gz-header')), { 'Content-Encoding': 'gzip' });
    assert.equal(res.status, 200, res.text);
    assert.equal(stored('gz-header').length, 1);
  });

  it('accepts gzip recognised by its magic bytes and by ?compression=gzip-js', async () => {
    assert.equal((await post('/batch/', zlib.gzipSync(payload('gz-magic')))).status, 200);
    assert.equal((await post('/e/?compression=gzip-js', zlib.gzipSync(payload('gz-js')), { 'Content-Type': 'text/plain' })).status, 200);
    assert.equal(stored('gz-magic').length, 1);
    assert.equal(stored('gz-js').length, 1);
  });

  it('accepts deflate and br Content-Encoding', async () => {
    assert.equal((await post('/batch/', zlib.deflateSync(payload('deflate')), { 'Content-Encoding': 'deflate' })).status, 200);
    assert.equal((await post('/batch/', zlib.brotliCompressSync(payload('brotli')), { 'Content-Encoding': 'br' })).status, 200);
    assert.equal(stored('deflate').length, 1);
    assert.equal(stored('brotli').length, 1);
  });

  it('accepts lz64 (posthog-js), base64 and form data= bodies', async () => {
    const lz = LZString.compressToBase64(payload('lz64'));
    assert.equal((await post('/e/?compression=lz64', lz, { 'Content-Type': 'text/plain' })).status, 200);
    const b64 = Buffer.from(payload('b64')).toString('base64');
    assert.equal((await post('/e/?compression=base64', b64, { 'Content-Type': 'text/plain' })).status, 200);
    const form = new URLSearchParams({ data: Buffer.from(payload('form')).toString('base64') }).toString();
    assert.equal((await post('/e/', form, { 'Content-Type': 'application/x-www-form-urlencoded' })).status, 200);
    const lzForm = new URLSearchParams({ data: LZString.compressToBase64(payload('lz-form')), compression: 'lz64' }).toString();
    assert.equal((await post('/e/', lzForm, { 'Content-Type': 'application/x-www-form-urlencoded' })).status, 200);
    for (const id of ['lz64', 'b64', 'form', 'lz-form']) assert.equal(stored(id).length, 1, id);
  });

  it('answers 400 "Failed to decode request" for a body that is not what it says', async () => {
    const res = await post('/batch/', Buffer.from('not gzip'), { 'Content-Encoding': 'gzip' });
    assert.equal(res.status, 400);
    assert.match(res.text, /Failed to decode request/);
  });
});

describe('capture v0: tokens are checked by format, not by project', () => {
  it('accepts a well-formed unknown token with 200 and drops its events', async () => {
    const before = eventsTable(s.state, s.projectId).all().length;
    const res = await post('/batch/', JSON.stringify({ api_key: 'phc_no_project_has_this_token', batch: [event('unknown-token')] }));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(JSON.parse(res.text), { status: 'Ok' });
    assert.equal(eventsTable(s.state, s.projectId).all().length, before);
    assert.equal(stored('unknown-token').length, 0);
  });

  it('refuses mixed tokens in one batch with 401', async () => {
    const res = await post(
      '/batch/',
      JSON.stringify([event('mixed', { api_key: s.projectToken }), event('mixed', { api_key: 'phc_other' })]),
    );
    assert.equal(res.status, 401, res.text);
    assert.equal(stored('mixed').length, 0);
  });

  it('refuses a personal key, an overlong token and no token with 401', async () => {
    for (const api_key of ['phx_personal', 'phc_' + 'x'.repeat(70), undefined]) {
      const res = await post('/e/', JSON.stringify(event('bad-token', { api_key })));
      assert.equal(res.status, 401, String(api_key));
    }
  });
});

describe('capture v1: /i/v1/analytics/events', () => {
  const headers = (extra: Record<string, string> = {}) => ({
    Authorization: `Bearer ${s.projectToken}`,
    'User-Agent': 'fidelity-test/1.0',
    'PostHog-Sdk-Info': 'posthog-test/1.2.3',
    'PostHog-Attempt': '1',
    'PostHog-Request-Id': randomUUID(),
    'PostHog-Request-Timestamp': new Date().toISOString(),
    ...extra,
  });
  const v1Event = (distinctId: string, extra: Record<string, unknown> = {}) => ({
    event: 'signed up',
    uuid: randomUUID(),
    distinct_id: distinctId,
    timestamp: new Date().toISOString(),
    properties: { plan: 'pro' },
    ...extra,
  });
  const batch = (events: unknown[]) => JSON.stringify({ created_at: new Date().toISOString(), batch: events });

  it('stores events, answers each uuid ok, sets $lib from PostHog-Sdk-Info, accepts gzip', async () => {
    const a = v1Event('v1-a', { session_id: 'sess-1' });
    const b = v1Event('v1-a');
    const res = await post('/i/v1/analytics/events', zlib.gzipSync(batch([a, b])), headers({ 'Content-Encoding': 'gzip' }));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(JSON.parse(res.text), { results: { [a.uuid]: { result: 'ok' }, [b.uuid]: { result: 'ok' } } });
    const rows = stored('v1-a');
    assert.equal(rows.length, 2);
    const first = rows.find((e) => e.uuid === a.uuid);
    assert.equal(first?.properties.$lib, 'posthog-test');
    assert.equal(first?.properties.$lib_version, '1.2.3');
    assert.equal(first?.properties.$session_id, 'sess-1');
  });

  it('drops bad events one by one in a 200', async () => {
    const ok = v1Event('v1-b');
    const noName = v1Event('v1-b', { event: '' });
    const noId = v1Event('');
    const badTime = v1Event('v1-b', { timestamp: 'yesterday' });
    const junk = v1Event('anonymous');
    const res = await post('/i/v1/analytics/events', batch([ok, noName, noId, badTime, junk]), headers());
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(JSON.parse(res.text).results, {
      [ok.uuid]: { result: 'ok' },
      [noName.uuid]: { result: 'drop', details: 'missing_event_name' },
      [noId.uuid]: { result: 'drop', details: 'missing_distinct_id' },
      [badTime.uuid]: { result: 'drop', details: 'invalid_event_timestamp' },
      [junk.uuid]: { result: 'warning', details: 'person_processing_disabled' },
    });
  });

  it('refuses the whole batch for a missing or repeated uuid and an empty batch', async () => {
    const e = v1Event('v1-c');
    const cases: Array<[string, string]> = [
      [batch([{ ...e, uuid: undefined }]), 'missing_event_uuid'],
      [batch([e, e]), 'duplicate_event_uuid'],
      [batch([]), 'empty_batch'],
    ];
    for (const [body, error] of cases) {
      const res = await post('/i/v1/analytics/events', body, headers());
      assert.equal(res.status, 400, error);
      assert.equal(JSON.parse(res.text).error, error);
    }
    assert.equal(stored('v1-c').length, 0);
  });

  it('checks auth and the SDK headers', async () => {
    const body = batch([v1Event('v1-d')]);
    const without = headers();
    delete (without as Record<string, string>).Authorization;
    assert.equal((await post('/i/v1/analytics/events', body, without)).status, 401);
    assert.equal((await post('/i/v1/analytics/events', body, headers({ Authorization: `Basic ${s.projectToken}` }))).status, 400);
    assert.equal((await post('/i/v1/analytics/events', body, headers({ Authorization: 'Bearer phx_personal' }))).status, 401);
    const noSdk = headers();
    delete (noSdk as Record<string, string>)['PostHog-Sdk-Info'];
    const missing = await post('/i/v1/analytics/events', body, noSdk);
    assert.equal(missing.status, 400);
    assert.equal(JSON.parse(missing.text).error, 'missing_required_headers');
    assert.equal((await post('/i/v1/analytics/events', body, headers({ 'Content-Type': 'text/plain' }))).status, 415);
    assert.equal((await post('/i/v1/analytics/events', body, headers({ 'Content-Encoding': 'compress' }))).status, 415);
    assert.equal(stored('v1-d').length, 0);
  });

  it('answers ok for a well-formed unknown token and drops the events', async () => {
    const e = v1Event('v1-unknown');
    const res = await post('/i/v1/analytics/events', batch([e]), headers({ Authorization: 'Bearer phc_nobody_has_this' }));
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(JSON.parse(res.text).results[e.uuid], { result: 'ok' });
    assert.equal(stored('v1-unknown').length, 0);
  });

  it('GET is 405', async () => {
    const res = await fetch(`${s.url}/i/v1/analytics/events`);
    assert.equal(res.status, 405);
  });
});
