/**
 * The code beside the agent: the PostHog SDK calls in the workspace (flag keys and event names,
 * from the shared scanner through `ctx.code`), and the flags that code uses which are stale in
 * PostHog. The host gives the code: the extension its workspace folders, `posthog-mcp` its `--root`.
 */
import { z } from 'zod';
import type { DeletedFlagsState } from '../../code/deletedFlags';
import { staleReport, isStale, type PostHogFlag } from '../../code/stale';
import type { CodeIndex, CodeReference, DynamicReference, TreeScan } from '../../code/types';
import { PostHogError } from '../../posthog/errors';
import { READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import type { Row } from '../values';
import { INCOMPLETE_NOTE, deletedFlagsState } from './flagActivity';

/** How many unreferenced flags an agent gets by default: a big project may have thousands. */
const DEFAULT_UNREFERENCED = 100;
/** Most flags fetched while listing them all (100 pages): past that the answer says it stopped. */
const MAX_FLAG_PAGES = 100;

function codeOf(ctx: ToolContext): CodeIndex {
  if (ctx.code) return ctx.code;
  throw new PostHogError({
    kind: 'validation',
    message:
      'This PostHog server has no code to read: open a folder in VS Code, or start posthog-mcp in your project folder (or with --root DIR).',
  });
}

/** "src/app.ts:12:7": where a reference is, short enough to list many. */
export const location = (r: Pick<CodeReference, 'file' | 'line' | 'column'>) => `${r.file}:${r.line}:${r.column}`;

/** Every flag PostHog lists for the project (not deleted), all pages. */
export async function allFlags(ctx: ToolContext): Promise<{ flags: PostHogFlag[]; complete: boolean }> {
  const flags: PostHogFlag[] = [];
  let offset = 0;
  for (let page = 0; page < MAX_FLAG_PAGES; page++) {
    const p = await ctx.api.list('feature_flags/', 'feature flags', { limit: 100, offset });
    for (const f of p.results as Row[]) {
      if (typeof f.key !== 'string') continue;
      flags.push({
        id: typeof f.id === 'number' ? f.id : undefined,
        key: f.key,
        active: f.active !== false,
        deleted: f.deleted === true,
        filters: f.filters,
        created_at: typeof f.created_at === 'string' ? f.created_at : undefined,
      });
    }
    if (!p.hasMore || p.nextOffset === undefined) return { flags, complete: true };
    offset = p.nextOffset;
  }
  return { flags, complete: false };
}

const kind = z.enum(['flag', 'event']).optional().describe('Only feature flag keys (flag) or event names (event)');

export const codeTools: ToolDefinition[] = [
  defineTool({
    name: 'find_code_references',
    title: 'Find code references',
    description:
      "Where the workspace's code calls PostHog's SDKs: each literal flag key or event name (kind, key, file, line, column, call, language), and the calls with a non-literal key (dynamic). Filter by kind and exact key. Reads local files only.",
    toolset: 'code',
    input: {
      kind,
      key: z.string().min(1).max(400).optional().describe("An exact flag key or event name, e.g. 'new-onboarding-flow'"),
      limit: z.number().int().min(1).max(1000).optional().describe('Max references, 1-1000 (default 200)'),
      offset: z.number().int().min(0).optional().describe('References to skip, for paging'),
    },
    annotations: { ...READ, openWorldHint: false },
    handler: async (args, ctx) => {
      const scan = await codeOf(ctx).scan(ctx.signal);
      const matching = scan.references.filter((r) => (!args.kind || r.kind === args.kind) && (!args.key || r.key === args.key));
      const limit = args.limit ?? 200;
      const offset = args.offset ?? 0;
      const page = matching.slice(offset, offset + limit);
      const more = offset + limit < matching.length;
      const dynamic = scan.dynamic.filter((d) => !args.kind || d.kind === args.kind);
      return {
        roots: codeOf(ctx).roots,
        files: scan.files,
        count: matching.length,
        ...(more ? { has_more: true, next_offset: offset + limit } : {}),
        results: page.map((r) => ({
          kind: r.kind,
          key: r.key,
          file: r.file,
          line: r.line,
          column: r.column,
          call: r.call,
          language: r.language,
        })),
        // A dynamic call may use any key: listed whatever key was asked for, so none is missed.
        ...(dynamic.length ? { dynamic: dynamic.map((d: DynamicReference) => `${d.kind} ${location(d)} ${d.call}`) } : {}),
      };
    },
  }),
  defineTool({
    name: 'list_stale_flags',
    title: 'List stale flags',
    description:
      'Flags the code uses that are stale in PostHog (fully rolled out, off for everyone, deleted or unknown), each with why and where it is used (file:line:column); and flags over 30 days old no code references (unreferenced).',
    toolset: 'code',
    input: {
      include_active: z.boolean().optional().describe('Also list the referenced flags that are active (default false)'),
      unreferenced_limit: z
        .number()
        .int()
        .min(0)
        .max(10_000)
        .optional()
        .describe(`Most unreferenced flags to list (default ${DEFAULT_UNREFERENCED}); unreferenced_count has them all`),
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const code = codeOf(ctx);
      // The activity log is read beside the list: without it (no scope, an outage) deleted keys read as unknown, and the answer says why.
      const [scan, { flags, complete }, deleted] = await Promise.all([code.scan(ctx.signal), allFlags(ctx), deletedFlagsState(ctx.api)]);
      return staleAnswer(scan, flags, complete, args.include_active === true, args.unreferenced_limit ?? DEFAULT_UNREFERENCED, deleted);
    },
  }),
];

/** The tool's answer: referenced flags (stale ones, or all) with their references as locations, and the unreferenced. */
export function staleAnswer(
  scan: TreeScan,
  flags: PostHogFlag[],
  complete: boolean,
  includeActive: boolean,
  unreferencedLimit: number,
  deleted?: DeletedFlagsState,
) {
  const report = staleReport(scan.references, flags, Date.now(), deleted);
  const notes = [
    complete ? undefined : `Only the first ${MAX_FLAG_PAGES * 100} flags were read: statuses past them show as unknown.`,
    deleted && !deleted.ok ? `Deleted flags show as unknown: the flags' activity log could not be read: ${deleted.reason}` : undefined,
    deleted?.ok && !deleted.complete ? INCOMPLETE_NOTE : undefined,
  ].filter(Boolean);
  const referenced = report.referenced.filter((f) => includeActive || isStale(f.status));
  return {
    files: scan.files,
    referenced_flags: report.referenced.length,
    stale: report.referenced.filter((f) => isStale(f.status)).length,
    results: referenced.map((f) => ({
      key: f.key,
      status: f.status,
      reason: f.reason,
      ...(f.id !== undefined ? { id: f.id } : {}),
      references: f.references.map(location),
    })),
    unreferenced_count: report.unreferenced.length,
    // key and id: enough to delete one (delete_feature_flag) or look it up.
    unreferenced: report.unreferenced.slice(0, unreferencedLimit).map((f) => ({ key: f.key, ...(f.id !== undefined ? { id: f.id } : {}) })),
    ...(notes.length ? { note: notes.join(' ') } : {}),
  };
}

export type StaleAnswer = ReturnType<typeof staleAnswer>;
