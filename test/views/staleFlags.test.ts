/** The Stale Flags view's model: groups from list_stale_flags, flags, references, the cleanup prompt, delete. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StaleFlagsModel, branchToKeep, cleanupPrompt, staleGroups, type StaleFlag } from '../../src/views/model/staleFlags';
import type { ToolRunner } from '../../src/views/model/base';

/** As list_stale_flags gives them: "file:line:column". */
const refs = (_key: string, ...places: Array<[string, number]>) => places.map(([file, line]) => `${file}:${line}:5`);

/** list_stale_flags' answer: the referenced flags with their status and references, and the unreferenced flags. */
const ANSWER = {
  results: [
    { key: 'new-nav', status: 'active', references: refs('new-nav', ['src/nav.ts', 3]) },
    {
      key: 'dark-mode',
      id: 4,
      status: 'fully_rolled_out',
      reason: 'Everyone gets the flag: a condition set without properties rolls out to 100%',
      references: refs('dark-mode', ['src/theme.ts', 3], ['src/app.tsx', 12]),
    },
    {
      key: 'pricing-test',
      id: 5,
      status: 'fully_rolled_out',
      reason: 'Everyone gets the variant "annual"',
      references: refs('pricing-test', ['src/pricing.ts', 30]),
    },
    { key: 'old-banner', id: 9, status: 'inactive', references: refs('old-banner', ['src/banner.tsx', 8]) },
    { key: 'gone-flag', id: 11, status: 'deleted', references: refs('gone-flag', ['api/views.py', 40]) },
    { key: 'new-chekout', status: 'unknown', references: refs('new-chekout', ['src/checkout.ts', 2]) },
  ],
  unreferenced: ['two-factor-enforcement', { key: 'web-vitals-tracking', id: 17, created_at: '2026-01-02T00:00:00Z' }],
};

function runner(answer: unknown, calls: Array<[string, unknown]> = []): ToolRunner {
  return {
    run(name, args) {
      calls.push([name, args]);
      if (name === 'list_stale_flags') return Promise.resolve(answer);
      if (name === 'list_feature_flags')
        return Promise.resolve({
          results: [
            { id: 3, key: 'two-factor-enforcement-old' },
            { id: 21, key: 'two-factor-enforcement' },
          ],
        });
      if (name === 'delete_feature_flag') return Promise.resolve({ deleted: true });
      return Promise.reject(new Error(`unexpected ${name}`));
    },
  };
}

