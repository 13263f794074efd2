/**
 * The stand-in's event and person store, shared by ingestion (capture), persons, flag
 * evaluation, trends and HogQL. Events are de-duplicated by uuid, as PostHog does.
 *
 *   events  table (uuid ids):  { id: uuid, uuid, event, distinct_id, properties, timestamp, person_id }
 *   persons table (int ids):   { id, uuid, distinct_ids: string[], properties, created_at, last_seen_at, is_identified }
 *   groups  table (int ids):   { id, group_type, group_key, properties, created_at }
 */
import { randomUUID } from 'node:crypto';
import type { Row, State, Team } from './state';

export interface IncomingEvent {
  event: string;
  distinct_id: string;
  properties?: Record<string, unknown>;
  timestamp?: string;
  uuid?: string;
  $set?: Record<string, unknown>;
  $set_once?: Record<string, unknown>;
}

export const eventsTable = (state: State, teamId: number) => state.table(teamId, 'events', 'uuid');
export const personsTable = (state: State, teamId: number) => state.table(teamId, 'persons');
export const groupsTable = (state: State, teamId: number) => state.table(teamId, 'groups');

export function personByDistinctId(state: State, teamId: number, distinctId: string): Row | undefined {
  return personsTable(state, teamId).find((p) => (p.distinct_ids as string[]).includes(distinctId));
}

function ensurePerson(state: State, teamId: number, distinctId: string, at: string): Row {
  const existing = personByDistinctId(state, teamId, distinctId);
  if (existing) {
    if (!existing.last_seen_at || existing.last_seen_at < at) existing.last_seen_at = at;
    return existing;
  }
  return personsTable(state, teamId).insert({
    uuid: randomUUID(),
    distinct_ids: [distinctId],
    properties: {},
    created_at: at,
    last_seen_at: at,
    is_identified: false,
  });
}

function upsertGroup(state: State, teamId: number, properties: Row, at: string): void {
  const type = String(properties.$group_type ?? '');
  const key = String(properties.$group_key ?? '');
  if (!type || !key) return;
  const groups = groupsTable(state, teamId);
  const g = groups.find((x) => x.group_type === type && x.group_key === key);
  const groupSet = (properties.$group_set as Row | undefined) ?? {};
  if (g) g.properties = { ...(g.properties as Row), ...groupSet };
  else groups.insert({ group_type: type, group_key: key, properties: groupSet, created_at: at });
}

/**
 * Stores one event and applies its person / group side effects.
 * Returns false when an event with the same uuid was already stored (nothing changes).
 */
export function ingestEvent(state: State, team: Team, input: IncomingEvent): boolean {
  const events = eventsTable(state, team.id);
  const uuid = input.uuid && input.uuid !== '' ? input.uuid : randomUUID();
  if (events.get(uuid)) return false;
  const timestamp = input.timestamp ?? new Date().toISOString();
  const properties = { ...(input.properties ?? {}) };
  if (input.event === '$groupidentify') {
    // Group identification updates the group, not a person (its distinct_id is "$<type>_<key>").
    upsertGroup(state, team.id, properties, timestamp);
    events.insert({ id: uuid, uuid, event: input.event, distinct_id: input.distinct_id, properties, timestamp, person_id: null });
    return true;
  }
  const person = ensurePerson(state, team.id, input.distinct_id, timestamp);

  if (input.event === '$identify') {
    const anon = properties.$anon_distinct_id;
    if (typeof anon === 'string' && anon && anon !== input.distinct_id) {
      const other = personByDistinctId(state, team.id, anon);
      if (other && other !== person) {
        person.distinct_ids = [...new Set([...(person.distinct_ids as string[]), ...(other.distinct_ids as string[])])];
        person.properties = { ...(other.properties as Row), ...(person.properties as Row) };
        personsTable(state, team.id).remove(other.id);
      } else if (!other) {
        person.distinct_ids = [...(person.distinct_ids as string[]), anon];
      }
    }
    person.is_identified = true;
  }
  const set = { ...(input.$set ?? {}), ...((properties.$set as Row | undefined) ?? {}) };
  const setOnce = { ...(input.$set_once ?? {}), ...((properties.$set_once as Row | undefined) ?? {}) };
  person.properties = { ...setOnce, ...(person.properties as Row), ...set };
  for (const [k, v] of Object.entries(setOnce)) if (!(k in (person.properties as Row))) (person.properties as Row)[k] = v;

  events.insert({ id: uuid, uuid, event: input.event, distinct_id: input.distinct_id, properties, timestamp, person_id: person.uuid });
  return true;
}
