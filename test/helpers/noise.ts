/**
 * Whether the text an agent reads carries null noise: a null value anywhere, except as a table
 * cell that holds a place before a later value (src/mcp/render.ts), which is how a table says
 * "this row has no such field". A row that ends in null is noise too.
 */
export function hasNullNoise(text: string): boolean {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return text.includes('null');
  }
  const walk = (v: unknown): boolean => {
    if (v === null) return true;
    if (Array.isArray(v)) return v.some(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      return Object.entries(o).some(([k, x]) => {
        if (k === 'rows' && Array.isArray(x) && Array.isArray(o.columns)) {
          return (x as unknown[][]).some(
            (row) => row.length > 0 && (row[row.length - 1] === null || row.some((c) => c !== null && walk(c))),
          );
        }
        return walk(x);
      });
    }
    return false;
  };
  return walk(data);
}
