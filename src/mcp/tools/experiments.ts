/** Experiments: list, create (draft), get, update (only the fields given), and the flag-implementation check. */
import { z } from 'zod';
import { resourcePath } from '../api';
import { ADD, CHANGE, READ, defineTool, type ToolContext, type ToolDefinition } from '../tool';
import { PostHogError } from '../../posthog/errors';
import { isPlainObject, type Row } from '../values';
import { DEFAULT_LIMIT, compact, defineUpdateTool, given, id, listResult, paging, personName } from './common';
import { findFlagByKey } from './featureFlags';

const experimentId = id('experiment');
const experimentPath = resourcePath('experiments');

const STATUSES = ['draft', 'running', 'paused', 'stopped', 'all'] as const;

const variant = z
  .object({
    key: z.string().min(1).max(200).describe('Variant key; one must be "control"'),
    name: z.string().max(400).optional().describe('Display name'),
    split_percent: z.number().min(0).max(100).describe('Share of traffic, 0-100; all variants sum to 100'),
  })
  .strict();

const parameters = z
  .object({
    feature_flag_variants: z.array(variant).min(2).max(20).optional().describe('Variants (default control/test 50/50)'),
    rollout_percentage: z.number().min(0).max(100).optional().describe('Share of users in the experiment (default 100)'),
    minimum_detectable_effect: z.number().positive().max(100).optional().describe('Smallest effect worth detecting, in percent'),
  })
  .strict();

const isoDateTime = (what: string) =>
  z
    .string()
    .datetime({ offset: true })
    .nullable()
    .optional()
    .describe(`${what} (ISO 8601 date-time, e.g. 2025-01-31T09:00:00Z); null clears it`);

/** draft / running / paused / stopped, from PostHog's `status` or the dates. */
function statusOf(e: Row): string {
  if (typeof e.status === 'string' && e.status) return e.status;
  if (!e.start_date) return 'draft';
  if (e.end_date) return 'stopped';
  const flag = e.feature_flag as Row | null | undefined;
  return flag && flag.active === false ? 'paused' : 'running';
}

/** Variants with their split, from the experiment's parameters or else its flag. */
function variantsOf(e: Row): Array<{ key: unknown; split_percent?: unknown }> | undefined {
  const params = (e.parameters ?? {}) as Row;
  const fromParams = Array.isArray(params.feature_flag_variants) ? (params.feature_flag_variants as Row[]) : undefined;
  const flagFilters = ((e.feature_flag as Row | null | undefined)?.filters ?? {}) as Row;
  const fromFlag = ((flagFilters.multivariate as Row | undefined)?.variants as Row[] | undefined) ?? undefined;
  const list = fromParams && fromParams.length ? fromParams : fromFlag;
  if (!list) return undefined;
  return list.map((v) => compact({ key: v.key, split_percent: v.split_percent ?? v.rollout_percentage }));
}

/** What each metric measures: its name, type and the events it reads. */
function metricRow(m: Row) {
  const nodes: Row[] = [];
  for (const k of ['source', 'numerator', 'denominator', 'start_event', 'completion_event'])
    if (m[k] && typeof m[k] === 'object') nodes.push(m[k] as Row);
  if (Array.isArray(m.series)) nodes.push(...(m.series as Row[]));
  const events = nodes
    .map((n) => (typeof n.event === 'string' ? n.event : n.kind === 'ActionsNode' && n.id !== undefined ? `action ${n.id}` : undefined))
    .filter(Boolean);
  return compact({ name: m.name, metric_type: m.metric_type ?? m.kind, events });
}

/**
 * The body's `parameters` without the running-time calculator's key, which PostHog now reads from
 * `running_time_calculation` (products/experiments/backend/presentation/serializers.py).
 */
function withRunningTime(body: Row, params: z.infer<typeof parameters> | undefined): Row {
  if (!params) return body;
  const { minimum_detectable_effect: mde, ...rest } = params;
  delete body.parameters;
  if (Object.keys(rest).length) body.parameters = rest;
  if (mde !== undefined) body.running_time_calculation = { minimum_detectable_effect: mde };
  return body;
}

