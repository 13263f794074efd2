/**
 * Faults through the tools: the stand-in answers a representative set of tools (a list, a get, a
 * create, an update, a delete, capture_event, check_feature_flag, run_hogql_query) with 429 storms
 * (with and without Retry-After), 5xx, answers slower than the timeout, connection resets,
 * malformed JSON and a proxy's HTML 502 page. Every call comes back as an isError result with a
 * clear message within its timeout plus retries; retries happen only where repeating is safe (a
 * create is sent exactly once); the process never crashes; the tools work again once PostHog does.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type CallOutcome, type Harness } from '../helpers/harness';
import type { Fault } from '../standin/core';

const TIMEOUT_MS = 1_000;
const MAX_RETRIES = 1;
const RETRY_BASE_MS = 5;
/** The most a request may spend waiting out 429s, in total. */
const MAX_RETRY_WAIT_MS = 3_500;

/** How the tool's main request may be repeated by the client. */
type Retry = 'safe' | 'once';

interface Probe {
  tool: string;
  args: Record<string, unknown>;
  method: string;
  /** The tool's main request, as a stand-in fault path (regex on the path). */
  path: string;
  retry: Retry;
  /** Whether the tool changes something (an unreadable 2xx answer then leaves the outcome unknown). */
  write: boolean;
}

const FLAG_TO_DELETE = 3;
const PROBES: Probe[] = [
  {
    tool: 'list_feature_flags',
    args: { limit: 5 },
    method: 'GET',
    path: 're:^/api/projects/1/feature_flags/?$',
    retry: 'safe',
    write: false,
  },
  {
    tool: 'get_dashboard',
    args: { dashboard_id: 1 },
    method: 'GET',
    path: 're:^/api/projects/1/dashboards/1/?$',
    retry: 'safe',
    write: false,
  },
  {
    tool: 'create_dashboard',
    args: { name: 'Fault probe' },
    method: 'POST',
    path: 're:^/api/projects/1/dashboards/?$',
    retry: 'once',
    write: true,
  },
  {
    tool: 'update_dashboard',
    args: { dashboard_id: 1, description: 'fault probe' },
    method: 'PATCH',
    path: 're:^/api/projects/1/dashboards/1/?$',
    retry: 'safe',
    write: true,
  },
  {
    tool: 'delete_feature_flag',
    args: { flag_id: FLAG_TO_DELETE },
    method: 'PATCH',
    path: `re:^/api/projects/1/feature_flags/${FLAG_TO_DELETE}/?$`,
    retry: 'safe',
    write: true,
  },
  {
    tool: 'capture_event',
    args: { distinct_id: 'fault-user', event: 'fault_probe' },
    method: 'POST',
    path: 're:^/i/v1/analytics/events/?$',
    retry: 'safe',
    write: true,
  },
  {
    tool: 'check_feature_flag',
    args: { flag_key: 'new-onboarding-flow', distinct_id: 'fault-user' },
    method: 'POST',
    path: 're:^/flags/?$',
    retry: 'safe',
    write: false,
  },
  {
    tool: 'run_hogql_query',
    args: { query: 'SELECT count() FROM events' },
    method: 'POST',
    path: 're:^/api/projects/1/query/?$',
    retry: 'safe',
    write: false,
  },
];

const re = (p: Probe) => new RegExp(p.path.slice(3));
const STACK = /\bat .+\(.+:\d+:\d+\)|\n\s+at /;

interface Observed {
  probe: Probe;
  out: CallOutcome;
  ms: number;
  sent: number;
}

