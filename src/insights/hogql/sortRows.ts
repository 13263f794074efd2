/** Sorting a result by one column, as the results panel's column headers do. */

export type SortDirection = 'asc' | 'desc';

/**
 * Row indexes ordered by column `col`: numbers numerically, everything else by text (numeric-aware,
 * so "item 2" < "item 10"); null and undefined last in either direction; ties keep their order.
 */
export function sortedOrder(rows: unknown[][], col: number, direction: SortDirection): number[] {
  const order = rows.map((_r, i) => i);
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'asc' ? 1 : -1;
  order.sort((a, b) => {
    const x = rows[a][col];
    const y = rows[b][col];
    const xNull = x === null || x === undefined;
    const yNull = y === null || y === undefined;
    if (xNull || yNull) return xNull === yNull ? a - b : xNull ? 1 : -1;
    let c: number;
    if (typeof x === 'number' && typeof y === 'number') c = x - y;
    else c = collator.compare(typeof x === 'object' ? JSON.stringify(x) : String(x), typeof y === 'object' ? JSON.stringify(y) : String(y));
    return c === 0 ? a - b : c * sign;
  });
  return order;
}
