import type { DateRange } from '../../insights/panelMessages';

/** A range in words, for the "Save to insight?" question. */
export function describeRange(range: DateRange): string {
  if (!('preset' in range)) return `the range ${range.from} to ${range.to}`;
  const n = /^-(\d+)([hd])$/.exec(range.preset);
  return n ? `the last ${n[1]} ${n[2] === 'h' ? 'hours' : 'days'}` : `the range ${range.preset}`;
}