describe('faults through the tools', () => {
  let h: Harness;
  let unhandled = 0;
  const onUnhandled = () => unhandled++;

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    h = await startHarness({
      client: { timeoutMs: TIMEOUT_MS, maxRetries: MAX_RETRIES, retryBaseMs: RETRY_BASE_MS, maxRetryWaitMs: MAX_RETRY_WAIT_MS },
    });
    // Resolve the project (and its token) once, so the faults hit only each tool's own request.
    assert.equal((await h.call('get_dashboard', { dashboard_id: 1 })).isError, false);
    await h.client.projectToken();
  });
  after(async () => {
    await h.close();
    process.off('unhandledRejection', onUnhandled);
  });
  beforeEach(() => h.standin.faults.clear());

  /** Applies `fault` to every probe's request, calls all probes at once, and reports what happened. */
  async function storm(fault: Omit<Fault, 'path' | 'method'>): Promise<Observed[]> {
    for (const p of PROBES) h.standin.faults.add({ ...fault, path: p.path, method: p.method });
    const start = h.standin.requests.length;
    const results = await Promise.all(
      PROBES.map(async (probe) => {
        const started = Date.now();
        const out = await h.call(probe.tool, probe.args, { timeout: 60_000 });
        return { probe, out, ms: Date.now() - started };
      }),
    );
    h.standin.faults.clear();
    await new Promise((r) => setTimeout(r, 150)); // the stand-in sees the last abandoned connections close
    const log = h.standin.requests.slice(start);
    return results.map((r) => ({ ...r, sent: log.filter((q) => q.method === r.probe.method && re(r.probe).test(q.path)).length }));
  }

  /** The common promises of every fault: an isError result, a clear message, no stack, in time. */
  function checkAll(observed: Observed[], opts: { message: (p: Probe) => RegExp; boundMs: number; sent: (p: Probe) => number }) {
    for (const { probe, out, ms, sent } of observed) {
      assert.equal(out.isError, true, `${probe.tool} is an error result: ${out.text}`);
      assert.match(out.text, opts.message(probe), `${probe.tool}: ${out.text}`);
      assert.match(out.text, /^Could not /, `${probe.tool} says what failed: ${out.text}`);
      assert.doesNotMatch(out.text, STACK, `${probe.tool}: no stack trace`);
      assert.doesNotMatch(out.text, /<html|<body|<title/i, `${probe.tool}: no raw HTML`);
      assert.ok(out.text.length < 700, `${probe.tool}: a short message (${out.text.length})`);
      assert.ok(ms <= opts.boundMs, `${probe.tool} answered in ${ms} ms (bound ${opts.boundMs} ms)`);
      assert.equal(sent, opts.sent(probe), `${probe.tool}: ${probe.method} sent ${sent} times`);
    }
  }

  // Every write whose answer is lost is reported as unconfirmed, capture_event included: it is sent
  // retry-safe (its uuid de-duplicates the client's own retries) but it is still a change.
  const unconfirmed = (p: Probe) => p.write;

  const attemptsWhenSafe = MAX_RETRIES + 1;
  /** Timeout plus retries, plus scheduling slack on a loaded 2-core machine. */
  const transportBound = attemptsWhenSafe * (TIMEOUT_MS + RETRY_BASE_MS * 2 ** MAX_RETRIES) + 2_000;

  it('a 429 storm with Retry-After: waited out as asked until the total wait budget is spent, then reported (creates included: nothing was processed)', async () => {
    const dashboards = h.standin.state.table(1, 'dashboards').all().length;
    const started = Date.now();
    const observed = await storm({
      status: 429,
      headers: { 'Retry-After': '1' },
      body: { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled. Expected available in 1 seconds.', attr: null },
    });
    // Each wait is 1 s as asked; the waits of one request add up to at most maxRetryWaitMs, so a
    // storm cannot hold a call for minutes (an MCP host gives up on a call after about 60 s).
    const waits = Math.floor(MAX_RETRY_WAIT_MS / 1_000);
    checkAll(observed, {
      message: () => /rate limit was reached \(429\)\. Try again in about 1 seconds/,
      boundMs: MAX_RETRY_WAIT_MS + 3_000,
      sent: () => waits + 1,
    });
    assert.ok(Date.now() - started >= waits * 1_000 - 100, 'the waits were honoured (one shared pause for all calls)');
    assert.equal(h.standin.state.table(1, 'dashboards').all().length, dashboards, 'no dashboard was created');
  });

  it('a 429 storm without Retry-After (and no seconds in the detail): backs off briefly, bounded, then reported', async () => {
    const observed = await storm({
      status: 429,
      body: { type: 'throttled_error', code: 'throttled', detail: 'Request was throttled.', attr: null },
    });
    checkAll(observed, {
      message: () => /rate limit was reached \(429\)\. Wait a minute and try again/,
      boundMs: 5_000,
      sent: () => MAX_RETRIES + 6,
    });
  });

  it('5xx: safe requests are retried, a create is sent exactly once; all say PostHog had a server error, the create that its outcome is unknown', async () => {
    const observed = await storm({
      status: 500,
      body: { type: 'server_error', code: 'error', detail: 'A server error occurred.', attr: null },
    });
    checkAll(observed, {
      message: (p) =>
        p.retry === 'once'
          ? /PostHog had a server error \(500\)\. PostHog said: "A server error occurred\." Its outcome is unknown; it may have been created: list before trying again\.$/
          : /PostHog had a server error \(500\)\. PostHog said: "A server error occurred\."/,
      boundMs: transportBound,
      sent: (p) => (p.retry === 'safe' ? attemptsWhenSafe : 1),
    });
  });

  it('answers slower than the timeout: reads time out after their retries; a create is sent once and its outcome is called unknown (it did land)', async () => {
    const before = h.standin.state.table(1, 'dashboards').all().length;
    const observed = await storm({ delayMs: TIMEOUT_MS + 600 });
    checkAll(observed, {
      message: (p) =>
        p.retry === 'once'
          ? /did not answer within 1 s, so it is unknown whether the change was applied\. Check the current state before trying again/
          : unconfirmed(p)
            ? /did not answer within 1 s \(after 2 attempts\), so it is unknown whether the change was applied/
            : /did not answer within 1 s \(after 2 attempts\)\. PostHog may be slow or unreachable/,
      boundMs: transportBound,
      sent: (p) => (p.retry === 'safe' ? attemptsWhenSafe : 1),
    });
    // The slow create was carried out after the client gave up: "unknown" was the truth.
    await new Promise((r) => setTimeout(r, 900));
    assert.equal(h.standin.state.table(1, 'dashboards').all().length, before + 1);
    assert.equal(
      h.standin.state
        .table(1, 'dashboards')
        .all()
        .filter((d: { name?: string }) => d.name === 'Fault probe').length,
      1,
    );
  });

  it('connection resets: safe requests are retried; a create is sent once and its outcome is called unknown', async () => {
    const observed = await storm({ reset: true });
    checkAll(observed, {
      message: (p) =>
        p.retry === 'once'
          ? /the connection to http:\/\/127\.0\.0\.1:\d+ failed \(ECONNRESET\) after the request was sent, so it is unknown whether the change was applied/
          : unconfirmed(p)
            ? /failed \(ECONNRESET\) after the request was sent \(after 2 attempts\), so it is unknown whether the change was applied/
            : /the connection to http:\/\/127\.0\.0\.1:\d+ failed \(ECONNRESET\) \(after 2 attempts\)\. PostHog or a proxy in between may be having trouble/,
      boundMs: transportBound,
      sent: (p) => (p.retry === 'safe' ? attemptsWhenSafe : 1),
    });
  });

  it('malformed JSON in a 200: reads say the answer was unreadable; changes say PostHog accepted them but the result is unconfirmed', async () => {
    const observed = await storm({ status: 200, body: '{"results": [{"id": 1, "na', contentType: 'application/json' });
    checkAll(observed, {
      message: (p) =>
        unconfirmed(p)
          ? /^Could not confirm the result of .*: PostHog answered 200 but the body was not valid JSON.*The change was probably carried out: check the current state before trying again/
          : /answered 200 but the body was not valid JSON/,
      boundMs: transportBound,
      sent: () => 1,
    });
    for (const { probe, out } of observed) {
      if (!probe.write) assert.doesNotMatch(out.text, /probably carried out/, `${probe.tool}: a read is not called a change`);
    }
  });

  it('capture_event answered 200 with an unreadable body says the event was probably captured (not "try again", which would send it twice)', async () => {
    h.standin.faults.add({
      path: 're:^/i/v1/analytics/events/?$',
      method: 'POST',
      status: 200,
      body: '{"status": ',
      contentType: 'application/json',
      times: 1,
    });
    const out = await h.call('capture_event', { distinct_id: 'fault-user', event: 'unreadable_ack' });
    assert.equal(out.isError, true);
    assert.doesNotMatch(out.text, /Try again/);
    assert.match(out.text, /probably (captured|carried out)/);
  });

  it("a proxy's HTML 502 page: reads are retried; a create is sent once and called unknown; no HTML reaches the caller", async () => {
    const page =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    const observed = await storm({ status: 502, body: page, contentType: 'text/html' });
    checkAll(observed, {
      message: (p) =>
        p.retry === 'once'
          ? /server error \(502\)\. PostHog said: "the server returned an HTML error page \("502 Bad Gateway"\)"\. Its outcome is unknown; it may have been created: list before trying again\.$/
          : /server error \(502\)\. PostHog said: "the server returned an HTML error page \("502 Bad Gateway"\)"/,
      boundMs: transportBound,
      sent: (p) => (p.retry === 'safe' ? attemptsWhenSafe : 1),
    });
  });

  it('a fault on one call does not leak into the next: when PostHog recovers every tool works again', async () => {
    h.standin.faults.add({ path: 're:.*', status: 503, body: '', times: PROBES.length * attemptsWhenSafe });
    await Promise.all(PROBES.map((p) => h.call(p.tool, p.args)));
    h.standin.faults.clear();
    for (const p of PROBES) {
      const out = await h.call(p.tool, p.tool === 'create_dashboard' ? { name: 'After recovery' } : p.args);
      assert.equal(out.isError, false, `${p.tool} works again: ${out.text}`);
    }
    assert.equal(h.standin.state.table(1, 'feature_flags').get(FLAG_TO_DELETE)?.deleted, true);
  });

  it('the stand-in logs a request the client gave up on once, even when it finishes handling it later', async () => {
    h.standin.faults.add({ path: 're:^/api/projects/1/dashboards/2/?$', method: 'GET', delayMs: TIMEOUT_MS + 300, times: 1 });
    const start = h.standin.requests.length;
    await assert.rejects(
      h.client.request({ method: 'GET', path: '/api/projects/1/dashboards/2/', action: 'get dashboard 2', retrySafe: false }),
      /did not answer within 1 s/,
    );
    await new Promise((r) => setTimeout(r, 600)); // the stand-in finishes the abandoned request meanwhile
    const log = h.standin.requests.slice(start).filter((q) => q.path === '/api/projects/1/dashboards/2/');
    assert.equal(log.length, 1, JSON.stringify(log));
    assert.equal(log[0].aborted, true);
  });

  it('no unhandled promise rejection happened during any of it', () => {
    assert.equal(unhandled, 0);
  });
});
