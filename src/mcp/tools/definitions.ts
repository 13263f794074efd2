/**
 * The project's event and property definitions (its taxonomy): which events and properties exist,
 * from PostHog's `event_definitions/` and `property_definitions/` (posthog/api/event_definition.py,
 * property_definition.py). Part of the `events` toolset: what an agent or the editor needs to name
 * an event or property that PostHog knows.
 */
import { z } from 'zod';
import { describeError } from '../../posthog/errors';
import { READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import type { Row } from '../values';
import { DEFAULT_LIMIT, compact, listResult, paging } from './common';

/** Events per name over the last 30 days, in one query for the whole project. */
async function volumes30Days(ctx: ToolContext): Promise<Map<string, number>> {
  // Newer PostHog no longer serves `volume_30_day` on definitions: counted from events instead.
  const d = await ctx.api.query<Row>(
    {
      kind: 'HogQLQuery',
      query: 'SELECT event, count() FROM events WHERE timestamp >= now() - INTERVAL 30 DAY GROUP BY event LIMIT 50000',
    },
    'count events of the last 30 days',
  );
  const out = new Map<string, number>();
  for (const row of Array.isArray(d?.results) ? (d.results as unknown[][]) : []) {
    if (Array.isArray(row) && typeof row[0] === 'string') out.set(row[0], Number(row[1]) || 0);
  }
  return out;
}

export const definitionsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_event_definitions',
    title: 'List event definitions',
    description:
      "Events this project has received (its event definitions), most recently seen first (shortest match first when searching): name, 30-day volume (volume_30_day), last seen. Use it for an event's exact name.",
    toolset: 'events',
    input: {
      search: z.string().max(200).optional().describe('Words the event name must all contain (case-insensitive)'),
      ...paging,
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const [page, volumes] = await Promise.all([
        ctx.api.list('event_definitions/', 'event definitions', {
          limit: args.limit ?? DEFAULT_LIMIT,
          offset: args.offset,
          query: { search: args.search },
        }),
        volumes30Days(ctx).then(
          (v) => ({ ok: true as const, v }),
          (err: unknown) => ({ ok: false as const, error: describeError(err) }),
        ),
      ]);
      const result = listResult(page, (e) =>
        compact({
          name: e.name,
          volume_30_day:
            typeof e.volume_30_day === 'number' ? e.volume_30_day : volumes.ok ? (volumes.v.get(String(e.name)) ?? 0) : undefined,
          last_seen_at: e.last_seen_at,
        }),
      );
      // The definitions are still worth having when the count failed (a key without query:read): say why volume is missing.
      return volumes.ok ? result : { ...result, volume_unavailable: volumes.error };
    },
  }),
  defineTool({
    name: 'list_property_definitions',
    title: 'List property definitions',
    description:
      "Property names seen on events (the default), persons or groups, with their type (String, Numeric, Boolean, DateTime); event_names keeps those seen on the given events. Use it for a property's exact name.",
    toolset: 'events',
    input: {
      type: z.enum(['event', 'person', 'group']).optional().describe('Properties of events (default), persons or groups'),
      search: z.string().max(200).optional().describe('Words the property name must all contain (case-insensitive)'),
      event_names: z
        .array(z.string().min(1).max(400))
        .min(1)
        .max(50)
        .optional()
        .describe("Only properties seen on these events (type event), e.g. ['$pageview']"),
      group_type_index: z.number().int().min(0).max(4).optional().describe('The group type (0-4), required with type group'),
      ...paging,
    },
    annotations: READ,
    check: (a) => {
      const type = a.type ?? 'event';
      if (type === 'group' && a.group_type_index === undefined)
        return 'give group_type_index with type group (0-4, the order group types were first seen)';
      if (type !== 'group' && a.group_type_index !== undefined) return 'group_type_index goes with type group only';
      if (type !== 'event' && a.event_names !== undefined) return 'event_names goes with type event only';
      return undefined;
    },
    handler: async (args, ctx) => {
      const page = await ctx.api.list('property_definitions/', `${args.type ?? 'event'} property definitions`, {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        query: {
          type: args.type ?? 'event',
          search: args.search,
          group_type_index: args.group_type_index,
          event_names: args.event_names ? JSON.stringify(args.event_names) : undefined,
          filter_by_event_names: args.event_names ? 'true' : undefined,
        },
      });
      return listResult(page, (p) => compact({ name: p.name, property_type: p.property_type }));
    },
  }),
];
