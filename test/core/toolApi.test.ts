/**
 * ctx.api, the request helper tool handlers use, against the stand-in: project-relative paths with
 * each id one segment, the error wording made from a noun phrase, links, ingestion, cancellation.
 */
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PostHogClient } from '../../src/posthog/client';
import { PostHogError } from '../../src/posthog/errors';
import { ToolApi, resourcePath } from '../../src/mcp/api';
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

describe('ToolApi (ctx.api)', () => {
  let s: Standin;
  let client: PostHogClient;
  const api = (signal = new AbortController().signal) => new ToolApi(client, signal);

  before(async () => {
    s = await startStandin();
    client = new PostHogClient({ apiKey: s.key, host: s.url, retryBaseMs: 5, timeoutMs: 5_000 });
  });
  after(() => s.close());
  beforeEach(() => {
    s.faults.clear();
    s.requests.length = 0;
  });

  it('resourcePath encodes each id as one segment', () => {
    const cohortPath = resourcePath('cohorts');
    assert.equal(cohortPath(), 'cohorts/');
    assert.equal(cohortPath(7), 'cohorts/7/');
    assert.equal(cohortPath(7, 'sharing/'), 'cohorts/7/sharing/');
    assert.equal(cohortPath(undefined, 'activity/'), 'cohorts/activity/');
    assert.equal(cohortPath('../x'), 'cohorts/..%2Fx/');
    assert.throws(() => cohortPath('..'), /not a valid id/);
  });

  it('sends a suffix to the active project and returns the answer', async () => {
    const page = await api().get('feature_flags/', { action: 'list feature flags' }, { query: { limit: 1 } });
    assert.ok(Array.isArray(page.results));
    const [req] = s.requestsTo('/feature_flags/', 'GET');
    assert.equal(req.path, `/api/projects/${s.projectId}/feature_flags/`);
    assert.equal(req.query.limit, '1');
  });

  it('words a 404 from the noun phrase: "get cohort 999999" and "cohort 999999 was not found"', async () => {
    const err = await rejects(api().get('cohorts/999999/', 'cohort 999999'));
    assert.equal(err.status, 404);
    assert.match(err.message, /^Could not get cohort 999999: cohort 999999 was not found in this project \(404\)/);
  });

  it('exact words override the verb, and a create names no object', async () => {
    s.faults.add({ path: '/cohorts/', method: 'PATCH', status: 404, body: { detail: 'Not found.' }, times: 1 });
    const soft = await rejects(api().softDelete('cohorts/5/', 'cohort 5'));
    assert.match(soft.message, /^Could not delete cohort 5: cohort 5 was not found/);
    assert.deepEqual(s.requestsTo('/cohorts/5/', 'PATCH')[0].body, { deleted: true });

    s.faults.add({ path: '/cohorts/', method: 'POST', status: 404, body: { detail: 'Not found.' }, times: 1 });
    const created = await rejects(api().create('cohorts/', { name: 'x' }, 'cohort "x"'));
    assert.match(created.message, /^Could not create cohort "x": the requested object was not found/);
  });

  it('lists with paging and the "list <things>" wording', async () => {
    const page = await api().list('feature_flags/', 'feature flags', { limit: 2, offset: 1 });
    assert.equal(page.results.length, 2);
    const [req] = s.requestsTo('/feature_flags/', 'GET');
    assert.deepEqual({ limit: req.query.limit, offset: req.query.offset }, { limit: '2', offset: '1' });
    s.faults.add({ path: '/feature_flags/', status: 403, body: { detail: 'No access.' }, times: 1 });
    const err = await rejects(api().list('feature_flags/', 'feature flags'));
    assert.match(err.message, /^Could not list feature flags/);
  });

  it('makes UI links for the active project', async () => {
    assert.equal(await api().link('cohorts/7'), `${s.url}/project/${s.projectId}/cohorts/7`);
    const link = await api().links();
    assert.equal(link('cohorts/{id}'), `${s.url}/project/${s.projectId}/cohorts/{id}`);
  });

  it('a query is a read-only POST that is retried after a 5xx', async () => {
    s.faults.add({ path: '/query/', method: 'POST', status: 502, body: 'bad gateway', times: 1 });
    const answer = await api().query(
      { kind: 'HogQLQuery', query: 'SELECT event, count() FROM events GROUP BY event' },
      'run the HogQL query',
    );
    assert.ok(answer);
    assert.equal(s.requestsTo('/query/', 'POST').length, 2);
  });

  it('ingestion requests go to the ingestion host without the personal key', async () => {
    await api().ingest('/i/v0/e/', { api_key: s.projectToken, event: 'e', distinct_id: 'd', properties: {} }, 'capture event e');
    const [req] = s.requestsTo('/i/v0/e/', 'POST');
    assert.equal(req.path, '/i/v0/e/');
    assert.equal(req.auth, undefined);
  });

  it("the call's signal reaches the request: cancelling stops it", async () => {
    s.faults.add({ path: '/dashboards/', delayMs: 1_000, times: 1 });
    const controller = new AbortController();
    const pending = api(controller.signal).get('dashboards/1/', 'dashboard 1');
    setTimeout(() => controller.abort(), 100);
    const err = await rejects(pending);
    assert.equal(err.kind, 'cancelled');
    assert.match(err.message, /get dashboard 1 was stopped/);
  });
});
