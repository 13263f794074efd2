/** Cohorts: saved groups of persons, by criteria (dynamic) or by list (static). */
import { OPERATOR_WORDS } from '../../posthog/operators';
import { z } from 'zod';
import { resourcePath } from '../api';
import { ADD, CHANGE, READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import type { Row } from '../values';
import { DEFAULT_LIMIT, compact, defineUpdateTool, given, id, jsonObject, listResult, paging, personName, search } from './common';

const cohortId = id('cohort');
const cohortPath = resourcePath('cohorts');

const filters = jsonObject(
  'Criteria: {"properties": {"type": "OR", "values": [{"type": "AND", "values": [leaf...]}]}}; a leaf is ' +
    '{"type": "person", "key", "operator", "value"}, {"type": "behavioral", "key": event, "value": "performed_event", ' +
    '"event_type": "events", "time_value", "time_interval"} or {"type": "cohort", "key": "id", "value": cohort id}',
);
const groups = z
  .array(z.record(z.unknown()))
  .max(100)
  .describe('Legacy criteria, OR-ed: [{"properties": [{key, value, operator, type: "person"}]}]');

const OPS = OPERATOR_WORDS;

function leafText(p: Row): string {
  const not = p.negation ? 'not ' : '';
  const value = Array.isArray(p.value) ? p.value.map((v) => JSON.stringify(v)).join(' or ') : JSON.stringify(p.value ?? null);
  if (p.type === 'cohort') return `${not}in cohort ${p.value}`;
  if (p.type === 'behavioral') {
    const window = p.time_value ? ` in the last ${p.time_value} ${p.time_interval ?? 'day'}${Number(p.time_value) === 1 ? '' : 's'}` : '';
    const times = p.operator_value !== undefined && p.operator ? ` ${OPS[String(p.operator)] ?? p.operator} ${p.operator_value} times` : '';
    const what = p.event_type === 'actions' ? `action ${p.key}` : `"${p.key}"`;
    const verb =
      p.value === 'performed_event' || p.value === 'performed_event_multiple' || p.value === undefined
        ? 'performed'
        : String(p.value).replace(/_/g, ' ');
    return `${not}${verb} ${what}${times}${window}`;
  }
  if (p.operator === 'is_set') return `${not}${p.key} is set`;
  if (p.operator === 'is_not_set') return `${not}${p.key} is not set`;
  return `${not}${p.key} ${OPS[String(p.operator)] ?? p.operator ?? '='} ${value}`;
}

function summarize(node: unknown, depth: number): { text: string; compound: boolean } | undefined {
  if (!node || typeof node !== 'object' || depth > 8) return undefined;
  const n = node as Row;
  if (n.type === 'AND' || n.type === 'OR') {
    const parts = (Array.isArray(n.values) ? (n.values as Row[]) : [])
      .map((v) => summarize(v, depth + 1))
      .filter((p): p is { text: string; compound: boolean } => !!p);
    if (parts.length === 0) return undefined;
    if (parts.length === 1) return parts[0];
    return { text: parts.map((p) => (p.compound ? `(${p.text})` : p.text)).join(` ${n.type} `), compound: true };
  }
  return n.type ? { text: leafText(n), compound: false } : undefined;
}

/** A one-line reading of cohort criteria, e.g. `plan = "premium" AND not performed "logged_in" in the last 30 days`. */
export function criteriaSummary(filters: unknown): string | undefined {
  if (!filters || typeof filters !== 'object') return undefined;
  return summarize((filters as Row).properties, 0)?.text;
}

/**
 * Legacy `groups` as the equivalent `filters`, the way PostHog reads them (`Cohort.properties` in
 * posthog/models/cohort/cohort.py): the groups are OR-ed; a group's `properties` are AND-ed, a
 * property typed `event` or untyped is a person property, and an old `{key: value}` object is a list
 * of person properties; otherwise its `action_id` / `event_id` is "performed it in the last `days`
 * (365) days", `count` times with `count_operator`. Returns a message for a group it cannot read.
 */
export function filtersFromGroups(groups: Row[]): Row | string {
  const values: Row[] = [];
  for (const [i, group] of groups.entries()) {
    const props = group.properties;
    if (Array.isArray(props) && props.length) {
      const leaves = (props as unknown[]).map((p) => {
        const leaf = { ...(p as Row) };
        if (leaf.type === undefined || leaf.type === 'event') leaf.type = 'person';
        return leaf;
      });
      values.push({ type: 'AND', values: leaves });
    } else if (props && typeof props === 'object' && !Array.isArray(props) && Object.keys(props).length) {
      values.push({ type: 'AND', values: Object.entries(props).map(([key, value]) => ({ key, value, type: 'person' })) });
    } else if (group.action_id || group.event_id) {
      const count = Math.max(0, Math.trunc(Number(group.count ?? 0)) || 0);
      const leaf: Row = {
        key: group.action_id || group.event_id,
        type: 'behavioral',
        value: count ? 'performed_event_multiple' : 'performed_event',
        event_type: group.action_id ? 'actions' : 'events',
        time_interval: 'day',
        time_value: group.days || 365,
        operator_value: count,
      };
      if (group.count_operator !== undefined) leaf.operator = group.count_operator;
      values.push({ type: 'AND', values: [leaf] });
    } else {
      return `groups[${i}] has no properties, action_id or event_id`;
    }
  }
  return { properties: { type: 'OR', values } };
}

function cohortRow(c: Row, url: string, detail = false) {
  const isStatic = !!c.is_static;
  return compact({
    id: c.id,
    name: c.name || 'Untitled cohort',
    description: c.description,
    is_static: isStatic,
    count: c.count ?? undefined,
    calculating: c.is_calculating ? true : undefined,
    criteria: isStatic ? undefined : criteriaSummary(c.filters),
    filters: detail && !isStatic ? c.filters : undefined,
    error: c.errors_calculating ? c.last_error_message || `${c.errors_calculating} calculation errors` : undefined,
    created_by: personName(c.created_by),
    created_at: detail ? c.created_at : undefined,
    last_calculation: detail ? c.last_calculation : undefined,
    deleted: c.deleted ? true : undefined,
    url,
  });
}

async function cohortDetail(ctx: ToolContext, c: Row) {
  return cohortRow(c, await ctx.api.link(`cohorts/${c.id}`), true);
}

export const cohortsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_cohorts',
    title: 'List cohorts',
    description: 'List cohorts (saved groups of persons), newest first, with their size and criteria; search matches names.',
    toolset: 'cohorts',
    input: { search, ...paging },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = await ctx.api.list(cohortPath(), 'cohorts', {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        query: { search: args.search },
      });
      const link = await ctx.api.links();
      return listResult(page, (c) => cohortRow(c, link(`cohorts/${c.id}`)), link('cohorts/{id}'));
    },
  }),
  defineTool({
    name: 'create_cohort',
    title: 'Create cohort',
    description:
      'Create a cohort from criteria (filters, or legacy groups). A static cohort (is_static) is a fixed list and needs no criteria. Returns it with its id and link.',
    toolset: 'cohorts',
    input: {
      name: z.string().trim().min(1).max(400).describe('Cohort name'),
      filters: filters.optional(),
      groups: groups.optional(),
      description: z.string().max(1000).optional().describe('What the cohort is for'),
      is_static: z.boolean().optional().describe('A fixed list of persons instead of criteria (default false)'),
    },
    annotations: ADD,
    check: (a) =>
      !a.is_static && a.filters === undefined && a.groups === undefined ? 'give filters or groups (or is_static: true)' : undefined,
    handler: async (args, ctx) => {
      const body = given(args, ['name', 'description', 'filters', 'groups', 'is_static']);
      return cohortDetail(ctx, await ctx.api.create(cohortPath(), body, `cohort "${args.name}"`));
    },
  }),
  defineTool({
    name: 'get_cohort',
    title: 'Get cohort',
    description: 'Get one cohort with its criteria (filters) and size.',
    toolset: 'cohorts',
    input: { cohort_id: cohortId },
    annotations: READ,
    handler: async (args, ctx) => {
      return cohortDetail(ctx, await ctx.api.get(cohortPath(args.cohort_id), `cohort ${args.cohort_id}`));
    },
  }),
  defineUpdateTool({
    name: 'update_cohort',
    title: 'Update cohort',
    description:
      "Change a cohort's name, description or criteria. Only the fields given are changed; new criteria replace the old ones. Legacy groups are sent as the equivalent filters, which PostHog reads first.",
    toolset: 'cohorts',
    input: {
      cohort_id: cohortId,
      name: z.string().trim().min(1).max(400).optional().describe('New name'),
      description: z.string().max(1000).optional().describe('New description'),
      filters: filters.optional(),
      groups: groups.optional(),
    },
    annotations: CHANGE,
    check: (a) => {
      if (a.filters !== undefined && a.groups !== undefined) return 'give filters or groups, not both';
      if (a.groups === undefined) return undefined;
      const translated = filtersFromGroups(a.groups);
      return typeof translated === 'string' ? translated : undefined;
    },
    handler: async (args, ctx) => {
      // PostHog reads a cohort's criteria from `filters` whenever it is non-empty, so a PATCH of
      // `groups` alone is stored but ignored (posthog/api/cohort.py CohortSerializer.update,
      // Cohort.properties): send the groups as the filters PostHog would make of them.
      const body = given(args, ['name', 'description', 'filters']);
      if (args.groups !== undefined) body.filters = filtersFromGroups(args.groups) as Row;
      return cohortDetail(ctx, await ctx.api.patch(cohortPath(args.cohort_id), body, `cohort ${args.cohort_id}`));
    },
  }),
  defineTool({
    name: 'delete_cohort',
    title: 'Delete cohort',
    description:
      'Delete a cohort (a soft delete). PostHog refuses while active feature flags, insights or other cohorts use it, and says which.',
    toolset: 'cohorts',
    input: { cohort_id: cohortId },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const c = await ctx.api.softDelete(cohortPath(args.cohort_id), `cohort ${args.cohort_id}`);
      return compact({ id: c?.id ?? args.cohort_id, name: c?.name, deleted: true });
    },
  }),
];
