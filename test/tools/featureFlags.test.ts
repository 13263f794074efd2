import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasNullNoise } from '../helpers/noise';
import { startHarness, type Harness } from '../helpers/harness';
import { withLinks } from '../helpers/links';
import type { FlagAnswer, FlagCondition, FlagProperty, ListAnswer } from '../helpers/answers';
import { variantFilters } from '../helpers/builders';
import { compactFilters, withRollout } from '../../src/mcp/tools/featureFlags';
import { rolloutSummary } from '../../src/posthog/rollout';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { missingScopeBody } from '../standin/core';

const flagsOf = (h: Harness, pid = 1) => h.standin.state.table(pid, 'feature_flags');
const byKey = (h: Harness, key: string) => flagsOf(h).find((f) => f.key === key && !f.deleted)!;

describe('filters sent to PostHog', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('filters read from get_feature_flag can be sent back as they are: each condition set gets its properties list again', async () => {
    const row = byKey(h, 'annual-billing-discount');
    const read = await h.call<FlagAnswer>('get_feature_flag', { flag_id: row.id });
    const simple = await h.call<FlagAnswer>('create_feature_flag', { key: 'copied-rollout', rollout_percentage: 40 });
    assert.deepEqual(simple.data.filters, { groups: [{ rollout_percentage: 40 }] }, 'an agent reads no empty properties');
    const out = await h.call<FlagAnswer>('update_feature_flag', {
      flag_id: simple.data.id,
      filters: { groups: [...simple.data.filters.groups, ...read.data.filters.groups] },
    });
    assert.equal(out.isError, false, out.text);
    const sent = h.standin.requestsTo(`/feature_flags/${simple.data.id}`, 'PATCH').at(-1)!.body as {
      filters: { groups: Array<Record<string, unknown>> };
    };
    assert.deepEqual(sent.filters.groups[0], { properties: [], rollout_percentage: 40 });
    assert.deepEqual(sent.filters.groups.slice(1), read.data.filters.groups, 'conditions that had properties are sent unchanged');
  });
});

describe("rolloutSummary (the Flags tree's one-line summary)", () => {
  it('follows the contract', () => {
    const v = (n: number) => ({ key: `v${n}`, rollout_percentage: 100 / 3 });
    assert.equal(
      rolloutSummary({ groups: [{ properties: [], rollout_percentage: 100 }], multivariate: { variants: [v(1), v(2), v(3)] } }),
      '3 variants',
    );
    assert.equal(rolloutSummary({ groups: [] }), 'nobody');
    assert.equal(rolloutSummary({ groups: [{ properties: [], rollout_percentage: 30 }] }), '30%');
    assert.equal(rolloutSummary({ groups: [{ properties: [], rollout_percentage: null }] }), '100%');
    assert.equal(rolloutSummary({ groups: [{ properties: [{ key: 'plan', value: 'pro' }], rollout_percentage: 20 }] }), '20% matching');
    assert.equal(rolloutSummary({ groups: [{ properties: [{ key: 'plan', value: 'pro' }] }] }), '100% matching');
    assert.equal(rolloutSummary({ groups: [{ properties: [] }, { properties: [], rollout_percentage: 5 }] }), '2 condition sets');
    assert.equal(rolloutSummary({ groups: [{ properties: [] }], multivariate: null }), '100%', 'multivariate: null is a boolean flag');
    assert.equal(rolloutSummary({}), '100%', 'legacy filters without groups are everyone, as PostHog reads them');
  });

  it("withRollout keeps each condition set's properties and adds a set when there is none", () => {
    const props = [{ key: 'plan', type: 'person', operator: 'exact', value: ['pro'] }];
    const out = withRollout(
      {
        groups: [
          { properties: props, rollout_percentage: 100, variant: null },
          { properties: [], rollout_percentage: 5 },
        ],
        payloads: { true: '1' },
      },
      40,
    );
    assert.deepEqual(out.groups, [
      { properties: props, rollout_percentage: 40, variant: null },
      { properties: [], rollout_percentage: 40 },
    ]);
    assert.deepEqual(out.payloads, { true: '1' });
    assert.deepEqual(withRollout({ groups: [] }, 10).groups, [{ properties: [], rollout_percentage: 10 }]);
  });
});

