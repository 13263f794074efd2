/**
 * PostHog's HogQL database schema (the DatabaseSchemaQuery answer) reduced to what completion
 * needs, and the lookups over it: a table's fields, and what `a.b.` resolves to.
 */
import type { FromTable } from './completionContext';

export interface SchemaField {
  name: string;
  /** PostHog's field type: integer, string, datetime, json, lazy_table, virtual_table, … */
  type: string;
  /** For a field that leads to another table (lazy_table, virtual_table, view): that table. */
  table?: string;
  /** For such a field: the target's field names when PostHog lists them. */
  fields?: string[];
}

export interface SchemaTable {
  name: string;
  /** posthog | system | data_warehouse | view | … */
  type: string;
  fields: SchemaField[];
}

export interface HogQLSchema {
  tables: SchemaTable[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function toField(key: string, raw: unknown): SchemaField | undefined {
  if (!isObject(raw)) return undefined;
  const name = typeof raw.name === 'string' ? raw.name : typeof raw.key === 'string' ? raw.key : key;
  if (!name) return undefined;
  const field: SchemaField = { name, type: typeof raw.type === 'string' ? raw.type : 'unknown' };
  if (typeof raw.table === 'string') field.table = raw.table;
  if (Array.isArray(raw.fields)) field.fields = raw.fields.filter((f): f is string => typeof f === 'string');
  return field;
}

/**
 * Reads DatabaseSchemaQuery's answer: `{tables: {name: {type, fields: {name: {...}}}}}` (current
 * trees) or the 2023 form `{name: [{key, type, table?, fields?}]}`.
 */
export function parseSchema(response: unknown): HogQLSchema {
  if (!isObject(response)) return { tables: [] };
  const tablesRaw = isObject(response.tables) ? response.tables : response;
  const tables: SchemaTable[] = [];
  for (const [key, raw] of Object.entries(tablesRaw)) {
    if (Array.isArray(raw)) {
      const fields = raw.map((f, i) => toField(String(i), f)).filter((f): f is SchemaField => !!f);
      tables.push({ name: key, type: 'posthog', fields });
    } else if (isObject(raw)) {
      const fieldsRaw = isObject(raw.fields) ? raw.fields : {};
      const fields = Object.entries(fieldsRaw)
        .map(([k, f]) => toField(k, f))
        .filter((f): f is SchemaField => !!f);
      tables.push({
        name: typeof raw.name === 'string' ? raw.name : key,
        type: typeof raw.type === 'string' ? raw.type : 'posthog',
        fields,
      });
    }
  }
  return { tables };
}

export function findTable(schema: HogQLSchema, name: string): SchemaTable | undefined {
  return schema.tables.find((t) => t.name === name) ?? schema.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
}

/**
 * The fields after `path.` (e.g. ["e"] with `FROM events e`, ["events"], ["person"] inside
 * events, ["events", "person"]): the first part is an alias, a table, or a field of a table in
 * FROM that leads to another table; each further part follows a field to its table.
 */
export function fieldsAt(schema: HogQLSchema, path: string[], from: FromTable[]): SchemaField[] {
  if (path.length === 0) return [];
  const [head, ...rest] = path;
  let fields: SchemaField[] | undefined;
  const aliased = from.find((f) => f.alias?.toLowerCase() === head.toLowerCase());
  const table = findTable(schema, aliased?.table ?? head);
  if (
    table &&
    (aliased || from.length === 0 || from.some((f) => f.table.toLowerCase() === table.name.toLowerCase()) || !fieldIn(schema, from, head))
  )
    fields = table.fields;
  else fields = follow(schema, fieldIn(schema, from, head));
  for (const part of rest) {
    if (!fields) return [];
    fields = follow(
      schema,
      fields.find((f) => f.name === part),
    );
  }
  return fields ?? [];
}

/** A field of one of the FROM tables (events when there is no FROM yet). */
function fieldIn(schema: HogQLSchema, from: FromTable[], name: string): SchemaField | undefined {
  const tables = from.length ? from.map((f) => f.table) : ['events'];
  for (const t of tables) {
    const field = findTable(schema, t)?.fields.find((f) => f.name === name);
    if (field) return field;
  }
  return undefined;
}

function follow(schema: HogQLSchema, field: SchemaField | undefined): SchemaField[] | undefined {
  if (!field) return undefined;
  const target = field.table ? findTable(schema, field.table) : undefined;
  if (target) return target.fields;
  if (field.fields) return field.fields.map((name) => ({ name, type: 'unknown' }));
  return undefined;
}

/** The columns of the tables in FROM (events when there is none yet), each once. */
export function columnsInScope(schema: HogQLSchema, from: FromTable[]): SchemaField[] {
  const names = from.length ? from.map((f) => f.table) : ['events'];
  const seen = new Set<string>();
  const out: SchemaField[] = [];
  for (const n of names)
    for (const f of findTable(schema, n)?.fields ?? []) {
      if (seen.has(f.name)) continue;
      seen.add(f.name);
      out.push(f);
    }
  return out;
}