async function experimentDetail(ctx: ToolContext, e: Row) {
  const flag = (e.feature_flag ?? undefined) as Row | undefined;
  const params = (e.parameters ?? {}) as Row;
  const metrics = Array.isArray(e.metrics) ? (e.metrics as Row[]) : [];
  const secondary = Array.isArray(e.metrics_secondary) ? (e.metrics_secondary as Row[]) : [];
  return compact({
    id: e.id,
    name: e.name,
    description: e.description,
    status: statusOf(e),
    feature_flag_key: e.feature_flag_key ?? flag?.key,
    feature_flag_id: flag?.id,
    variants: variantsOf(e),
    rollout_percentage: params.rollout_percentage,
    // Its home is running_time_calculation; older experiments keep it in parameters.
    minimum_detectable_effect:
      (isPlainObject(e.running_time_calculation) ? e.running_time_calculation.minimum_detectable_effect : undefined) ??
      params.minimum_detectable_effect,
    start_date: e.start_date,
    end_date: e.end_date,
    archived: e.archived || undefined,
    deleted: e.deleted || undefined,
    conclusion: e.conclusion,
    conclusion_comment: e.conclusion_comment,
    metrics: metrics.map(metricRow),
    secondary_metrics: secondary.map(metricRow),
    created_by: personName(e.created_by),
    created_at: e.created_at,
    url: await ctx.api.link(`experiments/${e.id}`),
  });
}

