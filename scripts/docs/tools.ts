/**
 * Writes docs/tools.md from the registry. Run with `npm run docs:tools` after changing a tool;
 * test/docs/toolsDoc.test.ts fails while the committed file differs from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { TOOLS_DOC_PATH, renderToolsDoc } from './toolsDoc';

const registry = new ToolRegistry(ALL_TOOLS, () => {
  throw new Error('the catalog calls no tool');
});
const file = join(__dirname, '..', '..', TOOLS_DOC_PATH);
writeFileSync(file, renderToolsDoc(registry));
console.log(`wrote ${TOOLS_DOC_PATH} (${registry.list().length} tools)`);
