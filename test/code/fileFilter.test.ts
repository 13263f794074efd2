/** FileFilter: one file at a time, the live index lets in exactly the files scanTree reads. */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileFilter } from '../../src/code/fileFilter';
import { scanTree } from '../../src/code';

const CALL = "import posthog from 'posthog-js';\nposthog.isFeatureEnabled('k');\n";
const FILES: Record<string, string> = {
  '.gitignore': 'generated/\n*.gen.ts\n!keep.gen.ts\n',
  'src/a.ts': CALL,
  'src/b.gen.ts': CALL,
  'src/keep.gen.ts': CALL,
  'generated/c.ts': CALL,
  'pkg/.gitignore': 'local.ts\n',
  'pkg/local.ts': CALL,
  'pkg/shared.ts': CALL,
  'node_modules/lib/index.js': CALL,
  'web/dist/app.js': CALL,
  'web/vendor.min.js': CALL,
  'notes/readme.txt': CALL,
};

describe('FileFilter', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'file-filter-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }

  it('accepts exactly the files scanTree scans (.gitignore at any depth, negation, skipped folders, build output, languages)', async () => {
    const scanned = new Set((await scanTree(root)).references.map((r) => r.file));
    const filter = new FileFilter();
    const accepted = Object.keys(FILES).filter((f) => filter.accepts(root, f));
    assert.deepEqual(accepted, ['src/a.ts', 'src/keep.gen.ts', 'pkg/shared.ts']);
    assert.deepEqual([...scanned].sort(), [...accepted].sort());
  });

  it('reads a changed .gitignore again after forget()', () => {
    const filter = new FileFilter();
    assert.equal(filter.accepts(root, 'pkg/shared.ts'), true);
    writeFileSync(path.join(root, 'pkg/.gitignore'), 'shared.ts\n');
    assert.equal(filter.accepts(root, 'pkg/shared.ts'), true, 'cached until told');
    filter.forget();
    assert.equal(filter.accepts(root, 'pkg/shared.ts'), false);
  });
});
