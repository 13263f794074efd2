/** Feature flag definitions: list, get (by id or key), create, update, soft delete. */
import { z } from 'zod';
import { PostHogError } from '../../posthog/errors';
import { rolloutSummary } from '../../posthog/rollout';
import { resourcePath } from '../api';
import { ADD, CHANGE, READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import { isPlainObject, type Row } from '../values';
import { DEFAULT_LIMIT, compact, defineUpdateTool, given, id, jsonObject, listResult, paging, personName, search } from './common';
import { flagActivityTools } from './flagActivity';

const flagId = id('feature flag');
const flagPath = resourcePath('feature_flags');
const KEY_RE = /^[a-zA-Z0-9_-]+$/;

/**
 * PostHog's filters without what means nothing: null values, empty objects (`variant: null`,
 * `multivariate: null`, `payloads: {}`) and a condition set's empty `properties` are what PostHog
 * assumes when they are absent (filtersForPostHog puts `properties` back before sending). Other
 * lists are kept as they are, even empty ones: `groups: []` means "nobody", not "no filters".
 */
export function compactFilters(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => compactFilters(v, key === 'groups' ? 'group' : undefined));
  if (!isPlainObject(value)) return value;
  const out: Row = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (key === 'group' && k === 'properties' && Array.isArray(v) && v.length === 0) continue;
    const c = compactFilters(v, k);
    if (isPlainObject(c) && !Array.isArray(c) && Object.keys(c).length === 0) continue;
    out[k] = c;
  }
  return out;
}

/** Filters as PostHog's own UI sends them: every condition set with a `properties` list. */
export function filtersForPostHog(filters: Row): Row {
  if (!Array.isArray(filters.groups)) return filters;
  return {
    ...filters,
    groups: filters.groups.map((g) => (isPlainObject(g) && !Array.isArray(g.properties) ? { properties: [], ...g } : g)),
  };
}

/**
 * The shape get/create/update return: the flag's fields an agent acts on, its filters compacted
 * (see compactFilters) and its link. The rollout in words is left to the filters, which say it
 * exactly (the views put it into words with rolloutSummary).
 */
async function flagDetail(ctx: ToolContext, f: Row) {
  return {
    ...(compact({ id: f.id, key: f.key, name: f.name, active: f.active !== false, tags: f.tags }) as Row),
    filters: isPlainObject(f.filters) ? compactFilters(f.filters) : {},
    url: await ctx.api.link(`feature_flags/${f.id}`),
    // The last change and by whom (the editor's hover says it); PostHog keeps both on the flag.
    ...(compact({ updated_at: f.updated_at, last_modified_by: personName(f.last_modified_by) }) as Row),
    ...(f.deleted ? { deleted: true } : {}),
  };
}

/** Rejects filters that PostHog would read in a surprising way. */
function checkFilters(filters: Row | undefined): string | undefined {
  if (filters === undefined) return undefined;
  if (!Array.isArray(filters.groups)) {
    return "filters must include a 'groups' list of condition sets (PostHog ignores filters without it on update, and reads it as 100% of users on create)";
  }
  return undefined;
}

const rolloutPercentage = z.number().min(0).max(100);
const filtersInput = jsonObject(
  'PostHog flag filters: {groups: [{properties, rollout_percentage, variant?}], multivariate?: {variants: [{key, rollout_percentage}]}, payloads?: {"true"|variant: JSON string}}',
);

/** The flag with exactly this key, or undefined: searched by key, page by page. */
export async function findFlagByKey(ctx: ToolContext, key: string): Promise<Row | undefined> {
  let offset = 0;
  for (let pages = 0; pages < 20; pages++) {
    const page = await ctx.api.list(flagPath(), { action: `find feature flag '${key}'` }, { limit: 100, offset, query: { search: key } });
    const hit = page.results.find((f) => f.key === key);
    if (hit) return hit;
    if (!page.hasMore || page.nextOffset === undefined) break;
    offset = page.nextOffset;
  }
  return undefined;
}

/** Finds a non-deleted flag by its exact key. */
async function flagByKey(ctx: ToolContext, key: string): Promise<Row> {
  const hit = await findFlagByKey(ctx, key);
  if (hit) return hit;
  throw new PostHogError({
    kind: 'not_found',
    status: 404,
    message: `No feature flag with key '${key}' in this project. List the flags (list_feature_flags) to find the right key.`,
  });
}

function flagById(ctx: ToolContext, flag: number): Promise<Row> {
  return ctx.api.get(flagPath(flag), `feature flag ${flag}`);
}

/** The same filters with every condition set's rollout changed; no sets → one set for everyone. */
export function withRollout(filters: unknown, pct: number): Row {
  const f: Row = isPlainObject(filters) ? { ...filters } : {};
  const groups: Row[] = Array.isArray(f.groups)
    ? (f.groups as unknown[]).map((g) => ({ ...(isPlainObject(g) ? g : {}), rollout_percentage: pct }))
    : [{ properties: Array.isArray(f.properties) ? f.properties : [], rollout_percentage: pct }];
  if (groups.length === 0) groups.push({ properties: [], rollout_percentage: pct });
  delete f.properties;
  return { ...f, groups };
}

