/**
 * Every PostHog reference under a directory. The walk respects .gitignore files and skips
 * dependencies and build output (src/code/gitignore.ts); a file that is too large, binary, not
 * UTF-8, unreadable or reached again through a symlink loop is counted in `skipped`, never a crash.
 *
 * It shares the event loop with an editor: files are read concurrently, and the scanning between
 * reads yields (setImmediate) whenever a slice of synchronous work passes SLICE_MS.
 */
import { isUtf8 } from 'node:buffer';
import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';
import { IgnoreRules, isBuildOutputFile, SKIPPED_DIRECTORIES } from './gitignore';
import { languageOf } from './languages';
import { byPosition } from './order';
import { scanSource } from './scanSource';
import { type CodeReference, type DynamicReference, type SkipReason, type TreeScan } from './types';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Longest synchronous stretch of scanning before yielding to the event loop. */
const SLICE_MS = 12;
/** Files read at once. */
const CONCURRENCY = 16;
/** Bytes looked at for a NUL to call a file binary (what git and grep do). */
const SNIFF_BYTES = 8000;

export interface ScanProgress {
  files: number;
  references: number;
  skipped: number;
}

export interface ScanTreeOptions {
  signal?: AbortSignal;
  /** Files larger than this are skipped as too_large (default 1 MB). */
  maxFileBytes?: number;
  /** Called now and then (every few hundred files) with the counts so far. */
  onProgress?: (progress: ScanProgress) => void;
}

interface DirJob {
  abs: string;
  rel: string;
  rules: IgnoreRules;
}

interface FileJob {
  abs: string;
  rel: string;
}

export async function scanTree(root: string, options: ScanTreeOptions = {}): Promise<TreeScan> {
  const absRoot = path.resolve(root);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const { signal } = options;
  const references: CodeReference[] = [];
  const dynamic: DynamicReference[] = [];
  const skipped: Partial<Record<SkipReason, number>> = {};
  const skip = (reason: SkipReason) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  let files = 0;
  let skippedTotal = 0;

  const rootStat = await fs.stat(absRoot).catch((e: NodeJS.ErrnoException) => {
    throw new Error(`Cannot scan ${absRoot}: ${e.code === 'ENOENT' ? 'no such directory' : e.message}. Pick an existing folder.`);
  });
  if (!rootStat.isDirectory()) throw new Error(`Cannot scan ${absRoot}: it is not a directory. Pick a folder.`);

  const visitedDirs = new Set<string>([await fs.realpath(absRoot)]);
  const dirs: DirJob[] = [{ abs: absRoot, rel: '', rules: IgnoreRules.empty() }];
  const pending: FileJob[] = [];
  let expanding = 0;
  /** Workers waiting for a directory being read to yield files. */
  let waiters: (() => void)[] = [];
  const wakeAll = () => {
    const w = waiters;
    waiters = [];
    for (const resolve of w) resolve();
  };
  let sliceStart = performance.now();

  const countSkip = (reason: SkipReason) => {
    skip(reason);
    skippedTotal++;
  };

  async function expand(dir: DirJob): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir.abs, { withFileTypes: true });
    } catch {
      countSkip('unreadable');
      return;
    }
    let rules = dir.rules;
    if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      const text = await fs.readFile(path.join(dir.abs, '.gitignore'), 'utf8').catch(() => '');
      if (text) rules = rules.with(dir.rel, text);
    }
    for (const e of entries) {
      const rel = dir.rel ? `${dir.rel}/${e.name}` : e.name;
      const abs = path.join(dir.abs, e.name);
      if (e.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(e.name) || rules.ignores(rel, true)) countSkip('ignored');
        else await pushDir({ abs, rel, rules });
      } else if (e.isSymbolicLink()) {
        await followLink(abs, rel, rules);
      } else if (languageOf(e.name)) {
        if (isBuildOutputFile(e.name) || rules.ignores(rel, false)) countSkip('ignored');
        else if (e.isFile()) pending.push({ abs, rel });
        else countSkip('unreadable'); // a FIFO, socket or device named like code: opening it could block
      }
    }
  }

  async function pushDir(dir: DirJob): Promise<void> {
    const real = await fs.realpath(dir.abs).catch(() => undefined);
    if (real === undefined) countSkip('unreadable');
    else if (visitedDirs.has(real)) countSkip('symlink_loop');
    else {
      visitedDirs.add(real);
      dirs.push(dir);
    }
  }

  async function followLink(abs: string, rel: string, rules: IgnoreRules): Promise<void> {
    const target = await fs.stat(abs).catch((e: NodeJS.ErrnoException) => (e.code === 'ELOOP' ? 'loop' : undefined));
    const name = path.basename(abs);
    if (target === 'loop') countSkip('symlink_loop');
    else if (target === undefined) {
      if (languageOf(name)) countSkip('unreadable'); // dangling
    } else if (target.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(name) || rules.ignores(rel, true)) countSkip('ignored');
      else await pushDir({ abs, rel, rules });
    } else if (languageOf(name)) {
      if (rules.ignores(rel, false)) countSkip('ignored');
      else if (target.isFile()) pending.push({ abs, rel });
      else countSkip('unreadable');
    }
  }

  /** The next file to scan, expanding directories as needed; undefined when the walk is over. */
  async function nextFile(): Promise<FileJob | undefined> {
    for (;;) {
      if (signal?.aborted) throw new Error('The code scan was cancelled.');
      const file = pending.pop();
      if (file) return file;
      const dir = dirs.pop();
      if (dir) {
        expanding++;
        try {
          await expand(dir);
        } finally {
          expanding--;
          wakeAll();
        }
        continue;
      }
      if (expanding === 0) return undefined;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  async function readSource(job: FileJob): Promise<string | SkipReason> {
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(job.abs, 'r');
      const stat = await handle.stat();
      if (!stat.isFile()) return 'unreadable';
      if (stat.size > maxBytes) return 'too_large';
      const buf = await handle.readFile();
      if (buf.length > maxBytes) return 'too_large';
      if (buf.subarray(0, SNIFF_BYTES).includes(0)) return 'binary';
      if (!isUtf8(buf)) return 'bad_encoding';
      return buf.toString('utf8');
    } catch {
      return 'unreadable';
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  async function worker(): Promise<void> {
    for (let job = await nextFile(); job; job = await nextFile()) {
      const text = await readSource(job);
      if (text === 'too_large' || text === 'binary' || text === 'bad_encoding' || text === 'unreadable') {
        countSkip(text);
        continue;
      }
      const scan = scanSource(text, job.rel);
      files++;
      for (const r of scan.references) references.push(r);
      for (const d of scan.dynamic) dynamic.push(d);
      if (options.onProgress && files % 250 === 0) options.onProgress({ files, references: references.length, skipped: skippedTotal });
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
  }

  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
  if (signal?.aborted) throw new Error('The code scan was cancelled.');
  references.sort(byPosition);
  dynamic.sort(byPosition);
  options.onProgress?.({ files, references: references.length, skipped: skippedTotal });
  return { root: absRoot, files, references, dynamic, skipped };
}
