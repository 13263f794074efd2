/** Small helpers shared by the tool groups: paging fields, compact results, PATCH bodies, update tools. */
import { z } from 'zod';
import type { Page } from '../../posthog/client';
import { defineTool, type ToolDefinition } from '../tool';
import { fillUrlTemplate } from '../urlTemplate';
import { isPlainObject, type Row } from '../values';

export const DEFAULT_LIMIT = 25;

export const paging = {
  limit: z.number().int().min(1).max(100).optional().describe(`Max results, 1-100 (default ${DEFAULT_LIMIT})`),
  offset: z.number().int().min(0).optional().describe('Results to skip, for paging'),
};

export const search = z.string().max(200).optional().describe('Text to search for');

/** A positive integer id. */
export const id = (what: string) => z.number().int().positive().describe(`The ${what}'s numeric id`);

/** A UUID id (MCP store). */
export const uuid = (what: string) => z.string().uuid().describe(`The ${what}'s id (UUID)`);

/** Free-form JSON object (filters, properties, parameters). */
export const jsonObject = (description: string) => z.record(z.unknown()).describe(description);

/** Drops null, undefined, empty strings and empty arrays, recursively in plain objects. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => compact(v)) as unknown as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Row = {};
    for (const [k, v] of Object.entries(value as Row)) {
      if (v === null || v === undefined || v === '') continue;
      if (Array.isArray(v) && v.length === 0) continue;
      out[k] = compact(v);
    }
    return out as T;
  }
  return value;
}

export interface ListResult<R> {
  count?: number;
  has_more: boolean;
  next_offset?: number;
  /** Each row's link is this with `{field}` filled from the row (rows whose link differs keep a `url`). */
  url_template?: string;
  results: R[];
}

/**
 * The common list answer: `{count?, has_more, next_offset?, url_template?, results}`. With a
 * template, a row's `url` is dropped when the template gives exactly the same link: an agent
 * reads one pattern instead of a full URL per row, and no link is lost.
 */
export function listResult<T, R>(page: Page<T>, map: (row: T) => R, urlTemplate?: string): ListResult<R> {
  let results = page.results.map(map);
  let templated = false;
  if (urlTemplate) {
    results = results.map((row) => {
      const r = row as unknown as Row;
      if (r && typeof r.url === 'string' && fillUrlTemplate(urlTemplate, r) === r.url) {
        templated = true;
        const { url: _url, ...rest } = r;
        return rest as unknown as R;
      }
      return row;
    });
  }
  return {
    ...(page.count !== undefined ? { count: page.count } : {}),
    has_more: page.hasMore,
    ...(page.hasMore && page.nextOffset !== undefined ? { next_offset: page.nextOffset } : {}),
    ...(templated ? { url_template: urlTemplate } : {}),
    results,
  };
}

/** Only the fields that were given: an omitted field is never sent, so nothing is wiped. */
export function given<A extends Row>(args: A, keys: readonly (keyof A)[]): Row {
  const body: Row = {};
  for (const k of keys) if (args[k] !== undefined) body[k as string] = args[k];
  return body;
}

/** "Ada Lovelace" or the email, from PostHog's UserBasic. */
export function personName(user: unknown): string | undefined {
  if (!isPlainObject(user)) return undefined;
  const name = [user.first_name, user.last_name].filter((x) => typeof x === 'string' && x).join(' ');
  return name || (typeof user.email === 'string' ? user.email : undefined);
}

/**
 * An update tool: its optional input fields are the changes, and at least one must be given, or
 * the call is refused before anything is sent ("give at least one of name, description"). The
 * tool's own check runs after that.
 */
export function defineUpdateTool<S extends z.ZodRawShape>(def: ToolDefinition<S>): ToolDefinition {
  const changes = Object.keys(def.input).filter((k) => def.input[k].isOptional());
  const ownCheck = def.check;
  return defineTool<S>({
    ...def,
    check: (args) => {
      const fields = args as Row;
      return changes.every((k) => fields[k] === undefined) ? `give at least one of ${changes.join(', ')}` : ownCheck?.(args);
    },
  });
}
