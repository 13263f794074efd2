/** scanTree on real directories: .gitignore, dependencies, build output, and every kind of bad file skipped and counted. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scanTree } from '../../src/code';

const JS = (event: string) => `import posthog from 'posthog-js'\nposthog.capture('${event}')\n`;

function write(root: string, rel: string, content: string | Buffer): void {
  const p = path.join(root, rel);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, content);
}

describe('scanTree', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'posthog-scan-'));
  });
  after(() => {
    try {
      chmodSync(path.join(root, 'locked.js'), 0o644);
    } catch {
      /* not created */
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('finds references in every language, relative "/" paths, sorted by file, line and column', async () => {
    const dir = mkdtempSync(path.join(root, 'langs-'));
    write(dir, 'web/b.ts', `${JS('b1')}posthog.capture('b2')\n`);
    write(dir, 'web/a.tsx', JS('a'));
    write(dir, 'api/app.py', `import posthog\nposthog.capture('py', distinct_id='u')\n`);
    write(dir, 'svc/main.go', `package main\nimport "github.com/posthog/posthog-go"\nvar _ = posthog.Capture{Event: "go"}\n`);
    write(dir, 'rb/app.rb', `require 'posthog'\nposthog.capture(distinct_id: 'u', event: 'rb')\n`);
    write(dir, 'php/app.php', `<?php\nPostHog::capture(['event' => 'php']);\n`);
    write(dir, 'README.md', "posthog.capture('not-code')\n");
    const scan = await scanTree(dir);
    assert.equal(scan.root, dir);
    assert.equal(scan.files, 6);
    assert.deepEqual(
      scan.references.map((r) => `${r.file}:${r.line} ${r.key} ${r.language}`),
      [
        'api/app.py:2 py python',
        'php/app.php:2 php php',
        'rb/app.rb:2 rb ruby',
        'svc/main.go:3 go go',
        'web/a.tsx:2 a typescript',
        'web/b.ts:2 b1 typescript',
        'web/b.ts:3 b2 typescript',
      ],
    );
  });

  it('respects .gitignore files, nested ones and negations, and skips dependencies and build output', async () => {
    const dir = mkdtempSync(path.join(root, 'ignore-'));
    write(dir, '.gitignore', 'generated/\n*.gen.ts\n');
    write(dir, 'src/keep.ts', JS('keep'));
    write(dir, 'src/x.gen.ts', JS('gitignored-glob'));
    write(dir, 'generated/a.ts', JS('gitignored-dir'));
    write(dir, 'pkg/.gitignore', 'local.ts\n!important.gen.ts\n');
    write(dir, 'pkg/local.ts', JS('nested-ignore'));
    write(dir, 'pkg/important.gen.ts', JS('re-included'));
    write(dir, 'node_modules/posthog-js/dist/module.js', JS('dependency'));
    write(dir, 'dist/app.js', JS('build-output'));
    write(dir, '.venv/lib/site.py', `import posthog\nposthog.capture('venv', distinct_id='u')\n`);
    write(dir, 'public/app.min.js', JS('minified'));
    const scan = await scanTree(dir);
    assert.deepEqual(scan.references.map((r) => r.key).sort(), ['keep', 're-included']);
    assert.equal(scan.files, 2);
    assert.equal(scan.skipped.ignored, 7, 'generated/, x.gen.ts, local.ts, node_modules/, dist/, .venv/, app.min.js');
  });

  it('skips binary, too large, badly encoded and unreadable files and counts each, never failing', async () => {
    const dir = mkdtempSync(path.join(root, 'bad-'));
    write(dir, 'ok.js', JS('ok'));
    write(dir, 'binary.js', Buffer.concat([Buffer.from(JS('binary')), Buffer.from([0, 1, 2])]));
    write(dir, 'huge.js', JS('huge') + '// padding\n'.repeat(110_000));
    write(dir, 'latin1.js', Buffer.concat([Buffer.from(JS('latin1')), Buffer.from([0x2f, 0x2f, 0xe9, 0x0a])]));
    execFileSync('mkfifo', [path.join(dir, 'pipe.js')]);
    const scan = await scanTree(dir);
    assert.deepEqual(
      scan.references.map((r) => r.key),
      ['ok'],
    );
    assert.equal(scan.files, 1);
    assert.deepEqual(scan.skipped, { binary: 1, too_large: 1, bad_encoding: 1, unreadable: 1 });
    const small = await scanTree(dir, { maxFileBytes: 10 });
    assert.equal(small.skipped.too_large, 4, 'maxFileBytes is honoured');
  });

  it(
    'counts a file it may not read (chmod 000) as unreadable when not running as root',
    { skip: process.getuid?.() === 0 ? 'root reads anything' : false },
    async () => {
      const dir = mkdtempSync(path.join(root, 'perm-'));
      write(dir, 'locked.js', JS('locked'));
      chmodSync(path.join(dir, 'locked.js'), 0);
      const scan = await scanTree(dir);
      chmodSync(path.join(dir, 'locked.js'), 0o644);
      assert.equal(scan.skipped.unreadable, 1);
    },
  );

  it('counts a symlink loop and a dangling link, and still scans what the links reach once', async () => {
    const dir = mkdtempSync(path.join(root, 'links-'));
    write(dir, 'a/one.js', JS('one'));
    symlinkSync('..', path.join(dir, 'a', 'up')); // a/up -> dir: a loop back to the root
    symlinkSync('a', path.join(dir, 'again')); // the same directory under a second name
    symlinkSync('missing.js', path.join(dir, 'dangling.js'));
    symlinkSync('self.js', path.join(dir, 'self.js')); // ELOOP
    const scan = await scanTree(dir);
    assert.deepEqual(
      scan.references.map((r) => r.key),
      ['one'],
    );
    assert.equal(scan.skipped.symlink_loop, 3, 'a/up, again (a second way into a/), self.js');
    assert.equal(scan.skipped.unreadable, 1, 'the dangling link');
  });

  it('reports a missing root or a file root as a clear error', async () => {
    await assert.rejects(scanTree(path.join(root, 'nope')), /Cannot scan .*nope: no such directory/);
    write(root, 'plain.js', 'x');
    await assert.rejects(scanTree(path.join(root, 'plain.js')), /not a directory/);
  });

  it('stops when its signal is aborted, and reports progress', async () => {
    const dir = mkdtempSync(path.join(root, 'many-'));
    for (let i = 0; i < 600; i++) write(dir, `d${i % 7}/f${i}.js`, JS(`e${i}`));
    const seen: number[] = [];
    const scan = await scanTree(dir, { onProgress: (p) => seen.push(p.files) });
    assert.equal(scan.references.length, 600);
    assert.ok(seen.length >= 3 && seen[seen.length - 1] === 600, `progress ${seen.join(',')}`);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(scanTree(dir, { signal: controller.signal }), /cancelled/);
  });
});
