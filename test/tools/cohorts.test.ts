import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { hasNullNoise } from '../helpers/noise';
import type { ListAnswer, StandinError } from '../helpers/answers';
import { startHarness, type Harness } from '../helpers/harness';
import { describeRefusals } from '../helpers/refusals';
import { withLinks } from '../helpers/links';
import { cohortCondition, flagRow, inCohortFilters, personCohortFilters } from '../helpers/builders';

interface CohortAnswer {
  id: number;
  name: string;
  count?: number;
  is_static: boolean;
  criteria?: string;
  filters?: unknown;
  url: string;
  deleted?: boolean;
}

/** The stand-in's own answer: a cohort, or PostHog's error body. */
type RawCohort = CohortAnswer & StandinError;

describe('cohorts tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const table = () => h.standin.state.table(1, 'cohorts');
  const live = () =>
    table()
      .all()
      .filter((c) => !c.deleted);
  const personFilter = personCohortFilters;
  const cohortRef = inCohortFilters;
  let flagSeq = 0;
  /** A feature flag row, as the flags group stores them, targeting a cohort. */
  function insertFlag(cohortId: number, opts: { active?: boolean; name?: string } = {}) {
    const key = `crud-test-flag-${++flagSeq}`;
    const filters = { groups: [cohortCondition(cohortId)], multivariate: null, payloads: {} };
    return h.standin.state
      .table(1, 'feature_flags')
      .insert(flagRow(h.standin.state, { key, name: opts.name, filters, active: opts.active }));
  }
  async function create(name: string, extra: Record<string, unknown> = {}) {
    const out = await h.json<CohortAnswer>('create_cohort', {
      name,
      filters: personFilter('email', 'icontains', '@example.com'),
      ...extra,
    });
    return out.id;
  }
  const raw = <T = RawCohort>(method: string, path: string, body?: unknown) => h.raw<T>(method, path, body);

  it('list_cohorts: newest first, with size, criteria in words and a link', async () => {
    const out = await h.call<ListAnswer<CohortAnswer>>('list_cohorts', {});
    if (!out.isError) out.data = withLinks(out.data);
    assert.equal(out.isError, false, out.text);
    assert.equal(out.data.count, live().length);
    const created = out.data.results.map((c) => table().get(c.id)!.created_at);
    assert.deepEqual(created, [...created].sort().reverse());
    for (const c of out.data.results) {
      assert.match(c.url, new RegExp(`^${h.standin.url}/project/1/cohorts/${c.id}$`));
      assert.equal(typeof c.is_static, 'boolean');
      if (!c.is_static) assert.ok(c.criteria, `dynamic cohort ${c.name} has criteria`);
      assert.equal(c.filters, undefined, 'full filters only in get_cohort');
    }
    const withCount = out.data.results.filter((c) => typeof c.count === 'number');
    assert.ok(withCount.length > 0);
    assert.ok(!hasNullNoise(out.text));
    // Legacy `groups` cohorts are described too (PostHog turns them into filters).
    const legacy = live().find((c) => c.groups?.length && !c.filters);
    if (legacy) assert.ok(out.data.results.find((c) => c.id === legacy.id)?.criteria);
  });

  it('list_cohorts search: name substrings first, then similar names (typos)', async () => {
    const target = live().find((c) => !c.is_static)!;
    const word = String(target.name).split(' ')[0];
    const exact = await h.call<ListAnswer<CohortAnswer>>('list_cohorts', { search: word.toLowerCase() });
    assert.equal(exact.data.results[0].id, target.id);
    assert.equal(h.standin.requestsTo('/api/projects/1/cohorts', 'GET').at(-1)!.query.search, word.toLowerCase());

    // drop one letter from each word: still found
    const typo = String(target.name)
      .split(' ')
      .map((w) => (w.length > 3 ? w.slice(0, 1) + w.slice(2) : w))
      .join(' ');
    const fuzzy = await h.call<ListAnswer<CohortAnswer>>('list_cohorts', { search: typo });
    assert.ok(
      fuzzy.data.results.some((c) => c.id === target.id),
      `"${typo}" finds "${target.name}"`,
    );
    const none = await h.call<ListAnswer<CohortAnswer>>('list_cohorts', { search: 'zzqxj' });
    assert.deepEqual(none.data.results, []);
    assert.equal(none.data.count, 0);
  });

  it('create_cohort counts the matching persons and returns the criteria', async () => {
    const persons = h.standin.state.table(1, 'persons');
    for (let i = 0; i < 3; i++) {
      persons.insert({
        uuid: randomUUID(),
        distinct_ids: [`crud-${i}`],
        properties: { crud_marker: 'vip', email: `vip${i}@example.org` },
        created_at: new Date().toISOString(),
        is_identified: true,
      });
    }
    persons.insert({
      uuid: randomUUID(),
      distinct_ids: ['crud-x'],
      properties: { crud_marker: 'regular' },
      created_at: new Date().toISOString(),
      is_identified: true,
    });
    const expected = persons.all().filter((p) => p.properties?.crud_marker === 'vip').length;

    const filters = personFilter('crud_marker', 'exact', ['vip']);
    const out = await h.json<CohortAnswer>('create_cohort', { name: 'VIPs', description: 'Hand-picked', filters });
    assert.equal(out.count, expected);
    assert.equal(out.is_static, false);
    assert.equal(out.criteria, 'crud_marker = "vip"');
    assert.deepEqual(out.filters, filters);
    assert.match(out.url, new RegExp(`/project/1/cohorts/${out.id}$`));
    assert.deepEqual(h.standin.requestsTo('/api/projects/1/cohorts', 'POST').at(-1)!.body, {
      name: 'VIPs',
      description: 'Hand-picked',
      filters,
    });
    const row = table().get(out.id)!;
    assert.equal(row.name, 'VIPs');
    assert.deepEqual(row.filters, filters);
  });

  it('create_cohort with legacy groups, or as an empty static cohort', async () => {
    const groups = [{ properties: [{ key: 'plan', value: 'premium', operator: 'exact', type: 'person' }] }];
    const legacy = await h.json<CohortAnswer>('create_cohort', { name: 'Premium (legacy)', groups });
    assert.equal(legacy.criteria, 'plan = "premium"');
    assert.deepEqual(table().get(legacy.id)!.groups, groups);

    const list = await h.json<CohortAnswer>('create_cohort', { name: 'Conference leads', is_static: true });
    assert.equal(list.is_static, true);
    assert.equal(list.count, 0);
    assert.equal(list.criteria, undefined);
  });

  it("create_cohort: PostHog's validation of the criteria reaches the caller", async () => {
    const before = table().all().length;
    const out = await h.error('create_cohort', {
      name: 'Broken',
      filters: { properties: { type: 'OR', values: [{ type: 'AND', values: [{ type: 'person', key: 'email' }] }] } },
    });
    assert.match(out, /Missing required keys for person filter: value, operator/);
    assert.match(out, /'filters'/);
    const shapeless = await h.call<CohortAnswer>('create_cohort', { name: 'Broken', filters: { type: 'OR' } });
    assert.match(shapeless.text, /Must contain a 'properties' key with type and values/);
    assert.equal(table().all().length, before, 'nothing was created');
  });

  it('get_cohort returns the full criteria; a missing cohort is not found', async () => {
    const c = live().find((x) => !x.is_static && x.filters)!;
    const out = await h.json<CohortAnswer>('get_cohort', { cohort_id: c.id });
    assert.deepEqual(out.filters, c.filters);
    assert.equal(out.name, c.name);
    const missing = await h.error('get_cohort', { cohort_id: 999999 });
    assert.match(missing, /cohort 999999 was not found/);
  });

  it('update_cohort sends only the given fields; new criteria are recounted', async () => {
    const id = await create('Renamable', { description: 'Keep me' });
    const out = await h.call<CohortAnswer>('update_cohort', { cohort_id: id, name: 'Renamed' });
    assert.equal(out.isError, false, out.text);
    assert.deepEqual(h.standin.requestsTo(`/api/projects/1/cohorts/${id}/`, 'PATCH').at(-1)!.body, { name: 'Renamed' });
    assert.equal(table().get(id)!.name, 'Renamed');
    assert.equal(table().get(id)!.description, 'Keep me', 'omitted fields are untouched');

    const persons = h.standin.state.table(1, 'persons').all();
    const expected = persons.filter((p) => p.properties?.crud_marker === 'regular').length;
    assert.ok(expected > 0);
    const re = await h.json<CohortAnswer>('update_cohort', { cohort_id: id, filters: personFilter('crud_marker', 'exact', 'regular') });
    assert.equal(re.count, expected);
    assert.equal(re.criteria, 'crud_marker = "regular"');
    assert.equal(table().get(id)!.name, 'Renamed');

    const missing = await h.call<CohortAnswer>('update_cohort', { cohort_id: 999999, name: 'x' });
    assert.match(missing.text, /cohort 999999 was not found/);
  });

  it('update_cohort sends legacy groups as the filters PostHog reads first, so the change takes effect', async () => {
    // A cohort made in PostHog's UI has filters; PostHog then ignores groups (Cohort.properties,
    // posthog/models/cohort/cohort.py), so the groups go out translated the same way.
    const made = await h.json<CohortAnswer>('create_cohort', { name: 'UI-made', filters: personFilter('crud_marker', 'exact', ['vip']) });
    const groups = [{ properties: [{ key: 'crud_marker', value: 'regular', operator: 'exact' }] }, { action_id: 7, days: 30 }];
    const out = await h.json<CohortAnswer>('update_cohort', { cohort_id: made.id, groups });
    const sent = h.standin.requestsTo(`/api/projects/1/cohorts/${made.id}/`, 'PATCH').at(-1)!.body;
    assert.equal(sent.groups, undefined, 'groups are not sent as such');
    assert.deepEqual(sent.filters, {
      properties: {
        type: 'OR',
        values: [
          { type: 'AND', values: [{ key: 'crud_marker', value: 'regular', operator: 'exact', type: 'person' }] },
          {
            type: 'AND',
            values: [
              {
                key: 7,
                type: 'behavioral',
                value: 'performed_event',
                event_type: 'actions',
                time_interval: 'day',
                time_value: 30,
                operator_value: 0,
              },
            ],
          },
        ],
      },
    });
    assert.match(out.criteria ?? '', /crud_marker = "regular"/, 'the answer shows the new criteria, not the old');
    assert.doesNotMatch(out.criteria ?? '', /vip/);

    const both = await h.error('update_cohort', { cohort_id: made.id, groups, filters: personFilter('a', 'exact', 'b') });
    assert.match(both, /not both/);
    const unreadable = await h.error('update_cohort', { cohort_id: made.id, groups: [{ days: 3 }] });
    assert.match(unreadable, /groups\[0\] has no properties, action_id or event_id/);
  });

  it('delete_cohort is a soft delete by PATCH; the cohort leaves the list but stays readable', async () => {
    const id = await create('Short-lived');
    const out = await h.call('delete_cohort', { cohort_id: id });
    assert.equal(out.isError, false, out.text);
    assert.deepEqual(out.data, { id, name: 'Short-lived', deleted: true });
    assert.deepEqual(h.standin.requestsTo(`/api/projects/1/cohorts/${id}/`, 'PATCH').at(-1)!.body, { deleted: true });
    assert.equal(h.standin.requestsTo(`/api/projects/1/cohorts/${id}/`, 'DELETE').length, 0, 'no DELETE is sent');
    assert.equal(table().get(id)!.deleted, true);
    const list = await h.call<ListAnswer<CohortAnswer>>('list_cohorts', { limit: 100 });
    assert.ok(!list.data.results.some((c) => c.id === id));
    const got = await h.call<CohortAnswer>('get_cohort', { cohort_id: id });
    assert.equal(got.data.deleted, true);
  });

  it('delete_cohort: PostHog refuses while an active feature flag targets the cohort, and names the flag', async () => {
    const id = await create('Flag audience');
    const flag = insertFlag(id);
    const out = await h.error('delete_cohort', { cohort_id: id });
    assert.match(
      out,
      new RegExp(
        `This cohort is used in 1 active feature flag\\(s\\): ${flag.key}\\. Please remove the cohort from these feature flags before deleting it\\.`,
      ),
    );
    assert.equal(table().get(id)!.deleted, false, 'nothing was deleted');

    // A flag's name, when it has one, is what PostHog shows.
    const named = insertFlag(id, { name: 'Beta rollout' });
    const twice = await h.call('delete_cohort', { cohort_id: id });
    assert.match(twice.text, new RegExp(`used in 2 active feature flag\\(s\\): ${flag.key}, Beta rollout\\.`));

    // Inactive or deleted flags do not hold the cohort.
    flag.active = false;
    named.deleted = true;
    const ok = await h.call('delete_cohort', { cohort_id: id });
    assert.equal(ok.isError, false, ok.text);
    assert.equal(table().get(id)!.deleted, true);
  });

  it('delete_cohort: refused while another cohort uses it, or a flag uses it through another cohort', async () => {
    const base = await create('Base audience');
    const wrapper = await h.call<CohortAnswer>('create_cohort', { name: 'Wrapper audience', filters: cohortRef(base) });
    assert.equal(wrapper.isError, false, wrapper.text);
    assert.equal(wrapper.data.criteria, `in cohort ${base}`);

    const byCohort = await h.error('delete_cohort', { cohort_id: base });
    assert.match(
      byCohort,
      /This cohort is used as criteria in 1 other cohort\(s\): Wrapper audience\. Please remove this cohort from those cohort definitions before deleting it\./,
    );

    const flag = insertFlag(wrapper.data.id);
    const byFlag = await h.call('delete_cohort', { cohort_id: base });
    assert.match(
      byFlag.text,
      new RegExp(`used in 1 active feature flag\\(s\\): ${flag.key}\\.`),
      'the flag reaches it through the wrapper',
    );
    assert.equal(table().get(base)!.deleted, false);
  });

  it('update_cohort: a loop between cohorts, and behavioral criteria on a flag audience, are refused', async () => {
    const a = await create('Loop A');
    const b = (await h.call<CohortAnswer>('create_cohort', { name: 'Loop B', filters: cohortRef(a) })).data.id;
    const loop = await h.call<CohortAnswer>('update_cohort', { cohort_id: a, filters: cohortRef(b) });
    assert.equal(loop.isError, true);
    assert.match(loop.text, /Cohorts cannot reference other cohorts in a loop\./);
    assert.deepEqual(table().get(a)!.filters, personFilter('email', 'icontains', '@example.com'), 'unchanged');

    insertFlag(a);
    const behavioral = {
      properties: {
        type: 'OR',
        values: [
          {
            type: 'AND',
            values: [
              { type: 'behavioral', key: 'logged_in', value: 'performed_event', event_type: 'events', time_value: 7, time_interval: 'day' },
            ],
          },
        ],
      },
    };
    const refused = await h.error('update_cohort', { cohort_id: a, filters: behavioral });
    assert.match(refused, /Behavioral filters cannot be added to cohorts used in feature flags\./);
  });

  describeRefusals(
    'bad input is rejected before anything is sent',
    () => h,
    [
      ['create_cohort', { name: 'No criteria' }, /give filters or groups/],
      ['create_cohort', { name: '', filters: personFilter('a', 'exact', 'b') }, /name/],
      ['create_cohort', { name: 'x', filters: 'plan = premium' }, /filters/],
      ['update_cohort', { cohort_id: 1 }, /at least one of/],
      ['delete_cohort', { cohort_id: 0 }, /cohort_id/],
      ['list_cohorts', { search: 'x'.repeat(201) }, /search/],
    ],
    { saysNothingWasSent: true },
  );

  it('stand-in: DELETE 405, search over 200 characters, static cohorts keep their criteria', async () => {
    const id = await create('Stand-in checks');
    const del = await raw('DELETE', `/api/projects/1/cohorts/${id}/`);
    assert.deepEqual([del.status, del.text], [405, '']);
    const long = await raw('GET', `/api/projects/1/cohorts/?search=${'y'.repeat(201)}`);
    assert.deepEqual([long.status, long.json.attr, long.json.detail], [400, 'search', 'Search query must be 200 characters or fewer.']);
    const basic = await raw<{ results: CohortAnswer[]; count: number }>('GET', '/api/projects/1/cohorts/?basic=true&limit=1');
    assert.equal(basic.json.results[0].filters, undefined);
    assert.equal(typeof basic.json.count, 'number');

    const st = await raw('POST', '/api/projects/1/cohorts/', {
      name: 'Static with criteria',
      is_static: true,
      filters: personFilter('email', 'is_set', null),
    });
    assert.equal(st.status, 201);
    const edit = await raw('PATCH', `/api/projects/1/cohorts/${st.json.id}/`, { filters: personFilter('email', 'icontains', 'x') });
    assert.equal(edit.status, 400);
    assert.equal(edit.json.detail, 'Editing the criteria of a static cohort is not supported yet. Create a new static cohort instead.');
    const dynQuery = await raw('POST', '/api/projects/1/cohorts/', { name: 'Q', query: { kind: 'HogQLQuery', query: 'select 1' } });
    assert.equal(dynQuery.json.detail, 'Cannot create a dynamic cohort with a query. Set is_static to true.');
  });
});
