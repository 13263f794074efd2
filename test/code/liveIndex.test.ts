/**
 * The live index's own logic (full scan, one-file updates, removals, folders, events, roots), with a
 * tiny stand-in scanner that reads `flag('key')` calls: the real scanner's rules have their own tests.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LiveCodeIndex, type LiveIndexScanner } from '../../src/code/liveIndex';
import type { CodeReference, SourceScan, TreeScan } from '../../src/code/types';

function scanSource(text: string, file: string): SourceScan {
  const references: CodeReference[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/flag\('([\w-]+)'\)/g)) {
      const column = m.index + 6;
      const lineStart = text.split('\n').slice(0, i).join('\n').length + (i ? 1 : 0);
      references.push({
        kind: 'flag',
        key: m[1],
        file,
        line: i + 1,
        column,
        call: 'flag',
        language: 'javascript',
        start: lineStart + column,
        end: lineStart + column + m[1].length,
      });
    }
  });
  return { references, dynamic: [] };
}

function walk(root: string, dir = root, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'ignored') walk(root, p, out);
    } else if (p.endsWith('.js')) out.push(path.relative(root, p).split(path.sep).join('/'));
  }
  return out;
}

function scanner(opts: { delay?: Promise<void> } = {}): LiveIndexScanner & { treeScans: number } {
  const s = {
    treeScans: 0,
    scanSource,
    accepts: (_root: string, file: string) => file.endsWith('.js') && !file.split('/').includes('ignored'),
    async scanTree(root: string): Promise<TreeScan> {
      s.treeScans++;
      const files = walk(root);
      const texts = files.map((f) => readFileSync(path.join(root, f), 'utf8'));
      await opts.delay;
      const references = files.flatMap((f, i) => scanSource(texts[i], f).references);
      return { root, files: files.length, skipped: {}, references, dynamic: [] };
    },
  };
  return s;
}

const tmp = mkdtempSync(path.join(tmpdir(), 'live-index-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function tree(files: Record<string, string>): string {
  const root = path.join(tmp, `ws${n++}`);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

function changes(index: LiveCodeIndex): { count: number } {
  const c = { count: 0 };
  index.onDidChange(() => c.count++);
  return c;
}
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('LiveCodeIndex', () => {
  it('scans every root fully, then answers references, counts and the CodeIndex scan', async () => {
    const a = tree({ 'src/a.js': "flag('nav')\nflag('nav') flag('beta')", 'ignored/x.js': "flag('nav')" });
    const b = tree({ 'lib/b.js': "flag('nav')" });
    const index = new LiveCodeIndex(scanner(), [a, b], 0);
    await index.ready;
    assert.deepEqual(
      index.references({ key: 'nav' }).map((r) => [r.path, r.line, r.column]),
      [
        [path.join(a, 'src/a.js'), 1, 6],
        [path.join(a, 'src/a.js'), 2, 6],
        [path.join(b, 'lib/b.js'), 1, 6],
      ],
    );
    assert.deepEqual(
      [...index.counts('flag')],
      [
        ['nav', 3],
        ['beta', 1],
      ],
    );
    const scan = await index.scan();
    assert.equal(scan.files, 2);
    assert.deepEqual(
      scan.references.map((r) => `${r.file}:${r.line}:${r.key}`),
      ['lib/b.js:1:nav', 'src/a.js:1:nav', 'src/a.js:2:nav', 'src/a.js:2:beta'],
    );
    assert.equal(index.pathOf('lib/b.js'), path.join(b, 'lib/b.js'));
    index.dispose();
  });

  it('follows one file: an edit that changes references fires one event; the same references fire none', async () => {
    const root = tree({ 'a.js': "flag('nav')" });
    const index = new LiveCodeIndex(scanner(), [root], 5);
    await index.ready;
    await settle();
    const events = changes(index);
    assert.equal(index.updateFile(path.join(root, 'a.js'), "flag('nav')\nflag('checkout')"), true);
    assert.equal(index.updateFile(path.join(root, 'b.js'), "flag('checkout')"), true);
    await settle();
    assert.equal(events.count, 1, 'a burst of changes is one event');
    assert.equal(index.counts('flag').get('checkout'), 2);
    assert.equal(index.updateFile(path.join(root, 'a.js'), "flag('nav')\nflag('checkout')"), false, 'same text, nothing changed');
    assert.equal(index.updateFile(path.join(root, 'ignored/c.js'), "flag('checkout')"), false, 'a file the scanner skips stays out');
    assert.equal(index.updateFile(path.join(tmp, 'elsewhere.js'), "flag('checkout')"), false, 'outside every root');
    await settle();
    assert.equal(events.count, 1);
    assert.deepEqual(
      (await index.scan()).references.map((r) => `${r.file}:${r.line}:${r.key}`),
      ['a.js:1:nav', 'a.js:2:checkout', 'b.js:1:checkout'],
    );
    index.dispose();
  });

  it('forgets a deleted file, and a deleted folder with everything in it', async () => {
    const root = tree({ 'a.js': "flag('nav')", 'pkg/b.js': "flag('nav')", 'pkg/deep/c.js': "flag('beta')", 'pkgx.js': "flag('nav')" });
    const index = new LiveCodeIndex(scanner(), [root], 0);
    await index.ready;
    assert.equal(index.removePath(path.join(root, 'a.js')), true);
    assert.equal(index.removePath(path.join(root, 'pkg')), true);
    assert.deepEqual(
      index.references().map((r) => r.file),
      ['pkgx.js'],
      'a sibling sharing the prefix stays',
    );
    assert.equal(index.removePath(path.join(root, 'nothing.js')), false);
    index.dispose();
  });

  it('adds a folder that appears (moved in), under the root rules', async () => {
    const root = tree({ 'a.js': '' });
    const index = new LiveCodeIndex(scanner(), [root], 0);
    await index.ready;
    // The new folder is written after the full scan.
    mkdirSync(path.join(root, 'moved/ignored'), { recursive: true });
    writeFileSync(path.join(root, 'moved/m.js'), "x\nflag('moved-in')");
    await index.addFolder(path.join(root, 'moved'));
    assert.deepEqual(
      index.references().map((r) => `${r.file}:${r.line}`),
      ['moved/m.js:2'],
    );
    index.dispose();
  });

  it('keeps an edit made while the full scan runs (the scan read the older text)', async () => {
    const root = tree({ 'a.js': "flag('old')" });
    let release!: () => void;
    const index = new LiveCodeIndex(scanner({ delay: new Promise<void>((r) => (release = r)) }), [root], 0);
    index.updateFile(path.join(root, 'a.js'), "flag('new')");
    release();
    await index.ready;
    assert.deepEqual([...index.counts('flag').keys()], ['new']);
    index.dispose();
  });

  it('follows the workspace folders: a new root is scanned, a removed one is dropped', async () => {
    const a = tree({ 'a.js': "flag('a')" });
    const b = tree({ 'b.js': "flag('b')" });
    const s = scanner();
    const index = new LiveCodeIndex(s, [a], 0);
    await index.ready;
    index.setRoots([a, b]);
    await index.ready;
    assert.deepEqual([...index.counts('flag').keys()].sort(), ['a', 'b']);
    index.setRoots([b]);
    assert.deepEqual([...index.counts('flag').keys()], ['b']);
    assert.deepEqual(index.roots, [b]);
    assert.equal(s.treeScans, 2, 'a root already scanned is not scanned again');
    index.dispose();
  });
});
