/**
 * Two rules of PostHog's insights viewset kept apart from routes/insights.ts
 * (products/product_analytics/backend/api/insight.py):
 * - `InsightViewSet.order_queryset`: with no `order`, a search keeps the search's own ranking and
 *   anything else is ordered by the nullable `order` column (ascending, NULLs last, as Postgres
 *   does); `order=-last_viewed_at` puts never-viewed insights last, `last_viewed_at` first; any
 *   other `order` is a plain `order_by` on that field.
 * - `InsightSerializer.validate`: legacy `filters` (present, not null) with no `query` is 403 while
 *   `legacy-insight-filters-disabled` is on (see ../switches.ts).
 */
import { HttpError, envelope, validation } from '../core';
import type { Row, State } from '../state';
import { switches } from '../switches';

const ORDER_FIELDS = ['order', 'last_modified_at', 'last_viewed_at', 'created_at', 'updated_at', 'name', 'id', 'short_id'];

type Key = string | number | null | undefined;

/** Ascending compare with NULLs last (Postgres' default for ASC). */
function compareNullsLast(a: Key, b: Key): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/** Orders list rows as `order_queryset` does; ties keep insertion order (id). */
export function orderInsights(rows: Row[], order: string | null, search: string | null): Row[] {
  const byId = (a: Row, b: Row) => Number(a.id) - Number(b.id);
  if (!order) {
    if (search) return [...rows].sort((a, b) => compareNullsLast(a.name ?? a.derived_name, b.name ?? b.derived_name) || byId(a, b));
    return [...rows].sort((a, b) => compareNullsLast(a.order, b.order) || byId(a, b));
  }
  const desc = order.startsWith('-');
  const field = order.replace(/^-/, '');
  if (!ORDER_FIELDS.includes(field)) throw validation(`Invalid order: ${order}`, 'order');
  return [...rows].sort((a, b) => {
    const av = a[field] as Key;
    const bv = b[field] as Key;
    // Postgres: NULLs sort as the largest value, so first when descending; last_viewed_at says so explicitly.
    const nullsFirst = field === 'last_viewed_at' ? !desc : desc;
    const an = av === null || av === undefined;
    const bn = bv === null || bv === undefined;
    if (an || bn) return an === bn ? byId(a, b) : (an ? -1 : 1) * (nullsFirst ? 1 : -1);
    const d = compareNullsLast(av, bv);
    return (desc ? -d : d) || byId(a, b);
  });
}

/** 403 for a write with legacy filters and no query, while the switch is on. */
export function checkLegacyFilters(state: State, body: Row): void {
  const usingLegacyFilters =
    body.filters !== undefined && body.filters !== null && (body.query === undefined || body.query === null || isEmptyObject(body.query));
  if (usingLegacyFilters && switches(state).legacyInsightFiltersDisabled) {
    throw new HttpError(
      403,
      envelope(
        'authentication_error',
        'permission_denied',
        'Creating or updating insights with legacy filters is not available for this user.',
      ),
    );
  }
}

function isEmptyObject(v: unknown): boolean {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0;
}
