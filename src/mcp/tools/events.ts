/**
 * Event tracking through PostHog's ingestion host: capture, identify, group identify, group events.
 * Each event goes as a one-event batch to capture v1 (`/i/v1/analytics/events`, PostHog's Rust capture:
 * rust/capture/src/v1/), with the project token as Bearer (no personal key); a host without v1 (an
 * older PostHog answers 404/405) gets it on `/i/v0/e/` from then on. Every event carries a fresh uuid,
 * so a send repeated after a lost answer is de-duplicated by PostHog.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sleep } from '../../posthog/client';
import { PostHogError } from '../../posthog/errors';
import { SERVER_VERSION } from '../version';
import { ADD, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import { isPlainObject, type Row } from '../values';
import { compact, jsonObject } from './common';
import { LegacyFallback } from './legacyFallback';

const LIB = 'posthog-vscode-mcp';
const V1_PATH = '/i/v1/analytics/events';
/** How many times one event is sent while capture v1 answers `retry` (not persisted) for it. */
const MAX_V1_SENDS = 3;
/** The longest wait between those sends, whatever Retry-After says. */
const MAX_RETRY_WAIT_MS = 5_000;

/** Capture v1, or `/i/v0/e/` on a host without it (an older PostHog answered 404 or 405). */
const captureV0Fallback = new LegacyFallback();

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

/** A sent event: its uuid, and what PostHog noted when it kept it with a warning. */
export interface Delivery {
  uuid: string;
  warning?: string;
}

