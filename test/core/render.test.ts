import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { columnsOf, fromTable, renderForAgent, toTable } from '../../src/mcp/render';
import { startHarness } from '../helpers/harness';

const flags = {
  count: 3,
  has_more: true,
  next_offset: 2,
  url_template: 'https://us.posthog.com/project/1/feature_flags/{id}',
  results: [
    { id: 3, key: 'a', name: 'A flag', active: true, rollout: '50%', tags: ['x'] },
    { id: 2, key: 'b', active: false, rollout: '2 variants' },
  ],
};

describe('what an agent reads of a list: a table', () => {
  it('writes field names once and each row as an array; a row ends where its values end', () => {
    const text = renderForAgent(flags);
    assert.deepEqual(JSON.parse(text), {
      count: 3,
      next_offset: 2,
      url_template: 'https://us.posthog.com/project/1/feature_flags/{id}',
      columns: ['id', 'key', 'active', 'rollout', 'name', 'tags'],
      rows: [
        [3, 'a', true, '50%', 'A flag', ['x']],
        [2, 'b', false, '2 variants'],
      ],
    });
    assert.ok(text.length < JSON.stringify(flags).length, 'smaller than the same answer as objects');
  });

  it('puts columns every row has first (in row order), then the rest by how often they appear', () => {
    assert.deepEqual(
      columnsOf([
        { a: 1, rare: 1 },
        { a: 2, b: 2, common: 1 },
        { b: 3, a: 3, common: 2 },
      ]),
      ['a', 'b', 'common', 'rare'],
    );
  });

  it('says has_more only where next_offset does not already say it', () => {
    assert.equal('has_more' in (toTable(flags) as object), false, 'next_offset says there is more');
    assert.equal(
      'has_more' in (toTable({ ...flags, has_more: false, next_offset: undefined }) as object),
      false,
      'no next page, nothing to say',
    );
    assert.equal(
      (toTable({ has_more: true, results: [{ id: 1 }] }) as { has_more?: boolean }).has_more,
      true,
      'more, without an offset to give',
    );
  });

  it('leaves everything else as it is: single objects, arrays of values (query results), empty lists, text', () => {
    const query = { columns: ['count()'], results: [[1]], has_more: false };
    assert.equal(renderForAgent(query), JSON.stringify(query));
    const flag = { id: 1, key: 'a', filters: { groups: [] } };
    assert.equal(renderForAgent(flag), JSON.stringify(flag));
    assert.deepEqual(JSON.parse(renderForAgent({ count: 0, has_more: false, results: [] })), { count: 0, rows: [] });
    assert.equal(renderForAgent('plain words'), 'plain words');
    assert.equal(renderForAgent(undefined), '{"ok":true}');
  });

  it('loses nothing: any list of rows comes back from the table as it went in', () => {
    const value = fc.oneof(
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
    );
    const key = fc.constantFrom('id', 'key', 'name', 'active', 'tags', 'url', 'rollout', 'pinned', 'description');
    const row = fc.dictionary(key, value, { maxKeys: 9 });
    const list = fc.record({
      count: fc.option(fc.nat(), { nil: undefined }),
      next_offset: fc.option(fc.nat(), { nil: undefined }),
      url_template: fc.option(fc.webUrl(), { nil: undefined }),
      results: fc.array(row, { maxLength: 30 }),
    });
    fc.assert(
      fc.property(list, (l) => {
        const data = Object.fromEntries(Object.entries({ ...l, has_more: l.next_offset !== undefined }).filter(([, v]) => v !== undefined));
        const back = fromTable(JSON.parse(renderForAgent(data))) as Record<string, unknown>;
        const expected = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
        if (expected.has_more === false) delete expected.has_more;
        assert.deepEqual(back, expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is what list tools send through MCP, while the views get the same rows as objects', async () => {
    const h = await startHarness();
    try {
      const viaMcp = await h.mcp.callTool({ name: 'list_feature_flags', arguments: { limit: 5 } });
      const text = (viaMcp.content as Array<{ text: string }>)[0].text;
      const table = JSON.parse(text) as { columns: string[]; rows: unknown[][]; next_offset: number };
      assert.deepEqual(table.columns.slice(0, 5), ['id', 'key', 'name', 'active', 'rollout']);
      assert.equal(table.rows.length, 5);
      assert.equal(table.next_offset, 5);
      const forViews = await h.registry.run('list_feature_flags', { limit: 5 });
      assert.deepEqual(fromTable(table), JSON.parse(JSON.stringify(forViews)));
    } finally {
      await h.close();
    }
  });
});
