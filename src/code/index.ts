/** The code scanner: PostHog flag and event references in source code (no `vscode`; editor, CLI and tools share it). */
export * from './types';
export { scanSource, keySlotAt } from './scanSource';
export { languageOf, SCANNED_EXTENSIONS } from './languages';
