/** Annotations: notes pinned to a point in time on charts (deploys, campaigns, incidents). */
import { z } from 'zod';
import { resourcePath } from '../api';
import { ADD, CHANGE, READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import type { Row } from '../values';
import { DEFAULT_LIMIT, compact, defineUpdateTool, given, id, listResult, paging, personName, search } from './common';

const annotationId = id('annotation');
const annotationPath = resourcePath('annotations');

/** ISO 8601 date or date-time, as PostHog's DateTimeField reads it. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
/** 2025-02-30 fits the pattern but is no day of the calendar. */
function realDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return (
    day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(s.replace(' ', 'T')))
  );
}
const dateMarker = z
  .string()
  .regex(ISO_DATE, 'use an ISO 8601 date or date-time, e.g. 2025-01-15T12:00:00Z')
  .refine(realDate, 'not a real date')
  .describe('When it happened, ISO 8601 (e.g. 2025-01-15T12:00:00Z)');
const content = z.string().trim().min(1).max(400).describe('The note shown on charts');
const scope = z
  .enum(['project', 'organization', 'dashboard'])
  .describe('Where it shows: project (all charts), organization (every project), dashboard (only dashboard_id)');
const dashboardId = z.number().int().positive().describe('Dashboard to attach it to');

function annotationRow(a: Row, url: string, detail = false) {
  return compact({
    id: a.id,
    content: a.content,
    date_marker: a.date_marker,
    scope: a.scope,
    dashboard_id: a.dashboard_id,
    dashboard_name: a.dashboard_name,
    insight_short_id: a.insight_short_id,
    insight_name: a.insight_name || a.insight_derived_name,
    tags: a.tags,
    emoji: a.emoji,
    creation_type: a.creation_type === 'GIT' ? 'GIT' : undefined,
    created_by: personName(a.created_by),
    created_at: detail ? a.created_at : undefined,
    deleted: a.deleted ? true : undefined,
    url,
  });
}

async function annotationDetail(ctx: ToolContext, a: Row) {
  return annotationRow(a, await ctx.api.link(`data-management/annotations/${a.id}`), true);
}

export const annotationsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_annotations',
    title: 'List annotations',
    description: 'List chart annotations (deploys, campaigns, incidents), newest date first; search matches their text.',
    toolset: 'annotations',
    input: { search, ...paging },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = await ctx.api.list(annotationPath(), 'annotations', {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        query: { search: args.search },
      });
      const link = await ctx.api.links();
      return listResult(
        page,
        (a) => annotationRow(a, link(`data-management/annotations/${a.id}`)),
        link('data-management/annotations/{id}'),
      );
    },
  }),
  defineTool({
    name: 'create_annotation',
    title: 'Create annotation',
    description: "Mark a moment on the project's charts (a deploy, campaign or incident). Returns the annotation with its id and link.",
    toolset: 'annotations',
    input: {
      content,
      date_marker: dateMarker,
      scope: scope.optional().describe('Where it shows (default project): project, organization, or dashboard (needs dashboard_id)'),
      dashboard_id: dashboardId.optional(),
      creation_type: z.enum(['USR', 'GIT']).optional().describe('USR for a person (default), GIT for a bot or deploy'),
    },
    annotations: ADD,
    check: (a) => (a.scope === 'dashboard' && a.dashboard_id === undefined ? "scope 'dashboard' needs dashboard_id" : undefined),
    handler: async (args, ctx) => {
      const body = {
        content: args.content,
        date_marker: args.date_marker,
        scope: args.scope ?? 'project',
        creation_type: args.creation_type ?? 'USR',
        ...given(args, ['dashboard_id']),
      };
      return annotationDetail(ctx, await ctx.api.create(annotationPath(), body, 'annotation'));
    },
  }),
  defineTool({
    name: 'get_annotation',
    title: 'Get annotation',
    description: 'Get one annotation by id: its text, date, scope, dashboard and author.',
    toolset: 'annotations',
    input: { annotation_id: annotationId },
    annotations: READ,
    handler: async (args, ctx) => {
      return annotationDetail(ctx, await ctx.api.get(annotationPath(args.annotation_id), `annotation ${args.annotation_id}`));
    },
  }),
  defineUpdateTool({
    name: 'update_annotation',
    title: 'Update annotation',
    description: "Change an annotation's text, date, scope or dashboard. Only the fields given are changed.",
    toolset: 'annotations',
    input: {
      annotation_id: annotationId,
      content: content.optional().describe('New text'),
      date_marker: dateMarker.optional(),
      scope: scope.optional(),
      dashboard_id: dashboardId.optional(),
    },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const body = given(args, ['content', 'date_marker', 'scope', 'dashboard_id']);
      return annotationDetail(ctx, await ctx.api.patch(annotationPath(args.annotation_id), body, `annotation ${args.annotation_id}`));
    },
  }),
];
