/**
 * The scanner as the live index uses it (src/code): scanSource for one file's text, a full scan of
 * a workspace folder, and which files a full scan would read.
 *
 * The full scan here lists files with VS Code's findFiles (files.exclude applies) and reads them in
 * slices that yield to the extension host every few milliseconds.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SCANNED_EXTENSIONS, languageOf, scanSource } from '../../code';
import type { LiveIndexScanner } from '../../code/liveIndex';
import type { CodeReference, DynamicReference, SkipReason, TreeScan } from '../../code/types';

/** Folders of dependencies and build output: never the project's own code. */
const SKIPPED_DIRS = ['node_modules', '.git', 'dist', 'build', 'out', '.next', 'coverage', 'vendor', '__pycache__', '.venv', 'venv'];
const MAX_FILE_BYTES = 1_000_000;
/** The longest the scan works before it lets the extension host run something else. */
const SLICE_MS = 8;

const yieldToHost = () => new Promise<void>((resolve) => setImmediate(resolve));

function accepts(_root: string, file: string): boolean {
  if (!languageOf(file)) return false;
  const dirs = file.split('/').slice(0, -1);
  return !dirs.some((d) => SKIPPED_DIRS.includes(d));
}

async function scanTree(root: string, options: { signal?: AbortSignal } = {}): Promise<TreeScan> {
  const glob = `**/*{${SCANNED_EXTENSIONS.join(',')}}`;
  const uris = await vscode.workspace.findFiles(
    new vscode.RelativePattern(vscode.Uri.file(root), glob),
    `**/{${SKIPPED_DIRS.join(',')}}/**`,
  );
  const references: CodeReference[] = [];
  const dynamic: DynamicReference[] = [];
  const skipped: Partial<Record<SkipReason, number>> = {};
  const skip = (reason: SkipReason) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  let files = 0;
  let sliceStart = Date.now();
  for (const uri of uris) {
    options.signal?.throwIfAborted();
    if (Date.now() - sliceStart > SLICE_MS) {
      await yieldToHost();
      sliceStart = Date.now();
    }
    const rel = path.relative(root, uri.fsPath).split(path.sep).join('/');
    let bytes: Buffer;
    try {
      bytes = await readFile(uri.fsPath);
    } catch {
      skip('unreadable');
      continue;
    }
    if (bytes.length > MAX_FILE_BYTES) skip('too_large');
    else if (bytes.includes(0)) skip('binary');
    else {
      const scan = scanSource(bytes.toString('utf8'), rel);
      references.push(...scan.references);
      dynamic.push(...scan.dynamic);
      files++;
    }
  }
  return { root, files, skipped, references, dynamic };
}

export function createScanner(): LiveIndexScanner {
  return { scanSource, scanTree, accepts };
}
