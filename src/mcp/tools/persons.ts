/** Persons: list (filter by distinct id, email search or person properties) and get one person. */
import { z } from 'zod';
import { resourcePath } from '../api';
import { READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import type { Row } from '../values';
import { DEFAULT_LIMIT, compact, listResult, paging } from './common';

const personPath = resourcePath('persons');

const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

const propertyFilter = z
  .object({
    key: z.string().min(1).max(400).describe('Person property name, e.g. "email" or "plan"'),
    value: z
      .union([scalar, z.array(scalar).max(100)])
      .optional()
      .describe('Value to compare; a list means any of them (exact)'),
    operator: z
      .enum(['exact', 'is_not', 'icontains', 'not_icontains', 'regex', 'not_regex', 'gt', 'gte', 'lt', 'lte', 'is_set', 'is_not_set'])
      .optional()
      .describe('Comparison (default exact)'),
    type: z.literal('person').optional().describe('Always "person" (the default)'),
  })
  .strict();

/** The person's page in PostHog: `/person/<first distinct id>`. */
function personPage(p: Row): string {
  const ids = Array.isArray(p.distinct_ids) ? (p.distinct_ids as unknown[]) : [];
  const first = ids.find((x) => typeof x === 'string' && x);
  return first ? `person/${encodeURIComponent(first as string)}` : `persons/${encodeURIComponent(String(p.uuid ?? p.id))}`;
}

/** Properties set by people or code (`plan`, `company`…): no `$`-prefixed ones, no email/name (shown apart). */
function ownProperties(props: Row): Row | undefined {
  const out: Row = {};
  for (const [k, v] of Object.entries(props)) if (!k.startsWith('$') && k !== 'email' && k !== 'name') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/** The person's name and email: the `name` property first, else PostHog's display name (email or distinct id). */
function nameAndEmail(p: Row): { name?: string; email?: string } {
  const props = (p.properties ?? {}) as Row;
  const email = typeof props.email === 'string' && props.email ? props.email : undefined;
  const name = typeof props.name === 'string' && props.name.trim() ? props.name : typeof p.name === 'string' ? p.name : undefined;
  return { name: name && name !== email ? name : undefined, email };
}

function distinctIds(p: Row, max: number): { distinct_ids?: string[]; more_distinct_ids?: number } {
  const ids = Array.isArray(p.distinct_ids) ? (p.distinct_ids as string[]) : [];
  return { distinct_ids: ids.slice(0, max), more_distinct_ids: ids.length > max ? ids.length - max : undefined };
}

async function personDetail(ctx: ToolContext, p: Row) {
  const props = (p.properties ?? {}) as Row;
  return compact({
    id: p.id,
    uuid: p.uuid,
    ...nameAndEmail(p),
    ...distinctIds(p, 20),
    properties: Object.keys(props).length ? props : undefined,
    created_at: p.created_at,
    last_seen_at: p.last_seen_at,
    url: await ctx.api.link(personPage(p)),
  });
}

export const personsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_persons',
    title: 'List persons',
    description:
      'List persons (users PostHog has seen), newest first, filtered by distinct_id, email/name search or person properties. Returns id (UUID), name, email, distinct ids, custom properties and a link; no total count.',
    toolset: 'persons',
    input: {
      search: z.string().min(1).max(200).optional().describe('Text in the email or name, or a distinct_id'),
      distinct_id: z.string().min(1).max(400).optional().describe("Exact distinct_id (any of the person's ids)"),
      properties: z.array(propertyFilter).min(1).max(20).optional().describe('Person property filters, all must match'),
      ...paging,
    },
    annotations: READ,
    check: (a) => {
      const bad = a.properties?.find((f) => f.value === undefined && f.operator !== 'is_set' && f.operator !== 'is_not_set');
      return bad ? `the property filter on "${bad.key}" needs a value (only is_set and is_not_set go without)` : undefined;
    },
    handler: async (args, ctx) => {
      const page = await ctx.api.list(personPath(), 'persons', {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        query: {
          search: args.search,
          distinct_id: args.distinct_id,
          properties: args.properties ? JSON.stringify(args.properties.map((f) => ({ ...f, type: 'person' }))) : undefined,
        },
      });
      const link = await ctx.api.links();
      return listResult(page, (p) =>
        compact({
          id: p.id ?? p.uuid,
          ...nameAndEmail(p),
          ...distinctIds(p, 5),
          properties: ownProperties((p.properties ?? {}) as Row),
          created_at: p.created_at,
          last_seen_at: p.last_seen_at,
          url: link(personPage(p)),
        }),
      );
    },
  }),
  defineTool({
    name: 'get_person',
    title: 'Get person',
    description:
      'Get one person by numeric id or UUID, with all properties and distinct ids. For a distinct_id, use list_persons with distinct_id instead.',
    toolset: 'persons',
    input: {
      person_id: z
        .union([z.number().int().positive(), z.string().min(1).max(100)])
        .describe("The person's numeric id or UUID (not a distinct_id)"),
    },
    check: (a) =>
      typeof a.person_id === 'string' && !/^\d+$/.test(a.person_id) && !UUID_RE.test(a.person_id)
        ? `"${a.person_id.slice(0, 100)}" is not a person id (a number or a UUID). If it is a distinct_id, call list_persons with distinct_id instead`
        : undefined,
    annotations: READ,
    handler: async (args, ctx) => {
      const id = String(args.person_id);
      return personDetail(ctx, (await ctx.api.get(personPath(id), `person ${id}`)) ?? {});
    },
  }),
];
