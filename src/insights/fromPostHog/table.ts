/**
 * Anything we do not chart -> a table: HogQL results (`columns` + row arrays, posthog/api/query.py),
 * a list of objects (their keys become columns), or a single value.
 */
import type { ChartModel } from '../chart';
import { isRow } from './common';

export function tableChart(results: unknown, columns?: unknown): ChartModel {
  let table: ChartModel['table'];
  const list = Array.isArray(results) ? results : results === undefined || results === null ? [] : [results];
  if (Array.isArray(columns) && list.every(Array.isArray)) {
    table = { columns: columns.map(String), rows: list as unknown[][] };
  } else if (list.length && list.every(isRow)) {
    const keys = [...new Set(list.flatMap((r) => Object.keys(r as object)))];
    table = { columns: keys, rows: list.map((r) => keys.map((k) => cell((r as Record<string, unknown>)[k]))) };
  } else {
    table = { columns: ['Value'], rows: list.map((v) => [cell(v)]) };
  }
  return { kind: 'table', display: 'table', labels: [], series: [], table };
}

/** A nested value shown as its JSON, so a cell is always text or a number. */
const cell = (v: unknown) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);
