/**
 * The .vsix ships every bundle the extension loads on demand: .vscodeignore denies everything and
 * names what goes in, so a new lazy bundle (src/vscode/lazy.ts) left off its list would install an
 * extension that fails the first time it needs that part (HogQL's CodeLenses never came).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

describe('packaging', () => {
  it('.vscodeignore lets in every bundle src/vscode/lazy.ts requires, and the shared errors.js', () => {
    const lazy = readFileSync(join(ROOT, 'src', 'vscode', 'lazy.ts'), 'utf8');
    const bundles = [...lazy.matchAll(/require\('\.\/([A-Za-z]+\.js)'\)/g)].map((m) => `dist/${m[1]}`);
    assert.ok(bundles.length >= 4, `lazy bundles found: ${bundles.join(', ')}`);
    const allowed = new Set(
      readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('!'))
        .map((l) => l.slice(1)),
    );
    const missing = [...bundles, 'dist/extension.js', 'dist/errors.js'].filter((f) => !allowed.has(f));
    assert.deepEqual(missing, [], 'bundles the .vsix would leave out');
  });
});
