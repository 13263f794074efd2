/**
 * Actions: project-only, list `{count, results}` (not the std envelope; `limit`, `offset`,
 * `search`, `created_by`, `tags`, `ordering` as ./actionsList.ts says), ordered
 * `-last_calculated_at, name`, unique names among live actions, DELETE → 405, soft delete by PATCH.
 */
import { type Ctx, validation } from '../core';
import { assign, softDeleteResource } from '../crud';
import { isoDaysAgo, nowIso, type Row, type State, type Team } from '../state';
import type { RouteGroup } from './types';
import { actionsListAnswer } from './actionsList';

const OPTS = { prefix: 'project' as const, scope: 'action' };

export const actions = (state: State, teamId: number) => state.table(teamId, 'actions');

const MATCHING = ['exact', 'contains', 'regex'];
const STRING_FIELDS = ['event', 'selector', 'tag_name', 'text', 'href', 'url'];
const CHOICE_FIELDS = ['text_matching', 'href_matching', 'url_matching'];

const typeName = (v: unknown) =>
  v === null
    ? 'NoneType'
    : Array.isArray(v)
      ? 'list'
      : typeof v === 'object'
        ? 'dict'
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? 'int'
            : 'float'
          : typeof v === 'boolean'
            ? 'bool'
            : 'str';

/** ActionStepJSONSerializer: known fields only, each a string / choice / list of dicts. */
function cleanSteps(raw: unknown): Row[] {
  if (!Array.isArray(raw)) throw validation(`Expected a list of items but got type "${typeName(raw)}".`, 'steps', 'not_a_list');
  return raw.map((s, i) => {
    if (!s || typeof s !== 'object' || Array.isArray(s)) {
      throw validation(`Invalid data. Expected a dictionary, but got ${typeName(s)}.`, `steps__${i}__non_field_errors`, 'invalid');
    }
    const out: Row = {};
    for (const f of STRING_FIELDS) {
      const v = (s as Row)[f];
      if (v === undefined || v === null) out[f] = null;
      else if (typeof v === 'string' || typeof v === 'number') out[f] = String(v);
      else throw validation('Not a valid string.', `steps__${i}__${f}`, 'invalid');
    }
    for (const f of CHOICE_FIELDS) {
      const v = (s as Row)[f];
      if (v === undefined || v === null) out[f] = null;
      else if (MATCHING.includes(v)) out[f] = v;
      else throw validation(`"${v}" is not a valid choice.`, `steps__${i}__${f}`, 'invalid_choice');
    }
    const props = (s as Row).properties;
    if (props === undefined || props === null) out.properties = null;
    else if (!Array.isArray(props))
      throw validation(`Expected a list of items but got type "${typeName(props)}".`, `steps__${i}__properties`, 'not_a_list');
    else {
      props.forEach((p, j) => {
        if (!p || typeof p !== 'object' || Array.isArray(p)) {
          throw validation(`Expected a dictionary of items but got type "${typeName(p)}".`, `steps__${i}__properties__${j}`, 'not_a_dict');
        }
      });
      out.properties = props;
    }
    if (out.url && !out.url_matching) out.url_matching = 'contains';
    return out;
  });
}

function validateName(ctx: Ctx, name: unknown, selfId?: number): string {
  if (name === null || name === undefined) throw validation('This field may not be null.', 'name', 'null');
  if (typeof name !== 'string') throw validation('Not a valid string.', 'name', 'invalid');
  if (!name.trim()) throw validation('This field may not be blank.', 'name', 'blank');
  if (name.length > 400) throw validation('Ensure this field has no more than 400 characters.', 'name', 'max_length');
  const clash = actions(ctx.state, ctx.team.id).find((a) => !a.deleted && a.name === name && a.id !== selfId);
  if (clash) throw validation(`This project already has an action with this name, ID ${clash.id}`, 'name', 'unique');
  return name;
}