describe('feature flag tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('the demo project has ~40 realistic flags, project 2 a few, and a soft-deleted one', () => {
    const mine = flagsOf(h).all();
    assert.ok(mine.length >= 38, `${mine.length} flags`);
    assert.ok(
      mine.some((f) => f.active === false),
      'some inactive',
    );
    assert.ok(
      mine.some((f) => f.filters?.multivariate?.variants?.length),
      'some multivariate',
    );
    assert.ok(
      mine.some((f) => Object.keys(f.filters?.payloads ?? {}).length),
      'some with payloads',
    );
    assert.ok(
      mine.some((f) => f.filters?.groups?.some((g: FlagCondition) => g.properties?.some((p) => p.type === 'person'))),
      'some targeted by person properties',
    );
    assert.ok(
      mine.some((f) => f.deleted === true),
      'a soft-deleted flag',
    );
    const staging = flagsOf(h, 2).all();
    assert.ok(staging.length >= 3 && staging.length < 10, `${staging.length} staging flags`);
    // The cohort-targeted flag refers to a cohort that exists, or falls back to person properties when none was seeded.
    const power = byKey(h, 'priority-support-chat');
    const cohortProp = power.filters.groups[0].properties.find((p: FlagProperty) => p.type === 'cohort');
    if (cohortProp) assert.ok(h.standin.state.table(1, 'cohorts').get(cohortProp.value), 'the referenced cohort exists');
    else
      assert.equal(
        h.standin.state
          .table(1, 'cohorts')
          .all()
          .filter((c) => !c.deleted).length > 0,
        false,
      );
  });

  it("list_feature_flags gives the contract's rows with the rollout in words and a link, and pages", async () => {
    const live = flagsOf(h)
      .all()
      .filter((f) => !f.deleted);
    const out = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { limit: 10 });
    if (!out.isError) out.data = withLinks(out.data);
    assert.equal(out.isError, false, out.text);
    assert.equal(out.data.count, live.length);
    assert.equal(out.data.has_more, true);
    assert.equal(out.data.next_offset, 10);
    assert.equal(out.data.results.length, 10);
    for (const f of out.data.results) {
      assert.equal(typeof f.id, 'number');
      assert.equal(typeof f.key, 'string');
      assert.equal(typeof f.active, 'boolean');
      assert.equal(f.rollout, rolloutSummary(flagsOf(h).get(f.id)!.filters));
      assert.equal(f.url, `${h.standin.url}/project/1/feature_flags/${f.id}`);
    }
    assert.ok(!hasNullNoise(out.text), 'no null noise');
    const next = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { limit: 10, offset: 10 });
    if (!next.isError) next.data = withLinks(next.data);
    const ids = new Set(out.data.results.map((f) => f.id));
    assert.ok(
      next.data.results.every((f) => !ids.has(f.id)),
      'the second page has other flags',
    );
    const all = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { limit: 100 });
    assert.ok(!all.data.results.some((f) => f.key === 'old-sharing-dialog'), 'soft-deleted flags are not listed');
  });

  it('list_feature_flags searches key and name case-insensitively and filters by active', async () => {
    const found = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { search: 'ONBOARDING' });
    assert.ok(found.data.results.length >= 2);
    for (const f of found.data.results) assert.match(`${f.key} ${f.name ?? ''}`, /onboarding/i);
    const byName = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { search: 'holiday theme' });
    assert.deepEqual(
      byName.data.results.map((f) => f.key),
      ['holiday-theme'],
    );

    const inactive = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { active: false, limit: 100 });
    assert.ok(inactive.data.results.length >= 4);
    assert.ok(
      inactive.data.results.every((f) => f.active === false),
      'active: false is kept in the output',
    );
    assert.ok(inactive.data.results.some((f) => f.key === 'holiday-theme'));
    assert.equal(h.standin.requestsTo('/feature_flags', 'GET').at(-1)!.query.active, 'false');
    const active = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { active: true, limit: 100 });
    assert.ok(active.data.results.every((f) => f.active === true));
    assert.equal(
      active.data.count + inactive.data.count,
      flagsOf(h)
        .all()
        .filter((f) => !f.deleted).length,
    );
  });

  it('get_feature_flag by id and by exact key returns the flag with its full filters', async () => {
    const row = byKey(h, 'upload-flow-redesign');
    const byId = await h.json<FlagAnswer>('get_feature_flag', { flag_id: row.id });
    assert.equal(byId.key, 'upload-flow-redesign');
    assert.deepEqual(
      Object.keys(byId),
      ['id', 'key', 'name', 'active', 'tags', 'filters', 'url', 'updated_at', 'last_modified_by'],
      'what an agent acts on (and when it last changed, by whom), nothing the filters already say',
    );
    assert.deepEqual(byId.tags, row.tags);
    assert.equal(rolloutSummary(byId.filters), '2 variants');
    assert.deepEqual(byId.filters, compactFilters(row.filters), 'filters come back whole, without nulls and empty objects');
    assert.equal(byId.filters.multivariate?.variants.length, row.filters.multivariate.variants.length);
    assert.equal(byId.url, `${h.standin.url}/project/1/feature_flags/${row.id}`);
    assert.equal(byId.updated_at, row.updated_at ?? row.created_at, 'when it last changed');

    // "dark-mode" is also a substring of other keys: the exact key wins.
    const key = await h.call<FlagAnswer>('get_feature_flag', { flag_key: 'dark-mode' });
    assert.equal(key.isError, false, key.text);
    assert.equal(key.data.key, 'dark-mode');
    assert.equal(key.data.id, byKey(h, 'dark-mode').id);
    assert.equal(h.standin.requestsTo('/feature_flags', 'GET').at(-1)!.query.search, 'dark-mode');

    const nobody = await h.call<FlagAnswer>('get_feature_flag', { flag_key: 'maintenance-mode' });
    assert.deepEqual(nobody.data.filters.groups, [], 'an empty groups list survives (it means nobody)');
    assert.equal(rolloutSummary(nobody.data.filters), 'nobody');
  });

  it('get_feature_flag: unknown key or id says what was not found; bad combinations send nothing', async () => {
    const missingKey = await h.error('get_feature_flag', { flag_key: 'no-such-flag' });
    assert.match(missingKey, /No feature flag with key 'no-such-flag' in this project/);
    const missingId = await h.error('get_feature_flag', { flag_id: 999999 });
    assert.match(missingId, /feature flag 999999 was not found/);

    const before = h.standin.requests.length;
    const neither = await h.call<FlagAnswer>('get_feature_flag', {});
    assert.match(neither.text, /give flag_id or flag_key/);
    const both = await h.call<FlagAnswer>('get_feature_flag', { flag_id: 1, flag_key: 'dark-mode' });
    assert.match(both.text, /not both/);
    assert.equal(h.standin.requests.length, before);
  });

  it('create_feature_flag with rollout_percentage builds one condition set for everyone', async () => {
    const out = await h.json<FlagAnswer>('create_feature_flag', { key: 'checkout-redesign', name: 'New checkout', rollout_percentage: 30 });
    assert.equal(rolloutSummary(out.filters), '30%');
    assert.equal(out.active, true);
    const row = flagsOf(h).get(out.id)!;
    assert.equal(row.key, 'checkout-redesign');
    assert.equal(row.name, 'New checkout');
    assert.deepEqual(row.filters, { groups: [{ properties: [], rollout_percentage: 30 }] });
    const post = h.standin.requestsTo('/api/projects/1/feature_flags', 'POST').at(-1)!;
    assert.deepEqual(post.body, {
      key: 'checkout-redesign',
      name: 'New checkout',
      filters: { groups: [{ properties: [], rollout_percentage: 30 }] },
    });
    assert.equal(post.status, 201);
  });

  it('create_feature_flag with neither rollout nor filters is 100% of users, sent explicitly', async () => {
    const out = await h.json<FlagAnswer>('create_feature_flag', { key: 'quiet-launch', active: false });
    assert.equal(rolloutSummary(out.filters), '100%');
    assert.equal(out.active, false);
    assert.deepEqual(flagsOf(h).get(out.id)!.filters, { groups: [{ properties: [], rollout_percentage: 100 }] });
    const on = await h.call<{ enabled: boolean }>('check_feature_flag', { distinct_id: 'anyone', flag_key: 'quiet-launch' });
    assert.equal(on.data.enabled, false, 'created off, so nobody gets it yet');
  });

  it('create_feature_flag with full filters (variants and payloads)', async () => {
    const filters = {
      groups: [{ properties: [{ key: 'plan', type: 'person', operator: 'exact', value: ['pro'] }], rollout_percentage: 100 }],
      multivariate: {
        variants: [
          { key: 'control', rollout_percentage: 50 },
          { key: 'test', rollout_percentage: 50 },
        ],
      },
      payloads: { test: '{"color":"green"}' },
    };
    const out = await h.json<FlagAnswer>('create_feature_flag', { key: 'pro-upsell-test', filters });
    assert.equal(rolloutSummary(out.filters), '2 variants');
    assert.deepEqual(flagsOf(h).get(out.id)!.filters, filters);
  });

  it("create_feature_flag: PostHog's validation messages reach the caller", async () => {
    const dup = await h.error('create_feature_flag', { key: 'dark-mode', rollout_percentage: 10 });
    assert.match(dup, /There is already a feature flag with this key\./);
    assert.match(dup, /field 'key'/);

    const sum = await h.call<FlagAnswer>('create_feature_flag', {
      key: 'bad-variants',
      filters: variantFilters([
        ['a', 60],
        ['b', 30],
      ]),
    });
    assert.equal(sum.isError, true);
    assert.match(sum.text, /Variant rollout percentages must sum to 100/);

    const range = await h.error('create_feature_flag', {
      key: 'bad-rollout',
      filters: { groups: [{ properties: [], rollout_percentage: 150 }] },
    });
    assert.match(range, /rollout percentage/i);

    const override = await h.call<FlagAnswer>('create_feature_flag', {
      key: 'bad-override',
      filters: {
        groups: [{ properties: [], rollout_percentage: 100, variant: 'nope' }],
        multivariate: { variants: [{ key: 'a', rollout_percentage: 100 }] },
      },
    });
    assert.match(override.text, /variant override does not exist/);
    assert.equal(
      flagsOf(h)
        .all()
        .filter((f) => ['bad-variants', 'bad-rollout', 'bad-override'].includes(f.key)).length,
      0,
      'nothing was created',
    );
  });

  it('create_feature_flag: bad input is rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const key = await h.call<FlagAnswer>('create_feature_flag', { key: 'has spaces!', rollout_percentage: 5 });
    assert.equal(key.isError, true);
    assert.match(key.text, /Only letters, numbers, hyphens/);
    const both = await h.call<FlagAnswer>('create_feature_flag', { key: 'both', rollout_percentage: 5, filters: { groups: [] } });
    assert.match(both.text, /rollout_percentage or filters, not both/);
    const noGroups = await h.call<FlagAnswer>('create_feature_flag', { key: 'no-groups', filters: { multivariate: null } });
    assert.match(noGroups.text, /'groups'/);
    const range = await h.call<FlagAnswer>('create_feature_flag', { key: 'too-much', rollout_percentage: 101 });
    assert.match(range.text, /rollout_percentage/);
    assert.equal(h.standin.requests.length, before);
  });

  it('update_feature_flag sends only the given fields', async () => {
    const row = byKey(h, 'search-v2');
    const filtersBefore = structuredClone(row.filters);
    const out = await h.json<FlagAnswer>('update_feature_flag', { flag_id: row.id, name: 'Search across file contents' });
    assert.equal(out.name, 'Search across file contents');
    const patch = h.standin.requestsTo(`/feature_flags/${row.id}`, 'PATCH').at(-1)!;
    assert.deepEqual(patch.body, { name: 'Search across file contents' });
    assert.deepEqual(row.filters, filtersBefore, 'filters untouched');
    assert.equal(row.active, true);

    const off = await h.call<FlagAnswer>('update_feature_flag', { flag_id: row.id, active: false });
    assert.equal(off.data.active, false);
    assert.equal(row.active, false);
    assert.deepEqual(h.standin.requestsTo(`/feature_flags/${row.id}`, 'PATCH').at(-1)!.body, { active: false });
  });

  it('update_feature_flag with rollout_percentage reads the flag and keeps its conditions', async () => {
    const row = byKey(h, 'annual-billing-discount');
    const propsBefore = row.filters.groups.map((g: FlagCondition) => g.properties);
    const versionBefore = row.version;
    const gets = h.standin.requestsTo(`/feature_flags/${row.id}`, 'GET').length;
    const out = await h.json<FlagAnswer>('update_feature_flag', { flag_id: row.id, rollout_percentage: 65 });
    assert.equal(h.standin.requestsTo(`/feature_flags/${row.id}`, 'GET').length, gets + 1, 'the flag was read first');
    const patch = h.standin.requestsTo(`/feature_flags/${row.id}`, 'PATCH').at(-1)!;
    assert.deepEqual(Object.keys(patch.body), ['filters'], 'only filters are sent');
    assert.deepEqual(
      row.filters.groups.map((g: FlagCondition) => g.rollout_percentage),
      [65, 65],
    );
    assert.deepEqual(
      row.filters.groups.map((g: FlagCondition) => g.properties),
      propsBefore,
      'properties kept',
    );
    assert.equal(row.version, versionBefore + 1);
    assert.equal(rolloutSummary(out.filters), '2 condition sets');
  });

  it('update_feature_flag: nothing to change, both rollout and filters, or a missing flag', async () => {
    const before = h.standin.requests.length;
    const none = await h.error('update_feature_flag', { flag_id: 1 });
    assert.match(none, /at least one of/);
    const both = await h.call<FlagAnswer>('update_feature_flag', { flag_id: 1, rollout_percentage: 5, filters: { groups: [] } });
    assert.match(both.text, /not both/);
    assert.equal(h.standin.requests.length, before, 'nothing was sent');
    const missing = await h.error('update_feature_flag', { flag_id: 424242, active: true });
    assert.match(missing, /feature flag 424242 was not found/);
    const missingRollout = await h.call<FlagAnswer>('update_feature_flag', { flag_id: 424242, rollout_percentage: 5 });
    assert.match(missingRollout.text, /feature flag 424242 was not found/);
  });

  it('delete_feature_flag soft-deletes with PATCH, never DELETE; the flag stays retrievable', async () => {
    const created = await h.call<FlagAnswer>('create_feature_flag', { key: 'to-be-deleted', rollout_percentage: 100 });
    const id = created.data.id;
    const out = await h.call('delete_feature_flag', { flag_id: id });
    assert.equal(out.isError, false, out.text);
    assert.deepEqual(out.data, { id, key: 'to-be-deleted', deleted: true });
    assert.deepEqual(h.standin.requestsTo(`/feature_flags/${id}`, 'PATCH').at(-1)!.body, { deleted: true });
    assert.equal(h.standin.requestsTo(`/feature_flags/${id}`, 'DELETE').length, 0);
    assert.equal(flagsOf(h).get(id)!.deleted, true);
    const list = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { search: 'to-be-deleted' });
    assert.equal(list.data.results.length, 0);
    const got = await h.call<FlagAnswer>('get_feature_flag', { flag_id: id });
    assert.equal(got.data.deleted, true);
    const byKeyAfter = await h.call<FlagAnswer>('get_feature_flag', { flag_key: 'to-be-deleted' });
    assert.match(byKeyAfter.text, /No feature flag with key 'to-be-deleted'/);
    // The key is free again: PostHog replaces the deleted flag.
    const again = await h.call<FlagAnswer>('create_feature_flag', { key: 'to-be-deleted', rollout_percentage: 5 });
    assert.equal(again.isError, false, again.text);
    assert.equal(
      flagsOf(h)
        .all()
        .filter((f) => f.key === 'to-be-deleted').length,
      1,
    );

    const missing = await h.call('delete_feature_flag', { flag_id: 777777 });
    assert.match(missing.text, /feature flag 777777 was not found/);
  });

  it('list_deleted_feature_flags: the deleted flags the list leaves out, with who and when; not a key in use again', async () => {
    interface Deleted {
      count: number;
      results: { key: string; id: number; deleted_at: string; deleted_by?: string }[];
      note?: string;
    }
    const before = await h.json<Deleted>('list_deleted_feature_flags', {});
    const seeded = before.results.find((f) => f.key === 'old-sharing-dialog');
    assert.ok(seeded, 'the seeded flag, deleted before this session');
    assert.equal(seeded.id, flagsOf(h).find((f) => f.key === 'old-sharing-dialog')!.id);
    assert.ok(Date.parse(seeded.deleted_at) < Date.now() - 86_400_000);
    assert.equal(before.note, undefined, 'the whole log was read');

    const created = await h.json<FlagAnswer>('create_feature_flag', { key: 'gone-then-back', rollout_percentage: 10 });
    await h.json('delete_feature_flag', { flag_id: created.id });
    const after = await h.json<Deleted>('list_deleted_feature_flags', {});
    assert.deepEqual(after.results[0].key, 'gone-then-back', 'newest deletion first');
    const user = h.standin.state.users.get(1)!;
    assert.equal(after.results[0].deleted_by, `${user.first_name} ${user.last_name}`, "the key's user deleted it");
    await h.json('create_feature_flag', { key: 'gone-then-back' });
    const reused = await h.json<Deleted>('list_deleted_feature_flags', {});
    assert.ok(!reused.results.some((f) => f.key === 'gone-then-back'), 'created again: live, not deleted');
    assert.equal(reused.count, reused.results.length);
  });

  it('list_deleted_feature_flags without activity_log:read is a clear error naming the scope', async () => {
    h.standin.faults.add({
      path: 're:/feature_flags/activity/?$',
      status: 403,
      times: 1,
      body: missingScopeBody('activity_log:read'),
    });
    assert.match(await h.error('list_deleted_feature_flags', {}), /activity_log:read/);
  });

  it("delete_feature_flag: PostHog's refusal for a flag a running experiment uses reaches the caller", async () => {
    const created = await h.call<FlagAnswer>('create_feature_flag', {
      key: 'experiment-in-flight',
      filters: variantFilters([
        ['control', 50],
        ['test', 50],
      ]),
    });
    const flagIdValue = created.data.id;
    const experiment = h.standin.state.table(1, 'experiments').insert({
      name: 'In-flight test',
      feature_flag_id: flagIdValue,
      start_date: new Date().toISOString(),
      end_date: null,
      archived: false,
      deleted: false,
    });
    try {
      const out = await h.error('delete_feature_flag', { flag_id: flagIdValue });
      assert.match(out, /linked to active experiment\(s\) with ID\(s\): \d+/);
      assert.equal(flagsOf(h).get(flagIdValue)!.deleted, false);
      experiment.end_date = new Date().toISOString();
      const done = await h.call('delete_feature_flag', { flag_id: flagIdValue });
      assert.equal(done.isError, false, 'a finished experiment no longer blocks it');
    } finally {
      h.standin.state.table(1, 'experiments').remove(experiment.id);
    }
  });

  it('the stand-in answers DELETE with 405 and an empty body, and restores by PATCH', async () => {
    const row = byKey(h, 'bulk-upload');
    const url = `${h.standin.url}/api/projects/1/feature_flags/${row.id}/`;
    const headers = { Authorization: `Bearer ${h.standin.key}`, 'Content-Type': 'application/json' };
    const del = await fetch(url, { method: 'DELETE', headers });
    assert.equal(del.status, 405);
    assert.equal(await del.text(), '');
    assert.equal(row.deleted, false);
    await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ deleted: true }) });
    assert.equal(row.deleted, true);
    const restored = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ deleted: false }) });
    assert.equal(restored.status, 200);
    assert.equal(row.deleted, false);
    // /api/environments/ is not a route for feature flags (project-only).
    const env = await fetch(`${h.standin.url}/api/environments/1/feature_flags/`, { headers });
    assert.equal(env.status, 404);
  });

  it('a read-only key cannot create flags: the missing scope is named', async () => {
    const client = new PostHogClient({ apiKey: h.standin.readOnlyKey, host: h.standin.url, retryBaseMs: 5 });
    const registry = new ToolRegistry(ALL_TOOLS, () => client);
    const list = await registry.call('list_feature_flags', { limit: 1 });
    assert.equal(list.isError, undefined, list.content[0].text);
    const out = await registry.call('create_feature_flag', { key: 'ro-attempt', rollout_percentage: 1 });
    assert.equal(out.isError, true);
    assert.match(out.content[0].text, /'feature_flag:write' scope/);
    assert.equal(
      flagsOf(h).find((f) => f.key === 'ro-attempt'),
      undefined,
    );
  });
});

