import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import { startStandin } from '../standin/server';
import {
  FeatureFlagsModel,
  describeFilters,
  describeProperty,
  flagKeyProblem,
  flagRollout,
  rolloutProblem,
  type FlagRow,
} from '../../src/views/model/featureFlags';
import { refreshViewsOnChange, viewsForToolset } from '../../src/views/model/routing';
import type { NodeDesc, TreeNode } from '../../src/views/model/node';
import { PROJECT, byKind, labels, nextEvent, registryWithKey } from './helpers';

describe('Feature Flags tree model', () => {
  let h: Harness;
  let model: FeatureFlagsModel;
  let liveFlags: number;

  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());
  beforeEach(() => {
    h.standin.faults.clear();
    liveFlags = h.standin.state
      .table(1, 'feature_flags')
      .all()
      .filter((f) => !f.deleted).length;
    model = new FeatureFlagsModel({ tools: h.registry, projectName: () => PROJECT, pageSize: 10 });
  });

  /** The node of one seeded flag, from a model filtered to its key. */
  async function flag(key: string): Promise<{ node: TreeNode; model: FeatureFlagsModel }> {
    const m = new FeatureFlagsModel({ tools: h.registry, pageSize: 100 });
    m.setSearch(key);
    const node = byKind(await m.children(), 'flag').find((n) => n.label === key);
    assert.ok(node, `flag ${key} is listed`);
    return { node, model: m };
  }

  it('lists flags by key, with the rollout summary as description and Load more', async () => {
    const nodes = await model.children();
    const flags = byKind(nodes, 'flag');
    assert.equal(flags.length, 10);
    for (const f of flags) {
      assert.equal(f.label, (f.data as FlagRow).key);
      assert.equal(f.description, (f.data as FlagRow).rollout);
      assert.match(f.url!, new RegExp(`^${h.standin.url}/project/1/feature_flags/\\d+$`));
      assert.ok(f.collapsible === undefined, 'flags are leaves');
    }
    const more = nodes.at(-1)!;
    assert.equal(more.kind, 'loadMore');
    assert.equal(more.description, `10 of ${liveFlags}`);
    assert.equal(more.command?.command, 'posthog.flags.loadMore');
  });

  it("summaries, icons and contextValues follow each flag's state and filters", async () => {
    const cases: Array<[string, string, boolean]> = [
      ['file-previews', '50%', true],
      ['storage-warning-banner', '50% matching', true],
      ['pricing-page-experiment', '2 variants', true],
      ['signup-button-color', '3 variants', true],
      ['maintenance-mode', 'nobody', true],
      ['legacy-file-viewer', '100%', false],
    ];
    for (const [key, summary, active] of cases) {
      const { node: n, model } = await flag(key);
      assert.equal(n.description, summary, key);
      assert.equal(n.icon?.id, active ? 'circle-large-filled' : 'circle-large-outline', key);
      assert.equal(n.icon?.color, active ? 'testing.iconPassed' : 'disabledForeground', key);
      assert.equal(n.contextValue, active ? 'posthog.flag.active' : 'posthog.flag.inactive', key);
      assert.match(n.accessibilityLabel!, new RegExp(`${key}, ${active ? 'active' : 'inactive'}`));
      assert.match(model.rowTooltip(n)!, active ? /Active/ : /Inactive/);
    }
  });

  it("the tooltip shows the flag's release conditions, variants and payloads (fetched on hover)", async () => {
    const { node: banner, model: m } = await flag('storage-warning-banner');
    const before = h.standin.requestsTo('/feature_flags/', 'GET').length;
    const tip = (await m.resolveTooltip(banner))!;
    assert.match(tip, /\*\*Release conditions\*\*/);
    assert.match(tip, /50% of matching users where plan = "free"/);
    assert.match(tip, /Warn free users close to their storage limit/);
    await m.resolveTooltip(banner);
    assert.equal(h.standin.requestsTo('/feature_flags/', 'GET').length, before + 1, 'fetched once, then cached');

    const pricing = await flag('pricing-page-experiment');
    const tip2 = (await pricing.model.resolveTooltip(pricing.node))!;
    assert.match(tip2, /\*\*Variants:\*\* `control` 50% · `test` 50%/);

    const nobody = await flag('maintenance-mode');
    const tip3 = (await nobody.model.resolveTooltip(nobody.node))!;
    assert.match(tip3, /none \(served to nobody\)/);
  });

  it('describes conditions in words', () => {
    assert.equal(
      describeProperty({ key: 'email', type: 'person', operator: 'icontains', value: '@acme.com' }),
      'email contains "@acme.com"',
    );
    assert.equal(
      describeProperty({ key: 'plan', type: 'person', operator: 'exact', value: ['pro', 'enterprise'] }),
      'plan = "pro" or "enterprise"',
    );
    assert.equal(describeProperty({ key: 'id', type: 'cohort', operator: 'in', value: 4 }), 'in cohort 4');
    assert.equal(describeProperty({ key: 'beta', type: 'person', operator: 'is_set' }), 'beta is set');
    const lines = describeFilters({
      groups: [
        { properties: [], rollout_percentage: null },
        { properties: [{ key: 'country', operator: 'exact', value: 'DE' }], rollout_percentage: 20, variant: 'test' },
      ],
      payloads: { true: '{"a":1}' },
    });
    assert.deepEqual(
      lines.filter((l) => /^\d\./.test(l)),
      ['1. 100% of all users', '2. 20% of matching users where country = "DE" → variant `test`'],
    );
    assert.ok(lines.some((l) => l.includes('**Payloads for:** `true`')));
  });

  it('filters by key: only matching flags, the filter in the empty text, and back', async () => {
    const refreshed = nextEvent(model.onDidRefresh);
    model.setSearch('checkout');
    assert.equal(await refreshed, 'featureFlags');
    const flags = byKind(await model.children(), 'flag');
    assert.ok(flags.length > 0);
    for (const f of flags) {
      const row = f.data as FlagRow;
      assert.ok(`${row.key} ${row.name ?? ''}`.toLowerCase().includes('checkout'), row.key);
    }
    const list = h.standin.requestsTo('/feature_flags', 'GET').at(-1)!;
    assert.equal(list.query.search, 'checkout', 'the search is sent to PostHog');

    model.setSearch('zzz-no-such-flag');
    const empty = await model.children();
    assert.equal(empty.length, 1);
    assert.equal(empty[0].kind, 'empty');
    assert.equal(empty[0].label, `No feature flags matching "zzz-no-such-flag" in ${PROJECT}`);
    assert.equal(empty[0].command?.command, 'posthog.flags.filter');

    model.setSearch('');
    assert.equal(byKind(await model.children(), 'flag').length, 10);
  });

  it('Load more pages through every flag without duplicates', async () => {
    await model.children();
    while (model.root.hasMore) await model.loadMore();
    const nodes = await model.children();
    const flags = byKind(nodes, 'flag');
    assert.equal(flags.length, liveFlags);
    assert.equal(new Set(flags.map((f) => f.id)).size, flags.length);
    assert.equal(byKind(nodes, 'loadMore').length, 0);
  });

  it('Load more keeps the loaded nodes (same objects) and builds only the new page; tooltips are built when read', async () => {
    /** Counts the rows the model turns into nodes. */
    class CountingModel extends FeatureFlagsModel {
      built = 0;
      protected override itemNode(f: FlagRow): NodeDesc {
        this.built++;
        return super.itemNode(f);
      }
    }
    const m = new CountingModel({ tools: h.registry, projectName: () => PROJECT, pageSize: 10 });
    const first = byKind(await m.children(), 'flag');
    assert.equal(first.length, 10);
    assert.equal(m.built, 10);
    assert.ok(
      first.every((n) => n.tooltip === undefined),
      'no tooltip built yet: the view asks on hover',
    );

    // The view asks for the children again (expanding, a redraw): nothing is rebuilt.
    const again = byKind(await m.children(), 'flag');
    assert.ok(again.every((n, i) => n === first[i]));
    assert.equal(m.built, 10);

    for (let page = 2; page <= 3; page++) {
      await m.loadMore();
      const nodes = await m.children();
      const flags = byKind(nodes, 'flag');
      assert.equal(flags.length, page * 10, 'the count grows by one page');
      assert.equal(m.built, page * 10, 'only the new page was built');
      for (let i = 0; i < first.length; i++) assert.equal(flags[i], first[i], `row ${i} keeps its node object`);
      assert.deepEqual(
        flags.slice(0, 10).map((n) => n.id),
        first.map((n) => n.id),
      );
      assert.equal(new Set(flags.map((n) => n.id)).size, flags.length);
      assert.equal(nodes.at(-1)!.description, `${page * 10} of ${liveFlags}`);
      assert.deepEqual(m.items, flags);
    }

    // A tooltip is built when first asked for, then kept.
    const tip = m.rowTooltip(first[0])!;
    assert.match(tip, new RegExp(`\\*\\*${(first[0].data as FlagRow).key.replace(/[-_]/g, '\\\\$&')}\\*\\*`));
    assert.equal(m.rowTooltip(first[0]), tip);
    assert.equal(m.built, 30, 'reading a tooltip builds no node');

    // A refresh reloads the rows into the same node objects (the view keeps selection and expansion).
    m.refresh();
    const reloaded = byKind(await m.children(), 'flag');
    assert.equal(reloaded.length, 30, 'a refresh keeps how much was loaded');
    for (let i = 0; i < first.length; i++)
      assert.equal(
        reloaded.find((n) => n.id === first[i].id),
        first[i],
      );
    assert.equal(m.built, 60, 'rebuilt once each from the fresh rows');

    // A narrower reload (a filter) forgets the nodes of rows no longer loaded.
    const key = (first[0].data as FlagRow).key;
    m.setSearch(key);
    const filtered = byKind(await m.children(), 'flag');
    assert.ok(filtered.some((n) => n.id === first[0].id));
    const dropped = first.filter((n) => !filtered.some((f) => f.id === n.id));
    assert.ok(dropped.length > 0);
    for (const n of dropped) assert.equal(m.node(n.id), undefined, `${n.id} forgotten`);
    assert.equal(m.node(first[0].id), first[0], 'a row still loaded keeps its node');
    m.dispose();
  });

  it('a failing Load more keeps what was loaded and offers Retry', async () => {
    await model.children();
    h.standin.faults.add({ path: '/feature_flags', status: 500, times: 5 });
    await model.loadMore();
    const nodes = await model.children();
    assert.equal(byKind(nodes, 'flag').length, 10);
    const err = nodes.at(-1)!;
    assert.equal(err.kind, 'error');
    assert.match(err.label, /Could not list feature flags: PostHog had a server error \(500\)/);
    assert.equal(err.command?.command, 'posthog.flags.loadMore');
    h.standin.faults.clear();
    await model.loadMore();
    assert.equal(byKind(await model.children(), 'flag').length, 20);
  });

  it('a 500 shows an error node with the message and Retry; a 401 adds Sign in again', async () => {
    h.standin.faults.add({ path: '/feature_flags', status: 500, times: 5 });
    const nodes = await model.children();
    assert.equal(nodes.length, 1);
    assert.equal(nodes[0].kind, 'error');
    assert.match(nodes[0].label, /PostHog had a server error \(500\)/);
    assert.equal(nodes[0].command?.command, 'posthog.flags.refresh');
    h.standin.faults.clear();
    model.refresh(nodes[0]);
    assert.equal(byKind(await model.children(), 'flag').length, 10);

    h.standin.faults.add({
      path: '/feature_flags',
      status: 401,
      body: {
        type: 'authentication_error',
        code: 'authentication_failed',
        detail: 'Personal API key found in request Authorization header is invalid.',
        attr: null,
      },
      times: 1,
    });
    model.refresh();
    const auth = await model.children();
    assert.match(auth[0].label, /rejected the personal API key \(401\)/);
    assert.deepEqual(
      auth.map((n) => n.kind),
      ['error', 'signIn'],
    );
  });

  it('an empty project says "No feature flags in <project>"', async () => {
    const standin = await startStandin({ seed: 'empty' });
    try {
      const m = new FeatureFlagsModel({ tools: registryWithKey(standin.url, standin.key), projectName: () => PROJECT });
      const nodes = await m.children();
      assert.deepEqual(labels(nodes), [`No feature flags in ${PROJECT}`]);
      assert.equal(nodes[0].command?.command, 'posthog.flags.create');
    } finally {
      await standin.close();
    }
  });

  it('toggle, create and delete go through the tools; the view refreshes and shows the new state', async () => {
    const m = new FeatureFlagsModel({ tools: h.registry, pageSize: 100 });
    const stop = refreshViewsOnChange(h.registry, { featureFlags: m });
    try {
      m.setSearch('referral-program');
      const before = byKind(await m.children(), 'flag')[0];
      assert.equal(before.contextValue, 'posthog.flag.inactive');
      const id = (before.data as FlagRow).id;

      let refreshed = nextEvent(m.onDidRefresh);
      await m.toggle(before.data as FlagRow);
      await refreshed;
      assert.equal(h.standin.state.table(1, 'feature_flags').get(id)?.active, true);
      const patch = h.standin.requestsTo(`/feature_flags/${id}`, 'PATCH').at(-1)!;
      assert.deepEqual(patch.body, { active: true }, 'only `active` is sent');
      const after = byKind(await m.children(), 'flag')[0];
      assert.equal(after, before, 'same node object');
      assert.equal(after.contextValue, 'posthog.flag.active');
      assert.equal(after.icon?.id, 'circle-large-filled');

      refreshed = nextEvent(m.onDidRefresh);
      const created = await m.create({ key: 'vscode-created-flag', name: 'Made in VS Code', rollout_percentage: 30, active: true });
      await refreshed;
      assert.equal(flagRollout(created), '30%', 'a created flag has its filters, which the view puts into words');
      m.setSearch('vscode-created-flag');
      const node = byKind(await m.children(), 'flag')[0];
      assert.equal(node.label, 'vscode-created-flag');
      assert.equal(node.description, '30%');

      refreshed = nextEvent(m.onDidRefresh);
      await m.delete(created);
      await refreshed;
      assert.equal(h.standin.state.table(1, 'feature_flags').get(created.id)?.deleted, true);
      assert.equal(h.standin.requestsTo(`/feature_flags/${created.id}`, 'DELETE').length, 0, 'a soft delete');
      assert.equal(byKind(await m.children(), 'flag').length, 0);
    } finally {
      stop();
    }
  });

  it('an experiment (which creates a flag) refreshes the Feature Flags view', () => {
    assert.deepEqual(viewsForToolset('experiments'), ['featureFlags', 'staleFlags']);
    assert.deepEqual(viewsForToolset('feature_flags'), ['featureFlags', 'staleFlags']);
    assert.deepEqual(viewsForToolset('insights'), ['dashboards']);
    assert.deepEqual(viewsForToolset('mcp_store'), ['mcp']);
    assert.deepEqual(viewsForToolset('events'), []);
  });

  it("checks a new flag's key and rollout before sending", () => {
    assert.equal(flagKeyProblem('new-checkout_2'), undefined);
    assert.match(flagKeyProblem('has space')!, /Only letters, numbers, hyphens/);
    assert.match(flagKeyProblem('')!, /Enter a key/);
    assert.equal(rolloutProblem('50'), undefined);
    assert.equal(rolloutProblem('50%'), undefined);
    assert.equal(rolloutProblem(''), undefined);
    assert.match(rolloutProblem('150')!, /0 to 100/);
    assert.match(rolloutProblem('abc')!, /0 to 100/);
  });
});
