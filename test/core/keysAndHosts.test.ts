/**
 * Keys, scopes and hosts as PostHog has them: a redirect is an error naming the host to set (and
 * the key never reaches the other origin), a scope 403 says where to add the scope, an instance
 * without enterprise features says so, and a key can read its own scopes.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PostHogClient } from '../../src/posthog/client';
import { PostHogError } from '../../src/posthog/errors';
import { startHarness, type Harness } from '../helpers/harness';

async function rejects(p: Promise<unknown>): Promise<PostHogError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof PostHogError, `expected a PostHogError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

/** A second loopback server standing for the redirect's target: it records what reaches it. */
async function recordingServer(): Promise<{ url: string; seen: http.IncomingHttpHeaders[]; close: () => Promise<void> }> {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('a redirect', () => {
  let h: Harness;
  let target: Awaited<ReturnType<typeof recordingServer>>;
  before(async () => {
    h = await startHarness();
    target = await recordingServer();
  });
  after(async () => {
    await h.close();
    await target.close();
  });

  for (const status of [301, 302, 307, 308]) {
    it(`${status} names the host to set, and the key never reaches it`, async () => {
      h.standin.faults.add({ path: '/api/users/@me', status, headers: { Location: `${target.url}/api/users/@me/` }, times: 1 });
      const client = new PostHogClient({ apiKey: h.standin.key, host: h.standin.url });
      const err = await rejects(client.me());
      assert.equal(err.kind, 'redirect');
      assert.equal(err.status, status);
      assert.ok(
        err.message.includes(
          `PostHog at ${h.standin.url} answered with a redirect to ${target.url} (${status}): set the host to ${target.url}`,
        ),
        err.message,
      );
      assert.ok(!err.message.includes(h.standin.key));
      assert.equal(target.seen.length, 0, 'nothing was sent to the other origin');
    });
  }

  it('a relative Location names the same origin with its path prefix', async () => {
    h.standin.faults.add({ path: '/api/users/@me', status: 308, headers: { Location: '/posthog/api/users/@me/' }, times: 1 });
    const err = await rejects(new PostHogClient({ apiKey: h.standin.key, host: h.standin.url }).me());
    assert.match(err.message, new RegExp(`set the host to ${h.standin.url}/posthog\\.`));
  });

  it('a tool that accepts a 302 still gets it as an answer', async () => {
    const res = await h.client.request({
      method: 'GET',
      path: '/api/users/@me/',
      action: 'read',
      acceptStatus: [302],
    });
    assert.equal(res.status, 200);
    h.standin.faults.add({ path: '/api/users/@me', status: 302, headers: { Location: `${target.url}/x` }, times: 1 });
    const redirected = await h.client.request({ method: 'GET', path: '/api/users/@me/', action: 'read', acceptStatus: [302] });
    assert.equal(redirected.status, 302);
    assert.equal(target.seen.length, 0);
  });
});

describe('a missing scope (403)', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('names the scope and the page of PostHog where keys are edited', async () => {
    const client = new PostHogClient({ apiKey: h.standin.readOnlyKey, host: h.standin.url });
    const err = await rejects(
      client.request({ method: 'POST', path: '/api/projects/1/dashboards/', body: { name: 'x' }, action: 'create dashboard' }),
    );
    assert.equal(err.kind, 'permission');
    assert.match(err.message, /missing the 'dashboard:write' scope/);
    assert.ok(err.message.includes(`Settings → Personal API keys, ${h.standin.url}/settings/user-api-keys`), err.message);
  });
});

describe('an instance without enterprise features', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ enterpriseFeatures: false });
  });
  after(() => h.close());
  beforeEach(() => h.standin.faults.clear());

  it("the stand-in answers experiments and collaborators with PostHog's api_not_found, before auth", async () => {
    for (const path of [
      '/api/projects/1/experiments/',
      '/api/projects/1/experiments/5/',
      '/api/environments/1/dashboards/2/collaborators/',
    ]) {
      const res = await fetch(h.standin.url + path);
      assert.equal(res.status, 404, path);
      assert.deepEqual(await res.json(), { type: 'invalid_request', code: 'not_found', detail: 'Endpoint not found.', attr: null });
    }
    assert.equal((await h.raw('GET', '/api/projects/1/dashboards/2/')).status, 200, 'dashboards themselves are there');
  });

  it('get_experiment says the instance does not offer experiments, not that experiment 5 was not found', async () => {
    const text = await h.error('get_experiment', { experiment_id: 5 });
    assert.match(text, /does not offer experiments \(an enterprise feature\)/);
    assert.doesNotMatch(text, /experiment 5 was not found/);
  });

  it('list_experiments and list_dashboard_collaborators say the same', async () => {
    assert.match(await h.error('list_experiments'), /does not offer experiments \(an enterprise feature\)/);
    assert.match(
      await h.error('list_dashboard_collaborators', { dashboard_id: 2 }),
      /does not offer dashboard collaborators \(an enterprise feature\)/,
    );
  });

  it('a missing object elsewhere is still "not found"', async () => {
    assert.match(await h.error('get_dashboard', { dashboard_id: 4242 }), /dashboard 4242 was not found/);
  });
});

describe("the key's own record (GET /api/personal_api_keys/@current/)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const get = (key: string, path: string) => fetch(h.standin.url + path, { headers: { Authorization: `Bearer ${key}` } });

  it("answers the key's scopes, whatever they are, and never its value", async () => {
    const demo = await get(h.standin.key, '/api/personal_api_keys/@current/');
    assert.equal(demo.status, 200);
    const body = (await demo.json()) as Record<string, unknown>;
    assert.deepEqual(body.scopes, ['*']);
    assert.equal(body.value, null);
    assert.ok(!JSON.stringify(body).includes(h.standin.key));
    const ro = (await (await get(h.standin.readOnlyKey, '/api/personal_api_keys/@current')).json()) as { scopes: string[] };
    assert.ok(ro.scopes.includes('feature_flag:read'));
    assert.ok(!ro.scopes.some((x) => x.endsWith(':write')));
  });

  it('a key may not list keys (403), and an unknown key is 401', async () => {
    const list = await get(h.standin.key, '/api/personal_api_keys/');
    assert.equal(list.status, 403);
    assert.equal(((await list.json()) as { detail: string }).detail, 'This action does not support Personal API Key access');
    assert.equal((await get('phx_nope', '/api/personal_api_keys/@current/')).status, 401);
  });
});
