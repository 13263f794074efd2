/**
 * What an agent reads of a tool's answer. Handlers return plain objects, and the views and
 * commands use those as they are; an agent gets them as JSON text, with one change that saves it
 * most of a list's bytes without losing anything: a list of objects goes out as a table, its field
 * names once in `columns` and each row as an array in that order (the shape of PostHog's own query
 * results).
 *
 *   {"count": 41, "next_offset": 25, "url_template": "…/feature_flags/{id}",
 *    "columns": ["id", "key", "name", "active", "rollout", "tags"],
 *    "rows": [[42, "file-sharing-cta", "File sharing CTA", false, "2 variants"], …]}
 *
 * - Columns present in every row come first, in the rows' own order; sparser ones follow, most
 *   common first, so that a row can end early: a missing trailing value is simply not written.
 *   A missing value before the row's end is written as null.
 * - `has_more` is left out when it says nothing `next_offset` (or `next_page`) does not: there is
 *   more exactly when a next offset is given.
 * `fromTable` turns such an answer back into the handler's object (clients, tests); `has_more` comes
 * back only where it was true.
 */

import { isPlainObject, type Row } from './values';

/** A list answer: an object whose `results` is an array of objects. */
function isObjectList(data: unknown): data is Row & { results: Row[] } {
  return isPlainObject(data) && Array.isArray(data.results) && data.results.every(isPlainObject);
}

/** The columns of some rows: always-present first (in row order), then by how often they appear. */
export function columnsOf(rows: Row[]): string[] {
  const seen = new Map<string, { count: number; first: number }>();
  let position = 0;
  for (const row of rows) {
    for (const k of Object.keys(row)) {
      const s = seen.get(k);
      if (s) s.count++;
      else seen.set(k, { count: 1, first: position++ });
    }
  }
  return [...seen.entries()].sort((a, b) => b[1].count - a[1].count || a[1].first - b[1].first).map(([k]) => k);
}

/** The agent's form of a list answer (see the header). Anything else is returned unchanged. */
export function toTable(data: unknown): unknown {
  if (!isObjectList(data)) return data;
  const { results, ...envelope } = data;
  const out: Row = {};
  for (const [k, v] of Object.entries(envelope)) {
    if (k === 'has_more' && (v === false || envelope.next_offset !== undefined || envelope.next_page !== undefined)) continue;
    out[k] = v;
  }
  if (results.length === 0) {
    out.rows = [];
    return out;
  }
  const columns = columnsOf(results);
  out.columns = columns;
  out.rows = results.map((row) => {
    const cells = columns.map((c) => (row[c] === undefined ? null : row[c]));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  return out;
}

/** Back from the agent's form to the handler's: rows as objects under `results`, `has_more` restored. */
export function fromTable(data: unknown): unknown {
  if (!isPlainObject(data) || !Array.isArray(data.rows)) return data;
  const { columns, rows, ...envelope } = data;
  const cols = Array.isArray(columns) ? (columns as string[]) : [];
  const results = (rows as unknown[][]).map((cells) => {
    const row: Row = {};
    cols.forEach((c, i) => {
      if (i < cells.length && cells[i] !== null) row[c] = cells[i];
    });
    return row;
  });
  const more = envelope.has_more === true || envelope.next_offset !== undefined || envelope.next_page !== undefined;
  const out: Row = {};
  for (const [k, v] of Object.entries(envelope)) if (k !== 'has_more') out[k] = v;
  return { ...out, ...(more ? { has_more: true } : {}), results };
}

/** The text an agent reads for a tool's answer. */
export function renderForAgent(data: unknown): string {
  if (typeof data === 'string') return data;
  return JSON.stringify(toTable(data ?? { ok: true }));
}
