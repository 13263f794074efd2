/** The closest existing key to a mistyped one (edit distance): what "Change to 'y'" offers. */

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * How far a key may be from another to count as a typo of it: a third of its length, at least 1,
 * at most 4 ("new-nav" → "new-navv" yes; "checkout" → "onboarding" no).
 */
export function typoBudget(key: string): number {
  return Math.max(1, Math.min(4, Math.floor(key.length / 3)));
}

/** The closest candidate within the typo budget (case-insensitive ties broken by order), or undefined. */
export function closestKey(key: string, candidates: Iterable<string>): string | undefined {
  const budget = typoBudget(key);
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const c of candidates) {
    if (c === key) continue;
    const d = c.toLowerCase() === key.toLowerCase() ? 0.5 : editDistance(key, c, bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
