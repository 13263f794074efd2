/** ReferenceIndex: the live index the editor keeps, one file at a time. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReferenceIndex, scanSource } from '../../src/code';

/** What the live index does with a file's text. */
const setFile = (index: ReferenceIndex, file: string, text: string) => index.setScan(file, scanSource(text, file));
const JS = (body: string) => `import posthog from 'posthog-js'\n${body}\n`;

describe('ReferenceIndex', () => {
  it('indexes files, answers by kind and key, and counts references per key', () => {
    const index = new ReferenceIndex();
    setFile(index, 'b.ts', JS(`posthog.isFeatureEnabled('nav')\nposthog.capture('open')`));
    setFile(index, 'a.ts', JS(`posthog.isFeatureEnabled('nav')\nposthog.isFeatureEnabled('beta')\nposthog.capture(name)`));
    assert.deepEqual(
      index.references({ kind: 'flag', key: 'nav' }).map((r) => `${r.file}:${r.line}`),
      ['a.ts:2', 'b.ts:2'],
    );
    assert.deepEqual(index.keys('flag'), ['beta', 'nav']);
    assert.deepEqual(index.keys('event'), ['open']);
    assert.equal(index.count('flag', 'nav'), 2);
    assert.deepEqual([...index.counts('flag')].sort(), [
      ['beta', 1],
      ['nav', 2],
    ]);
    assert.equal(index.references().length, 4);
    assert.deepEqual(
      index.dynamic().map((d) => `${d.file}:${d.line}`),
      ['a.ts:4'],
    );
  });

  it('follows edits, deletes and renames, and bumps version only on a real change', () => {
    const index = new ReferenceIndex();
    setFile(index, 'a.ts', JS(`posthog.isFeatureEnabled('nav')`));
    const v = index.version;
    assert.equal(setFile(index, 'a.ts', JS(`posthog.isFeatureEnabled('nav')`)), false, 'same text');
    assert.equal(index.version, v);
    assert.equal(setFile(index, 'a.ts', JS(`posthog.isFeatureEnabled('nav2')`)), true);
    assert.deepEqual(index.keys('flag'), ['nav2']);
    assert.equal(index.count('flag', 'nav'), 0);
    // rename: remove + set
    const text = JS(`posthog.isFeatureEnabled('nav2')`);
    index.removeFile('a.ts');
    setFile(index, 'b.ts', text);
    assert.deepEqual(
      index.references().map((r) => r.file),
      ['b.ts'],
    );
    assert.equal(index.removeFile('b.ts'), true);
    assert.equal(index.removeFile('b.ts'), false);
    assert.deepEqual(index.keys('flag'), []);
    assert.equal(index.fileCount, 0);
  });

  it('loads a tree scan grouped by file', () => {
    const a = scanSource(JS(`posthog.capture('x')`), 'a.ts');
    const b = scanSource(JS(`posthog.capture('x')\nposthog.capture(y)`), 'b.ts');
    const index = new ReferenceIndex();
    index.load({ references: [...a.references, ...b.references], dynamic: [...a.dynamic, ...b.dynamic] });
    assert.equal(index.count('event', 'x'), 2);
    assert.equal(index.file('b.ts').dynamic.length, 1);
    setFile(index, 'b.ts', '');
    assert.equal(index.count('event', 'x'), 1);
    assert.deepEqual(index.dynamic(), []);
  });
});
