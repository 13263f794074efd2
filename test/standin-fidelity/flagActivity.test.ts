/**
 * Feature flag activity as PostHog logs and serves it (products/feature_flags/backend/activity_logging.py,
 * the `all_activity` action of the flag viewset): created / updated / deleted / restored entries
 * with the flag's key as `detail.name`, newest first, paged by limit/page, behind `activity_log:read`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startApi, type Api } from './helpers';

let api: Api;
before(async () => {
  api = await startApi();
});
after(() => api.s.close());

interface Entry {
  id: number;
  activity: string;
  scope: string;
  item_id: string;
  detail: { name: string; changes: { field: string; before: unknown; after: unknown }[] | null };
  user: { email: string } | null;
  created_at: string;
}

const activity = async (query = '') => (await api.call('GET', api.project(`feature_flags/activity/${query}`))).json;

describe('feature flag activity', () => {
  it('logs create, update, delete and restore, each named by the key, newest first', async () => {
    const created = await api.call('POST', api.project('feature_flags/'), { key: 'fid-activity' });
    assert.equal(created.status, 201);
    const id = created.json.id as number;
    await api.call('PATCH', api.project(`feature_flags/${id}/`), { active: false });
    await api.call('PATCH', api.project(`feature_flags/${id}/`), { deleted: true });
    await api.call('PATCH', api.project(`feature_flags/${id}/`), { deleted: false });
    const page = await activity('?limit=4');
    const mine = (page.results as Entry[]).filter((e) => e.item_id === String(id));
    assert.deepEqual(
      mine.map((e) => e.activity),
      ['restored', 'deleted', 'updated', 'created'],
    );
    assert.ok(mine.every((e) => e.scope === 'FeatureFlag' && e.detail.name === 'fid-activity'));
    assert.deepEqual(
      mine[1].detail.changes!.map((c) => [c.field, c.before, c.after]),
      [['deleted', false, true]],
    );
    assert.deepEqual(
      mine[2].detail.changes!.map((c) => [c.field, c.before, c.after]),
      [['active', true, false]],
    );
    assert.equal(mine[0].user?.email, api.s.state.users.get(1)!.email, "by the key's user");
  });

  it('the seeded deleted flag has its deletion logged, older than the session', async () => {
    const all: Entry[] = [];
    for (let page = 1; ; page++) {
      const p = await activity(`?limit=100&page=${page}`);
      all.push(...p.results);
      if (!p.next) break;
    }
    const old = all.filter((e) => e.detail.name === 'old-sharing-dialog');
    assert.deepEqual(
      old.map((e) => e.activity),
      ['deleted', 'created'],
    );
    const times = all.map((e) => Date.parse(e.created_at));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
      'newest first',
    );
  });

  it('pages with limit (default 10) and page (default 1), in PostHog envelope', async () => {
    const first = await activity();
    assert.deepEqual(Object.keys(first).sort(), ['next', 'previous', 'results', 'total_count']);
    assert.equal(first.results.length, 10);
    assert.equal(first.previous, null);
    assert.match(first.next, /page=2/);
    const second = await activity('?page=2');
    assert.notEqual(second.results[0].id, first.results[0].id);
    assert.match(second.previous, /page=1/);
    const last = await activity(`?limit=10&page=${Math.ceil(first.total_count / 10)}`);
    assert.equal(last.next, null);
  });

  it('needs activity_log:read: a key with only feature_flag scopes gets 403', async () => {
    const key = 'phx_fidelity_flags_only_' + '0'.repeat(20);
    api.s.state.keys.set(key, { key, label: 'flags only', userId: 1, scopes: ['feature_flag:write'] });
    const res = await api.call('GET', api.project('feature_flags/activity/'), undefined, key);
    assert.equal(res.status, 403);
    assert.match(res.json.detail, /activity_log:read/);
    assert.equal((await api.call('GET', api.project('feature_flags/'), undefined, key)).status, 200);
  });
});