function validateTags(tags: unknown): string[] {
  if (!Array.isArray(tags)) throw validation(`Expected a list of items but got type "${typeName(tags)}".`, 'tags', 'not_a_list');
  return [...new Set(tags.map((t) => String(t).trim().toLowerCase()).filter(Boolean))];
}

function serialize(row: Row, ctx: Ctx): Row {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? '',
    tags: row.tags ?? [],
    post_to_slack: !!row.post_to_slack,
    slack_message_format: row.slack_message_format ?? '',
    steps: (row.steps ?? []).map((s: Row) => ({ ...s, selector_regex: s.selector ? selectorRegex(s.selector) : null })),
    created_at: row.created_at,
    created_by: row.created_by ?? null,
    deleted: !!row.deleted,
    is_calculating: false,
    last_calculated_at: row.last_calculated_at ?? null,
    team_id: ctx.team.id,
    is_action: true,
    bytecode_error: null,
    pinned_at: row.pinned_at ?? null,
    creation_context: null,
    user_access_level: 'editor',
  };
}

/** A rough stand-in for PostHog's selector → regex conversion (it only informs the UI). */
function selectorRegex(selector: string): string {
  return selector
    .trim()
    .split(/\s+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
}

export const actionsRoutes: RouteGroup = {
  register(router) {
    softDeleteResource(router, {
      path: 'actions',
      table: (ctx) => actions(ctx.state, ctx.team.id),
      routeOptions: OPTS,
      listAnswer: actionsListAnswer,
      serialize: (row, ctx) => serialize(row, ctx),
      sort: (a, b) =>
        // -last_calculated_at (Postgres puts NULLs first when descending), then name
        (a.last_calculated_at == null ? -1 : 0) - (b.last_calculated_at == null ? -1 : 0) ||
        String(b.last_calculated_at ?? '').localeCompare(String(a.last_calculated_at ?? '')) ||
        String(a.name ?? '').localeCompare(String(b.name ?? '')),
      create: (ctx) => {
        const b = ctx.body;
        if (!b || typeof b !== 'object' || Array.isArray(b))
          throw validation('Invalid data. Expected a dictionary, but got list.', 'non_field_errors', 'invalid');
        if (!('name' in b)) throw validation('This field is required.', 'name', 'required');
        const name = validateName(ctx, b.name);
        const now = nowIso();
        return actions(ctx.state, ctx.team.id).insert({
          name,
          description: typeof b.description === 'string' ? b.description : '',
          tags: b.tags === undefined ? [] : validateTags(b.tags),
          post_to_slack: !!b.post_to_slack,
          slack_message_format: typeof b.slack_message_format === 'string' ? b.slack_message_format : '',
          steps: b.steps === undefined ? [] : cleanSteps(b.steps),
          created_at: now,
          created_by: ctx.state.userBasic(ctx.user),
          deleted: false,
          last_calculated_at: now,
          pinned_at: b.pinned_at ? now : null,
        });
      },
      update: (row, ctx) => {
        // Validate everything first, so a refused PATCH changes nothing.
        const b = ctx.body;
        const next: Row = {};
        if ('name' in b) next.name = validateName(ctx, b.name, row.id);
        else if (b.deleted === false && row.deleted) validateName(ctx, row.name, row.id); // restoring must not clash
        if ('steps' in b) next.steps = cleanSteps(b.steps);
        if ('tags' in b) next.tags = validateTags(b.tags);
        for (const f of ['description', 'slack_message_format']) {
          if (f in b && b[f] !== null && typeof b[f] !== 'string') throw validation('Not a valid string.', f, 'invalid');
        }
        if ('pinned_at' in b) next.pinned_at = b.pinned_at ? (row.pinned_at ?? nowIso()) : null;
        assign(row, b, ['description', 'post_to_slack', 'slack_message_format']);
        Object.assign(row, next);
      },
    });
  },

  seed(state: State, team: Team) {
    const table = actions(state, team.id);
    const ada = state.userBasic(state.users.get(1)!);
    const bob = state.users.get(2) ? state.userBasic(state.users.get(2)!) : ada;
    const step = (s: Row): Row => cleanSteps([s])[0];
    const defs: Array<{
      name: string;
      description: string;
      tags: string[];
      steps: Row[];
      by?: Row;
      days: number;
      pinned?: boolean;
      deleted?: boolean;
    }> = [
      {
        name: 'Signed up',
        description: 'A new account was created (web or mobile).',
        tags: ['funnel'],
        steps: [{ event: 'signed_up' }],
        days: 0,
        pinned: true,
      },
      { name: 'Logged in', description: '', tags: [], steps: [{ event: 'logged_in' }], days: 0 },
      {
        name: 'Uploaded file',
        description: 'Any successful upload, from any client.',
        tags: ['core'],
        steps: [{ event: 'uploaded_file' }],
        days: 0,
      },
      { name: 'Downloaded file', description: '', tags: ['core'], steps: [{ event: 'downloaded_file' }], days: 1 },
      {
        name: 'Shared file link',
        description: 'Created a public or team link to a file.',
        tags: ['core', 'virality'],
        steps: [{ event: 'shared_file_link' }],
        days: 1,
      },
      {
        name: 'Viewed pricing page',
        description: '',
        tags: ['marketing'],
        steps: [{ event: '$pageview', url: '/pricing', url_matching: 'contains' }],
        days: 2,
        by: bob,
      },
      {
        name: 'Clicked pricing CTA',
        description: 'Clicked an "Upgrade" button on a pricing card.',
        tags: ['marketing', 'funnel'],
        steps: [
          { event: '$autocapture', selector: '.pricing-card button', tag_name: 'button', text: 'Upgrade', text_matching: 'contains' },
        ],
        days: 2,
        by: bob,
      },
      {
        name: 'Upgraded plan',
        description: 'Moved to a paid plan: the server event, or the billing success page for older clients.',
        tags: ['revenue'],
        steps: [{ event: 'upgraded_plan' }, { event: '$pageview', url: 'https://hedgebox.net/billing/success/', url_matching: 'exact' }],
        days: 3,
      },
      { name: 'Invited team member', description: '', tags: ['virality'], steps: [{ event: 'invited_team_member' }], days: 5 },
      {
        name: 'Visited marketing site',
        description: 'Blog and feature pages on hedgebox.net.',
        tags: ['marketing'],
        steps: [{ event: '$pageview', url: '^https://hedgebox\\.net/(blog|features)', url_matching: 'regex' }],
        days: 7,
        by: bob,
      },
      {
        name: 'Large upload (over 100 MB)',
        description: '',
        tags: ['core'],
        steps: [{ event: 'uploaded_file', properties: [{ key: 'file_size_b', value: 100_000_000, operator: 'gt', type: 'event' }] }],
        days: 12,
      },
      {
        name: 'Clicked old signup button',
        description: 'Retired with the 2024 homepage.',
        tags: [],
        steps: [{ event: '$autocapture', selector: '#signup-cta-v1' }],
        days: 200,
        deleted: true,
      },
    ];
    const list = team.id === 1 ? defs : defs.filter((d) => d.name === 'Signed up' || d.name === 'Uploaded file');
    list.forEach((d, i) => {
      table.insert({
        name: d.name,
        description: d.description,
        tags: d.tags,
        post_to_slack: false,
        slack_message_format: '',
        steps: d.steps.map(step),
        created_at: isoDaysAgo(120 - i * 6, 9),
        created_by: d.by ?? ada,
        deleted: !!d.deleted,
        last_calculated_at: isoDaysAgo(d.days, 6 + (i % 5)),
        pinned_at: d.pinned ? isoDaysAgo(60) : null,
      });
    });
  },
};
