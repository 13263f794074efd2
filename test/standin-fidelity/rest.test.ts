/**
 * The stand-in's app API behaves as PostHog's (issue 10, section 2), checked with raw requests:
 * insights order and legacy filters, scopes, cohorts' filters over groups, archived flags,
 * experiments, MCP installations and actions lists, and /flags payloads and flag keys.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, type Api } from './helpers';

let api: Api;

before(async () => {
  api = await startApi();
});
after(async () => {
  await api.s.close();
});

const trends = (event: string) => ({
  kind: 'InsightVizNode',
  source: { kind: 'TrendsQuery', series: [{ kind: 'EventsNode', event, math: 'total' }] },
});

describe('insights', () => {
  it('with no order and no search, list by the nullable `order` column (NULLs last), not by last change', async () => {
    const ids: number[] = [];
    for (const [name, order] of [
      ['fid-order-null', null],
      ['fid-order-2', 2],
      ['fid-order-1', 1],
    ] as const) {
      const res = await api.call('POST', api.project('insights/'), { name, query: trends('$pageview'), order });
      assert.equal(res.status, 201, res.text);
      ids.push(res.json.id);
    }
    const list = await api.call('GET', api.project('insights/?limit=1000'));
    const names = (list.json.results as Array<{ name: string; order: number | null }>)
      .map((r) => r.name)
      .filter((n) => n?.startsWith('fid-order'));
    assert.deepEqual(names, ['fid-order-1', 'fid-order-2', 'fid-order-null']);
    const ordered = list.json.results.filter((r: { order: number | null }) => r.order !== null);
    assert.ok(list.json.results.indexOf(ordered.at(-1)) < list.json.results.findIndex((r: { order: number | null }) => r.order === null));
  });

  it('order=-last_modified_at lists the last changed first', async () => {
    const created = await api.call('POST', api.project('insights/'), { name: 'fid-recent', query: trends('signed_up') });
    const list = await api.call('GET', api.project('insights/?order=-last_modified_at&limit=1'));
    assert.equal(list.status, 200);
    assert.equal(list.json.results[0].id, created.json.id);
  });

  it('legacy filters without a query are 403 on create and update while the switch is on (the default)', async () => {
    const legacy = { insight: 'TRENDS', events: [{ id: '$pageview', type: 'events' }] };
    const create = await api.call('POST', api.project('insights/'), { name: 'fid-legacy', filters: legacy });
    assert.equal(create.status, 403);
    assert.deepEqual(create.json, {
      type: 'authentication_error',
      code: 'permission_denied',
      detail: 'Creating or updating insights with legacy filters is not available for this user.',
      attr: null,
    });
    const ok = await api.call('POST', api.project('insights/'), { name: 'fid-query', query: trends('$pageview') });
    const update = await api.call('PATCH', api.project(`insights/${ok.json.id}/`), { filters: legacy });
    assert.equal(update.status, 403);
    const both = await api.call('PATCH', api.project(`insights/${ok.json.id}/`), { filters: legacy, query: trends('signed_up') });
    assert.equal(both.status, 200, both.text);
  });

  it('legacy filters are accepted once the switch is off (self-hosted PostHog)', async () => {
    const res = await fetch(`${api.s.url}/_standin/switches`, {
      method: 'POST',
      body: JSON.stringify({ legacyInsightFiltersDisabled: false }),
    });
    assert.equal(res.status, 200);
    try {
      const create = await api.call('POST', api.project('insights/'), {
        name: 'fid-legacy-ok',
        filters: { insight: 'TRENDS', events: [{ id: '$pageview', type: 'events' }] },
      });
      assert.equal(create.status, 201, create.text);
    } finally {
      await fetch(`${api.s.url}/_standin/switches`, { method: 'POST', body: JSON.stringify({ legacyInsightFiltersDisabled: true }) });
    }
  });
});

describe('scopes', () => {
  const withScopes = (label: string, scopes: string[]) => {
    const key = `phx_fidelity_${label}_${'0'.repeat(20)}`;
    api.s.state.keys.set(key, { key, label, userId: 1, scopes });
    return key;
  };

  it('has no *:read pseudo-scope', async () => {
    const key = withScopes('star-read', ['*:read']);
    const res = await api.call('GET', api.project('feature_flags/'), undefined, key);
    assert.equal(res.status, 403);
  });

  it('the read-only key lists each object read scope and can read but not write', async () => {
    assert.equal((await api.call('GET', api.project('feature_flags/'), undefined, api.s.readOnlyKey)).status, 200);
    const write = await api.call('POST', api.project('feature_flags/'), { key: 'fid-ro' }, api.s.readOnlyKey);
    assert.equal(write.status, 403);
    assert.match(write.json.detail, /feature_flag:write/);
  });

  it('insight activity needs activity_log:read, sharing needs sharing_configuration', async () => {
    const insightOnly = withScopes('insight-only', ['insight:write']);
    const insight = (await api.call('GET', api.project('insights/?limit=1'))).json.results[0];
    assert.equal((await api.call('GET', api.project(`insights/${insight.id}/`), undefined, insightOnly)).status, 200);
    const activity = await api.call('GET', api.project(`insights/${insight.id}/activity/`), undefined, insightOnly);
    assert.equal(activity.status, 403);
    assert.match(activity.json.detail, /activity_log:read/);
    assert.equal((await api.call('GET', api.project('insights/activity/'), undefined, insightOnly)).status, 403);
    assert.equal((await api.call('GET', api.project(`insights/${insight.id}/sharing/`), undefined, insightOnly)).status, 403);
    const both = withScopes('activity', ['insight:read', 'activity_log:read', 'sharing_configuration:read']);
    assert.equal((await api.call('GET', api.project(`insights/${insight.id}/activity/`), undefined, both)).status, 200);
    assert.equal((await api.call('GET', api.project(`insights/${insight.id}/sharing/`), undefined, both)).status, 200);
  });
});

describe('cohorts', () => {
  const person = (key: string, value: string) => ({ type: 'person', key, operator: 'exact', value, negation: false });

  it('a non-empty filters wins over groups, even with no criteria', async () => {
    const res = await api.call('POST', api.project('cohorts/'), {
      name: 'fid-cohort',
      groups: [{ properties: [{ key: 'plan', value: 'pro', type: 'person' }] }],
      filters: { properties: { type: 'OR', values: [] } },
    });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.json.filters, { properties: { type: 'OR', values: [] } });
    const patched = await api.call('PATCH', api.project(`cohorts/${res.json.id}/`), {
      groups: [{ properties: [{ key: 'plan', value: 'starter', type: 'person' }] }],
    });
    assert.equal(patched.status, 200);
    assert.deepEqual(patched.json.filters, { properties: { type: 'OR', values: [] } }, 'groups are stored but not read');
    assert.equal(patched.json.groups[0].properties[0].value, 'starter');
    const withCriteria = await api.call('PATCH', api.project(`cohorts/${res.json.id}/`), {
      filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [person('plan', 'pro')] }] } },
    });
    assert.equal(withCriteria.json.filters.properties.values[0].values[0].value, 'pro');
  });

  it('groups alone are read as the criteria', async () => {
    const res = await api.call('POST', api.project('cohorts/'), {
      name: 'fid-cohort-groups',
      groups: [{ properties: [{ key: 'plan', value: 'pro', type: 'person' }] }],
    });
    assert.equal(res.status, 201);
    assert.equal(res.json.filters.properties.values[0].values[0].key, 'plan');
  });

  it('filters: null is refused', async () => {
    const create = await api.call('POST', api.project('cohorts/'), { name: 'fid-null', filters: null });
    assert.equal(create.status, 400);
    assert.equal(create.json.attr, 'filters');
    const existing = (await api.call('GET', api.project('cohorts/?search=fid-cohort-groups'))).json.results[0];
    const update = await api.call('PATCH', api.project(`cohorts/${existing.id}/`), { filters: null });
    assert.equal(update.status, 400);
  });
});

describe('feature flags: archived', () => {
  it('lists hide archived flags unless archived=true is sent', async () => {
    const created = await api.call('POST', api.project('feature_flags/'), { key: 'fid-archived', name: 'x', filters: { groups: [] } });
    assert.equal(created.json.archived, false);
    const archived = await api.call('PATCH', api.project(`feature_flags/${created.json.id}/`), { archived: true });
    assert.equal(archived.json.archived, true);
    const keys = async (q: string) =>
      ((await api.call('GET', api.project(`feature_flags/?limit=1000${q}`))).json.results as Array<{ key: string }>).map((f) => f.key);
    assert.ok(!(await keys('')).includes('fid-archived'));
    const onlyArchived = await keys('&archived=true');
    assert.deepEqual(onlyArchived, ['fid-archived']);
    assert.equal((await api.call('GET', api.project(`feature_flags/${created.json.id}/`))).json.archived, true);
  });
});

describe('experiments', () => {
  it('create with an existing flag plus variants is 400 with PostHog message', async () => {
    await api.call('POST', api.project('feature_flags/'), {
      key: 'fid-exp-flag',
      filters: {
        groups: [{ properties: [], rollout_percentage: 100 }],
        multivariate: {
          variants: [
            { key: 'control', rollout_percentage: 50 },
            { key: 'test', rollout_percentage: 50 },
          ],
        },
      },
    });
    const res = await api.call('POST', api.project('experiments/'), {
      name: 'fid exp',
      feature_flag_key: 'fid-exp-flag',
      parameters: {
        feature_flag_variants: [
          { key: 'control', split_percent: 50 },
          { key: 'b', split_percent: 50 },
        ],
      },
    });
    assert.equal(res.status, 400);
    assert.equal(res.json.attr, 'feature_flag');
    assert.match(
      res.json.detail,
      /A feature flag with key 'fid-exp-flag' already exists; the experiment links to it as-is, so its config cannot be set here/,
    );
    const reuse = await api.call('POST', api.project('experiments/'), { name: 'fid exp reuse', feature_flag_key: 'fid-exp-flag' });
    assert.equal(reuse.status, 201, reuse.text);
  });

  it('the effect size lives under running_time_calculation', async () => {
    const res = await api.call('POST', api.project('experiments/'), {
      name: 'fid mde',
      feature_flag_key: 'fid-mde',
      parameters: { minimum_detectable_effect: 25 },
    });
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.running_time_calculation.minimum_detectable_effect, 25);
    assert.equal(res.json.parameters?.minimum_detectable_effect, undefined);
    const direct = await api.call('PATCH', api.project(`experiments/${res.json.id}/`), {
      running_time_calculation: { minimum_detectable_effect: 10 },
    });
    assert.equal(direct.json.running_time_calculation.minimum_detectable_effect, 10);
  });

  it('list rows carry no metric definitions (ExperimentBasicSerializer)', async () => {
    const list = await api.call('GET', api.project('experiments/'));
    assert.ok(list.json.results.length > 0);
    for (const row of list.json.results) {
      for (const f of ['metrics', 'metrics_secondary', 'saved_metrics', 'secondary_metrics', 'filters']) assert.ok(!(f in row), f);
      assert.ok('running_time_calculation' in row);
    }
    const one = await api.call('GET', api.project(`experiments/${list.json.results[0].id}/`));
    assert.ok(Array.isArray(one.json.metrics));
  });
});

describe('lists', () => {
  it('MCP installations: {results} only, limit and offset ignored', async () => {
    const all = await api.call('GET', api.project('mcp_server_installations/'));
    assert.deepEqual(Object.keys(all.json), ['results']);
    assert.ok(all.json.results.length > 1);
    const paged = await api.call('GET', api.project('mcp_server_installations/?limit=1&offset=1'));
    assert.deepEqual(paged.json, all.json);
  });

  it('actions: {count, results} with limit, offset and search', async () => {
    const all = await api.call('GET', api.project('actions/'));
    assert.deepEqual(Object.keys(all.json).sort(), ['count', 'results']);
    assert.equal(all.json.count, all.json.results.length);
    const page = await api.call('GET', api.project('actions/?limit=1&offset=1'));
    assert.equal(page.json.count, all.json.count);
    assert.deepEqual(
      page.json.results.map((a: { id: number }) => a.id),
      [all.json.results[1].id],
    );
    const term = String(all.json.results[0].name).slice(0, 4).toUpperCase();
    const search = await api.call('GET', api.project(`actions/?search=${encodeURIComponent(term)}`));
    assert.ok(search.json.results.length >= 1);
    assert.ok(search.json.results.every((a: { name: string }) => a.name.toUpperCase().includes(term)));
  });
});

describe('/flags', () => {
  const flags = (body: Record<string, unknown>) =>
    fetch(`${api.s.url}/flags/?v=2`, {
      method: 'POST',
      body: JSON.stringify({ token: api.s.projectToken, distinct_id: 'fid-u', ...body }),
    }).then((r) => r.json() as Promise<{ flags: Record<string, { enabled: boolean; metadata: { payload: unknown } }> }>);

  it('answers payloads as the JSON-encoded strings PostHog stores', async () => {
    const payloads = { true: '"hello"' };
    await api.call('POST', api.project('feature_flags/'), {
      key: 'fid-payload-str',
      filters: { groups: [{ properties: [], rollout_percentage: 100 }], payloads },
    });
    await api.call('POST', api.project('feature_flags/'), {
      key: 'fid-payload-obj',
      filters: { groups: [{ properties: [], rollout_percentage: 100 }], payloads: { true: '{"a":1}' } },
    });
    await api.call('POST', api.project('feature_flags/'), {
      key: 'fid-payload-num',
      filters: { groups: [{ properties: [], rollout_percentage: 100 }], payloads: { true: '42' } },
    });
    const res = await flags({});
    assert.equal(res.flags['fid-payload-str'].metadata.payload, '"hello"');
    assert.equal(res.flags['fid-payload-obj'].metadata.payload, '{"a":1}');
    assert.equal(res.flags['fid-payload-num'].metadata.payload, '42');
  });

  it('honours flag_keys_to_evaluate', async () => {
    const res = await flags({ flag_keys_to_evaluate: ['fid-payload-str', 'fid-payload-num'] });
    assert.deepEqual(Object.keys(res.flags).sort(), ['fid-payload-num', 'fid-payload-str']);
  });

  it('accepts a gzipped body (?compression=gzip)', async () => {
    const { gzipSync } = await import('node:zlib');
    const body = gzipSync(JSON.stringify({ token: api.s.projectToken, distinct_id: 'fid-u', flag_keys: ['fid-payload-obj'] }));
    const res = await fetch(`${api.s.url}/flags/?v=2&compression=gzip`, { method: 'POST', body });
    assert.equal(res.status, 200);
    const json = (await res.json()) as { flags: Record<string, unknown> };
    assert.deepEqual(Object.keys(json.flags), ['fid-payload-obj']);
  });
});
