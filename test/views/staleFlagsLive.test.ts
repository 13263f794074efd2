/**
 * The Stale Flags and Feature Flags views over a live index of a real folder (the scanner's
 * scanTree and scanSource), with list_stale_flags and the stand-in's seeded flags: the groups,
 * following an edit, and deleting a flag once no code references it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { startHarness, type Harness } from '../helpers/harness';
import { WORKSPACE_FILES, makeCodeWorkspace } from '../helpers/codeWorkspace';
import { scanSource, scanTree } from '../../src/code';
import { FileFilter } from '../../src/code/fileFilter';
import { LiveCodeIndex } from '../../src/code/liveIndex';
import { StaleFlagsModel } from '../../src/views/model/staleFlags';
import { FeatureFlagsModel } from '../../src/views/model/featureFlags';
import type { TreeNode } from '../../src/views/model/node';

describe('Stale Flags view over the live workspace index', () => {
  let h: Harness;
  let ws: { root: string; remove: () => void };
  let index: LiveCodeIndex;

  before(async () => {
    ws = makeCodeWorkspace();
    const filter = new FileFilter();
    index = new LiveCodeIndex({ scanSource, scanTree, accepts: (root, file) => filter.accepts(root, file) }, [ws.root], 0);
    await index.ready;
    h = await startHarness({ code: () => index });
  });
  after(async () => {
    index.dispose();
    await h.close();
    ws.remove();
  });

  async function groups(model: StaleFlagsModel): Promise<Record<string, TreeNode[]>> {
    const out: Record<string, TreeNode[]> = {};
    for (const g of await model.children()) out[g.label] = await model.children(g);
    return out;
  }
  const keys = (nodes: TreeNode[] | undefined) => (nodes ?? []).map((n) => n.label);

  it("groups the workspace's stale flags as PostHog reports them, each with its references", async () => {
    const model = new StaleFlagsModel({ tools: h.registry }, index);
    const g = await groups(model);
    // PostHog's flag list leaves deleted flags out; the flags' activity log tells old-sharing-dialog was deleted.
    assert.deepEqual(Object.keys(g), ['Fully rolled out', 'Off for everyone', 'Deleted', 'Unknown', 'Unreferenced in code (>30 days)']);
    assert.deepEqual(keys(g['Fully rolled out']), ['new-onboarding-flow']);
    assert.deepEqual(keys(g['Off for everyone']).sort(), ['legacy-file-viewer', 'public-folder-links']);
    assert.deepEqual(keys(g['Deleted']), ['old-sharing-dialog']);
    assert.deepEqual(keys(g['Unknown']), ['new-onbording-flow']);
    assert.ok(!keys(g['Unreferenced in code (>30 days)']).includes('file-previews'), 'referenced flags are not unreferenced');
    assert.ok(keys(g['Unreferenced in code (>30 days)']).includes('holiday-theme'));
    const onboarding = g['Fully rolled out'][0];
    assert.equal(onboarding.description, '2 refs');
    const refs = await model.children(onboarding);
    assert.deepEqual(
      refs.map((r) => [r.label, r.command?.args?.[0]]),
      [
        ['src/app.ts:5', { path: path.join(ws.root, 'src/app.ts'), line: 5, column: 33, length: 19 }],
        ['src/banner.tsx:4', { path: path.join(ws.root, 'src/banner.tsx'), line: 4, column: 37, length: 19 }],
      ],
    );
  });

  it('follows an edit that removes the last reference: the flag becomes unreferenced, deletable, and goes with delete_feature_flag', async () => {
    const app = path.join(ws.root, 'src/app.ts');
    const flags = new FeatureFlagsModel({ tools: h.registry, pageSize: 100 }, index);
    const legacyCount = async () => (await flags.children()).find((n) => n.label === 'legacy-file-viewer')?.description;
    assert.match((await legacyCount()) ?? '', /^1 ref · /);

    assert.equal(
      index.updateFile(app, WORKSPACE_FILES['src/app.ts'].replace("posthog.isFeatureEnabled('legacy-file-viewer')", 'false')),
      true,
    );
    await new Promise((r) => setTimeout(r, 10));
    assert.doesNotMatch((await legacyCount()) ?? '', /ref/, 'the Flags view dropped the count');

    const model = new StaleFlagsModel({ tools: h.registry }, index);
    const g = await groups(model);
    assert.ok(!keys(g['Off for everyone']).includes('legacy-file-viewer'));
    const legacy = g['Unreferenced in code (>30 days)'].find((n) => n.label === 'legacy-file-viewer');
    assert.ok(legacy, 'now unreferenced (210 days old)');
    assert.equal(legacy.contextValue, 'posthog.staleFlag.deletable');
    await model.delete(legacy.data as { key: string; id?: number });
    const row = h.standin.state
      .table(1, 'feature_flags')
      .all()
      .find((f) => f.key === 'legacy-file-viewer');
    assert.equal(row?.deleted, true, 'deleted in the stand-in');
  });
});
