/**
 * The code scanner: PostHog flag and event references in source code. Plain TypeScript (no
 * `vscode`, no src/mcp): the editor, the `refs` CLI and the `code` tools share it.
 *
 * - scanSource(text, file): one text's references and dynamic calls.
 * - keySlotAt(text, file, offset): the flag-key or event-name literal at a cursor (completion).
 * - scanTree(root, options): a whole directory, .gitignore respected, never blocking for long.
 * - ReferenceIndex: references kept current one file at a time (the editor's live index).
 */
export * from './types';
export { scanSource, keySlotAt } from './scanSource';
export { scanTree, DEFAULT_MAX_FILE_BYTES, type ScanTreeOptions, type ScanProgress } from './scanTree';
export { ReferenceIndex, type ReferenceFilter } from './referenceIndex';
export { languageOf, SCANNED_EXTENSIONS } from './languages';
export { SKIPPED_DIRECTORIES } from './gitignore';
