/**
 * Snapshot of `tools/list`: every tool's name, title, description, input schema and annotations.
 * A change to any tool's schema must be deliberate: rerun with UPDATE_SNAPSHOTS=1 and commit the diff.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';

const FILE = join(__dirname, '..', 'snapshots', 'tools-list.json');

describe('tools/list snapshot', () => {
  it('matches the committed snapshot', () => {
    const registry = new ToolRegistry(ALL_TOOLS, () => {
      throw new Error('not used');
    });
    const current = registry.list().map((t) => registry.describe(t));
    const text = `${JSON.stringify(current, null, 2)}\n`;
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(FILE)) {
      mkdirSync(dirname(FILE), { recursive: true });
      writeFileSync(FILE, text);
      if (process.env.CI && process.env.UPDATE_SNAPSHOTS !== '1') assert.fail('the snapshot was missing in CI; it must be committed');
      return;
    }
    const expected = JSON.parse(readFileSync(FILE, 'utf8'));
    for (let i = 0; i < Math.max(expected.length, current.length); i++) {
      assert.deepEqual(
        current[i],
        expected[i],
        `tool #${i} (${current[i]?.name ?? expected[i]?.name}) differs from the snapshot; if deliberate, run UPDATE_SNAPSHOTS=1 npm test and commit`,
      );
    }
  });

  it('publishes no length bounds and no long patterns, which zod still enforces with an error naming the forms', async () => {
    const registry = new ToolRegistry(ALL_TOOLS, () => {
      throw new Error('not used');
    });
    const tool = registry.describe(registry.get('run_insight_query')!) as unknown as {
      inputSchema: { properties: Record<string, Record<string, unknown>> };
    };
    const dateFrom = tool.inputSchema.properties.date_from;
    assert.equal(dateFrom.pattern, undefined, 'the date grammar is left out');
    assert.match(String(dateFrom.description), /-7d/, 'the description names the accepted forms');
    assert.equal(dateFrom.maxLength, undefined);
    const flag = registry.describe(registry.get('create_feature_flag')!) as unknown as {
      inputSchema: { properties: Record<string, Record<string, unknown>> };
    };
    assert.equal(flag.inputSchema.properties.key.pattern, '^[a-zA-Z0-9_-]+$', "a flag key's charset is guidance and stays");
    await assert.rejects(
      registry.run('run_insight_query', { insight_id: 1, date_from: 'last tuesday' }),
      /-7d, -24h, -30d/,
      'a date outside the grammar is refused with the forms',
    );
  });
});
