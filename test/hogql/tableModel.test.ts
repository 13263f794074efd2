import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rowWindow } from '../../src/insights/hogql/virtualWindow';
import { sortedOrder } from '../../src/insights/hogql/sortRows';

describe('results table windowing and sorting', () => {
  it('draws about a screenful of 10,000 rows wherever the scroll is', () => {
    const base = { rowCount: 10_000, rowHeight: 22, viewportHeight: 440, overscan: 5 };
    const top = rowWindow({ ...base, scrollTop: 0 });
    assert.deepEqual([top.first, top.last, top.offsetTop, top.totalHeight], [0, 26, 0, 220_000]);
    const mid = rowWindow({ ...base, scrollTop: 22 * 5000 });
    assert.deepEqual([mid.first, mid.last, mid.offsetTop], [4995, 5026, 4995 * 22]);
    const end = rowWindow({ ...base, scrollTop: 10_000_000 });
    assert.equal(end.last, 10_000);
    assert.ok(end.last - end.first <= 40);
  });

  it('a short result is drawn whole', () => {
    assert.deepEqual(rowWindow({ rowCount: 3, rowHeight: 22, viewportHeight: 440, scrollTop: 0 }), {
      first: 0,
      last: 3,
      offsetTop: 0,
      totalHeight: 66,
    });
  });

  it('sorts numbers as numbers, text naturally, nulls last both ways, ties in their order', () => {
    const rows = [
      [10, 'item 10'],
      [null, 'b'],
      [2, 'item 2'],
      [2, 'a'],
      [-1, null],
    ];
    assert.deepEqual(sortedOrder(rows, 0, 'asc'), [4, 2, 3, 0, 1]);
    assert.deepEqual(sortedOrder(rows, 0, 'desc'), [0, 2, 3, 4, 1]);
    assert.deepEqual(sortedOrder(rows, 1, 'asc'), [3, 1, 2, 0, 4]);
  });
});
