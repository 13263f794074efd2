/**
 * Event and property definitions, derived from the stored events, persons and groups at each
 * request (PostHog keeps them as rows its ingestion writes; here they always agree with what was
 * captured): `/api/projects/{pid}/event_definitions/` (scope `event_definition`) and
 * `/api/projects/{pid}/property_definitions/` (scope `property_definition`).
 *
 * event_definitions (posthog/api/event_definition.py, EventDefinitionViewSet):
 * - `search`: every whitespace-separated term must match the name (case-insensitive); with a search
 *   and no `ordering`, shorter names first.
 * - `event_type`: `event` (default), `event_custom` (no `$`), `event_posthog` (`$…`); anything else
 *   400 "Not a valid event type. Use one of: event, event_custom, event_posthog." on `event_type`.
 * - `names` (repeated or comma-separated: exact names), `exclude_stale` (last seen within 30 days).
 * - `ordering`: `name`, `last_seen_at`, `created_at` (+`::date`), `-` for descending, repeated or
 *   comma-joined, unknown fields dropped; default `-last_seen_at::date,name`; `name` always ends it.
 * - Std list (limit 100 by default) with `count_is_capped: false` (a small project's exact count).
 * - Rows: EventDefinitionSerializer's fields (`id` a uuid, `name`, `created_at` = first seen,
 *   `last_seen_at`, `last_updated_at`, `tags`, `enforcement_mode`, `primary_property`, `is_action`,
 *   `action_id`, `is_calculating`, `last_calculated_at`, `created_by`, `post_to_slack`). The newest
 *   PostHog has no `volume_30_day`: volume comes from a query over events.
 *
 * property_definitions (posthog/api/property_definition.py):
 * - `type`: `event` (default; properties of events), `person` (persons' properties), `group`
 *   (needs `group_type_index`, else 400 on `group_type_index`).
 * - `search` (every term), `properties` (comma list of exact names), `is_numerical=true`,
 *   `event_names` (JSON list, `type=event`): sets `is_seen_on_filtered_events` (null without it);
 *   `filter_by_event_names=true` keeps only those; `excluded_properties` (JSON list).
 * - Never listed for events: distinct_id, $set, $set_once, $groups, $group_type, $group_key,
 *   $group_set, $group_0..4 (HIDDEN_PROPERTY_DEFINITIONS).
 * - Order: seen on the filtered events first, then name. Std list, limit 100 by default.
 * - Rows: `{id, name, is_numerical, property_type, tags, is_seen_on_filtered_events}`.
 */
import { createHash } from 'node:crypto';
import { type Ctx, validation } from '../core';
import { stdList } from '../crud';
import { eventsTable, groupsTable, personsTable } from '../analytics';
import type { Row } from '../state';
import { groupTypes } from './flagEvaluation';
import type { RouteGroup } from './types';

const HIDDEN = new Set(['distinct_id', '$set', '$set_once', '$groups', '$group_type', '$group_key', '$group_set']);
for (let i = 0; i < 5; i++) HIDDEN.add(`$group_${i}`);
const EVENT_TYPES = ['event', 'event_custom', 'event_posthog'];
const ORDERING_FIELDS = ['name', 'last_seen_at', 'last_seen_at::date', 'created_at', 'created_at::date'];
const STALE_EVENT_DAYS = 30;

