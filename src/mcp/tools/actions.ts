/** Actions: named event definitions (list, create, get, update). */
import { z } from 'zod';
import { resourcePath } from '../api';
import { ADD, CHANGE, READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import type { Row } from '../values';
import { DEFAULT_LIMIT, compact, defineUpdateTool, given, id, listResult, paging, personName } from './common';

const actionId = id('action');
const actionPath = resourcePath('actions');

const matching = z.enum(['exact', 'contains', 'regex']);

/** One match group of an action; an action matches an event when any of its steps does. */
const step = z
  .object({
    event: z.string().max(400).optional().describe('Event name, e.g. "$pageview", "$autocapture", "signed_up"'),
    properties: z.array(z.record(z.unknown())).optional().describe('Property filters: [{key, value, operator?, type?: "event"|"person"}]'),
    url: z.string().optional().describe('Page URL to match'),
    url_matching: matching.optional().describe('How url matches (default contains)'),
    selector: z.string().optional().describe('CSS selector of the clicked element'),
    tag_name: z.string().optional().describe('HTML tag of the element'),
    text: z.string().optional().describe('Element text'),
    text_matching: matching.optional().describe('How text matches (default exact)'),
    href: z.string().optional().describe('Link target of the element'),
    href_matching: matching.optional().describe('How href matches (default exact)'),
  })
  .strict()
  .describe('A match group');

const steps = z.array(step).min(1).max(50).describe('Match groups, OR-ed: the action matches an event that fits any one');
const tags = z.array(z.string().min(1).max(255)).max(50).describe('Tags');

const STEP_FIELDS = ['event', 'properties', 'url', 'selector', 'tag_name', 'text', 'href'] as const;

/** Every step must say what it matches, or the action would match every event. */
function checkSteps(list: Row[] | undefined): string | undefined {
  if (!list) return undefined;
  const empty = list.findIndex(
    (s) => !STEP_FIELDS.some((f) => s[f] !== undefined && s[f] !== '' && !(Array.isArray(s[f]) && (s[f] as unknown[]).length === 0)),
  );
  return empty >= 0
    ? `steps[${empty}] matches nothing in particular: give it an event, url, selector, tag_name, text, href or properties`
    : undefined;
}

function stepRow(s: Row) {
  return compact({
    event: s.event,
    properties: s.properties,
    url: s.url,
    url_matching: s.url ? s.url_matching : undefined,
    selector: s.selector,
    tag_name: s.tag_name,
    text: s.text,
    text_matching: s.text ? s.text_matching : undefined,
    href: s.href,
    href_matching: s.href ? s.href_matching : undefined,
  });
}

/** One line per step, e.g. `pageview with url contains "/pricing"`. */
export function stepSummary(s: Row): string {
  const ev = s.event;
  const head =
    ev === '$pageview'
      ? 'pageview'
      : ev === '$autocapture'
        ? 'autocapture'
        : ev === '$screen'
          ? 'screen view'
          : ev
            ? `"${ev}"`
            : 'any event';
  const parts: string[] = [];
  if (s.url) parts.push(`url ${s.url_matching ?? 'contains'} "${s.url}"`);
  if (s.selector) parts.push(`element "${s.selector}"`);
  if (s.tag_name) parts.push(`tag <${s.tag_name}>`);
  if (s.text) parts.push(`text ${s.text_matching ?? 'exact'} "${s.text}"`);
  if (s.href) parts.push(`href ${s.href_matching ?? 'exact'} "${s.href}"`);
  const props = Array.isArray(s.properties) ? (s.properties as Row[]) : [];
  for (const p of props) parts.push(`${p.key} ${p.operator ?? 'exact'} ${JSON.stringify(p.value ?? null)}`);
  return parts.length ? `${head} with ${parts.join(', ')}` : head;
}

function actionSummary(a: Row): string | undefined {
  const list = Array.isArray(a.steps) ? (a.steps as Row[]) : [];
  return list.length ? list.map(stepSummary).join(' OR ') : undefined;
}

async function actionDetail(ctx: ToolContext, a: Row) {
  return compact({
    id: a.id,
    name: a.name || 'Unnamed action',
    description: a.description,
    tags: a.tags,
    matches: actionSummary(a),
    steps: Array.isArray(a.steps) ? (a.steps as Row[]).map(stepRow) : undefined,
    pinned: a.pinned_at ? true : undefined,
    created_by: personName(a.created_by),
    created_at: a.created_at,
    last_calculated_at: a.last_calculated_at,
    deleted: a.deleted ? true : undefined,
    url: await ctx.api.link(`data-management/actions/${a.id}`),
  });
}

export const actionsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_actions',
    title: 'List actions',
    description: 'List the project\'s actions (named definitions of events, e.g. "Signed up"), with what each matches and a link.',
    toolset: 'actions',
    input: { ...paging },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = await ctx.api.list(actionPath(), 'actions', {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        paginated: false,
      });
      const link = await ctx.api.links();
      return listResult(
        page,
        (a) =>
          compact({
            id: a.id,
            name: a.name || 'Unnamed action',
            description: a.description,
            tags: a.tags,
            matches: actionSummary(a),
            url: link(`data-management/actions/${a.id}`),
          }),
        link('data-management/actions/{id}'),
      );
    },
  }),
  defineTool({
    name: 'create_action',
    title: 'Create action',
    description:
      'Create an action: a named definition matching events (by event name, page URL, clicked element or properties). Returns it with its id and link.',
    toolset: 'actions',
    input: {
      name: z.string().trim().min(1).max(400).describe('Action name, unique in the project'),
      steps,
      description: z.string().max(4000).optional().describe('What the action means'),
      tags: tags.optional(),
    },
    annotations: ADD,
    check: (a) => checkSteps(a.steps),
    handler: async (args, ctx) => {
      const body = given(args, ['name', 'description', 'tags', 'steps']);
      return actionDetail(ctx, await ctx.api.create(actionPath(), body, `action "${args.name}"`));
    },
  }),
  defineTool({
    name: 'get_action',
    title: 'Get action',
    description: 'Get one action with its match steps.',
    toolset: 'actions',
    input: { action_id: actionId },
    annotations: READ,
    handler: async (args, ctx) => {
      return actionDetail(ctx, await ctx.api.get(actionPath(args.action_id), `action ${args.action_id}`));
    },
  }),
  defineUpdateTool({
    name: 'update_action',
    title: 'Update action',
    description:
      "Change an action's name, description, steps or tags. Only the fields given are changed; steps and tags are replaced whole.",
    toolset: 'actions',
    input: {
      action_id: actionId,
      name: z.string().trim().min(1).max(400).optional().describe('New name'),
      description: z.string().max(4000).optional().describe('New description'),
      steps: steps.optional(),
      tags: tags.optional().describe('Replaces the tags'),
    },
    annotations: CHANGE,
    check: (a) => checkSteps(a.steps),
    handler: async (args, ctx) => {
      const body = given(args, ['name', 'description', 'steps', 'tags']);
      return actionDetail(ctx, await ctx.api.patch(actionPath(args.action_id), body, `action ${args.action_id}`));
    },
  }),
];
