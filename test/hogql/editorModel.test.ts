import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { completionContext, fromTables } from '../../src/insights/hogql/completionContext';
import { columnsInScope, fieldsAt, parseSchema } from '../../src/insights/hogql/schema';
import { spanToRange } from '../../src/insights/hogql/offsets';
import { addToHistory, readHistory } from '../../src/insights/hogql/history';
import { resultChart } from '../../src/insights/hogql/resultChart';
import { databaseSchema } from '../standin/hogql/schema';

/** The context with the cursor where `|` is. */
const at = (text: string) => completionContext(text.replace('|', ''), text.indexOf('|'));

describe('HogQL completion context', () => {
  it('offers tables after FROM and JOIN', () => {
    assert.deepEqual(at('SELECT 1 FROM ev|'), { kind: 'tables', prefix: 'ev' });
    assert.deepEqual(at('SELECT 1 FROM events e JOIN |'), { kind: 'tables', prefix: '' });
  });

  it('offers columns after table. and alias., knowing the FROM tables', () => {
    const c = at('SELECT e.ev| FROM events AS e');
    assert.deepEqual(c, { kind: 'columns', path: ['e'], prefix: 'ev', from: [{ table: 'events', alias: 'e' }] });
    assert.deepEqual(at('SELECT person.| FROM events').kind, 'columns');
  });

  it('offers property keys after properties. (person ones after person.properties.)', () => {
    assert.deepEqual(at('SELECT properties.$br| FROM events'), { kind: 'properties', scope: 'event', prefix: '$br' });
    assert.deepEqual(at('SELECT person.properties.| FROM events'), { kind: 'properties', scope: 'person', prefix: '' });
  });

  it("offers event names inside event = '…' and event IN ('…', '…'), nothing in other strings or comments", () => {
    assert.deepEqual(at("SELECT 1 FROM events WHERE event = '$pa|"), { kind: 'eventName', prefix: '$pa' });
    assert.deepEqual(at("SELECT 1 FROM events WHERE event IN ('a', 'sig|"), { kind: 'eventName', prefix: 'sig' });
    assert.deepEqual(at("SELECT 1 FROM events WHERE distinct_id = 'x|"), { kind: 'none' });
    assert.deepEqual(at('SELECT 1 -- FROM |'), { kind: 'none' });
    assert.equal(at("SELECT 1 FROM events WHERE event = 'done' AND |").kind, 'general');
  });

  it('reads FROM tables and aliases, not keywords', () => {
    assert.deepEqual(fromTables('SELECT 1 FROM events WHERE x JOIN persons p ON 1'), [
      { table: 'events' },
      { table: 'persons', alias: 'p' },
    ]);
  });
});

describe('HogQL schema lookups', () => {
  const schema = parseSchema(databaseSchema(1));
  it('resolves aliases, tables and lazy fields to their columns', () => {
    const names = (path: string[], from = [{ table: 'events', alias: 'e' }]) => fieldsAt(schema, path, from).map((f) => f.name);
    assert.ok(names(['e']).includes('event'));
    assert.ok(names(['persons']).includes('is_identified'));
    assert.ok(names(['person']).includes('is_identified'), 'events.person leads to persons');
    assert.ok(names(['events', 'session']).includes('$session_duration'));
    assert.deepEqual(names(['nope']), []);
    assert.ok(
      columnsInScope(schema, []).some((f) => f.name === 'timestamp'),
      'events is the default scope',
    );
  });

  it('reads the 2023 answer shape too', () => {
    const old = parseSchema({ events: [{ key: 'event', type: 'string' }] });
    assert.deepEqual(old.tables, [{ name: 'events', type: 'posthog', fields: [{ name: 'event', type: 'string' }] }]);
  });
});

describe('HogQL error spans', () => {
  it('converts character offsets to UTF-16, swaps reversed pairs, widens empty spans, covers all without a span', () => {
    const text = "SELECT '🦔' FROM nope";
    assert.deepEqual(spanToRange(text, 16, 20), { start: 17, end: 21 });
    assert.equal(text.slice(17, 21), 'nope');
    assert.deepEqual(spanToRange(text, 20, 16), { start: 17, end: 21 });
    assert.deepEqual(spanToRange('select x from', 13, 13), { start: 12, end: 13 });
    assert.deepEqual(spanToRange('abc', null, null), { start: 0, end: 3 });
  });
});

describe('HogQL query history', () => {
  it('keeps the newest first, each query once, at most 50', () => {
    let h = [] as ReturnType<typeof readHistory>;
    for (let i = 0; i < 60; i++) h = addToHistory(h, { query: `SELECT ${i}`, ranAt: 't' });
    h = addToHistory(h, { query: '  SELECT   59 ', ranAt: 'later' });
    assert.equal(h.length, 50);
    assert.equal(h[0].ranAt, 'later');
    assert.equal(h.filter((e) => e.query.includes('59')).length, 1);
    assert.equal(h[49].query, 'SELECT 10');
  });

  it('reads back only well-formed entries', () => {
    assert.deepEqual(readHistory([{ query: 'a', ranAt: 'x' }, { query: 3 }, null, 'x']), [{ query: 'a', ranAt: 'x' }]);
    assert.deepEqual(readHistory('nope'), []);
  });
});

describe('HogQL results as a chart', () => {
  it('draws numeric columns over a date column, dates in order', () => {
    const m = resultChart(
      ['day', 'views', 'users'],
      [
        ['2026-01-02', 5, 2],
        ['2026-01-01', 3, 1],
      ],
    );
    assert.deepEqual(m?.labels, ['2026-01-01', '2026-01-02']);
    assert.deepEqual(
      m?.series.map((s) => [s.name, s.data]),
      [
        ['views', [3, 5]],
        ['users', [1, 2]],
      ],
    );
    assert.equal(m?.display, 'line');
  });

  it('splits one numeric column by a text column', () => {
    const m = resultChart(
      ['day', 'event', 'c'],
      [
        ['2026-01-01 00:00:00', 'a', 1],
        ['2026-01-01 00:00:00', 'b', 2],
        ['2026-01-02 00:00:00', 'a', 4],
      ],
    );
    assert.deepEqual(
      m?.series.map((s) => [s.name, s.data]),
      [
        ['a', [1, 4]],
        ['b', [2, 0]],
      ],
    );
  });

  it('no chart without a date column or without numbers', () => {
    assert.equal(
      resultChart(
        ['event', 'c'],
        [
          ['a', 1],
          ['b', 2],
        ],
      ),
      undefined,
    );
    assert.equal(
      resultChart(
        ['day', 'event'],
        [
          ['2026-01-01', 'a'],
          ['2026-01-02', 'b'],
        ],
      ),
      undefined,
    );
  });
});
