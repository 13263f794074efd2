/**
 * Event tracking through PostHog's ingestion host: capture, identify, group identify, group events.
 * The project API token goes in the body (no personal key); every event carries a fresh uuid, so a
 * retried send after a lost answer is de-duplicated by PostHog.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { PostHogError } from '../../posthog/errors';
import { ADD, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import { isPlainObject, type Row } from '../values';
import { compact, jsonObject } from './common';

const LIB = 'posthog-vscode-mcp';

const distinctId = z.string().trim().min(1).max(200).describe("The user's distinct id (the id your app identifies them by)");
const eventName = z.string().trim().min(1).max(200).describe("Event name, e.g. 'signed_up'");
const properties = jsonObject('Event properties');
const groupType = z.string().trim().min(1).max(400).describe("Group type, e.g. 'company'");
const groupKey = z.string().trim().min(1).max(400).describe("The group's key, e.g. 'acme-inc'");

interface OutgoingEvent {
  event: string;
  distinct_id: string;
  properties: Row;
  timestamp?: string;
}

/** Sends one event to `/i/v0/e/` and returns its uuid. */
export async function sendEvent(ctx: ToolContext, e: OutgoingEvent, action: string): Promise<string> {
  const token = await ctx.api.projectToken();
  const uuid = randomUUID();
  const body = {
    api_key: token,
    uuid,
    event: e.event,
    distinct_id: e.distinct_id,
    properties: { $lib: LIB, ...e.properties },
    ...(e.timestamp ? { timestamp: e.timestamp } : {}),
  };
  try {
    await ctx.api.ingest('/i/v0/e/', body, action);
  } catch (err) {
    if (err instanceof PostHogError && err.kind === 'auth') {
      throw new PostHogError({
        kind: 'auth',
        status: err.status,
        message:
          `Could not ${action}: ${ctx.client.ingestionHost} rejected the project API token (401). ` +
          "Check that the host matches the project's region, and sign in again if the project's token was reset.",
      });
    }
    if (err instanceof PostHogError && err.kind === 'outcome_unknown') {
      // The event went out and may have been stored. A new call would make a new uuid, so
      // sending it again could count it twice: say so instead of "try again".
      throw new PostHogError({
        kind: 'outcome_unknown',
        status: err.status,
        message: `${err.message.replace(/ Check the current state before trying again\.$/, '')} The event (uuid ${uuid}) may have been captured already: check in PostHog before sending it again, or it may be counted twice.`,
      });
    }
    throw err;
  }
  return uuid;
}

export const eventsTools: ToolDefinition[] = [
  defineTool({
    name: 'capture_event',
    title: 'Capture event',
    description: 'Send an event for a user to PostHog. Returns the event uuid; events appear in PostHog within a minute or so.',
    toolset: 'events',
    input: {
      distinct_id: distinctId,
      event: eventName,
      properties: properties.optional(),
      timestamp: z.string().datetime({ offset: true }).optional().describe('When it happened (ISO 8601); default now'),
    },
    annotations: ADD,
    handler: async (args, ctx) => {
      const uuid = await sendEvent(
        ctx,
        { event: args.event, distinct_id: args.distinct_id, properties: args.properties ?? {}, timestamp: args.timestamp },
        `capture event '${args.event}'`,
      );
      return compact({ status: 'captured', event: args.event, distinct_id: args.distinct_id, uuid, timestamp: args.timestamp });
    },
  }),
  defineTool({
    name: 'identify_user',
    title: 'Identify user',
    description:
      "Set a user's person properties ($identify with $set). Give anon_distinct_id to merge their anonymous activity into this user.",
    toolset: 'events',
    input: {
      distinct_id: distinctId,
      properties: jsonObject('Person properties to set, e.g. {"email": "a@b.com", "plan": "pro"}'),
      anon_distinct_id: z.string().trim().min(1).max(200).optional().describe('Their anonymous distinct id before they logged in'),
    },
    annotations: ADD,
    handler: async (args, ctx) => {
      const props: Row = { $set: args.properties };
      if (args.anon_distinct_id) props.$anon_distinct_id = args.anon_distinct_id;
      const uuid = await sendEvent(
        ctx,
        { event: '$identify', distinct_id: args.distinct_id, properties: props },
        `identify user '${args.distinct_id}'`,
      );
      return compact({
        status: 'captured',
        event: '$identify',
        distinct_id: args.distinct_id,
        anon_distinct_id: args.anon_distinct_id,
        uuid,
      });
    },
  }),
  defineTool({
    name: 'group_identify',
    title: 'Identify group',
    description: 'Create or update a group (e.g. a company) and set its properties ($groupidentify).',
    toolset: 'events',
    input: {
      group_type: groupType,
      group_key: groupKey,
      properties: jsonObject('Group properties to set, e.g. {"name": "Acme", "plan": "enterprise"}'),
    },
    annotations: ADD,
    handler: async (args, ctx) => {
      const uuid = await sendEvent(
        ctx,
        {
          event: '$groupidentify',
          distinct_id: `$${args.group_type}_${args.group_key}`,
          properties: { $group_type: args.group_type, $group_key: args.group_key, $group_set: args.properties },
        },
        `identify ${args.group_type} '${args.group_key}'`,
      );
      return { status: 'captured', event: '$groupidentify', group_type: args.group_type, group_key: args.group_key, uuid };
    },
  }),
  defineTool({
    name: 'capture_group_event',
    title: 'Capture group event',
    description: 'Send an event for a user, attributed to a group (e.g. their company) so group analytics count it.',
    toolset: 'events',
    input: {
      distinct_id: distinctId,
      event: eventName,
      group_type: groupType,
      group_key: groupKey,
      properties: properties.optional(),
    },
    annotations: ADD,
    handler: async (args, ctx) => {
      const props: Row = { ...(args.properties ?? {}) };
      const existing = isPlainObject(props.$groups) ? props.$groups : {};
      props.$groups = { ...existing, [args.group_type]: args.group_key };
      const uuid = await sendEvent(
        ctx,
        { event: args.event, distinct_id: args.distinct_id, properties: props },
        `capture event '${args.event}'`,
      );
      return {
        status: 'captured',
        event: args.event,
        distinct_id: args.distinct_id,
        group_type: args.group_type,
        group_key: args.group_key,
        uuid,
      };
    },
  }),
];