/** A stable uuid per (project, kind, name), as a definition keeps its id across requests. */
function stableUuid(...parts: (string | number)[]): string {
  const h = createHash('sha1').update(parts.join('\0')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Every whitespace-separated term of `search` is in `name` (case-insensitive). */
function termsMatch(name: string, search: string | null): boolean {
  const terms = (search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const n = name.toLowerCase();
  return terms.every((t) => n.includes(t));
}

function jsonList(ctx: Ctx, name: string): string[] | undefined {
  const raw = ctx.query.get(name);
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw validation(`${name} must be a JSON list of strings.`, name);
  }
  if (!Array.isArray(value)) throw validation(`${name} must be a JSON list of strings.`, name);
  return value.map(String);
}

interface EventStats {
  name: string;
  first: string;
  last: string;
}

function eventStats(ctx: Ctx): EventStats[] {
  const byName = new Map<string, EventStats>();
  for (const e of eventsTable(ctx.state, ctx.team.id).all()) {
    const s = byName.get(e.event);
    if (!s) byName.set(e.event, { name: e.event, first: e.timestamp, last: e.timestamp });
    else {
      if (e.timestamp < s.first) s.first = e.timestamp;
      if (e.timestamp > s.last) s.last = e.timestamp;
    }
  }
  return [...byName.values()];
}

function orderValue(s: EventStats, field: string): string {
  const date = field.endsWith('::date');
  const base = field.replace('::date', '');
  const v = base === 'name' ? s.name : base === 'last_seen_at' ? s.last : s.first;
  return date ? v.slice(0, 10) : v;
}

function eventDefinitions(ctx: Ctx) {
  const q = ctx.query;
  const eventType = q.get('event_type') ?? 'event';
  if (!EVENT_TYPES.includes(eventType)) {
    throw validation(`Not a valid event type. Use one of: ${EVENT_TYPES.join(', ')}.`, 'event_type');
  }
  const names = q
    .getAll('names')
    .flatMap((v) => v.split(','))
    .filter(Boolean);
  const search = q.get('search');
  const staleBefore = new Date(Date.now() - STALE_EVENT_DAYS * 86_400_000).toISOString();
  let rows = eventStats(ctx).filter(
    (s) =>
      termsMatch(s.name, search) &&
      (eventType !== 'event_custom' || !s.name.startsWith('$')) &&
      (eventType !== 'event_posthog' || s.name.startsWith('$')) &&
      (names.length === 0 || names.includes(s.name)) &&
      (q.get('exclude_stale') !== 'true' || s.last > staleBefore),
  );
  const requested = q
    .getAll('ordering')
    .flatMap((v) => v.split(','))
    .filter((o) => o && ORDERING_FIELDS.includes(o.replace('-', '')))
    .map((o) => ({ field: o.replace('-', ''), desc: o.startsWith('-') }));
  let order = requested.length ? requested : [{ field: 'last_seen_at::date', desc: true }];
  if (!order.some((o) => o.field === 'name')) order = [...order, { field: 'name', desc: false }];
  const searching = !!search?.trim() && requested.length === 0;
  rows = rows.sort((a, b) => {
    if (searching && a.name.length !== b.name.length) return a.name.length - b.name.length;
    for (const o of order) {
      const c = orderValue(a, o.field).localeCompare(orderValue(b, o.field));
      if (c !== 0) return o.desc ? -c : c;
    }
    return 0;
  });
  const serialized: Row[] = rows.map((s) => ({
    id: stableUuid(ctx.team.id, 'event', s.name),
    name: s.name,
    created_at: s.first,
    last_seen_at: s.last,
    last_updated_at: s.last,
    tags: [],
    enforcement_mode: 'allow',
    primary_property: null,
    is_action: false,
    action_id: null,
    is_calculating: false,
    last_calculated_at: null,
    created_by: null,
    post_to_slack: false,
  }));
  const list = stdList(ctx, serialized);
  return { count: list.count, count_is_capped: false, next: list.next, previous: list.previous, results: list.results };
}

type PropertyType = 'DateTime' | 'String' | 'Numeric' | 'Boolean' | null;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** PostHog infers a property's type from its first values: numbers, booleans, ISO dates, else String. */
function propertyType(value: unknown): PropertyType {
  if (typeof value === 'number') return 'Numeric';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'string') return ISO_DATE.test(value) ? 'DateTime' : 'String';
  return null;
}

/** name → its first seen value's type, from some property bags. */
function collect(bags: Iterable<Row>, into = new Map<string, PropertyType>()): Map<string, PropertyType> {
  for (const bag of bags) {
    for (const [k, v] of Object.entries(bag ?? {})) {
      if (!into.has(k) || into.get(k) === null) into.set(k, propertyType(v));
    }
  }
  return into;
}

function propertyDefinitions(ctx: Ctx) {
  const q = ctx.query;
  const type = q.get('type') ?? 'event';
  if (!['event', 'person', 'group'].includes(type)) {
    throw validation(`"${type}" is not a valid choice.`, 'type', 'invalid_choice');
  }
  let props: Map<string, PropertyType>;
  let seenOn: Set<string> | undefined;
  const eventNames = type === 'event' ? jsonList(ctx, 'event_names') : undefined;
  if (type === 'event') {
    const events = eventsTable(ctx.state, ctx.team.id).all();
    props = collect(events.map((e) => e.properties as Row));
    for (const k of HIDDEN) props.delete(k);
    if (eventNames && eventNames.length) {
      seenOn = new Set(
        Object.keys(Object.fromEntries(collect(events.filter((e) => eventNames.includes(e.event)).map((e) => e.properties)))),
      );
    }
  } else if (type === 'person') {
    props = collect(
      personsTable(ctx.state, ctx.team.id)
        .all()
        .map((p) => p.properties as Row),
    );
  } else {
    const raw = q.get('group_type_index');
    if (raw === null || raw === '') throw validation('group_type_index is required for group properties.', 'group_type_index', 'required');
    const index = Number(raw);
    if (!Number.isInteger(index) || index < 0 || index > 4)
      throw validation('A valid integer between 0 and 4 is required.', 'group_type_index');
    const groupType = groupTypes(ctx.state, ctx.team.id)[index];
    props = collect(
      groupsTable(ctx.state, ctx.team.id)
        .all()
        .filter((g) => g.group_type === groupType)
        .map((g) => g.properties as Row),
    );
  }
  const only = q.get('properties')?.split(',').filter(Boolean);
  const excluded = new Set(jsonList(ctx, 'excluded_properties') ?? []);
  const numerical = q.get('is_numerical') === 'true';
  const filterByEvents = q.get('filter_by_event_names') === 'true' && seenOn !== undefined;
  const rows = [...props.entries()]
    .filter(
      ([name, t]) =>
        termsMatch(name, q.get('search')) &&
        !excluded.has(name) &&
        (!only || only.includes(name)) &&
        (!numerical || t === 'Numeric') &&
        (!filterByEvents || seenOn!.has(name)),
    )
    .map(([name, t]) => ({
      id: stableUuid(ctx.team.id, type, q.get('group_type_index') ?? '', name),
      name,
      is_numerical: t === 'Numeric',
      property_type: t,
      tags: [],
      is_seen_on_filtered_events: seenOn ? seenOn.has(name) : null,
    }))
    .sort((a, b) => Number(!!b.is_seen_on_filtered_events) - Number(!!a.is_seen_on_filtered_events) || a.name.localeCompare(b.name));
  return stdList(ctx, rows);
}

export const definitionsRoutes: RouteGroup = {
  register(router) {
    router.get('event_definitions', eventDefinitions, { prefix: 'project', scope: 'event_definition' });
    router.get('property_definitions', propertyDefinitions, { prefix: 'project', scope: 'property_definition' });
  },
};
