/**
 * docs/tools.md is the tool catalog in the repository, written from the registry by
 * `npm run docs:tools`. It must say what tools/list says: regenerated here in memory, it must equal
 * the committed file.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { TOOLS_DOC_PATH, annotationWords, renderToolsDoc, typeWords } from '../../scripts/docs/toolsDoc';

const registry = new ToolRegistry(ALL_TOOLS, () => {
  throw new Error('not used');
});

describe('docs/tools.md', () => {
  it('is what the registry generates', () => {
    const committed = readFileSync(join(__dirname, '..', '..', TOOLS_DOC_PATH), 'utf8');
    // One comparison, not deepEqual: a 30 KB diff in the failure would hide the instruction.
    assert.ok(committed === renderToolsDoc(registry), 'docs/tools.md is stale: run npm run docs:tools');
  });

  it('has every tool once, under its toolset, in catalog order', () => {
    const doc = renderToolsDoc(registry);
    const names = [...doc.matchAll(/^### `([a-z_]+)`/gm)].map((m) => m[1]);
    assert.deepEqual(
      names,
      ALL_TOOLS.map((t) => t.name),
    );
    const sections = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    assert.equal(sections.length, new Set(ALL_TOOLS.map((t) => t.toolset)).size);
  });

  it('puts annotations and argument types in words', () => {
    const base = { openWorldHint: true };
    assert.equal(annotationWords({ ...base, readOnlyHint: true, destructiveHint: false, idempotentHint: true }), 'Read-only');
    assert.equal(
      annotationWords({ ...base, readOnlyHint: false, destructiveHint: true, idempotentHint: true }),
      'Changes data, destructive, idempotent',
    );
    assert.equal(typeWords({ type: 'integer', minimum: 1, maximum: 100 }), 'integer (1–100)');
    assert.equal(typeWords({ type: 'array', items: { type: 'string' } }), 'string[]');
    assert.equal(typeWords({ anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] }), 'string (date-time) or null');
    assert.equal(typeWords({ type: 'string', enum: ['hour', 'day'] }), 'one of hour, day');
    assert.equal(typeWords({ type: 'object', additionalProperties: { type: 'string' } }), 'object of string');
  });

  it('keeps a pipe in a description from breaking its table row', () => {
    const doc = renderToolsDoc({
      list: () => [ALL_TOOLS[0]],
      describe: () => ({
        name: 'x',
        title: 'X',
        description: 'd',
        annotations: ALL_TOOLS[0].annotations,
        inputSchema: { type: 'object', properties: { a: { type: 'string', description: 'a | b\nc' } }, required: ['a'] },
      }),
    });
    assert.match(doc, /^\| `a` \| string \| yes \| a \\\| b c \|$/m);
  });

  it('every prose mention of the tool count says how many tools there are (README, security notes, the walkthrough)', () => {
    const root = join(__dirname, '..', '..');
    const places = ['README.md', 'docs/security.md', 'docs/extension.md', 'package.json', 'CONTRIBUTING.md'];
    const wrong: string[] = [];
    for (const file of places) {
      const text = readFileSync(join(root, file), 'utf8');
      // "71 tools", "(71 tools," but not a measured peer's count in the bench table ("toolkit 42 tools").
      for (const m of text.matchAll(/(?<!toolkit )(?<!ours )\b(\d{2,3}) tools\b/g))
        if (Number(m[1]) !== ALL_TOOLS.length) wrong.push(`${file}: "${m[0]}"`);
    }
    assert.deepEqual(wrong, [], `the registry has ${ALL_TOOLS.length} tools`);
  });
});