describe('feature flags at scale', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ scale: { flags: 250 } });
  });
  after(() => h.close());

  it('scale flags are added to project 1 and page through', async () => {
    const first = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { limit: 100 });
    assert.equal(
      first.data.count,
      flagsOf(h)
        .all()
        .filter((f) => !f.deleted).length,
    );
    assert.ok(first.data.count >= 250 + 38);
    const last = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { limit: 100, offset: first.data.count - 5 });
    assert.equal(last.data.next_offset, undefined, 'no next page');
    assert.equal(last.data.results.at(-1)?.key, 'scale-flag-00250', 'scale flags are the oldest');
    const search = await h.call<ListAnswer<FlagAnswer>>('list_feature_flags', { search: 'scale-flag-0012', limit: 100 });
    assert.equal(search.data.count, 10);
    const one = await h.call<FlagAnswer>('get_feature_flag', { flag_key: 'scale-flag-00001' });
    assert.equal(one.isError, false, one.text);
    assert.equal(
      flagsOf(h, 2)
        .all()
        .filter((f) => String(f.key).startsWith('scale-flag-')).length,
      0,
      'only project 1',
    );
  });
});

describe('get_feature_flag: filters without noise', () => {
  it("drops nulls, empty objects and a condition set's empty properties, but keeps meaningful empty lists", async () => {
    assert.deepEqual(
      compactFilters({
        groups: [{ properties: [], rollout_percentage: null, variant: null }],
        multivariate: null,
        payloads: {},
        aggregation_group_type_index: null,
      }),
      { groups: [{}] },
    );
    assert.deepEqual(compactFilters({ groups: [] }), { groups: [] }, '"nobody" stays "nobody"');
    const cohort = { key: 'id', type: 'cohort', value: 3, values: [] };
    assert.deepEqual(
      compactFilters({ groups: [{ properties: [cohort], rollout_percentage: 5 }] }),
      { groups: [{ properties: [cohort], rollout_percentage: 5 }] },
      'other empty lists stay',
    );
    const h = await startHarness();
    try {
      const out = await h.call<FlagAnswer>('get_feature_flag', { flag_key: 'pricing-page-experiment' });
      assert.equal(out.isError, false, out.text);
      assert.ok(!hasNullNoise(out.text), out.text);
      assert.ok(!out.text.includes('{}'), out.text);
      assert.equal(out.data.filters.multivariate?.variants.length, 2);
    } finally {
      await h.close();
    }
  });
});
