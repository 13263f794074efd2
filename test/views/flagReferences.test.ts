/** The Feature Flags view with the workspace's code: reference counts, references as children, following the code. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import { FeatureFlagsModel, type FlagRow } from '../../src/views/model/featureFlags';
import type { CodeReferenceSource } from '../../src/views/model/codeRefs';
import type { CodeReference } from '../../src/code/types';
import { byKind } from './helpers';

/** A workspace index of fixed references that can change, like the live one. */
class FakeCode implements CodeReferenceSource {
  private listeners = new Set<() => void>();
  constructor(public refs: CodeReference[]) {}
  references(filter: { kind?: string; key?: string } = {}): CodeReference[] {
    return this.refs.filter((r) => (!filter.kind || r.kind === filter.kind) && (filter.key === undefined || r.key === filter.key));
  }
  counts(kind: string): Map<string, number> {
    const m = new Map<string, number>();
    for (const r of this.refs) if (r.kind === kind) m.set(r.key, (m.get(r.key) ?? 0) + 1);
    return m;
  }
  pathOf(file: string): string {
    return `/ws/${file}`;
  }
  onDidChange(l: () => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  fire(): void {
    for (const l of this.listeners) l();
  }
}

const ref = (key: string, file: string, line: number, kind: 'flag' | 'event' = 'flag'): CodeReference => ({
  kind,
  key,
  file,
  line,
  column: 20,
  call: 'useFeatureFlagEnabled',
  language: 'typescript',
  start: 0,
  end: key.length,
});

describe('Feature Flags view: references in the workspace', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  async function flagNodes(code: FakeCode) {
    const model = new FeatureFlagsModel({ tools: h.registry, pageSize: 100 }, code);
    const nodes = byKind(await model.children(), 'flag');
    const byKey = (key: string) => nodes.find((n) => n.label === key)!;
    return { model, nodes, byKey };
  }

  it("shows each flag's reference count in its description and expands to file:line rows that open the line", async () => {
    const code = new FakeCode([
      ref('dark-mode', 'src/theme.ts', 3),
      ref('dark-mode', 'src/app.tsx', 12),
      ref('dark-mode', 'src/app.tsx', 40),
      ref('search-v2', 'api/search.py', 7),
      ref('dark-mode', 'src/track.ts', 1, 'event'),
    ]);
    const { model, byKey } = await flagNodes(code);
    const dark = byKey('dark-mode');
    assert.equal(dark.description, `3 refs · ${(dark.data as FlagRow).rollout}`);
    assert.equal(dark.collapsible, 'collapsed');
    assert.match(dark.accessibilityLabel!, /3 refs in the workspace/);
    assert.equal(byKey('search-v2').description?.startsWith('1 ref · '), true);
    const bulk = byKey('bulk-upload');
    assert.equal(bulk.description, (bulk.data as FlagRow).rollout, 'no references: the rollout alone');
    assert.equal(bulk.collapsible, undefined, 'no references: a leaf');

    const children = await model.children(dark);
    assert.deepEqual(
      children.map((c) => c.label),
      ['src/theme.ts:3', 'src/app.tsx:12', 'src/app.tsx:40'],
    );
    assert.equal(children[1].kind, 'codeReference');
    assert.equal(children[1].command?.command, 'posthog.code.openReference');
    assert.deepEqual(children[1].command?.args, [{ path: '/ws/src/app.tsx', line: 12, column: 21, length: 'dark-mode'.length }]);
  });

  it('follows the code without asking PostHog again', async () => {
    const code = new FakeCode([ref('dark-mode', 'src/theme.ts', 3)]);
    const { model, byKey } = await flagNodes(code);
    await model.children(byKey('dark-mode'));
    const before = h.standin.requests.length;
    let changed = 0;
    model.onDidChange(() => changed++);
    code.refs = [ref('dark-mode', 'src/theme.ts', 3), ref('dark-mode', 'src/new.ts', 9), ref('bulk-upload', 'src/upload.ts', 2)];
    code.fire();
    assert.equal(changed, 1, 'the view is told once');
    const nodes = byKind(await model.children(), 'flag');
    const dark = nodes.find((n) => n.label === 'dark-mode')!;
    assert.match(dark.description!, /^2 refs · /);
    assert.deepEqual(
      (await model.children(dark)).map((c) => c.label),
      ['src/theme.ts:3', 'src/new.ts:9'],
    );
    const bulk = nodes.find((n) => n.label === 'bulk-upload')!;
    assert.equal(bulk.collapsible, 'collapsed');
    assert.equal(h.standin.requests.length, before, 'no request to PostHog');
    model.dispose();
  });
});
