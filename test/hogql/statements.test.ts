import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitStatements, statementAt } from '../../src/insights/hogql/statements';

const texts = (doc: string) => splitStatements(doc).map((s) => s.text);

describe('HogQL statement splitting', () => {
  it('splits on ; and gives each statement its offsets in the document', () => {
    const doc = 'SELECT 1 FROM events;\n\n  SELECT event FROM events\n';
    const got = splitStatements(doc);
    assert.deepEqual(
      got.map((s) => s.text),
      ['SELECT 1 FROM events', 'SELECT event FROM events'],
    );
    for (const s of got) assert.equal(doc.slice(s.start, s.end), s.text);
  });

  it('keeps ; inside strings, quoted identifiers and comments', () => {
    const doc = [
      'SELECT \'a;b\', "x;y", `p;q` FROM events -- not here;',
      "WHERE event = 'it''s; fine' AND x = 'back\\'slash;' /* nor; here */;",
      'SELECT 2',
    ].join('\n');
    assert.deepEqual(texts(doc), [doc.slice(0, doc.lastIndexOf(';')), 'SELECT 2']);
  });

  it('leaves out statements that are only comments or blank', () => {
    assert.deepEqual(texts('-- a note;\n;;  ;\n/* just; this */\nSELECT 1;\n-- trailing'), ['/* just; this */\nSELECT 1']);
    assert.deepEqual(texts('  \n'), []);
  });

  it('an unterminated string or comment runs to the end, so nothing inside it splits', () => {
    assert.deepEqual(texts("SELECT 'open; still open"), ["SELECT 'open; still open"]);
    assert.deepEqual(texts('SELECT 1 /* open; still'), ['SELECT 1 /* open; still']);
  });

  it('finds the statement at the cursor, just after its ;, or the next one from the top', () => {
    const doc = '\n\nSELECT 1;\n\nSELECT 22;';
    const all = splitStatements(doc);
    assert.equal(statementAt(all, doc.indexOf('1'))?.text, 'SELECT 1');
    assert.equal(statementAt(all, doc.indexOf(';') + 1)?.text, 'SELECT 1');
    assert.equal(statementAt(all, doc.indexOf('22') + 1)?.text, 'SELECT 22');
    assert.equal(statementAt(all, 0)?.text, 'SELECT 1');
    assert.equal(statementAt([], 0), undefined);
  });
});
