/** The query history kept per workspace: newest first, each query once, at most 50. */

export interface HistoryEntry {
  query: string;
  /** When it last ran (ISO). */
  ranAt: string;
  /** Rows returned, or undefined when it failed. */
  rows?: number;
  /** The error when it failed. */
  error?: string;
  elapsedMs?: number;
}

export const HISTORY_LIMIT = 50;

export function addToHistory(history: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  const key = normalise(entry.query);
  return [entry, ...history.filter((h) => normalise(h.query) !== key)].slice(0, limit);
}

/** Entries read back from storage, keeping only well-formed ones (the store may hold anything). */
export function readHistory(stored: unknown): HistoryEntry[] {
  if (!Array.isArray(stored)) return [];
  return stored
    .filter(
      (e): e is HistoryEntry =>
        !!e && typeof e === 'object' && typeof (e as HistoryEntry).query === 'string' && typeof (e as HistoryEntry).ranAt === 'string',
    )
    .slice(0, HISTORY_LIMIT);
}

function normalise(query: string): string {
  return query.trim().replace(/\s+/g, ' ');
}
