/** The editor's caches against the stand-in: what they load, how often they ask, and what they keep when PostHog fails. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../../helpers/harness';
import { ingestEvent } from '../../standin/analytics';
import { EventVolumeCache } from '../../../src/views/model/code/eventVolume';
import { FlagCache } from '../../../src/views/model/code/flagCache';
import { FlagDetails } from '../../../src/views/model/code/flagDetails';
import { flagStatus } from '../../../src/views/model/code/flagStatus';
import { refreshViewsOnChange } from '../../../src/views/model/routing';
import { scanSource } from '../../../src/code';
import { diagnose } from '../../../src/views/model/code/diagnostics';
import { inlineLabel } from '../../../src/views/model/code/flagStatus';
import { missingScopeBody } from '../../standin/core';

describe('editor caches', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ scale: { flags: 250 } });
  });
  after(() => h.close());

  it('loads every flag once (all pages), then answers from the cache', async () => {
    h.standin.requests.length = 0;
    const cache = new FlagCache({ tools: h.registry, isSignedIn: () => true });
    const [a, b] = await Promise.all([cache.get(), cache.get()]);
    assert.equal(a, b);
    assert.equal(a.status, 'loaded');
    if (a.status !== 'loaded') return;
    assert.ok(a.flags.has('new-onboarding-flow') && a.flags.has('scale-flag-00250'), 'the first and the last page');
    const sent = () => h.standin.requestsTo('/feature_flags', 'GET').length;
    const listPages = h.standin.requestsTo('/feature_flags', 'GET').filter((r) => !r.path.includes('/activity')).length;
    assert.equal(listPages, Math.ceil(a.flags.size / 100));
    const pages = sent();
    await cache.get();
    await cache.get();
    assert.equal(sent(), pages, 'no request for a cache hit');
    assert.deepEqual(flagStatus(a, 'file-previews'), { kind: 'on', flag: a.flags.get('file-previews') });
    // Deleted before this session: the list leaves it out, the activity log tells.
    assert.deepEqual(flagStatus(a, 'old-sharing-dialog'), { kind: 'deleted' });
    assert.equal(a.deletedUnknown, undefined);
  });

  it('a failed load keeps the error (never "unknown"), and the next reader tries again', async () => {
    const cache = new FlagCache({ tools: h.registry, isSignedIn: () => true });
    h.standin.faults.add({ path: '/feature_flags', status: 500, times: 10 });
    const failed = await cache.get();
    h.standin.faults.clear();
    assert.equal(failed.status, 'error');
    assert.equal(flagStatus(failed, 'file-previews').kind, 'error');
    if (failed.status === 'error') assert.match(failed.error, /feature flags/i);
    const again = await cache.get();
    assert.equal(again.status, 'loaded');
  });

  it('opening a file with 200 flag references asks PostHog nothing once the flag list is cached', async () => {
    const cache = new FlagCache({ tools: h.registry, isSignedIn: () => true });
    const loaded = await cache.get();
    if (loaded.status !== 'loaded') throw new Error('flags did not load');
    const keys = [...loaded.flags.keys()];
    const lines = ["import posthog from 'posthog-js'"];
    for (let i = 0; i < 200; i++)
      lines.push(`if (posthog.isFeatureEnabled('${i % 10 === 9 ? `missing-${i}` : keys[i % keys.length]}')) show(${i})`);
    h.standin.requests.length = 0;
    // What the editor does on open (src/vscode/code/diagnostics.ts, inline.ts): scan, ask the cache, diagnose, label each key.
    const refs = scanSource(lines.join('\n'), 'src/big.ts').references;
    assert.equal(refs.length, 200);
    const state = cache.state.status === 'loading' ? await cache.get() : cache.state;
    const found = diagnose(refs, state, { status: 'idle' });
    const labels = refs.map((r) => inlineLabel(flagStatus(state, r.key)));
    assert.equal(found.filter((d) => /missing-/.test(d.message)).length, 20, 'the unknown keys are flagged');
    assert.equal(labels.filter(Boolean).length, 200, 'every key has its label');
    assert.deepEqual(h.standin.requests, [], 'no request to PostHog');
  });

  it('without activity_log:read the flags still load; deleted keys read as unknown, with the reason', async () => {
    const cache = new FlagCache({ tools: h.registry, isSignedIn: () => true });
    h.standin.faults.add({
      path: 're:/feature_flags/activity/?$',
      status: 403,
      times: 1,
      body: missingScopeBody('activity_log:read'),
    });
    const state = await cache.get();
    assert.equal(state.status, 'loaded');
    if (state.status !== 'loaded') return;
    assert.equal(flagStatus(state, 'file-previews').kind, 'on');
    const status = flagStatus(state, 'old-sharing-dialog');
    assert.equal(status.kind, 'unknown');
    assert.match(status.kind === 'unknown' ? (status.deletedUnknown ?? '') : '', /activity_log:read/);
    // The next load reads the log again.
    assert.equal(flagStatus(await cache.reload(), 'old-sharing-dialog').kind, 'deleted');
  });

  it('a flag deleted then restored in PostHog (not through a tool) is on again after a reload', async () => {
    const cache = new FlagCache({ tools: h.registry, isSignedIn: () => true });
    const id = h.standin.state
      .table(1, 'feature_flags')
      .all()
      .find((f) => f.key === 'bulk-upload')!.id;
    await h.raw('PATCH', `/api/projects/1/feature_flags/${id}/`, { deleted: true });
    assert.equal(flagStatus(await cache.get(), 'bulk-upload').kind, 'deleted');
    await h.raw('PATCH', `/api/projects/1/feature_flags/${id}/`, { deleted: false });
    assert.equal(flagStatus(await cache.reload(), 'bulk-upload').kind, 'on');
  });

  it('signed out: says so and sends nothing', async () => {
    h.standin.requests.length = 0;
    const cache = new FlagCache({ tools: h.registry, isSignedIn: () => false });
    assert.deepEqual(await cache.get(), { status: 'signedOut' });
    assert.equal(h.standin.requests.length, 0);
  });

  it('reloads when a flag tool changes something, whoever called it; a deleted flag shows as deleted', async () => {
    const cache = new FlagCache({ tools: h.registry, isSignedIn: () => true });
    const stop = refreshViewsOnChange(h.registry, {});
    const unsubscribe = h.registry.onDidChange((e) => cache.handleChange(e));
    await cache.get();
    const created = await h.json<{ id: number }>('create_feature_flag', { key: 'editor-cache-flag', active: false });
    await new Promise((r) => setTimeout(r, 50));
    const afterCreate = await cache.get();
    assert.equal(flagStatus(afterCreate, 'editor-cache-flag').kind, 'off');
    await h.call('delete_feature_flag', { flag_id: created.id });
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(flagStatus(await cache.get(), 'editor-cache-flag').kind, 'deleted');
    unsubscribe();
    stop();
  });

  it('hover details: one get_feature_flag per flag and one experiment list for all flags, only when asked', async () => {
    h.standin.requests.length = 0;
    const details = new FlagDetails(h.registry);
    const cache = new FlagCache({ tools: h.registry, isSignedIn: () => true });
    const state = await cache.get();
    if (state.status !== 'loaded') throw new Error('flags did not load');
    assert.equal(h.standin.requestsTo('/experiments').length, 0, 'nothing before a hover');
    const id = state.flags.get('file-previews')!.id;
    for (let i = 0; i < 3; i++) {
      const d = await details.detail(id);
      assert.ok(d.ok && Array.isArray(d.value.filters.groups));
      await details.experimentsOf('file-previews');
      await details.experimentsOf('pricing-page-experiment');
    }
    assert.equal(h.standin.requestsTo(`/feature_flags/${id}`, 'GET').length, 1);
    assert.equal(h.standin.requestsTo('/experiments', 'GET').length, 1);
    const linked = await details.experimentsOf('signup-button-color');
    assert.ok(linked.ok && linked.value.some((e) => e.name === 'Sign-up button colour'), 'an experiment is found by its flag key');
  });

  it('event volume: one HogQL query for all the events, per day, cached', async () => {
    const team = h.standin.team();
    const now = Date.now();
    // Today (UTC), even just after midnight.
    const today = Math.max(now - 60_000, Math.floor(now / 86_400_000) * 86_400_000);
    for (let i = 0; i < 3; i++)
      ingestEvent(h.standin.state, team, { event: 'editor_vol_a', distinct_id: `u${i}`, timestamp: new Date(today).toISOString() });
    ingestEvent(h.standin.state, team, {
      event: 'editor_vol_b',
      distinct_id: 'u9',
      timestamp: new Date(now - 2 * 86_400_000).toISOString(),
    });
    h.standin.requests.length = 0;
    const volumes = new EventVolumeCache({ tools: h.registry });
    await Promise.all([volumes.ensure(['editor_vol_a', 'editor_vol_b', 'editor_vol_none']), volumes.ensure(['editor_vol_a'])]);
    await volumes.ensure(['editor_vol_b']);
    assert.equal(h.standin.requestsTo('/query', 'POST').length, 1, 'one query for every event, the second ask waits for it');
    const a = volumes.get('editor_vol_a');
    assert.ok(a?.status === 'loaded');
    if (a?.status === 'loaded') assert.deepEqual(a.volume, { total: 3, days: [0, 0, 0, 0, 0, 0, 3] });
    const b = volumes.get('editor_vol_b');
    if (b?.status === 'loaded') assert.equal(b.volume.total, 1);
    assert.deepEqual(volumes.get('editor_vol_none'), { status: 'loaded', volume: { total: 0, days: [0, 0, 0, 0, 0, 0, 0] } });
  });
});
