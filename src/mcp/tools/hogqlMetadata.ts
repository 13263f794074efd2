/**
 * HogQLMetadata's errors, warnings and notices (posthog/hogql/metadata.py: `{message, start, end,
 * fix}`, offsets in characters of the query, end exclusive) as the check_hogql_query tool returns
 * them: the same offsets, plus the line and column an agent or a person reads.
 */
export interface HogQLProblem {
  message: string;
  /** Character (code point) offset where the problem starts; absent when PostHog gives no span. */
  start?: number;
  /** Offset just past it. */
  end?: number;
  /** 1-based line and column of `start`. */
  line?: number;
  column?: number;
  fix?: string;
}

export function metadataProblems(query: string, raw: unknown): HogQLProblem[] {
  if (!Array.isArray(raw)) return [];
  const chars = [...query];
  const out: HogQLProblem[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const r = item as Record<string, unknown>;
    const problem: HogQLProblem = {
      message: typeof r.message === 'string' && r.message ? r.message : 'HogQL reported a problem without a message.',
    };
    if (typeof r.start === 'number' && typeof r.end === 'number') {
      // PostHog swaps reversed pairs (metadata.py); do the same so start <= end.
      const start = Math.max(0, Math.min(r.start, r.end, chars.length));
      const end = Math.max(0, Math.min(Math.max(r.start, r.end), chars.length));
      const lines = chars.slice(0, start).join('').split('\n');
      Object.assign(problem, { start, end, line: lines.length, column: [...lines[lines.length - 1]].length + 1 });
    }
    if (typeof r.fix === 'string' && r.fix) problem.fix = r.fix;
    out.push(problem);
  }
  return out;
}
