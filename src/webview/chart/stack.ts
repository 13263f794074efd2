/**
 * Stacking for stacked bars and areas: each shown series sits on the ones before it; positive and
 * negative values stack apart (lifecycle's dormant users are negative), as PostHog draws them.
 * Returns, per series, the base and top of each point (null for a hidden series).
 */
export function stack(data: number[][], shown: boolean[]): { base: (number[] | null)[]; top: (number[] | null)[] } {
  const n = data[0]?.length ?? 0;
  const pos = new Array<number>(n).fill(0);
  const neg = new Array<number>(n).fill(0);
  const base: (number[] | null)[] = [];
  const top: (number[] | null)[] = [];
  data.forEach((values, s) => {
    if (!shown[s]) {
      base.push(null);
      top.push(null);
      return;
    }
    const b = new Array<number>(n);
    const t = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const v = values[i] ?? 0;
      const acc = v < 0 ? neg : pos;
      b[i] = acc[i];
      acc[i] += v;
      t[i] = acc[i];
    }
    base.push(b);
    top.push(t);
  });
  return { base, top };
}
