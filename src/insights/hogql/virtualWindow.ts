/**
 * Which rows a virtualised table draws: the ones in view plus a few above and below, so a
 * 10,000-row result keeps about a screenful of rows in the DOM whatever the scroll position.
 */
export interface RowWindow {
  /** First row index drawn. */
  first: number;
  /** One past the last row index drawn. */
  last: number;
  /** Height of the spacer above the drawn rows (px). */
  offsetTop: number;
  /** Height of all rows together (px): the scroll area's height. */
  totalHeight: number;
}

export function rowWindow(opts: {
  rowCount: number;
  rowHeight: number;
  scrollTop: number;
  viewportHeight: number;
  overscan?: number;
}): RowWindow {
  const { rowCount, rowHeight } = opts;
  const overscan = opts.overscan ?? 10;
  const totalHeight = rowCount * rowHeight;
  const maxTop = Math.max(0, totalHeight - opts.viewportHeight);
  const top = Math.min(Math.max(0, opts.scrollTop), maxTop);
  const visible = Math.ceil(Math.max(opts.viewportHeight, rowHeight) / rowHeight) + 1;
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.floor(top / rowHeight) + visible + overscan);
  return { first, last, offsetTop: first * rowHeight, totalHeight };
}