export const experimentsTools: ToolDefinition[] = [
  defineTool({
    name: 'list_experiments',
    title: 'List experiments',
    description:
      'List A/B test experiments, newest first (archived ones hidden). Returns id, name, status, feature flag key, dates and a link.',
    toolset: 'experiments',
    input: {
      status: z.enum(STATUSES).optional().describe('Only experiments in this state (default all)'),
      ...paging,
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const page = await ctx.api.list(experimentPath(), 'experiments', {
        limit: args.limit ?? DEFAULT_LIMIT,
        offset: args.offset,
        query: { status: args.status },
      });
      const link = await ctx.api.links();
      return listResult(
        page,
        (e) =>
          compact({
            id: e.id,
            name: e.name,
            status: statusOf(e),
            feature_flag_key: e.feature_flag_key ?? (e.feature_flag as Row | undefined)?.key,
            start_date: e.start_date,
            end_date: e.end_date,
            url: link(`experiments/${e.id}`),
          }),
        link('experiments/{id}'),
      );
    },
  }),
  defineTool({
    name: 'create_experiment',
    title: 'Create experiment',
    description:
      'Create a draft experiment (not launched). An existing multivariate flag with a "control" variant is reused as it is (its own variants and rollout: give no feature_flag_variants or rollout_percentage for it); otherwise PostHog creates the flag. Returns the experiment with its variants and link.',
    toolset: 'experiments',
    input: {
      name: z.string().min(1).max(400).describe('Experiment name'),
      feature_flag_key: z
        .string()
        .min(1)
        .max(400)
        .regex(/^[a-zA-Z0-9_-]+$/, 'use only letters, numbers, hyphens and underscores')
        .describe('Key of the flag that splits users (existing or new)'),
      description: z.string().max(3000).optional().describe('Hypothesis and expected outcome'),
      parameters: parameters.optional().describe('Variants and rollout (default control/test 50/50, 100% of users)'),
    },
    annotations: ADD,
    handler: async (args, ctx) => {
      // PostHog links an experiment to an existing flag as it is and refuses flag config for it
      // (400 "... links to it as-is, so its config cannot be set here ...":
      // products/experiments/backend/presentation/serializers.py, _normalize_feature_flag_input).
      const existing = await findFlagByKey(ctx, args.feature_flag_key);
      const flagConfig = (['feature_flag_variants', 'rollout_percentage'] as const).filter((k) => args.parameters?.[k] !== undefined);
      if (existing && flagConfig.length) {
        throw new PostHogError({
          kind: 'validation',
          attr: 'parameters',
          message:
            `Feature flag '${args.feature_flag_key}' already exists, and PostHog links the experiment to it as it is, so ` +
            `${flagConfig.join(' and ')} cannot be set here. Leave them out to use the flag's own variants, or change the flag first (update_feature_flag). Nothing was created.`,
        });
      }
      const body = withRunningTime(given(args, ['name', 'feature_flag_key', 'description', 'parameters']), args.parameters);
      const detail = await experimentDetail(ctx, (await ctx.api.create(experimentPath(), body, `experiment "${args.name}"`)) ?? {});
      if (!existing) return detail;
      return {
        ...detail,
        note: `Feature flag '${args.feature_flag_key}' already existed: the experiment uses it as it is, with its own variants and rollout.`,
      };
    },
  }),
  defineTool({
    name: 'get_experiment',
    title: 'Get experiment',
    description: 'Get one experiment: status, flag, variants and splits, dates, metrics (with the events they read), conclusion and link.',
    toolset: 'experiments',
    input: { experiment_id: experimentId },
    annotations: READ,
    handler: async (args, ctx) => {
      return experimentDetail(ctx, (await ctx.api.get(experimentPath(args.experiment_id), `experiment ${args.experiment_id}`)) ?? {});
    },
  }),
  defineUpdateTool({
    name: 'update_experiment',
    title: 'Update experiment',
    description:
      'Change an experiment; only the fields given are sent. Set start_date to launch a draft (its flag turns on), end_date to stop it, archived to hide it. Variants can only change while it is a draft.',
    toolset: 'experiments',
    input: {
      experiment_id: experimentId,
      name: z.string().min(1).max(400).optional().describe('New name'),
      description: z.string().max(3000).optional().describe('New description'),
      parameters: parameters.optional().describe('Replaces the variants / rollout settings as a whole'),
      start_date: isoDateTime('Launch time'),
      end_date: isoDateTime('End time'),
      archived: z.boolean().optional().describe('Archive (hide from lists) or restore'),
    },
    annotations: CHANGE,
    handler: async (args, ctx) => {
      const body = withRunningTime(
        given(args, ['name', 'description', 'parameters', 'start_date', 'end_date', 'archived']),
        args.parameters,
      );
      const e = await ctx.api.patch(experimentPath(args.experiment_id), body, `experiment ${args.experiment_id}`);
      return experimentDetail(ctx, e ?? {});
    },
  }),
  defineTool({
    name: 'check_experiments_requiring_flag',
    title: 'Check flag implementation for experiment events',
    description:
      'Warns whether metric events seen in the last 7 days lack $feature/<flag> properties, i.e. the experiment flag is not yet read in the code that sends them. Returns a yes/no with an explanation, not a list of experiments.',
    toolset: 'experiments',
    input: {
      events: z.array(z.string().min(1).max(400)).min(1).max(50).optional().describe('Metric event names to check, e.g. ["uploaded_file"]'),
    },
    annotations: READ,
    handler: async (args, ctx) => {
      const events = args.events ? [...new Set(args.events)] : undefined;
      const answer = await ctx.api.get(
        experimentPath(undefined, 'requires_flag_implementation/'),
        { action: 'check whether experiment events carry feature flag properties' },
        { query: { events: events ? JSON.stringify(events.map((e, i) => ({ id: e, type: 'events', order: i }))) : undefined } },
      );
      const warning = answer?.result === true;
      const which = events ? events.map((e) => `"${e}"`).join(', ') : 'the requested events';
      return compact({
        requires_flag_implementation: warning,
        events,
        explanation: warning
          ? `Warning: none of the recent ${which} events (last 7 days) carry a $feature/<flag key> property, or none were seen at all. ` +
            'Experiment results cannot attribute these events to variants until the app evaluates the experiment flag (e.g. getFeatureFlag) ' +
            'before sending them, so PostHog adds $feature/<flag key>.'
          : events
            ? `No warning: recent ${which} events carry $feature/<flag key> properties, so experiments can attribute them to variants.`
            : "No warning: no events were given to check. Pass the experiment's metric event names in events.",
      });
    },
  }),
];