export const featureFlagsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_feature_flags',
    title: 'List feature flags',
    description:
      'List feature flags (newest first), optionally searching key/name or filtering by active. Each has id, key, name, active, rollout (who gets it, in words) and a link.',
    toolset: 'feature_flags',
    input: {
      search,
      active: z.boolean().optional().describe('Only active (true) or inactive (false) flags'),
      ...paging,
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = await ctx.api.list(flagPath(), 'feature flags', {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        query: { search: args.search, active: args.active === undefined ? undefined : String(args.active) },
      });
      const link = await ctx.api.links();
      return listResult(
        page,
        (f) =>
          compact({
            id: f.id,
            key: f.key,
            name: f.name,
            active: f.active !== false,
            rollout: rolloutSummary(f.filters),
            url: link(`feature_flags/${f.id}`),
          }),
        link('feature_flags/{id}'),
      );
    },
  }),
  defineTool({
    name: 'get_feature_flag',
    title: 'Get feature flag',
    description:
      'Get one feature flag by flag_id or by its exact flag_key: active state, tags, full filters (conditions, variants, payloads) and link.',
    toolset: 'feature_flags',
    input: {
      flag_id: flagId.optional(),
      flag_key: z.string().min(1).max(400).optional().describe("The flag's key, e.g. 'new-onboarding-flow'"),
    },
    annotations: READ,
    check: (a) =>
      a.flag_id === undefined && a.flag_key === undefined
        ? 'give flag_id or flag_key'
        : a.flag_id !== undefined && a.flag_key !== undefined
          ? 'give flag_id or flag_key, not both'
          : undefined,
    handler: async (args, ctx) => {
      const flag = args.flag_id !== undefined ? await flagById(ctx, args.flag_id) : await flagByKey(ctx, args.flag_key!);
      return flagDetail(ctx, flag);
    },
  }),
  defineTool({
    name: 'create_feature_flag',
    title: 'Create feature flag',
    description:
      'Create a feature flag. Give rollout_percentage for a simple rollout to all users, or full filters for conditions/variants/payloads (not both); with neither it is 100% of users (active: false creates it off). Returns the flag.',
    toolset: 'feature_flags',
    input: {
      key: z
        .string()
        .min(1)
        .max(400)
        .regex(KEY_RE, 'Only letters, numbers, hyphens (-) & underscores (_) are allowed.')
        .describe('Unique key used in code, e.g. new-checkout'),
      name: z.string().max(4000).optional().describe('Description of what the flag does'),
      active: z.boolean().optional().describe('Whether the flag is on (default true)'),
      rollout_percentage: rolloutPercentage.optional().describe('Percent of all users who get the flag, 0-100'),
      filters: filtersInput.optional(),
    },
    annotations: ADD,
    check: (a) =>
      a.rollout_percentage !== undefined && a.filters !== undefined
        ? 'give rollout_percentage or filters, not both'
        : checkFilters(a.filters),
    handler: async (args, ctx) => {
      const filters = args.filters
        ? filtersForPostHog(args.filters)
        : { groups: [{ properties: [], rollout_percentage: args.rollout_percentage ?? 100 }] };
      const body = { ...given(args, ['key', 'name', 'active']), filters };
      return flagDetail(ctx, await ctx.api.create(flagPath(), body, `feature flag '${args.key}'`));
    },
  }),
  defineUpdateTool({
    name: 'update_feature_flag',
    title: 'Update feature flag',
    description:
      "Change a flag's name, active state, rollout or filters; only the fields given are sent. rollout_percentage alone reads the flag and sets that rollout on every condition set, keeping their properties.",
    toolset: 'feature_flags',
    input: {
      flag_id: flagId,
      name: z.string().max(4000).optional().describe('New description'),
      active: z.boolean().optional().describe('Turn the flag on (true) or off (false)'),
      rollout_percentage: rolloutPercentage.optional().describe('New rollout for every condition set, 0-100'),
      filters: filtersInput.optional().describe('Replaces all filters (conditions, variants, payloads)'),
    },
    annotations: CHANGE,
    check: (a) => {
      if (a.rollout_percentage !== undefined && a.filters !== undefined) return 'give rollout_percentage or filters, not both';
      return checkFilters(a.filters);
    },
    handler: async (args, ctx) => {
      const body = given(args, ['name', 'active']);
      if (args.filters) body.filters = filtersForPostHog(args.filters);
      if (args.rollout_percentage !== undefined) {
        const current = await flagById(ctx, args.flag_id);
        body.filters = withRollout(current.filters, args.rollout_percentage);
      }
      return flagDetail(ctx, await ctx.api.patch(flagPath(args.flag_id), body, `feature flag ${args.flag_id}`));
    },
  }),
  defineTool({
    name: 'delete_feature_flag',
    title: 'Delete feature flag',
    description: 'Delete a feature flag (a soft delete: PostHog keeps it restorable). Code still calling it will get false.',
    toolset: 'feature_flags',
    input: { flag_id: flagId },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const f = await ctx.api.softDelete(flagPath(args.flag_id), `feature flag ${args.flag_id}`);
      return compact({ id: f?.id ?? args.flag_id, key: f?.key, deleted: true });
    },
  }),
  ...flagActivityTools,
];
