/**
 * Every PostHog reference under a directory. The walk respects .gitignore files and skips
 * dependencies and build output (src/code/gitignore.ts); a file that is too large, binary, not
 * UTF-8, unreadable or reached again through a symlink loop is counted in `skipped`, never a crash.
 *
 * It shares the event loop with an editor: it reads and scans synchronously (a file is at most
 * maxFileBytes; a read from the page cache is far under a millisecond) and yields (setImmediate)
 * whenever a slice of that work passes SLICE_MS.
 */
import { isUtf8 } from 'node:buffer';
import { closeSync, type Dirent, openSync, readdirSync, readFileSync, readSync, realpathSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { IgnoreRules, isBuildOutputFile, SKIPPED_DIRECTORIES } from './gitignore';
import { languageOf } from './languages';
import { scanSource } from './scanSource';
import { type CodeReference, type DynamicReference, type SkipReason, type TreeScan } from './types';

export const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;
/** Longest synchronous stretch of scanning before yielding to the event loop. */
const SLICE_MS = 8;
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
  /** Each file's results, in scanSource's order: sorting the files, not every reference, orders them. */
  const found: { rel: string; references: CodeReference[]; dynamic: DynamicReference[] }[] = [];
  let referenceCount = 0;
  const skipped: Partial<Record<SkipReason, number>> = {};
  let files = 0;
  let skippedTotal = 0;
  const countSkip = (reason: SkipReason) => {
    skipped[reason] = (skipped[reason] ?? 0) + 1;
    skippedTotal++;
  };

  let rootStat: Stats;
  try {
    rootStat = statSync(absRoot);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`Cannot scan ${absRoot}: ${code === 'ENOENT' ? 'no such directory' : (e as Error).message}. Pick an existing folder.`, {
      cause: e,
    });
  }
  if (!rootStat.isDirectory()) throw new Error(`Cannot scan ${absRoot}: it is not a directory. Pick a folder.`);

  const visitedDirs = new Set<string>([realpathSync.native(absRoot)]);
  const dirs: DirJob[] = [{ abs: absRoot, rel: '', rules: IgnoreRules.empty() }];
  const pending: FileJob[] = [];

  function expand(dir: DirJob): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir.abs, { withFileTypes: true });
    } catch {
      countSkip('unreadable');
      return;
    }
    let rules = dir.rules;
    if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
      const text = readText(path.join(dir.abs, '.gitignore'));
      if (text) rules = rules.with(dir.rel, text);
    }
    // Walked depth-first from a stack: push in reverse so files come out in name order.
    for (let k = entries.length - 1; k >= 0; k--) {
      const e = entries[k];
      const rel = dir.rel ? `${dir.rel}/${e.name}` : e.name;
      const abs = path.join(dir.abs, e.name);
      if (e.isDirectory()) {
        if (SKIPPED_DIRECTORIES.has(e.name) || rules.ignores(rel, true)) countSkip('ignored');
        else pushDir({ abs, rel, rules });
      } else if (e.isSymbolicLink()) {
        followLink(abs, rel, rules);
      } else if (languageOf(e.name)) {
        if (isBuildOutputFile(e.name) || rules.ignores(rel, false)) countSkip('ignored');
        else if (e.isFile()) pending.push({ abs, rel });
        else countSkip('unreadable'); // a FIFO, socket or device named like code: opening it could block
      }
    }
  }

  function pushDir(dir: DirJob): void {
    let real: string;
    try {
      real = realpathSync.native(dir.abs);
    } catch {
      countSkip('unreadable');
      return;
    }
    if (visitedDirs.has(real)) countSkip('symlink_loop');
    else {
      visitedDirs.add(real);
      dirs.push(dir);
    }
  }

  function followLink(abs: string, rel: string, rules: IgnoreRules): void {
    const name = path.basename(abs);
    let target: Stats;
    try {
      target = statSync(abs);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') countSkip('symlink_loop');
      else if (languageOf(name)) countSkip('unreadable'); // dangling
      return;
    }
    if (target.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(name) || rules.ignores(rel, true)) countSkip('ignored');
      else pushDir({ abs, rel, rules });
    } else if (languageOf(name)) {
      if (rules.ignores(rel, false)) countSkip('ignored');
      else if (target.isFile()) pending.push({ abs, rel });
      else countSkip('unreadable');
    }
  }

  /**
   * One buffer for every file, a byte larger than the largest file read: no fstat for the size and
   * no Buffer per file (a scan reads thousands); the text is decoded straight out of it.
   */
  const buffer = Buffer.allocUnsafe(maxBytes + 1);
  function readSource(job: FileJob): string | SkipReason {
    let fd: number | undefined;
    try {
      fd = openSync(job.abs, 'r');
      let got = 0;
      for (;;) {
        const n = readSync(fd, buffer, got, buffer.length - got, null);
        if (n === 0) break;
        got += n;
        if (got > maxBytes) return 'too_large';
      }
      const data = buffer.subarray(0, got);
      if (data.subarray(0, SNIFF_BYTES).includes(0)) return 'binary';
      if (!isUtf8(data)) return 'bad_encoding';
      return data.toString('utf8');
    } catch {
      return 'unreadable';
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  // Reads are synchronous (a file is at most maxFileBytes), in slices of SLICE_MS between yields.
  let sliceStart = performance.now();
  for (;;) {
    if (signal?.aborted) throw new Error('The code scan was cancelled.');
    const job = pending.pop();
    if (job) {
      const text = readSource(job);
      if (text === 'too_large' || text === 'binary' || text === 'bad_encoding' || text === 'unreadable') countSkip(text);
      else {
        const scan = scanSource(text, job.rel);
        files++;
        if (scan.references.length || scan.dynamic.length) found.push({ rel: job.rel, ...scan });
        referenceCount += scan.references.length;
        if (options.onProgress && files % 250 === 0) options.onProgress({ files, references: referenceCount, skipped: skippedTotal });
      }
    } else {
      const dir = dirs.pop();
      if (!dir) break;
      expand(dir);
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const references: CodeReference[] = [];
  const dynamic: DynamicReference[] = [];
  for (const f of found) {
    for (const r of f.references) references.push(r);
    for (const d of f.dynamic) dynamic.push(d);
  }
  options.onProgress?.({ files, references: references.length, skipped: skippedTotal });
  return { root: absRoot, files, references, dynamic, skipped };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
