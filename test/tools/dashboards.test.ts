import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasNullNoise } from '../helpers/noise';
import { startHarness, type Harness } from '../helpers/harness';
import { withLinks } from '../helpers/links';
import type { ListAnswer } from '../helpers/answers';

interface TileAnswer {
  insight_id?: number;
  url: string;
}

interface DashboardAnswer {
  id: number;
  name: string;
  pinned?: boolean;
  deleted?: boolean;
  url: string;
  tiles: TileAnswer[];
}

describe('dashboards tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('list_dashboards returns pinned dashboards first, with links and paging info', async () => {
    const out = await h.call<ListAnswer<DashboardAnswer>>('list_dashboards', { limit: 3 });
    if (!out.isError) out.data = withLinks(out.data);
    assert.equal(out.isError, false, out.text);
    assert.equal(out.data.count, 8);
    assert.equal(out.data.has_more, true);
    assert.equal(out.data.next_offset, 3);
    assert.deepEqual(
      out.data.results.map((d) => d.pinned === true),
      [true, true, false],
    );
    assert.match(out.data.results[0].url, new RegExp(`^${h.standin.url}/project/1/dashboard/\\d+$`));
    assert.ok(!hasNullNoise(out.text), 'no null noise');
  });

  it('list_dashboards searches by name', async () => {
    const out = await h.call<ListAnswer<DashboardAnswer>>('list_dashboards', { search: 'revenue' });
    assert.deepEqual(
      out.data.results.map((d) => d.name),
      ['Revenue'],
    );
  });

  it('create, get, update and soft-delete a dashboard', async () => {
    const created = await h.json<DashboardAnswer>('create_dashboard', {
      name: 'Launch week',
      description: 'Launch metrics',
      tags: ['launch'],
    });
    const id = created.id;
    assert.equal(h.standin.state.table(1, 'dashboards').get(id)?.name, 'Launch week');

    const got = await h.call<DashboardAnswer>('get_dashboard', { dashboard_id: id });
    assert.equal(got.data.name, 'Launch week');
    assert.deepEqual(got.data.tiles, []);

    const updated = await h.call<DashboardAnswer>('update_dashboard', { dashboard_id: id, pinned: true });
    assert.equal(updated.data.pinned, true);
    const patch = h.standin.requestsTo(`/dashboards/${id}`, 'PATCH').at(-1)!;
    assert.deepEqual(patch.body, { pinned: true }, 'only the given field is sent');
    assert.equal(h.standin.state.table(1, 'dashboards').get(id)?.description, 'Launch metrics', 'omitted fields are untouched');

    const deleted = await h.call<DashboardAnswer>('delete_dashboard', { dashboard_id: id });
    assert.equal(deleted.data.deleted, true);
    assert.equal(h.standin.requestsTo(`/dashboards/${id}`, 'DELETE').length, 0, 'no DELETE is sent');
    assert.equal(h.standin.state.table(1, 'dashboards').get(id)?.deleted, true);
    const list = await h.call<ListAnswer<DashboardAnswer>>('list_dashboards', { search: 'Launch week' });
    assert.equal(list.data.results.length, 0);
  });

  it('get_dashboard lists its insight tiles with links', async () => {
    const out = await h.json<DashboardAnswer>('get_dashboard', { dashboard_id: 1 });
    const insightTiles = out.tiles.filter((t) => t.insight_id);
    for (const t of insightTiles) assert.match(t.url, /\/insights\/\w+$/);
  });

  it('get_dashboard of a missing dashboard says it was not found', async () => {
    const out = await h.error('get_dashboard', { dashboard_id: 999999 });
    assert.match(out, /dashboard 999999 was not found/);
  });

  it('collaborators: add to a restricted dashboard, then list', async () => {
    const bob = h.standin.state.users.get(2)!;
    const added = await h.json<{ level: number }>('add_dashboard_collaborator', { dashboard_id: 2, user_uuid: bob.uuid });
    assert.equal(added.level, 37);
    const list = await h.call<ListAnswer<{ email: string }>>('list_dashboard_collaborators', { dashboard_id: 2 });
    assert.deepEqual(
      list.data.results.map((c) => c.email),
      ['bob@hedgebox.net'],
    );
    const again = await h.error('add_dashboard_collaborator', { dashboard_id: 2, user_uuid: bob.uuid });
    assert.match(again, /already is a collaborator/);
  });

  it('collaborators on an unrestricted dashboard: PostHog refuses, and the reason reaches the caller', async () => {
    const bob = h.standin.state.users.get(2)!;
    const out = await h.error('add_dashboard_collaborator', { dashboard_id: 1, user_uuid: bob.uuid });
    assert.match(out, /lowest restriction level/);
  });

  it('get_dashboard_sharing reports a never-shared dashboard as not shared', async () => {
    const out = await h.call<{ enabled: boolean; public_url?: string }>('get_dashboard_sharing', { dashboard_id: 1 });
    assert.equal(out.data.enabled, false);
    assert.equal(out.data.public_url, undefined);
  });

  it('bad input is rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const out = await h.error('update_dashboard', { dashboard_id: 'abc', name: 'x' });
    assert.match(out, /dashboard_id/);
    const none = await h.error('update_dashboard', { dashboard_id: 1 });
    assert.match(none, /at least one of/);
    assert.equal(h.standin.requests.length, before);
  });
});
