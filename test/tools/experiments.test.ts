import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasNullNoise } from '../helpers/noise';
import { startHarness, type Harness } from '../helpers/harness';
import { withLinks } from '../helpers/links';
import { everyoneCondition, flagRow, variantFilters } from '../helpers/builders';
import type { FlagVariant, ListAnswer } from '../helpers/answers';
import type { Row } from '../standin/state';
import { ingestEvent } from '../standin/analytics';
import { experimentStatus } from '../standin/routes/experiments';
import { PostHogError } from '../../src/posthog/errors';

interface VariantAnswer {
  key: string;
  split_percent?: number;
}

interface ExperimentAnswer {
  id: number;
  name: string;
  status: string;
  start_date?: string;
  end_date?: string;
  conclusion?: string;
  feature_flag_id: number;
  feature_flag_key: string;
  rollout_percentage?: number;
  variants: VariantAnswer[];
  metrics: Array<{ name: string; metric_type: string; events: string[] }>;
  archived?: boolean;
  minimum_detectable_effect?: number;
  note?: string;
  url: string;
}

describe('experiments tools', () => {
  let h: Harness;
  const experiments = () => h.standin.state.table(1, 'experiments');
  const flags = () => h.standin.state.table(1, 'feature_flags');
  const statusOf = (e: Row) => experimentStatus(e, flags().get(e.feature_flag_id));
  /** What list_experiments should show by default: not deleted, not archived, newest first. */
  const listed = () =>
    experiments()
      .all()
      .filter((e) => !e.deleted && !e.archived)
      .sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)) || b.id - a.id);

  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('list_experiments: newest first, archived hidden, each with status, flag key and link', async () => {
    const out = await h.call<ListAnswer<ExperimentAnswer>>('list_experiments', {});
    if (!out.isError) out.data = withLinks(out.data);
    assert.equal(out.isError, false, out.text);
    const expected = listed();
    assert.ok(expected.length >= 4);
    assert.ok(
      experiments()
        .all()
        .some((e) => e.archived),
      'the seed has an archived experiment',
    );
    assert.equal(out.data.count, expected.length);
    assert.deepEqual(
      out.data.results.map((e) => e.id),
      expected.map((e) => e.id),
    );
    for (const row of out.data.results) {
      const e = experiments().get(row.id)!;
      assert.equal(row.status, statusOf(e));
      assert.equal(row.feature_flag_key, flags().get(e.feature_flag_id)!.key);
      assert.equal(row.url, `${h.standin.url}/project/1/experiments/${row.id}`);
    }
    assert.ok(!hasNullNoise(out.text), 'no null noise');
  });

  describe('list_experiments filters by status (sent to PostHog) and pages', () => {
    for (const status of ['draft', 'running', 'stopped'] as const) {
      it(status, async () => {
        const out = await h.list<ExperimentAnswer>('list_experiments', { status });
        const expected = listed()
          .filter((e) => statusOf(e) === status)
          .map((e) => e.id);
        assert.ok(expected.length >= 1, `the seed has a ${status} experiment`);
        assert.deepEqual(
          out.results.map((e) => e.id),
          expected,
        );
        assert.equal(h.standin.requestsTo('/experiments', 'GET').at(-1)!.query.status, status);
      });
    }
    it('a running experiment whose flag was switched off is "paused"; "all", paging, and an unknown status', async () => {
      // A running experiment whose flag was switched off is "paused", not "running".
      const running = listed().find((e) => statusOf(e) === 'running')!;
      const flag = flags().get(running.feature_flag_id)!;
      flag.active = false;
      try {
        const paused = await h.call<ListAnswer<ExperimentAnswer>>('list_experiments', { status: 'paused' });
        assert.deepEqual(
          paused.data.results.map((e) => e.id),
          [running.id],
        );
        assert.equal(paused.data.results[0].status, 'paused');
        const stillRunning = await h.call<ListAnswer<ExperimentAnswer>>('list_experiments', { status: 'running' });
        assert.ok(!stillRunning.data.results.some((e) => e.id === running.id));
      } finally {
        flag.active = true;
      }

      const all = await h.call<ListAnswer<ExperimentAnswer>>('list_experiments', { status: 'all' });
      assert.equal(all.data.count, listed().length);

      const page = await h.call<ListAnswer<ExperimentAnswer>>('list_experiments', { limit: 2, offset: 1 });
      assert.equal(page.data.has_more, listed().length > 3);
      assert.deepEqual(
        page.data.results.map((e) => e.id),
        listed()
          .slice(1, 3)
          .map((e) => e.id),
      );

      const bad = await h.error('list_experiments', { status: 'finished' });
      assert.match(bad, /status/);
    });
  });

  it('create_experiment with a new flag key: a draft, and PostHog creates an inactive control/test 50/50 flag', async () => {
    const flagCount = flags().all().length;
    const out = await h.json<ExperimentAnswer>('create_experiment', {
      name: 'Bigger upload button',
      feature_flag_key: 'bigger-upload-button',
      description: 'Does a larger button lift uploads?',
    });
    assert.equal(out.status, 'draft');
    assert.equal(out.start_date, undefined);
    assert.deepEqual(out.variants, [
      { key: 'control', split_percent: 50 },
      { key: 'test', split_percent: 50 },
    ]);
    assert.equal(out.url, `${h.standin.url}/project/1/experiments/${out.id}`);

    const body = h.standin.requestsTo('/experiments', 'POST').at(-1)!.body;
    assert.deepEqual(body, {
      name: 'Bigger upload button',
      feature_flag_key: 'bigger-upload-button',
      description: 'Does a larger button lift uploads?',
    });

    assert.equal(flags().all().length, flagCount + 1);
    const flag = flags().find((f) => f.key === 'bigger-upload-button')!;
    assert.equal(flag.active, false, "a draft's flag stays off");
    assert.deepEqual(
      flag.filters.multivariate.variants.map((v: FlagVariant) => [v.key, v.rollout_percentage]),
      [
        ['control', 50],
        ['test', 50],
      ],
    );
    const row = experiments().get(out.id)!;
    assert.equal(row.feature_flag_id, flag.id);
    assert.equal(row.start_date, null);
  });

  it('create_experiment with custom variants passes the splits on to the flag', async () => {
    const out = await h.json<ExperimentAnswer>('create_experiment', {
      name: 'Three-way pricing copy',
      feature_flag_key: 'pricing-copy-3way',
      parameters: {
        feature_flag_variants: [
          { key: 'control', split_percent: 40 },
          { key: 'short', split_percent: 30 },
          { key: 'long', split_percent: 30 },
        ],
        rollout_percentage: 50,
      },
    });
    assert.deepEqual(out.variants, [
      { key: 'control', split_percent: 40 },
      { key: 'short', split_percent: 30 },
      { key: 'long', split_percent: 30 },
    ]);
    assert.equal(out.rollout_percentage, 50);
    const flag = flags().find((f) => f.key === 'pricing-copy-3way')!;
    assert.deepEqual(
      flag.filters.multivariate.variants.map((v: FlagVariant) => v.rollout_percentage),
      [40, 30, 30],
    );
    assert.equal(flag.filters.groups[0].rollout_percentage, 50);
  });

  it("create_experiment: PostHog's variant rules reach the caller, and nothing is created", async () => {
    const before = { flags: flags().all().length, experiments: experiments().all().length };
    const noControl = await h.error('create_experiment', {
      name: 'No baseline',
      feature_flag_key: 'no-baseline',
      parameters: {
        feature_flag_variants: [
          { key: 'a', split_percent: 50 },
          { key: 'b', split_percent: 50 },
        ],
      },
    });
    assert.match(noControl, /PostHog rejected the request \(400\)/);
    assert.match(noControl, /Feature flag variants must contain a control variant/);

    const badSum = await h.error('create_experiment', {
      name: 'Bad split',
      feature_flag_key: 'bad-split',
      parameters: {
        feature_flag_variants: [
          { key: 'control', split_percent: 50 },
          { key: 'test', split_percent: 40 },
        ],
      },
    });
    assert.match(badSum, /Variant rollout percentages must sum to 100/);
    assert.deepEqual({ flags: flags().all().length, experiments: experiments().all().length }, before);
  });

  it('create_experiment reuses an existing multivariate flag with control first, and refuses an ineligible one', async () => {
    const eligible = flags().insert(
      flagRow(h.standin.state, {
        key: 'checkout-redesign',
        name: 'Checkout redesign',
        filters: variantFilters([
          ['control', 50],
          ['redesign', 50],
        ]),
      }),
    );
    const count = flags().all().length;
    const out = await h.json<ExperimentAnswer>('create_experiment', { name: 'Checkout redesign', feature_flag_key: 'checkout-redesign' });
    assert.equal(out.feature_flag_id, eligible.id);
    assert.deepEqual(
      out.variants.map((v) => v.key),
      ['control', 'redesign'],
    );
    assert.equal(flags().all().length, count, 'no new flag');
    assert.match(out.note ?? '', /already existed: the experiment uses it as it is, with its own variants/);

    flags().insert(flagRow(h.standin.state, { key: 'plain-boolean-flag', name: 'Plain', filters: { groups: [everyoneCondition()] } }));
    const refused = await h.error('create_experiment', {
      name: 'On a boolean flag',
      feature_flag_key: 'plain-boolean-flag',
    });
    assert.match(refused, /Feature flag is not eligible for experiments/);
  });

  it('create_experiment refuses variants or rollout for an existing flag before creating anything', async () => {
    // _normalize_feature_flag_input (products/experiments/backend/presentation/serializers.py) would
    // answer 400: the experiment links to the existing flag as-is.
    flags().insert(
      flagRow(h.standin.state, {
        key: 'existing-split',
        name: 'Existing split',
        filters: variantFilters([
          ['control', 50],
          ['test', 50],
        ]),
      }),
    );
    const posts = h.standin.requestsTo('/experiments', 'POST').length;
    const variants = await h.error('create_experiment', {
      name: 'On an existing flag',
      feature_flag_key: 'existing-split',
      parameters: {
        feature_flag_variants: [
          { key: 'control', split_percent: 20 },
          { key: 'test', split_percent: 80 },
        ],
      },
    });
    assert.match(variants, /'existing-split' already exists/);
    assert.match(variants, /feature_flag_variants cannot be set here/);
    const rollout = await h.error('create_experiment', {
      name: 'On an existing flag',
      feature_flag_key: 'existing-split',
      parameters: { rollout_percentage: 10 },
    });
    assert.match(rollout, /rollout_percentage cannot be set here/);
    assert.equal(h.standin.requestsTo('/experiments', 'POST').length, posts, 'nothing was sent');
  });

  it('minimum_detectable_effect goes in running_time_calculation, and is still read from old parameters', async () => {
    const out = await h.json<ExperimentAnswer>('create_experiment', {
      name: 'Effect size',
      feature_flag_key: 'effect-size-flag',
      parameters: { minimum_detectable_effect: 5, rollout_percentage: 80 },
    });
    const body = h.standin.requestsTo('/experiments', 'POST').at(-1)!.body;
    assert.deepEqual(body.running_time_calculation, { minimum_detectable_effect: 5 });
    assert.deepEqual(body.parameters, { rollout_percentage: 80 });
    assert.equal(out.minimum_detectable_effect, 5);

    const updated = await h.json<ExperimentAnswer>('update_experiment', {
      experiment_id: out.id,
      parameters: { minimum_detectable_effect: 2 },
    });
    const patch = h.standin.requestsTo(`/experiments/${out.id}`, 'PATCH').at(-1)!.body;
    assert.deepEqual(patch, { running_time_calculation: { minimum_detectable_effect: 2 } });
    assert.equal(updated.minimum_detectable_effect, 2);

    const old = experiments().get(out.id)!;
    old.running_time_calculation = null;
    old.parameters = { ...(old.parameters ?? {}), minimum_detectable_effect: 7 };
    const read = await h.json<ExperimentAnswer>('get_experiment', { experiment_id: out.id });
    assert.equal(read.minimum_detectable_effect, 7, 'an old experiment keeps it in parameters');
  });

  it('create_experiment: bad input is rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const badKey = await h.error('create_experiment', { name: 'x', feature_flag_key: 'has spaces!' });
    assert.match(badKey, /feature_flag_key/);
    const noName = await h.error('create_experiment', { feature_flag_key: 'ok-key' });
    assert.match(noName, /'name' is required/);
    const oneVariant = await h.call<ExperimentAnswer>('create_experiment', {
      name: 'x',
      feature_flag_key: 'ok-key',
      parameters: { feature_flag_variants: [{ key: 'control', split_percent: 100 }] },
    });
    assert.equal(oneVariant.isError, true);
    assert.equal(h.standin.requests.length, before);
  });

  it('get_experiment: variants, metrics with the events they read, conclusion and link', async () => {
    const concluded = experiments().find((e) => e.conclusion && !e.archived)!;
    const out = await h.json<ExperimentAnswer>('get_experiment', { experiment_id: concluded.id });
    assert.equal(out.name, concluded.name);
    assert.equal(out.status, 'stopped');
    assert.equal(out.conclusion, concluded.conclusion);
    assert.equal(out.end_date, concluded.end_date);
    assert.equal(out.feature_flag_key, flags().get(concluded.feature_flag_id)!.key);
    const metric = concluded.metrics[0];
    const events = metric.series ? metric.series.map((s: { event: string }) => s.event) : [metric.source.event];
    assert.deepEqual(out.metrics[0], { name: metric.name, metric_type: metric.metric_type, events });
    assert.equal(out.url, `${h.standin.url}/project/1/experiments/${concluded.id}`);
  });

  it('get_experiment of a missing experiment says which one was not found', async () => {
    const out = await h.error('get_experiment', { experiment_id: 987654 });
    assert.match(out, /experiment 987654 was not found/);
  });

  it('update_experiment sends only the fields given; omitted fields are untouched', async () => {
    const created = await h.call<ExperimentAnswer>('create_experiment', {
      name: 'Copy test',
      feature_flag_key: 'copy-test',
      description: 'Original description',
    });
    const id = created.data.id;
    const out = await h.json<ExperimentAnswer>('update_experiment', { experiment_id: id, name: 'Homepage copy test' });
    assert.equal(out.name, 'Homepage copy test');
    const patch = h.standin.requestsTo(`/experiments/${id}`, 'PATCH').at(-1)!;
    assert.deepEqual(patch.body, { name: 'Homepage copy test' }, 'only the given field is sent');
    const row = experiments().get(id)!;
    assert.equal(row.description, 'Original description');
    assert.deepEqual(row.parameters, null, 'parameters were not sent, so not wiped');
  });

  it('update_experiment: start_date launches a draft (flag on), end_date stops it, null clears it', async () => {
    const created = await h.call<ExperimentAnswer>('create_experiment', { name: 'Launch me', feature_flag_key: 'launch-me' });
    const id = created.data.id;
    const flag = flags().find((f) => f.key === 'launch-me')!;
    assert.equal(flag.active, false);

    const launched = await h.json<ExperimentAnswer>('update_experiment', { experiment_id: id, start_date: '2025-03-01T09:00:00Z' });
    assert.equal(launched.status, 'running');
    assert.equal(flag.active, true, 'launching turns the flag on');

    const early = await h.error('update_experiment', {
      experiment_id: id,
      start_date: '2025-03-10T00:00:00Z',
      end_date: '2025-03-05T00:00:00Z',
    });
    assert.match(early, /End date must be after start date/);

    const stopped = await h.call<ExperimentAnswer>('update_experiment', { experiment_id: id, end_date: '2025-03-20T17:00:00Z' });
    assert.equal(stopped.data.status, 'stopped');
    assert.equal(experiments().get(id)!.end_date, '2025-03-20T17:00:00.000Z');

    const resumed = await h.json<ExperimentAnswer>('update_experiment', { experiment_id: id, end_date: null });
    assert.deepEqual(h.standin.requestsTo(`/experiments/${id}`, 'PATCH').at(-1)!.body, { end_date: null });
    assert.equal(resumed.status, 'running');
  });

  it("update_experiment: variants of a launched experiment cannot change; a draft's variants update its flag", async () => {
    const running = listed().find((e) => statusOf(e) === 'running')!;
    const variants = flags().get(running.feature_flag_id)!.filters.multivariate.variants;
    const other = variants.map((v: Row, i: number) => ({ key: i === 0 ? 'control' : `renamed-${i}`, split_percent: v.rollout_percentage }));
    const refused = await h.error('update_experiment', {
      experiment_id: running.id,
      parameters: { feature_flag_variants: other },
    });
    assert.match(refused, /Can't update feature_flag_variants on Experiment/);

    const draft = await h.call<ExperimentAnswer>('create_experiment', { name: 'Draft variants', feature_flag_key: 'draft-variants' });
    const out = await h.json<ExperimentAnswer>('update_experiment', {
      experiment_id: draft.data.id,
      parameters: {
        feature_flag_variants: [
          { key: 'control', split_percent: 80 },
          { key: 'test', split_percent: 20 },
        ],
      },
    });
    assert.deepEqual(out.variants, [
      { key: 'control', split_percent: 80 },
      { key: 'test', split_percent: 20 },
    ]);
    const flag = flags().find((f) => f.key === 'draft-variants')!;
    assert.deepEqual(
      flag.filters.multivariate.variants.map((v: FlagVariant) => v.rollout_percentage),
      [80, 20],
    );
  });

  it('update_experiment: archived hides it from the list', async () => {
    const created = await h.call<ExperimentAnswer>('create_experiment', { name: 'To archive', feature_flag_key: 'to-archive' });
    const out = await h.call<ExperimentAnswer>('update_experiment', { experiment_id: created.data.id, archived: true });
    assert.equal(out.data.archived, true);
    const list = await h.call<ListAnswer<ExperimentAnswer>>('list_experiments', { limit: 100 });
    assert.ok(!list.data.results.some((e) => e.id === created.data.id));
  });

  it('update_experiment: nothing to change, bad dates and bad ids are rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const none = await h.error('update_experiment', { experiment_id: 1 });
    assert.match(none, /at least one of/);
    const badDate = await h.error('update_experiment', { experiment_id: 1, start_date: 'next tuesday' });
    assert.match(badDate, /start_date/);
    const badId = await h.call<ExperimentAnswer>('update_experiment', { experiment_id: -3, name: 'x' });
    assert.equal(badId.isError, true);
    assert.equal(h.standin.requests.length, before);
  });

  it('update_experiment of a missing experiment says which one was not found', async () => {
    const out = await h.error('update_experiment', { experiment_id: 424242, name: 'x' });
    assert.match(out, /experiment 424242 was not found/);
  });

  it('stand-in: DELETE is 405 with an empty body; a soft delete hides the experiment', async () => {
    const created = await h.call<ExperimentAnswer>('create_experiment', { name: 'Soft delete me', feature_flag_key: 'soft-delete-me' });
    const id = created.data.id;
    await assert.rejects(
      h.client.request({ method: 'DELETE', path: `/api/projects/1/experiments/${id}/`, action: `delete experiment ${id}` }),
      (err: unknown) => err instanceof PostHogError && err.status === 405,
    );
    assert.equal(h.standin.requestsTo(`/experiments/${id}`, 'DELETE').at(-1)!.status, 405);
    assert.equal(experiments().get(id)!.deleted, false);
    await h.client.request({ method: 'PATCH', path: `/api/projects/1/experiments/${id}/`, body: { deleted: true }, action: 'soft delete' });
    const got = await h.error('get_experiment', { experiment_id: id });
    assert.match(got, /was not found/);
    const restored = await h.client.request<{ deleted: boolean }>({
      method: 'PATCH',
      path: `/api/projects/1/experiments/${id}/`,
      body: { deleted: false },
      action: 'restore',
    });
    assert.equal(restored.data.deleted, false);
    // Experiments are project-only: no /api/environments/ route.
    await assert.rejects(
      h.client.request({ method: 'GET', path: '/api/environments/1/experiments/', action: 'list experiments' }),
      /was not found|404/,
    );
  });

  it('check_experiments_requiring_flag explains a warning when recent metric events lack $feature properties', async () => {
    const team = h.standin.team(1);
    const now = Date.now();
    for (let i = 0; i < 3; i++) {
      ingestEvent(h.standin.state, team, {
        event: 'exp_metric_without_flag',
        distinct_id: `u${i}`,
        timestamp: new Date(now - i * 3_600_000).toISOString(),
        properties: { plan: 'pro' },
      });
      ingestEvent(h.standin.state, team, {
        event: 'exp_metric_with_flag',
        distinct_id: `u${i}`,
        timestamp: new Date(now - i * 3_600_000).toISOString(),
        properties: { '$feature/new-onboarding-flow': i % 2 ? 'test' : 'control' },
      });
    }
    // Old events that carry the flag do not count: only the last 7 days.
    ingestEvent(h.standin.state, team, {
      event: 'exp_metric_without_flag',
      distinct_id: 'u9',
      timestamp: new Date(now - 30 * 86_400_000).toISOString(),
      properties: { '$feature/x': 'test' },
    });

    const warn = await h.json<{ requires_flag_implementation: boolean; explanation: string }>('check_experiments_requiring_flag', {
      events: ['exp_metric_without_flag'],
    });
    assert.equal(warn.requires_flag_implementation, true);
    assert.match(warn.explanation, /\$feature\//);
    assert.match(warn.explanation, /last 7 days/);
    const q = h.standin.requestsTo('/experiments/requires_flag_implementation', 'GET').at(-1)!.query;
    assert.deepEqual(JSON.parse(q.events), [{ id: 'exp_metric_without_flag', type: 'events', order: 0 }]);

    const fine = await h.call<{ requires_flag_implementation: boolean; explanation: string }>('check_experiments_requiring_flag', {
      events: ['exp_metric_with_flag'],
    });
    assert.equal(fine.data.requires_flag_implementation, false);
    assert.match(fine.data.explanation, /No warning/);

    const unseen = await h.call<{ requires_flag_implementation: boolean; explanation: string }>('check_experiments_requiring_flag', {
      events: ['never_sent_event'],
    });
    assert.equal(unseen.data.requires_flag_implementation, true, 'no recent events at all is also a warning');

    const empty = await h.json<{ requires_flag_implementation: boolean; explanation: string }>('check_experiments_requiring_flag', {});
    assert.equal(empty.requires_flag_implementation, false);
    assert.match(empty.explanation, /no events were given/i);
    assert.equal(h.standin.requestsTo('/experiments/requires_flag_implementation', 'GET').at(-1)!.query.events, undefined);
  });

  it('seed: every experiment points at a multivariate flag with control first, running ones at an active flag', async () => {
    for (const e of experiments().all()) {
      const flag = flags().get(e.feature_flag_id);
      assert.ok(flag, `experiment ${e.id} has a flag`);
      assert.equal(flag.filters.multivariate.variants[0].key, 'control');
      if (statusOf(e) === 'running') assert.equal(flag.active, true);
    }
  });

  it("seed: the running pricing test's metric event carries its flag, so there is no warning for it", async () => {
    const pricing = experiments().find((e) => e.name === 'Pricing page test')!;
    const got = await h.call<ExperimentAnswer>('get_experiment', { experiment_id: pricing.id });
    const metricEvents: string[] = got.data.metrics.flatMap((m) => m.events).filter((e) => e !== 'upgraded_plan');
    assert.ok(metricEvents.length > 0);
    const out = await h.json<{ requires_flag_implementation: boolean; explanation: string }>('check_experiments_requiring_flag', {
      events: [...new Set(metricEvents)],
    });
    assert.equal(out.requires_flag_implementation, false);
  });

  it('project 2 has its own experiments', async () => {
    const res = await h.client.request<{ results: Array<{ id: number }> }>({
      method: 'GET',
      path: '/api/projects/2/experiments/',
      action: 'list experiments',
    });
    const rows = h.standin.state.table(2, 'experiments').all();
    assert.ok(rows.length >= 1 && rows.length < experiments().all().length);
    assert.deepEqual(res.data.results.map((e) => e.id).sort(), rows.map((e) => e.id).sort());
  });
});
