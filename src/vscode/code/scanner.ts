/**
 * The scanner as the live index uses it (src/code): scanSource for one file's text, scanTree for a
 * whole folder (it yields to the extension host every few milliseconds), and which single files a
 * full scan would read (.gitignore, skipped folders, languages), for files that appear later.
 *
 * All of it is dist/codeScanner.js, loaded on first use, not with dist/extension.js: the live index
 * is made during activation, and its first full scan waits for activation to finish before it loads
 * the scanner, so opening VS Code does not compile the scanner's rules for every language first.
 */
import type { FileFilter } from '../../code/fileFilter';
import type { LiveIndexScanner } from '../../code/liveIndex';
import { loadCode } from '../lazy';

export interface WorkspaceScanner extends LiveIndexScanner {
  /** A .gitignore changed: its rules are read again. */
  forgetRules(): void;
}

/** Resolves on the next turn of the event loop: after activate() has returned. */
const afterActivation = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createScanner(): WorkspaceScanner {
  let filter: FileFilter | undefined;
  const files = () => (filter ??= new (loadCode().FileFilter)());
  return {
    scanSource: (text, file) => loadCode().scanSource(text, file),
    scanTree: (root, options) => afterActivation().then(() => loadCode().scanTree(root, options)),
    accepts: (root, file) => files().accepts(root, file),
    forgetRules: () => filter?.forget(),
  };
}
