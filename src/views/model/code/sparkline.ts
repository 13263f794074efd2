/** Seven days of counts as a line of block characters ("▁▃▅█▂▁▁"), for hovers and CodeLens. */

const BARS = '▁▂▃▄▅▆▇█';

export function sparkline(counts: readonly number[]): string {
  const max = Math.max(0, ...counts);
  if (max === 0) return BARS[0].repeat(counts.length);
  return counts.map((c) => (c <= 0 ? BARS[0] : BARS[Math.max(1, Math.round((c / max) * (BARS.length - 1)))])).join('');
}

/** 1234 → "1,234"; 1234567 → "1.2M". */
export function formatCount(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(n >= 10_000_000 ? 0 : 1).replace(/\.0$/, '')}M`;
  return n.toLocaleString('en-US');
}
