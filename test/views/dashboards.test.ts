import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import { startStandin } from '../standin/server';
import { addTile } from '../standin/routes/dashboards';
import { DashboardsModel } from '../../src/views/model/dashboards';
import { refreshViewsOnChange } from '../../src/views/model/routing';
import { PROJECT, byKind, labels, nextEvent, registryWithKey } from './helpers';

describe('Dashboards tree model', () => {
  let h: Harness;
  let model: DashboardsModel;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  beforeEach(() => {
    h.standin.faults.clear();
    model = new DashboardsModel({ tools: h.registry, projectName: () => PROJECT, pageSize: 3 });
  });

  it('lists pinned dashboards first, with icons, descriptions, links and a Load more node', async () => {
    const nodes = await model.children();
    const items = byKind(nodes, 'dashboard');
    assert.equal(items.length, 3);
    assert.deepEqual(labels(items.slice(0, 2)).sort(), ['Growth', 'Product analytics'], 'the two pinned dashboards come first');
    assert.deepEqual(
      items.map((n) => n.icon?.id),
      ['pinned', 'pinned', 'dashboard'],
    );
    assert.deepEqual(
      items.map((n) => n.contextValue),
      ['posthog.dashboard.pinned', 'posthog.dashboard.pinned', 'posthog.dashboard'],
    );
    const product = items.find((n) => n.label === 'Product analytics')!;
    assert.equal(product.description, 'Weekly active users, signups and retention at a glance');
    assert.equal(product.tooltip, undefined, 'no tooltip up front: the view asks on hover');
    assert.match(model.rowTooltip(product)!, /\*\*Product analytics\*\*/);
    assert.ok(model.fetchesTooltip(product), 'the full tooltip is fetched on hover');
    const before = h.standin.requestsTo('/dashboards/', 'GET').length;
    const tip = (await model.resolveTooltip(product))!;
    assert.match(tip, /\*\*Product analytics\*\* \$\(pinned\) pinned/);
    assert.match(tip, /Tags: `core`/, 'tags come with the dashboard on hover');
    assert.match(tip, /Dashboard \d+ · \d+ tiles · created by Ada Lovelace/);
    await model.resolveTooltip(product);
    assert.equal(h.standin.requestsTo('/dashboards/', 'GET').length, before + 1, 'fetched once, then cached');
    assert.match(items[0].url!, new RegExp(`^${h.standin.url}/project/1/dashboard/\\d+$`));
    assert.equal(items[0].collapsible, 'collapsed');
    const more = nodes.at(-1)!;
    assert.equal(more.kind, 'loadMore');
    assert.equal(more.label, 'Load more');
    assert.equal(more.description, '3 of 8');
    assert.equal(more.command?.command, 'posthog.dashboards.loadMore');
  });

  it('Load more appends the next pages until everything is shown', async () => {
    await model.children();
    const changes: unknown[] = [];
    model.onDidChange((n) => changes.push(n));
    const loading = model.loadMore();
    // While the page is on its way, the node says so.
    const during = await model.children();
    assert.equal(during.at(-1)!.label, 'Loading more…');
    assert.equal(during.at(-1)!.icon?.id, 'loading~spin');
    await loading;
    let nodes = await model.children();
    assert.equal(byKind(nodes, 'dashboard').length, 6);
    assert.equal(nodes.at(-1)!.description, '6 of 8');
    await model.loadMore();
    nodes = await model.children();
    assert.equal(byKind(nodes, 'dashboard').length, 8);
    assert.equal(byKind(nodes, 'loadMore').length, 0, 'no Load more once all are shown');
    assert.ok(changes.length >= 2, 'the view is told to redraw');
    assert.equal(new Set(nodes.map((n) => n.id)).size, nodes.length, 'ids are unique');
  });

  it('a dashboard expands to its tiles: insights with links, and text tiles', async () => {
    const insights = h.standin.state.table(1, 'insights');
    const a = insights.insert({
      short_id: 'abcDEF12',
      name: 'Weekly signups',
      description: 'Signups per week',
      saved: true,
      deleted: false,
      tags: [],
    });
    const b = insights.insert({
      short_id: 'ghiJKL34',
      name: '',
      derived_name: 'Pageview count',
      description: '',
      saved: true,
      deleted: false,
      tags: [],
    });
    const created = (await h.registry.run('create_dashboard', { name: 'Tiles test' })) as { id: number };
    const row = h.standin.state.table(1, 'dashboards').get(created.id)!;
    addTile(row, { insight_id: a.id as number });
    addTile(row, { insight_id: b.id as number });
    addTile(row, { text: 'Read me first.\nSecond line' });

    model = new DashboardsModel({ tools: h.registry, pageSize: 50 });
    const dash = (await model.children()).find((n) => n.label === 'Tiles test')!;
    const tiles = await model.children(dash);
    assert.deepEqual(labels(tiles), ['Weekly signups', 'Pageview count', 'Read me first. Second line']);
    assert.deepEqual(
      tiles.map((t) => t.kind),
      ['insight', 'insight', 'textTile'],
    );
    assert.deepEqual(
      tiles.map((t) => t.icon?.id),
      ['graph', 'graph', 'note'],
    );
    assert.equal(tiles[0].contextValue, 'posthog.insight');
    assert.equal(tiles[0].description, 'Signups per week');
    assert.equal(tiles[0].url, `${h.standin.url}/project/1/insights/abcDEF12`);
    assert.equal(tiles[0].parentId, dash.id);
    assert.equal(model.parent(tiles[0]), dash);
  });

  it('an empty dashboard says so', async () => {
    await h.registry.run('create_dashboard', { name: 'Nothing here yet' });
    model = new DashboardsModel({ tools: h.registry, pageSize: 50 });
    const dash = (await model.children()).find((n) => n.label === 'Nothing here yet')!;
    const tiles = await model.children(dash);
    assert.equal(tiles.length, 1);
    assert.equal(tiles[0].kind, 'empty');
    assert.equal(tiles[0].label, 'No insights on this dashboard');
  });

  it('a server error shows an error node with the message and Retry, and Retry recovers', async () => {
    h.standin.faults.add({ path: '/dashboards', status: 500, times: 5 });
    const nodes = await model.children();
    assert.equal(nodes.length, 1);
    const err = nodes[0];
    assert.equal(err.kind, 'error');
    assert.match(err.label, /Could not list dashboards: PostHog had a server error \(500\)/);
    assert.equal(err.icon?.id, 'error');
    assert.equal(err.contextValue, 'posthog.error');
    assert.equal(err.command?.command, 'posthog.dashboards.refresh');
    assert.equal(err.command?.args?.[0], err, 'Retry reloads the list the error belongs to');
    assert.ok(!/at .*\.ts:\d+/.test(err.tooltip!), 'no stack trace');
    h.standin.faults.clear();
    model.refresh(err);
    const again = await model.children();
    assert.equal(byKind(again, 'dashboard').length, 3);
  });

  it("an error loading a dashboard's tiles stays inside that dashboard", async () => {
    const dash = (await model.children())[0];
    h.standin.faults.add({ path: `/dashboards/${(dash.data as { id: number }).id}`, status: 500, times: 5 });
    const kids = await model.children(dash);
    assert.equal(kids[0].kind, 'error');
    assert.equal(kids[0].parentId, dash.id);
    h.standin.faults.clear();
    const fired = nextEvent(model.onDidChange);
    model.refresh(kids[0]);
    assert.equal(await fired, dash, 'only that dashboard is redrawn');
    const tiles = await model.children(dash);
    assert.ok(tiles.every((t) => t.kind !== 'error'));
  });

  it('a hover tooltip that cannot load its details keeps what the row says and tells why', async () => {
    const dash = byKind(await model.children(), 'dashboard')[0];
    h.standin.faults.add({ path: `/dashboards/${(dash.data as { id: number }).id}`, status: 500, times: 5 });
    const tip = (await model.resolveTooltip(dash))!;
    assert.match(tip, new RegExp(`\\*\\*${dash.label}\\*\\*`));
    assert.match(tip, /Could not load the details: Could not get dashboard \d+: PostHog had a server error/);
    assert.ok(!/at .*\.ts:\d+/.test(tip), 'no stack trace');
  });

  it('a rejected key (401) shows the message and a Sign in again node', async () => {
    const bad = new DashboardsModel({ tools: registryWithKey(h.standin.url, 'phx_not_a_real_key_0000000000000000000000000'), pageSize: 3 });
    const nodes = await bad.children();
    assert.equal(nodes[0].kind, 'error');
    assert.match(nodes[0].label, /rejected the personal API key \(401\)/);
    assert.ok(!nodes[0].label.includes('phx_not_a_real_key'), 'the key is never shown');
    assert.equal(nodes[1].kind, 'signIn');
    assert.equal(nodes[1].command?.command, 'posthog.signIn');
  });

  it('signed out: no nodes, so the welcome content with Sign In shows', async () => {
    let signedIn = false;
    const m = new DashboardsModel({ tools: h.registry, isSignedIn: () => signedIn });
    const before = h.standin.requests.length;
    assert.deepEqual(await m.children(), []);
    assert.equal(h.standin.requests.length, before, 'nothing is requested');
    signedIn = true;
    m.reset();
    assert.ok((await m.children()).length > 0);
  });

  it('node objects stay the same across refreshes (the view keeps expansion)', async () => {
    const first = (await model.children())[0];
    model.refresh();
    const again = (await model.children())[0];
    assert.equal(again, first);
  });

  it('a refresh keeps as many dashboards as were loaded', async () => {
    await model.children();
    await model.loadMore();
    assert.equal(byKind(await model.children(), 'dashboard').length, 6);
    model.refresh();
    assert.equal(byKind(await model.children(), 'dashboard').length, 6);
  });

  it('create and delete go through the tools, and the view refreshes from the change event', async () => {
    const m = new DashboardsModel({ tools: h.registry, pageSize: 50 });
    const stop = refreshViewsOnChange(h.registry, { dashboards: m });
    try {
      await m.children();
      const refreshed = nextEvent(m.onDidRefresh);
      const created = await m.create({ name: 'Q3 launch', description: 'Launch metrics' });
      assert.equal(await refreshed, 'dashboards');
      assert.equal(h.standin.state.table(1, 'dashboards').get(created.id)?.name, 'Q3 launch');
      assert.ok(labels(await m.children()).includes('Q3 launch'));

      const refreshedAgain = nextEvent(m.onDidRefresh);
      await m.delete(created);
      await refreshedAgain;
      assert.equal(h.standin.state.table(1, 'dashboards').get(created.id)?.deleted, true);
      assert.ok(!labels(await m.children()).includes('Q3 launch'));
    } finally {
      stop();
    }
  });

  it("an agent's change through the MCP server refreshes the view too (same registry)", async () => {
    const m = new DashboardsModel({ tools: h.registry, pageSize: 50 });
    const stop = refreshViewsOnChange(h.registry, { dashboards: m });
    try {
      await m.children();
      const refreshed = nextEvent(m.onDidRefresh);
      const out = await h.call('create_dashboard', { name: 'Made by an agent' });
      assert.equal(out.isError, false, out.text);
      await refreshed;
      assert.ok(labels(await m.children()).includes('Made by an agent'));
      // Read-only tools change nothing and refresh nothing.
      let fired = false;
      const sub = m.onDidRefresh(() => (fired = true));
      await h.call('list_dashboards', {});
      sub.dispose();
      assert.equal(fired, false);
    } finally {
      stop();
    }
  });

  it('an empty project says "No dashboards in <project>"', async () => {
    const standin = await startStandin({ seed: 'empty' });
    try {
      const m = new DashboardsModel({ tools: registryWithKey(standin.url, standin.key), projectName: () => PROJECT });
      const nodes = await m.children();
      assert.equal(nodes.length, 1);
      assert.equal(nodes[0].kind, 'empty');
      assert.equal(nodes[0].label, `No dashboards in ${PROJECT}`);
      assert.equal(nodes[0].command?.command, 'posthog.dashboards.create');
    } finally {
      await standin.close();
    }
  });
});

describe('Dashboards tree model: refresh while loading', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('a view request that was loading when a refresh came answers with the fresh list, never a false "empty"', async () => {
    const model = new DashboardsModel({ tools: h.registry, pageSize: 50 });
    h.standin.faults.add({ path: '/dashboards', delayMs: 150, times: 1 });
    const pending = model.children();
    await new Promise((r) => setTimeout(r, 20));
    model.refresh();
    const nodes = await pending;
    assert.equal(byKind(nodes, 'empty').length, 0);
    assert.equal(byKind(nodes, 'dashboard').length, 8);
  });

  it("the same for an item's children", async () => {
    const model = new DashboardsModel({ tools: h.registry, pageSize: 50 });
    const dash = (await model.children()).find((n) => n.label === 'Product analytics')!;
    h.standin.faults.add({ path: `/dashboards/${(dash.data as { id: number }).id}`, delayMs: 150, times: 1 });
    const pending = model.children(dash);
    await new Promise((r) => setTimeout(r, 20));
    model.refresh(dash);
    const tiles = await pending;
    assert.equal(byKind(tiles, 'empty').length, 0);
    assert.ok(tiles.some((t) => t.kind === 'textTile'));
  });
});
