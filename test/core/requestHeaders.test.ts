/**
 * RequestOptions.headers: extra headers for ingestion requests only (capture v1's token and SDK
 * headers), worked out per attempt, never sent to the app host beside the personal key.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { PostHogClient } from '../../src/posthog/client';
import { v1Requests } from '../standin/routes/captureV1';
import { startStandin, type Standin } from '../standin/server';

describe('request headers', () => {
  let s: Standin;
  let client: PostHogClient;
  before(async () => {
    s = await startStandin({ seed: 'empty' });
    client = new PostHogClient({ apiKey: s.key, host: s.url, retryBaseMs: 1, timeoutMs: 5_000 });
  });
  after(() => s.close());

  it('an ingestion request gets them for each attempt, numbered from 1', async () => {
    s.faults.add({ method: 'POST', path: '/i/v1/analytics/events', status: 503, times: 2 });
    const seen: number[] = [];
    const requestId = randomUUID();
    const uuid = randomUUID();
    const now = new Date().toISOString();
    await client.request({
      method: 'POST',
      path: '/i/v1/analytics/events',
      ingestion: true,
      retrySafe: true,
      action: 'capture event e',
      body: { created_at: now, batch: [{ event: 'e', uuid, distinct_id: 'd', timestamp: now }] },
      headers: (attempt) => {
        seen.push(attempt);
        return {
          Authorization: `Bearer ${s.projectToken}`,
          'PostHog-Sdk-Info': 'test/1.0.0',
          'PostHog-Attempt': String(attempt),
          'PostHog-Request-Id': requestId,
          'PostHog-Request-Timestamp': new Date().toISOString(),
        };
      },
    });
    assert.deepEqual(seen, [1, 2, 3]);
    const last = v1Requests(s.state).at(-1)!;
    assert.deepEqual([last.attempt, last.requestId, last.token], [3, requestId, s.projectToken]);
  });

  it('a request to the app host ignores them: they can neither carry nor replace the personal key', async () => {
    const res = await client.request<{ email?: string }>({
      method: 'GET',
      path: '/api/users/@me/',
      action: 'get the signed-in user',
      headers: { Authorization: 'Bearer phx_someone_else', 'X-Extra': '1' },
    });
    assert.equal(res.status, 200, 'the unknown phx_ key in the headers would have been a 401');
    assert.ok(s.requestsTo('/api/users/@me/', 'GET').at(-1)!.auth, 'made with the personal key');
  });
});
