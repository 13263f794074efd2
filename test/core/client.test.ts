/**
 * The PostHog client against the stand-in: hosts, project context, errors for every answer shape,
 * retries only where safe, 429 waits, timeouts and cancellation.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PostHogClient, type RequestLog } from '../../src/posthog/client';
import { PostHogError, parseErrorBody, parseRetryAfter, secondsFromThrottleDetail } from '../../src/posthog/errors';
import { hostLabel, ingestionHostFor, normalizeHost } from '../../src/posthog/hosts';
import { startStandin, type Standin } from '../standin/server';

async function rejects(p: Promise<unknown>): Promise<PostHogError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof PostHogError, `expected a PostHogError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the call to fail');
}

describe('hosts', () => {
  it('maps us / eu / self-hosted to app and ingestion hosts', () => {
    assert.equal(normalizeHost(undefined), 'https://us.posthog.com');
    assert.equal(normalizeHost('EU'), 'https://eu.posthog.com');
    assert.equal(normalizeHost('posthog.example.com/'), 'https://posthog.example.com');
    assert.equal(ingestionHostFor('https://us.posthog.com'), 'https://us.i.posthog.com');
    assert.equal(ingestionHostFor('eu'), 'https://eu.i.posthog.com');
    assert.equal(ingestionHostFor('https://app.posthog.com'), 'https://us.i.posthog.com');
    assert.equal(ingestionHostFor('http://127.0.0.1:8000'), 'http://127.0.0.1:8000');
    assert.equal(hostLabel('eu'), 'EU cloud');
  });

  it('rejects hosts that are not http(s) URLs with a clear message', () => {
    assert.throws(() => normalizeHost('ftp://x'), /only http and https/);
    assert.throws(() => normalizeHost('https://user:pw@x.com'), /must not contain a user name/);
  });

  it('a custom ingestion host overrides the derived one', () => {
    const c = new PostHogClient({ apiKey: 'phx_x', host: 'us', ingestionHost: 'https://ingest.example.com' });
    assert.equal(c.ingestionHost, 'https://ingest.example.com');
  });
});

describe('error body parsing', () => {
  it('reads every shape PostHog and proxies produce', () => {
    assert.deepEqual(parseErrorBody({ type: 'validation_error', code: 'unique', detail: 'Dup.', attr: 'key' }), {
      detail: 'Dup.',
      code: 'unique',
      type: 'validation_error',
      attr: 'key',
    });
    assert.equal(parseErrorBody({ detail: 'Tool not found' }).detail, 'Tool not found');
    assert.equal(parseErrorBody({ error: 'Server is disabled' }).detail, 'Server is disabled');
    assert.deepEqual(parseErrorBody({ name: ['This field is required.'] }), { detail: 'This field is required.', attr: 'name' });
    assert.equal(parseErrorBody('event submitted without an api_key').detail, 'event submitted without an api_key');
    assert.match(
      parseErrorBody('<html><head><title>502 Bad Gateway</title></head></html>').detail!,
      /HTML error page \("502 Bad Gateway"\)/,
    );
    assert.deepEqual(parseErrorBody(''), {});
    assert.equal(secondsFromThrottleDetail('Request was throttled. Expected available in 62 seconds.'), 62);
    assert.equal(parseRetryAfter('7'), 7);
    assert.ok((parseRetryAfter(new Date(Date.now() + 5000).toUTCString()) ?? 0) >= 4);
  });
});

describe('PostHogClient against the stand-in', () => {
  let s: Standin;
  let logs: RequestLog[];
  const make = (extra: Partial<ConstructorParameters<typeof PostHogClient>[0]> = {}) =>
    new PostHogClient({ apiKey: s.key, host: s.url, retryBaseMs: 5, timeoutMs: 2_000, onRequest: (l) => logs.push(l), ...extra });

  before(async () => {
    s = await startStandin();
  });
  after(() => s.close());
  beforeEach(() => {
    s.faults.clear();
    s.requests.length = 0;
    logs = [];
  });

  it("resolves the key's current project once and caches it", async () => {
    const c = make();
    const [a, b] = await Promise.all([c.context(), c.context()]);
    assert.equal(a.projectId, 1);
    assert.equal(a.projectName, 'Hedgebox (production)');
    assert.equal(a.apiToken, s.projectToken);
    assert.equal(b, a);
    await c.projectPath('dashboards/');
    assert.equal(s.requestsTo('/api/users/@me').length, 1, '@me is asked once');
  });

  it('uses a given project and looks up its token', async () => {
    const c = make({ projectId: 2 });
    const ctx = await c.context();
    assert.equal(ctx.projectId, 2);
    assert.equal(ctx.projectName, 'Hedgebox (staging)');
    assert.match(await c.projectToken(), /^phc_standin_hedgebox_staging/);
  });

  it('sends the key as a Bearer header and never logs it', async () => {
    const c = make();
    await c.context();
    assert.equal(s.requests[0].auth, 'demo');
    assert.ok(logs.length > 0);
    assert.ok(!JSON.stringify(logs).includes(s.key));
    assert.deepEqual(Object.keys(logs[0]).sort(), ['attempt', 'durationMs', 'method', 'path', 'status']);
  });

  it('401 names the host and says the key is invalid or expired', async () => {
    const c = new PostHogClient({ apiKey: 'phx_wrong', host: s.url });
    const err = await rejects(c.context());
    assert.equal(err.kind, 'auth');
    assert.equal(err.status, 401);
    assert.ok(err.message.includes(s.url), err.message);
    assert.match(err.message, /invalid, expired/);
    assert.ok(!err.message.includes('phx_wrong'));
  });

  it('403 names the missing scope', async () => {
    const c = make({ apiKey: s.readOnlyKey });
    const err = await rejects(
      c.request({ method: 'POST', path: '/api/projects/1/dashboards/', body: { name: 'x' }, action: 'create dashboard "x"' }),
    );
    assert.equal(err.kind, 'permission');
    assert.match(err.message, /missing the 'dashboard:write' scope/);
  });

  it('404 names the object', async () => {
    const err = await rejects(
      make().request({ method: 'GET', path: '/api/projects/1/dashboards/4242/', action: 'get dashboard 4242', object: 'dashboard 4242' }),
    );
    assert.equal(err.kind, 'not_found');
    assert.match(err.message, /dashboard 4242 was not found/);
  });

  it('405 and 409 get their own sentences', async () => {
    const e405 = await rejects(make().request({ method: 'DELETE', path: '/api/projects/1/dashboards/1/', action: 'delete dashboard 1' }));
    assert.equal(e405.kind, 'method_not_allowed');
    assert.match(e405.message, /does not allow this operation/);
    s.faults.add({
      path: '/dashboards/1',
      status: 409,
      body: { type: 'invalid_request', code: 'conflict', detail: 'A change request is pending.', attr: null },
      times: 1,
    });
    const e409 = await rejects(
      make().request({ method: 'PATCH', path: '/api/projects/1/dashboards/1/', body: { name: 'x' }, action: 'update dashboard 1' }),
    );
    assert.equal(e409.kind, 'conflict');
    assert.match(e409.message, /conflicts.*A change request is pending/);
  });

  it("a validation error carries PostHog's detail and field", async () => {
    s.faults.add({
      path: '/dashboards',
      status: 400,
      body: { type: 'validation_error', code: 'required', detail: 'This field is required.', attr: 'name' },
      times: 1,
    });
    const err = await rejects(
      make().request({ method: 'POST', path: '/api/projects/1/dashboards/', body: {}, action: 'create dashboard' }),
    );
    assert.equal(err.kind, 'validation');
    assert.match(err.message, /field 'name'.*This field is required/);
  });

  it('GET is retried after a 500 and succeeds', async () => {
    s.faults.add({ path: '/dashboards', status: 500, body: { type: 'server_error', code: 'error', detail: 'boom', attr: null }, times: 2 });
    const page = await make().list('dashboards/', { action: 'list dashboards' });
    assert.ok(page.results.length > 0);
    assert.equal(s.requestsTo('/dashboards', 'GET').length, 3);
  });

  it('5xx that persists ends in a plain server-error message', async () => {
    s.faults.add({ path: '/dashboards', status: 503, body: '', times: 10 });
    const err = await rejects(make({ maxRetries: 2 }).list('dashboards/', { action: 'list dashboards' }));
    assert.equal(err.kind, 'server');
    assert.match(err.message, /server error \(503\).*temporary/);
    assert.equal(s.requestsTo('/dashboards', 'GET').length, 3);
  });

  it('a POST that creates is never retried blindly', async () => {
    s.faults.add({ path: '/dashboards', method: 'POST', status: 500, body: { detail: 'boom' }, times: 1 });
    const err = await rejects(
      make().request({ method: 'POST', path: '/api/projects/1/dashboards/', body: { name: 'Once' }, action: 'create dashboard "Once"' }),
    );
    assert.equal(err.kind, 'outcome_unknown');
    assert.equal(s.requestsTo('/dashboards', 'POST').length, 1);
  });

  for (const status of [500, 502, 503, 504]) {
    it(`a create answered ${status} says its outcome is unknown: it may have been created, list before trying again`, async () => {
      s.faults.add({
        path: '/dashboards',
        method: 'POST',
        status,
        body: { type: 'server_error', code: 'error', detail: 'boom', attr: null },
        times: 1,
      });
      const err = await rejects(
        make().request({
          method: 'POST',
          path: '/api/projects/1/dashboards/',
          body: { name: 'Maybe' },
          action: 'create dashboard "Maybe"',
        }),
      );
      assert.equal(err.kind, 'outcome_unknown');
      assert.equal(err.status, status);
      assert.match(
        err.message,
        new RegExp(
          `^Could not create dashboard "Maybe": PostHog had a server error \\(${status}\\)\\. PostHog said: "boom"\\. Its outcome is unknown; it may have been created: list before trying again\\.$`,
        ),
      );
      assert.doesNotMatch(err.message, /try again shortly/);
    });
  }

  it('another POST that changes something, answered 500, says the change may have been applied', async () => {
    s.faults.add({ path: '/dashboards/1/move', method: 'POST', status: 500, body: { detail: 'boom' }, times: 1 });
    const err = await rejects(
      make().request({ method: 'POST', path: '/api/projects/1/dashboards/1/move/', body: {}, action: 'move dashboard 1' }),
    );
    assert.equal(err.kind, 'outcome_unknown');
    assert.match(err.message, /Its outcome is unknown; the change may have been applied: check before trying again\.$/);
  });

  it("a proxy's 504 to a DELETE says the outcome is unknown", async () => {
    s.faults.add({ path: '/dashboards/2', method: 'DELETE', status: 504, body: '', times: 1 });
    const err = await rejects(make().request({ method: 'DELETE', path: '/api/projects/1/dashboards/2/', action: 'delete dashboard 2' }));
    assert.equal(err.kind, 'outcome_unknown');
    assert.match(err.message, /may or may not have been applied: check before trying again/);
  });

  it('a read-only POST (a query) answered 500 is a plain server error, not an unknown outcome', async () => {
    s.faults.add({ path: '/query', method: 'POST', status: 500, body: { detail: 'boom' } });
    const err = await rejects(
      make({ maxRetries: 1 }).request({
        method: 'POST',
        path: '/api/projects/1/query/',
        body: { query: { kind: 'HogQLQuery', query: 'SELECT 1' } },
        action: 'run the query',
        retrySafe: true,
        readOnly: true,
      }),
    );
    assert.equal(err.kind, 'server');
    assert.doesNotMatch(err.message, /unknown|may have been/);
  });

  it('a reset connection after a create was sent says the outcome is unknown', async () => {
    s.faults.add({ path: '/dashboards', method: 'POST', reset: true, afterHandler: true, times: 1 });
    const err = await rejects(
      make().request({ method: 'POST', path: '/api/projects/1/dashboards/', body: { name: 'Maybe' }, action: 'create dashboard "Maybe"' }),
    );
    assert.equal(err.kind, 'outcome_unknown');
    assert.match(err.message, /unknown whether the change was applied/);
    assert.equal(s.requestsTo('/dashboards', 'POST').length, 1);
    assert.ok(
      s.state.table(1, 'dashboards').find((d) => d.name === 'Maybe'),
      'the stand-in did store it',
    );
  });

  it('a POST marked retry-safe (capture with a uuid) is retried after a reset', async () => {
    s.faults.add({ path: '/dashboards', method: 'POST', reset: true, times: 1 });
    const res = await make().request({
      method: 'POST',
      path: '/api/projects/1/dashboards/',
      body: { name: 'Safe' },
      action: 'create',
      retrySafe: true,
    });
    assert.equal(res.status, 201);
    assert.equal(s.requestsTo('/dashboards', 'POST').length, 2);
  });

  it('429 waits as Retry-After says, then succeeds', async () => {
    s.faults.add({
      path: '/dashboards',
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled.', attr: null },
      times: 1,
    });
    const started = Date.now();
    await make().list('dashboards/', { action: 'list dashboards' });
    assert.ok(Date.now() - started >= 950, 'waited about a second');
    assert.equal(s.requestsTo('/dashboards').length, 2);
  });

  it('429 without Retry-After waits as the detail text says', async () => {
    s.faults.add({
      path: '/dashboards',
      status: 429,
      body: { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled. Expected available in 1 seconds.', attr: null },
      times: 1,
    });
    const started = Date.now();
    await make().list('dashboards/', { action: 'list dashboards' });
    assert.ok(Date.now() - started >= 950);
  });

  it('429 asking for longer than the cap is reported, not waited out', async () => {
    s.faults.add({
      path: '/dashboards',
      status: 429,
      body: {
        type: 'throttled_error',
        code: 'throttled',
        detail: 'Request was throttled. Expected available in 3600 seconds.',
        attr: null,
      },
      times: 1,
    });
    const started = Date.now();
    const err = await rejects(make({ maxRetryWaitMs: 5_000 }).list('dashboards/', { action: 'list dashboards' }));
    assert.ok(Date.now() - started < 2_000);
    assert.equal(err.kind, 'rate_limited');
    assert.equal(err.retryAfterSeconds, 3600);
    assert.match(err.message, /rate limit.*Try again in about 3600 seconds/);
  });

  it('a POST that creates is retried after a 429 (nothing was processed)', async () => {
    s.faults.add({
      path: '/dashboards',
      method: 'POST',
      status: 429,
      headers: { 'Retry-After': '0' },
      body: { detail: 'Request was throttled.' },
      times: 1,
    });
    const res = await make().request({
      method: 'POST',
      path: '/api/projects/1/dashboards/',
      body: { name: 'After 429' },
      action: 'create',
    });
    assert.equal(res.status, 201);
  });

  it("the stand-in's own rate limit answers PostHog's 429 body, and the client waits it out", async () => {
    const limited = await startStandin({ rateLimits: { crud: { limit: 3, windowMs: 1_000 } } });
    try {
      const c = new PostHogClient({ apiKey: limited.key, host: limited.url, retryBaseMs: 5 });
      await c.context();
      const pages = await Promise.all(Array.from({ length: 5 }, () => c.list('dashboards/', { action: 'list dashboards' })));
      assert.equal(pages.length, 5);
      const throttled = limited.requests.filter((r) => r.status === 429);
      assert.ok(throttled.length >= 1, 'some requests were throttled and retried');
    } finally {
      await limited.close();
    }
  });

  it('times out a slow answer with a clear message', async () => {
    s.faults.add({ path: '/dashboards', delayMs: 1_500, times: 5 });
    const err = await rejects(make({ timeoutMs: 200, maxRetries: 1 }).list('dashboards/', { action: 'list dashboards' }));
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /did not answer within/);
  });

  it('a malformed JSON body and an HTML proxy page get clear messages', async () => {
    s.faults.add({ path: '/dashboards', status: 200, body: '{"results": [', contentType: 'application/json', times: 1 });
    const bad = await rejects(make({ maxRetries: 0 }).list('dashboards/', { action: 'list dashboards' }));
    assert.match(bad.message, /not valid JSON/);
    s.faults.add({
      path: '/dashboards',
      status: 502,
      body: '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
      contentType: 'text/html',
      times: 5,
    });
    const html = await rejects(make({ maxRetries: 0 }).list('dashboards/', { action: 'list dashboards' }));
    assert.equal(html.kind, 'server');
    assert.match(html.message, /502.*HTML error page \("502 Bad Gateway"\)/);
    assert.ok(!html.message.includes('<html'), 'no raw HTML in the message');
  });

  it('an unreachable host is reported as such', async () => {
    const c = new PostHogClient({ apiKey: 'phx_x', host: 'http://127.0.0.1:9', retryBaseMs: 1, maxRetries: 1 });
    const err = await rejects(c.context());
    assert.equal(err.kind, 'network');
    assert.match(err.message, /could not be reached \(ECONNREFUSED\)/);
  });

  it('cancellation aborts the HTTP request', async () => {
    s.faults.add({ path: '/dashboards', delayMs: 1_000, times: 1 });
    const c = make();
    await c.context();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await rejects(c.list('dashboards/', { action: 'list dashboards', signal: controller.signal }));
    assert.equal(err.kind, 'cancelled');
    await new Promise((r) => setTimeout(r, 50));
    const req = s.requestsTo('/dashboards').at(-1);
    assert.equal(req?.aborted, true, 'the stand-in saw the connection closed before answering');
  });

  it('lists report count and whether more exist; non-paginated lists are paged locally', async () => {
    const c = make();
    const page = await c.list('dashboards/', { limit: 2, offset: 2, action: 'list dashboards' });
    assert.equal(page.results.length, 2);
    assert.equal(
      page.count,
      s.state
        .table(1, 'dashboards')
        .all()
        .filter((d) => !d.deleted).length,
    );
    assert.equal(page.hasMore, true);
    assert.equal(page.nextOffset, 4);
    assert.deepEqual(s.requests.at(-1)?.query, { limit: '2', offset: '2' });
  });
});
