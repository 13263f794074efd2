/**
 * The length of Python's `json.dumps(value)` (", " and ": " separators, ensure_ascii), which is
 * what PostHog's proxy measures against its 1 MB limit: the same body is longer there than in
 * JavaScript's JSON.stringify, and the limit must trip where PostHog's does.
 */
export function pythonDumpsLength(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'number') return JSON.stringify(value).length;
  if (typeof value === 'string') return stringLength(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 2;
    return 2 + value.reduce((n: number, v) => n + pythonDumpsLength(v), 0) + 2 * (value.length - 1);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 2;
  return 2 + entries.reduce((n, [k, v]) => n + stringLength(k) + 2 + pythonDumpsLength(v), 0) + 2 * (entries.length - 1);
}

/** A JSON string with every non-ASCII UTF-16 unit written as \uXXXX (6 characters). */
function stringLength(s: string): number {
  let n = JSON.stringify(s).length;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) n += 5;
  return n;
}
