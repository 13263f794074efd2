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
});
