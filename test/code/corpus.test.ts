/**
 * The corpus (test/corpus/): files in all six languages shaped like real PostHog SDK use, with
 * negatives (other libraries' same-named methods, a project's own capture()). Every expected
 * reference must be found where it is, nothing else may be, and precision/recall meet issue 12's bar.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { corpusFiles, dynamicCalls, expectedReferences, scoreCorpus } from '../corpus/measure';

describe('the corpus', () => {
  const score = scoreCorpus();

  it('is big enough to mean something: 30+ files in six languages, 150+ expected references', () => {
    const files = corpusFiles();
    assert.ok(files.length >= 30, `${files.length} files`);
    assert.deepEqual([...new Set(files.map((f) => f.split('/')[0]))].sort(), ['go', 'javascript', 'php', 'python', 'ruby', 'typescript']);
    assert.ok(expectedReferences().length >= 150, `${expectedReferences().length} references`);
  });

  it('finds every expected reference at its line and column', () => {
    assert.deepEqual(score.misses, [], `missed:\n${score.misses.join('\n')}`);
  });

  it('finds nothing that is not expected (negatives, comments, strings, own methods)', () => {
    assert.deepEqual(score.extras, [], `unexpected:\n${score.extras.join('\n')}`);
  });

  it('reports exactly the calls whose key is not a resolvable literal as dynamic', () => {
    const { expected, found } = dynamicCalls();
    assert.deepEqual(found, expected);
  });

  it('meets precision >= 0.98 and recall >= 0.95 for flags and for events', () => {
    for (const kind of ['flag', 'event'] as const) {
      const s = score[kind];
      assert.ok(s.precision >= 0.98, `${kind} precision ${s.precision.toFixed(3)}`);
      assert.ok(s.recall >= 0.95, `${kind} recall ${s.recall.toFixed(3)}`);
    }
  });
});