describe('Stale Flags model', () => {
  it('groups the stale flags in the order people act on them; active flags are not stale', () => {
    const groups = staleGroups(ANSWER);
    assert.deepEqual(
      groups.map((g) => [g.status, g.flags.map((f) => f.key)]),
      [
        ['fully_rolled_out', ['dark-mode', 'pricing-test']],
        ['inactive', ['old-banner']],
        ['deleted', ['gone-flag']],
        ['unknown', ['new-chekout']],
        ['unreferenced', ['two-factor-enforcement', 'web-vitals-tracking']],
      ],
    );
    assert.equal(groups[4].flags[1].id, 17);
    assert.equal(groups[0].flags[1].variant, 'annual', 'the rolled-out variant, from the reason');
    assert.deepEqual(groups[0].flags[0].references[1], { file: 'src/app.tsx', line: 12, column: 5, key: 'dark-mode', call: '' });
    assert.deepEqual(staleGroups({ flags: [], unreferenced: [] }), []);
    assert.deepEqual(staleGroups(null), []);
  });

  it('shows groups with counts, flags with their references, and offers delete only with no reference left', async () => {
    const model = new StaleFlagsModel({ tools: runner(ANSWER), projectName: () => 'Hedgebox' }, { pathOf: (f) => `/ws/${f}` });
    const groups = await model.children();
    assert.deepEqual(
      groups.map((g) => `${g.label} (${g.description})`),
      ['Fully rolled out (2)', 'Off for everyone (1)', 'Deleted (1)', 'Unknown (1)', 'Unreferenced in code (>30 days) (2)'],
    );
    assert.ok(groups.every((g) => g.collapsible === 'expanded'));
    const [dark] = await model.children(groups[0]);
    assert.equal(dark.label, 'dark-mode');
    assert.equal(dark.description, '2 refs');
    assert.equal(dark.contextValue, 'posthog.staleFlag');
    assert.deepEqual(
      (await model.children(dark)).map((r) => [r.label, r.command?.args?.[0]]),
      [
        ['src/theme.ts:3', { path: '/ws/src/theme.ts', line: 3, column: 6, length: 9 }],
        ['src/app.tsx:12', { path: '/ws/src/app.tsx', line: 12, column: 6, length: 9 }],
      ],
    );
    const unreferenced = await model.children(groups[4]);
    assert.deepEqual(
      unreferenced.map((f) => [f.label, f.contextValue, f.collapsible]),
      [
        ['two-factor-enforcement', 'posthog.staleFlag.deletable', undefined],
        ['web-vitals-tracking', 'posthog.staleFlag.deletable', undefined],
      ],
    );
  });

  it('says so when nothing is stale', async () => {
    const model = new StaleFlagsModel({
      tools: runner({ results: [], unreferenced: [] }),
      projectName: () => 'Hedgebox',
    });
    const [empty] = await model.children();
    assert.equal(empty.kind, 'empty');
    assert.equal(empty.label, 'No stale flags in Hedgebox');
  });

  it('shows a failing list_stale_flags as its error, with Retry', async () => {
    const model = new StaleFlagsModel({
      tools: { run: () => Promise.reject(new Error('Could not list feature flags: PostHog is unreachable.')) },
    });
    const [err] = await model.children();
    assert.equal(err.kind, 'error');
    assert.match(err.label, /PostHog is unreachable/);
    assert.equal(err.command?.command, 'posthog.staleFlags.refresh');
  });

  it('writes a cleanup prompt naming the flag, the branch to keep and the files', () => {
    const [dark] = staleGroups(ANSWER)[0].flags;
    const prompt = cleanupPrompt(dark);
    assert.match(prompt, /"dark-mode"/);
    assert.match(prompt, /PostHog says: Everyone gets the flag/);
    assert.match(cleanupPrompt(staleGroups(ANSWER)[0].flags[1]), /Keep the branch for variant "annual"/);
    assert.match(prompt, /Keep the enabled branch/);
    assert.match(prompt, /- src\/theme\.ts \(line 3\)\n- src\/app\.tsx \(line 12\)/);
    const twice: Pick<StaleFlag, 'key' | 'status' | 'references'> = {
      key: 'x',
      status: 'inactive',
      references: [...dark.references, { ...dark.references[0], line: 9 }],
    };
    assert.match(cleanupPrompt(twice), /src\/theme\.ts \(lines 3, 9\)/);
    assert.match(cleanupPrompt(twice), /Keep the disabled branch/);
    assert.match(branchToKeep({ status: 'fully_rolled_out', variant: 'test' }), /variant "test"/);
    assert.match(branchToKeep({ status: 'unknown' }), /typo/);
    assert.match(branchToKeep({ status: 'deleted' }), /disabled branch/);
  });

  it('deletes through delete_feature_flag, finding the id by exact key when the list had none', async () => {
    const calls: Array<[string, unknown]> = [];
    const model = new StaleFlagsModel({ tools: runner(ANSWER, calls) });
    await model.delete({ key: 'web-vitals-tracking', id: 17 });
    await model.delete({ key: 'two-factor-enforcement' });
    assert.deepEqual(
      calls.filter(([n]) => n === 'delete_feature_flag'),
      [
        ['delete_feature_flag', { flag_id: 17 }],
        ['delete_feature_flag', { flag_id: 21 }],
      ],
    );
    await assert.rejects(model.delete({ key: 'no-such-flag' }), /There is no feature flag "no-such-flag"/);
  });
});
