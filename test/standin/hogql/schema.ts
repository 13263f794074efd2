/**
 * The stand-in's HogQL database: the tables and fields PostHog's DatabaseSchemaQuery lists for a
 * project without a data warehouse (posthog/hogql/database/database.py and schema/*.py: events,
 * persons, person_distinct_ids, groups, sessions, cohort_people, …), in the answer's shape
 * `{tables: {name: {type, id, name, fields: {name: {name, hogql_value, type, schema_valid, table?, fields?}}}}, joins: []}`.
 */
type FieldSpec = string | { type: 'lazy_table' | 'virtual_table'; table: string; fields: string[] };

const PERSON_FIELDS = ['id', 'created_at', 'team_id', 'properties', 'is_identified', 'pdi', '$virt_initial_referring_domain_type'];

export const TABLES: Record<string, Record<string, FieldSpec>> = {
  events: {
    uuid: 'string',
    event: 'string',
    properties: 'json',
    timestamp: 'datetime',
    distinct_id: 'string',
    elements_chain: 'string',
    created_at: 'datetime',
    $session_id: 'string',
    $window_id: 'string',
    pdi: { type: 'lazy_table', table: 'person_distinct_ids', fields: ['team_id', 'distinct_id', 'person_id', 'person'] },
    poe: { type: 'virtual_table', table: 'persons', fields: ['id', 'created_at', 'properties'] },
    person: { type: 'lazy_table', table: 'persons', fields: PERSON_FIELDS },
    person_id: 'expression',
    $group_0: 'string',
    group_0: { type: 'lazy_table', table: 'groups', fields: ['index', 'key', 'created_at', 'updated_at', 'properties'] },
    session: { type: 'lazy_table', table: 'sessions', fields: ['session_id', '$start_timestamp', '$end_timestamp', '$session_duration'] },
    elements_chain_href: 'string',
    elements_chain_texts: 'array',
  },
  persons: {
    id: 'string',
    created_at: 'datetime',
    team_id: 'integer',
    properties: 'json',
    is_identified: 'boolean',
    pdi: { type: 'lazy_table', table: 'person_distinct_ids', fields: ['team_id', 'distinct_id', 'person_id'] },
  },
  person_distinct_ids: {
    distinct_id: 'string',
    person_id: 'string',
    person: { type: 'lazy_table', table: 'persons', fields: PERSON_FIELDS },
  },
  groups: { index: 'integer', team_id: 'integer', key: 'string', created_at: 'datetime', updated_at: 'datetime', properties: 'json' },
  sessions: {
    session_id: 'string',
    id: 'string',
    distinct_id: 'string',
    $start_timestamp: 'datetime',
    $end_timestamp: 'datetime',
    $session_duration: 'integer',
    $is_bounce: 'boolean',
    $channel_type: 'string',
    $entry_pathname: 'string',
    $end_pathname: 'string',
    $urls: 'array',
    $pageview_count: 'integer',
    $entry_referring_domain: 'string',
    $entry_utm_source: 'string',
    $entry_utm_campaign: 'string',
    $entry_utm_medium: 'string',
  },
  cohort_people: { person_id: 'string', cohort_id: 'integer', person: { type: 'lazy_table', table: 'persons', fields: PERSON_FIELDS } },
  static_cohort_people: {
    person_id: 'string',
    cohort_id: 'integer',
    person: { type: 'lazy_table', table: 'persons', fields: PERSON_FIELDS },
  },
  session_replay_events: {
    session_id: 'string',
    distinct_id: 'string',
    min_first_timestamp: 'datetime',
    max_last_timestamp: 'datetime',
    click_count: 'integer',
  },
  log_entries: {
    log_source: 'string',
    log_source_id: 'string',
    instance_id: 'string',
    timestamp: 'datetime',
    message: 'string',
    level: 'string',
  },
  numbers: { number: 'integer' },
};

export function databaseSchema(teamId: number) {
  const tables: Record<string, unknown> = {};
  for (const [name, fields] of Object.entries(TABLES)) {
    tables[name] = {
      type: 'posthog',
      id: name,
      name,
      fields: Object.fromEntries(
        Object.entries(fields).map(([f, spec]) => [
          f,
          typeof spec === 'string'
            ? { name: f, hogql_value: f, type: spec, schema_valid: true }
            : { name: f, hogql_value: f, type: spec.type, schema_valid: true, table: spec.table, fields: spec.fields },
        ]),
      ),
      row_count: null,
      team: teamId,
    };
  }
  return { tables, joins: [] };
}
