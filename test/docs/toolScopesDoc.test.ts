/** docs/tools.md names the key scopes each toolset needs, from the toolset records. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { TOOLSET_INFO } from '../../src/mcp/toolsets';
import { renderToolsDoc } from '../../scripts/docs/toolsDoc';

describe('docs/tools.md key scopes', () => {
  const doc = renderToolsDoc(
    new ToolRegistry(ALL_TOOLS, () => {
      throw new Error('not used');
    }),
  );

  for (const t of TOOLSET_INFO) {
    it(`${t.name}: its section lists its read and write scopes`, () => {
      const section = doc.split(/^## /m).find((s) => s.startsWith(`${t.title} (\`${t.name}\`)`));
      assert.ok(section, `a section for ${t.name}`);
      const line = /^Key scopes: .*$/m.exec(section)?.[0] ?? '';
      for (const scope of [...t.scopes.read, ...t.scopes.write])
        assert.ok(line.includes(`\`${scope}\``), `${t.name}: ${scope} in "${line}"`);
    });
  }
});
