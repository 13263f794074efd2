/**
 * The tools behind the HogQL editor, through the MCP client: check_hogql_query (PostHog's
 * HogQLMetadata: errors with their offsets), get_hogql_schema (DatabaseSchemaQuery) and
 * run_hogql_query's row limit up to PostHog's maximum.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';

interface CheckAnswer {
  valid: boolean;
  errors: Array<{ message: string; start?: number; end?: number; line?: number; column?: number }>;
  warnings: unknown[];
  notices: unknown[];
}
interface SchemaAnswer {
  tables: Array<{ name: string; type: string; fields: Array<{ name: string; type: string; table?: string }> }>;
  unknown_tables?: string[];
}

describe('HogQL editor tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('check_hogql_query says a good query is valid, with no problems', async () => {
    const out = await h.json<CheckAnswer>('check_hogql_query', {
      query: "SELECT event, count() FROM events WHERE event = '$pageview' GROUP BY event",
    });
    assert.deepEqual(out, { valid: true, errors: [], warnings: [], notices: [] });
    const sent = h.standin.requestsTo('/api/projects/1/query/', 'POST');
    assert.deepEqual((sent[sent.length - 1].body as { query: unknown }).query, {
      kind: 'HogQLMetadata',
      language: 'hogQL',
      query: "SELECT event, count() FROM events WHERE event = '$pageview' GROUP BY event",
    });
  });

  it('check_hogql_query gives an unknown table with its span, line and column', async () => {
    const query = 'SELECT count()\nFROM eventz';
    const out = await h.json<CheckAnswer>('check_hogql_query', { query });
    assert.equal(out.valid, false);
    assert.deepEqual(out.errors, [{ message: 'Unknown table `eventz`.', start: 20, end: 26, line: 2, column: 6 }]);
    assert.equal(query.slice(20, 26), 'eventz');
  });

  it('check_hogql_query reports the end of an unfinished query, an unknown function and an unknown field', async () => {
    const cut = await h.json<CheckAnswer>('check_hogql_query', { query: 'select event from events where' });
    assert.deepEqual(
      cut.errors.map((e) => [e.message, e.start, e.end]),
      [['Unexpected end of query', 30, 30]],
    );
    const fn = await h.json<CheckAnswer>('check_hogql_query', { query: 'SELECT cuont() FROM events' });
    assert.deepEqual(
      fn.errors.map((e) => [e.message, e.start, e.end]),
      [["Unsupported function call 'cuont(...)'", 7, 14]],
    );
    const field = await h.json<CheckAnswer>('check_hogql_query', { query: 'SELECT nope FROM events' });
    assert.deepEqual(
      field.errors.map((e) => [e.message, e.start, e.end]),
      [['Unable to resolve field: nope', 7, 11]],
    );
  });

  it('check_hogql_query counts offsets in characters, as PostHog does, past an emoji', async () => {
    const query = "SELECT '🦔' FROM nope";
    const out = await h.json<CheckAnswer>('check_hogql_query', { query });
    // '🦔' is one character (two UTF-16 units): "nope" is characters 16-20 (UTF-16 units 17-21).
    assert.deepEqual(
      out.errors.map((e) => [e.start, e.end, e.column]),
      [[16, 20, 17]],
    );
  });

  it('check_hogql_query refuses an empty query before sending anything', async () => {
    const before = h.standin.requestsTo('/api/projects/1/query/', 'POST').length;
    const text = await h.error('check_hogql_query', { query: '' });
    assert.match(text, /query/);
    assert.equal(h.standin.requestsTo('/api/projects/1/query/', 'POST').length, before);
  });

  it('get_hogql_schema lists the tables with their fields and where lazy fields lead', async () => {
    const out = await h.json<SchemaAnswer>('get_hogql_schema');
    const names = out.tables.map((t) => t.name);
    for (const t of ['events', 'persons', 'sessions', 'groups']) assert.ok(names.includes(t), `${t} in ${names.join(', ')}`);
    const events = out.tables.find((t) => t.name === 'events');
    assert.deepEqual(
      events?.fields.find((f) => f.name === 'event'),
      { name: 'event', type: 'string' },
    );
    assert.deepEqual(
      events?.fields.find((f) => f.name === 'person'),
      {
        name: 'person',
        type: 'lazy_table',
        table: 'persons',
        fields: ['id', 'created_at', 'team_id', 'properties', 'is_identified', 'pdi', '$virt_initial_referring_domain_type'],
      },
    );
  });

  it('get_hogql_schema narrows to the tables asked for and names the ones that do not exist', async () => {
    const out = await h.json<SchemaAnswer>('get_hogql_schema', { tables: ['Persons', 'nope'] });
    assert.deepEqual(
      out.tables.map((t) => t.name),
      ['persons'],
    );
    assert.deepEqual(out.unknown_tables, ['nope']);
  });

  it('run_hogql_query takes a row limit up to PostHog’s 50,000 and refuses more', async () => {
    const ok = await h.call('run_hogql_query', { query: 'SELECT event, count() FROM events GROUP BY event', limit: 50_000 });
    assert.equal(ok.isError, false, ok.text);
    const sent = h.standin.requestsTo('/api/projects/1/query/', 'POST');
    assert.match((sent[sent.length - 1].body as { query: { query: string } }).query.query, /LIMIT 50000$/);
    const text = await h.error('run_hogql_query', { query: 'SELECT event FROM events', limit: 50_001 });
    assert.match(text, /limit/);
  });
});
