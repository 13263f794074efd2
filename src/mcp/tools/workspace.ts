/** Workspace and query: the projects the key can see, and HogQL queries. */
import { z } from 'zod';
import { READ, defineTool, type ToolDefinition } from '../tool';
import type { Row } from '../values';
import { MCP_APP_URI } from '../../insights/mcpApp';
import { HOGQL_MAX_ROWS } from '../../insights/hogql/limits';
import { parseSchema } from '../../insights/hogql/schema';
import { metadataProblems } from './hogqlMetadata';

/** The query with string literals, quoted identifiers and comments blanked, for keyword checks. */
function withoutLiterals(sql: string): string {
  return sql
    .replace(/'(?:\\.|''|[^'\\])*'/g, "''")
    .replace(/"(?:[^"])*"|`(?:[^`])*`/g, 'x')
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/** Appends `LIMIT n` when the outermost query has none. */
export function withLimit(query: string, limit: number | undefined): string {
  if (limit === undefined) return query;
  const bare = withoutLiterals(query);
  // A LIMIT at the top level: not inside parentheses (subqueries).
  let depth = 0;
  let topLevel = '';
  for (const ch of bare) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) topLevel += ch;
  }
  if (/\blimit\s+\d/i.test(topLevel)) return query;
  const trimmed = query.replace(/[\s;]+$/, '');
  // A trailing line comment would swallow the LIMIT: put it on its own line.
  return `${trimmed}\nLIMIT ${limit}`;
}

export const workspaceTools: ToolDefinition[] = [
  defineTool({
    name: 'list_projects',
    title: 'List projects',
    description: 'List the PostHog projects this key can see, and which one the tools act on (active first).',
    toolset: 'workspace',
    input: {},
    annotations: READ,
    handler: async (_args, ctx) => {
      const [projects, active] = await Promise.all([ctx.client.listProjects(ctx.signal), ctx.api.context()]);
      const results = projects.map((p) => ({ id: p.id, name: p.name, active: p.id === active.projectId }));
      if (!results.some((p) => p.active)) {
        results.push({ id: active.projectId, name: active.projectName ?? `Project ${active.projectId}`, active: true });
      }
      results.sort((a, b) => Number(b.active) - Number(a.active));
      return { active_project_id: active.projectId, results };
    },
  }),
  defineTool({
    name: 'run_hogql_query',
    title: 'Run HogQL query',
    description:
      "Run a read-only HogQL (PostHog's SQL) query, e.g. SELECT event, count() FROM events GROUP BY event. Returns columns, rows and whether more rows exist (PostHog applies LIMIT 100 when none is given).",
    toolset: 'workspace',
    input: {
      query: z.string().min(1).max(20_000).describe('HogQL SELECT query'),
      limit: z
        .number()
        .int()
        .min(1)
        .max(HOGQL_MAX_ROWS)
        .optional()
        .describe(`Row limit, appended as LIMIT when the query has none (PostHog returns at most ${HOGQL_MAX_ROWS} rows)`),
    },
    annotations: READ,
    // Hosts with MCP Apps show the rows as a table (src/webview/mcpApp/).
    ui: { resourceUri: MCP_APP_URI },
    handler: async (args, ctx) => {
      const query = withLimit(args.query, args.limit);
      const d = (await ctx.api.query<Row>({ kind: 'HogQLQuery', query }, 'run the HogQL query')) ?? {};
      return {
        columns: Array.isArray(d.columns) ? d.columns : [],
        results: Array.isArray(d.results) ? d.results : [],
        has_more: d.hasMore === true,
      };
    },
  }),
  defineTool({
    name: 'check_hogql_query',
    title: 'Check HogQL query',
    description:
      "Check a HogQL query without running it (PostHog's HogQLMetadata): valid or not, and each error, warning and notice with its message, position (start/end offsets, end exclusive; line and column from 1) and PostHog's fix if any.",
    toolset: 'workspace',
    input: {
      query: z.string().min(1).max(20_000).describe('HogQL SELECT query to check'),
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const d = (await ctx.api.query<Row>({ kind: 'HogQLMetadata', language: 'hogQL', query: args.query }, 'check the HogQL query')) ?? {};
      const errors = metadataProblems(args.query, d.errors);
      return {
        valid: d.isValid === true && errors.length === 0,
        errors,
        warnings: metadataProblems(args.query, d.warnings),
        notices: metadataProblems(args.query, d.notices),
      };
    },
  }),
  defineTool({
    name: 'get_hogql_schema',
    title: 'Get HogQL schema',
    description:
      'Tables a HogQL query can read here (events, persons, sessions, groups, data warehouse, …) with their fields and types; a lazy_table/virtual_table field leads to another table (events.person → persons).',
    toolset: 'workspace',
    input: {
      tables: z.array(z.string().min(1).max(200)).max(50).optional().describe('Only these tables (default: every table)'),
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const d = await ctx.api.query<unknown>({ kind: 'DatabaseSchemaQuery' }, 'read the HogQL schema');
      const schema = parseSchema(d);
      if (!args.tables) return schema;
      const wanted = new Set(args.tables.map((t) => t.toLowerCase()));
      const tables = schema.tables.filter((t) => wanted.has(t.name.toLowerCase()));
      const missing = args.tables.filter((t) => !tables.some((x) => x.name.toLowerCase() === t.toLowerCase()));
      return missing.length ? { tables, unknown_tables: missing } : { tables };
    },
  }),
];
