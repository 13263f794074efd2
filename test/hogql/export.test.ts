import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rowAsText, toCsv, toJson } from '../../src/insights/hogql/export';

describe('HogQL result export', () => {
  it('CSV quotes what needs quoting, writes JSON for objects and nothing for null', () => {
    const csv = toCsv(
      ['event', 'count()', 'props'],
      [
        ['$pageview', 3, { a: 1 }],
        ['say "hi", then\nleave', null, [1, 2]],
      ],
    );
    assert.equal(csv, 'event,count(),props\r\n$pageview,3,"{""a"":1}"\r\n"say ""hi"", then\nleave",,"[1,2]"\r\n');
  });

  it('CSV keeps formulas as text but negative numbers as numbers', () => {
    assert.equal(toCsv(['x'], [['=HYPERLINK("x")'], [-5], ['@sum']]), 'x\r\n"\'=HYPERLINK(""x"")"\r\n-5\r\n"\'@sum"\r\n');
  });

  it('JSON is an array of objects keyed by column, a repeated column name kept apart', () => {
    assert.deepEqual(JSON.parse(toJson(['a', 'b', 'a'], [[1, null, 3]])), [{ a: 1, b: null, a_2: 3 }]);
    assert.equal(toJson(['a'], []), '[]\n');
  });

  it('a copied row is tab-separated on one line', () => {
    assert.equal(rowAsText(['a\tb', null, 2, { k: 'v' }, 'x\ny']), 'a b\tnull\t2\t{"k":"v"}\tx y');
  });
});
