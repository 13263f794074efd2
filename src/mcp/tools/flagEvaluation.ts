/**
 * Feature flag evaluation for one user, as PostHog's SDKs see it: POST `/flags/?v=2` on the
 * ingestion host with the project API token (`/decide/?v=3` on an old PostHog without `/flags`).
 * Read-only, so safe to retry.
 */
import { z } from 'zod';
import { PostHogError } from '../../posthog/errors';
import { resourcePath } from '../api';
import { READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import { isPlainObject, type Row } from '../values';
import { jsonObject } from './common';
import { LegacyFallback } from './legacyFallback';

const distinctId = z.string().trim().min(1).max(200).describe("The user's distinct id");
const flagKey = z.string().trim().min(1).max(400).describe("The flag's key");
const personProperties = jsonObject('Person properties to evaluate with, overriding stored ones').optional();
const groups = z.record(z.string()).optional().describe('Groups the user belongs to, by type, e.g. {"company": "acme"}');

const flagPath = resourcePath('feature_flags');

const REASONS: Record<string, string> = {
  condition_match: 'Matched a condition set',
  no_condition_match: 'No matching condition set',
  out_of_rollout_bound: 'Out of rollout bound',
  no_group_type: 'The flag is for a group type the request did not include',
  super_condition_value: 'Decided by early access enrolment',
  holdout_condition_value: 'In a holdout group',
  flag_disabled: 'Feature flag is disabled',
  missing_dependency: 'A flag this flag depends on is missing',
};

interface Evaluation {
  key: string;
  enabled: boolean;
  variant?: string;
  reason: string;
  payload: unknown;
  failed?: boolean;
}

/**
 * A payload as the JSON value it encodes. PostHog stores and answers payloads JSON-encoded
 * (`"\"hello\""`, `"42"`, `"{\"a\":1}"`: rust/feature-flags `get_matching_payload`, and `/decide`'s
 * `featureFlagPayloads`), so every string is parsed; one that is not JSON stays as it is, and an
 * already parsed value passes through (posthog-js `parsePayload`).
 */
export function payloadValue(raw: unknown): unknown {
  if (raw === undefined) return null;
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** `/flags`, or `/decide/?v=3` on a host without it (an old self-hosted PostHog answered 404). */
const decideFallback = new LegacyFallback();

/**
 * POSTs the evaluation request to `/flags/?v=2`, or to the legacy `/decide/?v=3` (same body; posthog/api/decide.py)
 * when this host has no `/flags`.
 */
async function requestFlags(ctx: ToolContext, body: Row, action: string): Promise<unknown> {
  const flags = async (): Promise<unknown> => {
    try {
      return (await ctx.api.ingest('/flags/', body, action, { query: { v: 2 }, readOnly: true })) ?? null;
    } catch (err) {
      if (err instanceof PostHogError && err.status === 404) return undefined;
      throw err;
    }
  };
  const decide = () => ctx.api.ingest('/decide/', body, action, { query: { v: 3 }, readOnly: true });
  return decideFallback.run(ctx.client.ingestionHost, flags, decide);
}

function reasonText(reason: unknown): string {
  if (!isPlainObject(reason)) return 'No reason given';
  if (typeof reason.description === 'string' && reason.description) return reason.description;
  const code = typeof reason.code === 'string' ? reason.code : undefined;
  return (code && REASONS[code]) ?? code ?? 'No reason given';
}

/** Calls /flags and returns every flag's evaluation, from the v2 shape or the legacy one. */
async function evaluateAll(
  ctx: ToolContext,
  args: { distinct_id: string; person_properties?: Row; groups?: Record<string, string> },
  action: string,
) {
  const token = await ctx.api.projectToken();
  const body: Row = { api_key: token, distinct_id: args.distinct_id };
  if (args.person_properties) body.person_properties = args.person_properties;
  if (args.groups) body.groups = args.groups;
  let data: Row;
  try {
    const answer = await requestFlags(ctx, body, action);
    data = isPlainObject(answer) ? answer : {};
  } catch (err) {
    if (err instanceof PostHogError && err.kind === 'auth') {
      throw new PostHogError({
        kind: 'auth',
        status: err.status,
        message: `Could not ${action}: ${ctx.client.ingestionHost} rejected the project API token (401). Check that the host matches the project's region, and sign in again if the project's token was reset.`,
      });
    }
    throw err;
  }
  const out = new Map<string, Evaluation>();
  if (isPlainObject(data.flags)) {
    for (const [key, d] of Object.entries(data.flags)) {
      if (!isPlainObject(d)) continue;
      const enabled = d.enabled === true;
      const variant = typeof d.variant === 'string' ? d.variant : undefined;
      const failed = d.failed === true;
      out.set(key, {
        key,
        enabled,
        variant,
        reason: failed ? `Evaluation failed: ${reasonText(d.reason)}` : reasonText(d.reason),
        payload: payloadValue(isPlainObject(d.metadata) ? d.metadata.payload : undefined),
        failed: failed || undefined,
      });
    }
  } else if (isPlainObject(data.featureFlags)) {
    // /decide?v=3 or an older /flags: values only, no reasons (posthog-js `normalizeFlagsResponse`).
    const payloads = isPlainObject(data.featureFlagPayloads) ? data.featureFlagPayloads : {};
    for (const [key, v] of Object.entries(data.featureFlags)) {
      const enabled = v !== false && v !== null && v !== undefined;
      out.set(key, {
        key,
        enabled,
        variant: typeof v === 'string' ? v : undefined,
        reason: enabled ? 'Enabled (this PostHog does not report reasons)' : 'Disabled (this PostHog does not report reasons)',
        payload: payloadValue(payloads[key]),
      });
    }
  }
  return { flags: out, errors: data.errorsWhileComputingFlags === true };
}

/** Why a flag was missing from the answer: it does not exist, is inactive, or was deleted. */
async function missingReason(ctx: ToolContext, key: string): Promise<string> {
  try {
    const page = await ctx.api.list(flagPath(), { action: `look up feature flag '${key}'` }, { limit: 100, query: { search: key } });
    const flag = page.results.find((f) => f.key === key);
    if (!flag) return `No feature flag with key '${key}' exists in this project (flag not found)`;
    if (flag.active === false) return `Flag '${key}' is inactive (turned off), so it is off for everyone`;
    return `Flag '${key}' exists and is active but PostHog did not evaluate it yet; try again in a minute`;
  } catch (err) {
    if (err instanceof PostHogError && err.kind === 'cancelled') throw err;
    return `Flag '${key}' was not in PostHog's answer: flag not found or inactive`;
  }
}

async function evaluateOne(
  ctx: ToolContext,
  args: { distinct_id: string; flag_key: string; person_properties?: Row; groups?: Record<string, string> },
) {
  const { flags } = await evaluateAll(ctx, args, `evaluate feature flag '${args.flag_key}' for '${args.distinct_id}'`);
  const hit = flags.get(args.flag_key);
  if (hit) return hit;
  return { key: args.flag_key, enabled: false, reason: await missingReason(ctx, args.flag_key), payload: null } as Evaluation;
}

const evalInput = { distinct_id: distinctId, person_properties: personProperties, groups };

export const flagEvaluationTools: ToolDefinition[] = [
  defineTool({
    name: 'check_feature_flag',
    title: 'Check feature flag',
    description: 'Evaluate one feature flag for a user as PostHog would serve it: enabled, the variant (multivariate flags) and why.',
    toolset: 'flag_evaluation',
    input: { distinct_id: distinctId, flag_key: flagKey, person_properties: personProperties, groups },
    annotations: READ,
    output: {
      flag_key: z.string(),
      enabled: z.boolean(),
      variant: z.string().optional(),
      reason: z.string(),
    },
    handler: async (args, ctx) => {
      const e = await evaluateOne(ctx, args);
      return { flag_key: args.flag_key, enabled: e.enabled, ...(e.variant ? { variant: e.variant } : {}), reason: e.reason };
    },
  }),
  defineTool({
    name: 'get_feature_flag_payload',
    title: 'Get feature flag payload',
    description:
      'Get the JSON payload a user receives from a feature flag (for their variant); payload is null when the flag is off or has none.',
    toolset: 'flag_evaluation',
    input: { distinct_id: distinctId, flag_key: flagKey, person_properties: personProperties, groups },
    annotations: READ,
    handler: async (args, ctx) => {
      const e = await evaluateOne(ctx, args);
      return {
        flag_key: args.flag_key,
        enabled: e.enabled,
        ...(e.variant ? { variant: e.variant } : {}),
        payload: e.enabled ? (e.payload ?? null) : null,
        ...(e.enabled ? {} : { reason: e.reason }),
      };
    },
  }),
  defineTool({
    name: 'get_all_flags',
    title: 'Get all flags for a user',
    description: 'Evaluate every feature flag for a user: {flag_key: true | false | "variant"}.',
    toolset: 'flag_evaluation',
    input: evalInput,
    annotations: READ,
    handler: async (args, ctx) => {
      const { flags, errors } = await evaluateAll(ctx, args, `evaluate feature flags for '${args.distinct_id}'`);
      const values: Record<string, boolean | string> = {};
      for (const key of [...flags.keys()].sort()) {
        const e = flags.get(key)!;
        values[key] = e.enabled ? (e.variant ?? true) : false;
      }
      const failed = [...flags.values()].filter((e) => e.failed).map((e) => e.key);
      return {
        distinct_id: args.distinct_id,
        flags: values,
        ...(errors ? { errors_while_computing_flags: true } : {}),
        ...(failed.length ? { failed_flags: failed } : {}),
      };
    },
  }),
];