/** Sends one event (capture v1, or `/i/v0/e/` where the host has no v1). */
export async function sendEvent(ctx: ToolContext, e: OutgoingEvent, action: string): Promise<Delivery> {
  const token = await ctx.api.projectToken();
  const host = ctx.client.ingestionHost;
  const uuid = randomUUID();
  try {
    // Where v1 is missing nothing was stored: the same uuid goes to v0.
    return await captureV0Fallback.run(
      host,
      () => sendV1(ctx, token, uuid, e, action),
      async () => {
        await sendV0(ctx, token, uuid, e, action);
        return { uuid };
      },
    );
  } catch (err) {
    if (err instanceof PostHogError && err.kind === 'auth') {
      throw new PostHogError({
        kind: 'auth',
        status: err.status,
        message:
          `Could not ${action}: ${host} rejected the project API token (401). ` +
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
}

/** The legacy endpoint: the token in the body, the server's answer `{status: 1}` says nothing more. */
async function sendV0(ctx: ToolContext, token: string, uuid: string, e: OutgoingEvent, action: string): Promise<void> {
  const body = {
    api_key: token,
    uuid,
    event: e.event,
    distinct_id: e.distinct_id,
    properties: { $lib: LIB, ...e.properties },
    ...(e.timestamp ? { timestamp: e.timestamp } : {}),
  };
  await ctx.api.ingest('/i/v0/e/', body, action);
}

/**
 * Capture v1 (rust/capture/src/v1/analytics/{types,process,response}.rs): a one-event batch, judged
 * per event in a 200. Undefined when the host has no v1. The Request-Id and `created_at` stay the
 * same on every send of the event; `PostHog-Attempt` counts every attempt, the client's retries included.
 */
async function sendV1(ctx: ToolContext, token: string, uuid: string, e: OutgoingEvent, action: string): Promise<Delivery | undefined> {
  const now = new Date().toISOString();
  const requestId = randomUUID();
  const event: Row = { event: e.event, uuid, distinct_id: e.distinct_id, timestamp: e.timestamp ?? now, properties: e.properties };
  // A given timestamp is when it happened, not a reading of our clock: no correction for clock skew.
  if (e.timestamp) event.options = { disable_skew_correction: true };
  const body = { created_at: now, batch: [event] };
  let attempts = 0;
  for (let send = 1; ; send++) {
    const before = attempts;
    const headers = (attempt: number) => {
      attempts = before + attempt;
      return {
        Authorization: `Bearer ${token}`,
        'PostHog-Sdk-Info': `${LIB}/${SERVER_VERSION}`,
        'PostHog-Attempt': String(attempts),
        'PostHog-Request-Id': requestId,
        'PostHog-Request-Timestamp': new Date().toISOString(),
      };
    };
    const res = await ctx.api.ingestAnswer<unknown>(V1_PATH, body, action, { headers, acceptStatus: [400, 404, 405] });
    if (res.status === 404 || res.status === 405) return undefined;
    if (res.status === 400) throw refused(res.data, action);
    const verdict = verdictFor(res.data, uuid);
    if (verdict.result === 'drop') {
      throw new PostHogError({
        kind: 'validation',
        message: `Could not ${action}: PostHog dropped the event: ${verdict.details ?? 'no reason given'}. It was not captured.`,
      });
    }
    if (verdict.result === 'retry') {
      if (send >= MAX_V1_SENDS) {
        throw new PostHogError({
          kind: 'server',
          message: `Could not ${action}: PostHog did not store the event after ${send} sends (it answered "retry"${verdict.details ? `: ${verdict.details}` : ''}). It was not captured; try again in a minute.`,
        });
      }
      await sleep(retryWaitMs(res.headers['retry-after'], send), ctx.signal);
      continue;
    }
    // ok, warning, a result we do not know, or no result for our uuid: kept (as PostHog's SDKs count it).
    if (verdict.result === 'warning') return { uuid, warning: warningText(verdict.details) };
    return { uuid };
  }
}

function verdictFor(data: unknown, uuid: string): { result?: string; details?: string } {
  const results = isPlainObject(data) && isPlainObject(data.results) ? data.results : {};
  const mine = results[uuid];
  if (!isPlainObject(mine)) return {};
  return {
    result: typeof mine.result === 'string' ? mine.result : undefined,
    details: typeof mine.details === 'string' ? mine.details : undefined,
  };
}

/** A whole-batch 400 (`{error, error_description}`): nothing of it was stored. */
function refused(data: unknown, action: string): PostHogError {
  const said = isPlainObject(data) ? (data.error_description ?? data.error) : data;
  const reason = typeof said === 'string' && said.trim() ? said.trim() : 'no reason given';
  return new PostHogError({ kind: 'validation', status: 400, message: `Could not ${action}: PostHog refused the event (400): ${reason}.` });
}

function warningText(details?: string): string {
  if (details === 'person_processing_disabled')
    return 'Captured with person processing off (person_processing_disabled): PostHog creates or updates no person for this distinct id.';
  return `Captured with a warning from PostHog${details ? `: ${details}` : ''}.`;
}

/** Retry-After (seconds) as a floor over a short backoff, capped. */
function retryWaitMs(retryAfter: string | undefined, send: number): number {
  const floor = Number(retryAfter) * 1000;
  return Math.min(MAX_RETRY_WAIT_MS, Math.max(Number.isFinite(floor) ? floor : 0, 250 * send));
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
      const { uuid, warning } = await sendEvent(
        ctx,
        { event: args.event, distinct_id: args.distinct_id, properties: args.properties ?? {}, timestamp: args.timestamp },
        `capture event '${args.event}'`,
      );
      return compact({ status: 'captured', event: args.event, distinct_id: args.distinct_id, uuid, timestamp: args.timestamp, warning });
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
      const { uuid, warning } = await sendEvent(
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
        warning,
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
      const { uuid, warning } = await sendEvent(
        ctx,
        {
          event: '$groupidentify',
          distinct_id: `$${args.group_type}_${args.group_key}`,
          properties: { $group_type: args.group_type, $group_key: args.group_key, $group_set: args.properties },
        },
        `identify ${args.group_type} '${args.group_key}'`,
      );
      return compact({
        status: 'captured',
        event: '$groupidentify',
        group_type: args.group_type,
        group_key: args.group_key,
        uuid,
        warning,
      });
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
      const { uuid, warning } = await sendEvent(
        ctx,
        { event: args.event, distinct_id: args.distinct_id, properties: props },
        `capture event '${args.event}'`,
      );
      return compact({
        status: 'captured',
        event: args.event,
        distinct_id: args.distinct_id,
        group_type: args.group_type,
        group_key: args.group_key,
        uuid,
        warning,
      });
    },
  }),
];
