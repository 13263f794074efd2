/** Short, unique slugs for installations ("Linear" → "linear"), the prefix of their tools' names in a multi-installation gateway. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: "Ça" → "ca"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 20)
    .replace(/_+$/, '');
  return slug || 'server';
}

/** A slug per installation, in order; a repeated one gets _2, _3… */
export function uniqueSlugs(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const base = slugOf(n);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}

export const PREFIX_SEPARATOR = '__';

/** The MCP server label VS Code shows for each installation ("PostHog · Linear"); a repeated name gets " (2)", " (3)"… */
export function serverLabels(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const base = `PostHog · ${n.trim() || 'MCP server'}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
