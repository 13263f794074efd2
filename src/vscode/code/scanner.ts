/**
 * The scanner as the live index uses it (src/code): scanSource for one file's text, scanTree for a
 * whole folder (it yields to the extension host every few milliseconds), and which single files a
 * full scan would read (.gitignore, skipped folders, languages), for files that appear later.
 */
import { scanSource, scanTree } from '../../code';
import { FileFilter } from '../../code/fileFilter';
import type { LiveIndexScanner } from '../../code/liveIndex';

export interface WorkspaceScanner extends LiveIndexScanner {
  /** A .gitignore changed: its rules are read again. */
  forgetRules(): void;
}

export function createScanner(): WorkspaceScanner {
  const filter = new FileFilter();
  return {
    scanSource,
    scanTree: (root, options) => scanTree(root, options),
    accepts: (root, file) => filter.accepts(root, file),
    forgetRules: () => filter.forget(),
  };
}
