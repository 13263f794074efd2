/** A feature flag's rollout in a few words, from its filters (tools and views both say it so). */

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Who gets a flag, in a few words: "3 variants", "nobody", "50%" (of all users), "100% matching"
 * (of the users its conditions match), "2 condition sets". Short on purpose: an agent reads it
 * once per listed flag, and the Flags tree shows it beside the key.
 */
export function rolloutSummary(filters: unknown): string {
  const f = isObject(filters) ? filters : {};
  const variants = isObject(f.multivariate) && Array.isArray(f.multivariate.variants) ? f.multivariate.variants : [];
  if (variants.length > 0) return plural(variants.length, 'variant');
  // Filters without `groups` are PostHog's legacy shape: one group from `properties`, everyone.
  const groups: unknown[] = Array.isArray(f.groups) ? f.groups : [{ properties: Array.isArray(f.properties) ? f.properties : [] }];
  if (groups.length === 0) return 'nobody';
  if (groups.length > 1) return `${groups.length} condition sets`;
  const g = isObject(groups[0]) ? groups[0] : {};
  const rollout = typeof g.rollout_percentage === 'number' ? g.rollout_percentage : 100;
  const targeted = Array.isArray(g.properties) && g.properties.length > 0;
  return `${rollout}%${targeted ? ' matching' : ''}`;
}
