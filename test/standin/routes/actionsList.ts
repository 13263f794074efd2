/**
 * The actions list as PostHog answers it (products/actions/backend/api/action.py,
 * `ActionViewSet.list`): `{count, results}`, not the std envelope. `search` (case-insensitive
 * substring of the name), `created_by` (comma-separated user ids), `tags` (JSON array, any of),
 * `ordering` (name | created_at | pinned_at | created_by, `-` for descending, name as tiebreak),
 * then `offset` / `limit` (non-negative integers; anything else is ignored; no limit → everything).
 */
import type { Ctx } from '../core';
import type { Row } from '../state';

const ORDERING = new Set(['name', 'created_at', 'pinned_at', 'created_by']);

function nonNegativeInt(raw: string | null): number | undefined {
  if (raw === null || !/^\s*[+-]?\d+\s*$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 0 ? n : undefined;
}

function parseTags(raw: string | null): string[] | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && v.length ? v.map(String) : undefined;
  } catch {
    return undefined;
  }
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function orderBy(rows: Row[], raw: string | null): Row[] {
  if (!raw) return rows;
  const field = raw.replace(/^-/, '');
  if (!ORDERING.has(field)) return rows;
  const dir = raw.startsWith('-') ? -1 : 1;
  const key = (r: Row) => (field === 'created_by' ? `${text(r.created_by?.first_name)} ${text(r.created_by?.last_name)}` : text(r[field]));
  return [...rows].sort((a, b) => dir * key(a).localeCompare(key(b)) || text(a.name).localeCompare(text(b.name)));
}

export function actionsListAnswer(rows: Row[], ctx: Ctx, serialize: (row: Row) => Row) {
  const q = ctx.query;
  let list = rows;
  const search = q.get('search');
  if (search) list = list.filter((r) => text(r.name).toLowerCase().includes(search.toLowerCase()));
  const creators = (q.get('created_by') ?? '')
    .split(',')
    .filter((v) => /^\d+$/.test(v.trim()))
    .map(Number);
  if (creators.length) list = list.filter((r) => creators.includes(Number(r.created_by?.id)));
  const tags = parseTags(q.get('tags'));
  if (tags) list = list.filter((r) => ((r.tags ?? []) as string[]).some((t) => tags.includes(t)));
  list = orderBy(list, q.get('ordering'));
  const offset = nonNegativeInt(q.get('offset')) ?? 0;
  const limit = nonNegativeInt(q.get('limit'));
  const page = limit !== undefined ? list.slice(offset, offset + limit) : list.slice(offset);
  return { count: limit !== undefined ? list.length : offset + page.length, results: page.map(serialize) };
}
