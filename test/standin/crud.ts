/**
 * Helpers for PostHog's usual resource shape: std list envelope with limit/offset, soft delete
 * by PATCH {deleted}, DELETE → 405 with an empty body, deleted rows hidden from lists but
 * retrievable.
 */
import { type Ctx, forbidDestroy, notFound, r, type Router, type RouteOptions, validation } from './core';
import type { Row, Table } from './state';

export function intParam(ctx: Ctx, name: string, fallback: number, max = 10_000): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw validation(`A valid integer is required.`, name, 'invalid');
  return Math.min(n, max);
}

/** DRF LimitOffsetPagination: `{count, next, previous, results}`. */
export function stdList(ctx: Ctx, rows: Row[], defaultLimit = 100) {
  const limit = intParam(ctx, 'limit', defaultLimit) || defaultLimit;
  const offset = intParam(ctx, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const page = rows.slice(offset, offset + limit);
  const base = `http://standin${ctx.path}`;
  const link = (o: number) => {
    const q = new URLSearchParams(ctx.query);
    q.set('limit', String(limit));
    q.set('offset', String(o));
    return `${base}?${q.toString()}`;
  };
  return {
    count: rows.length,
    next: offset + limit < rows.length ? link(offset + limit) : null,
    previous: offset > 0 ? link(Math.max(0, offset - limit)) : null,
    results: page,
  };
}

export function matches(row: Row, fields: string[], term: string | null): boolean {
  if (!term) return true;
  const t = term.toLowerCase();
  return fields.some((f) => {
    const v = row[f];
    if (Array.isArray(v)) return v.some((x) => String(x).toLowerCase().includes(t));
    return typeof v === 'string' && v.toLowerCase().includes(t);
  });
}

/** Looks a row up by its `:id` param, 404 with PostHog's envelope when absent. */
export function byId<T extends Row>(table: Table<T>, id: string): T {
  const row = table.get(id);
  if (!row) throw notFound();
  return row;
}

export interface SoftDeleteResourceOptions {
  /** Path under the project prefix, e.g. 'dashboards'. */
  path: string;
  table: (ctx: Ctx) => Table;
  routeOptions: RouteOptions;
  /** Row → API representation. */
  serialize?: (row: Row, ctx: Ctx, detail: boolean) => Row;
  /** Filters the non-deleted rows for a list. */
  filter?: (row: Row, ctx: Ctx) => boolean;
  sort?: (a: Row, b: Row) => number;
  /** Validates and builds a new row from a POST body. */
  create?: (ctx: Ctx) => Row;
  /** Validates and applies a PATCH body to a row (also handles `deleted`). */
  update?: (row: Row, ctx: Ctx) => void;
  /** Extra check before a soft delete (e.g. cohort in use): throw to refuse. */
  beforeDelete?: (row: Row, ctx: Ctx) => void;
  /** The list's answer for the filtered, sorted rows, when it is not the std list (actions). */
  listAnswer?: (rows: Row[], ctx: Ctx, serialize: (row: Row) => Row) => unknown;
  defaultLimit?: number;
}

/** Registers list / create / retrieve / PATCH / PUT / DELETE(405) for a soft-deletable resource. */
export function softDeleteResource(router: Router, o: SoftDeleteResourceOptions): void {
  const ser = (row: Row, ctx: Ctx, detail: boolean) => (o.serialize ? o.serialize(row, ctx, detail) : row);
  router.get(
    o.path,
    (ctx) => {
      let rows = o
        .table(ctx)
        .all()
        .filter((r) => !r.deleted && (!o.filter || o.filter(r, ctx)));
      if (o.sort) rows = rows.sort(o.sort);
      if (o.listAnswer) return o.listAnswer(rows, ctx, (r) => ser(r, ctx, false));
      const list = stdList(ctx, rows, o.defaultLimit);
      return { ...list, results: list.results.map((r) => ser(r, ctx, false)) };
    },
    o.routeOptions,
  );
  if (o.create) {
    const create = o.create;
    router.post(o.path, (ctx) => r(201, ser(create(ctx), ctx, true)), o.routeOptions);
  }
  router.get(`${o.path}/:id`, (ctx) => ser(byId(o.table(ctx), ctx.params.id), ctx, true), o.routeOptions);
  const patch = (ctx: Ctx) => {
    const row = byId(o.table(ctx), ctx.params.id);
    if (!ctx.body || typeof ctx.body !== 'object' || Array.isArray(ctx.body))
      throw validation('Invalid data. Expected a dictionary.', 'non_field_errors');
    if (ctx.body.deleted === true && !row.deleted) o.beforeDelete?.(row, ctx);
    if (o.update) o.update(row, ctx);
    if (typeof ctx.body.deleted === 'boolean') row.deleted = ctx.body.deleted;
    row.updated_at = new Date().toISOString();
    return ser(row, ctx, true);
  };
  router.patch(`${o.path}/:id`, patch, o.routeOptions);
  router.put(`${o.path}/:id`, patch, o.routeOptions);
  router.delete(
    `${o.path}/:id`,
    () => {
      throw forbidDestroy();
    },
    o.routeOptions,
  );
}

/** Copies the listed fields of the body onto the row when present. */
export function assign(row: Row, body: Row, fields: string[]): void {
  for (const f of fields) if (body && Object.prototype.hasOwnProperty.call(body, f)) row[f] = body[f];
}
