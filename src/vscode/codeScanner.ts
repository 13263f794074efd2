/**
 * The entry of dist/codeScanner.js: the code scanner, loaded when the first document is scanned or
 * the workspace's first full scan starts (after activation), not at activation (activation on a
 * JavaScript, Python… file would otherwise compile it every time).
 */
export { keySlotAt, scanSource, scanTree } from '../code';
export { FileFilter } from '../code/fileFilter';
