/**
 * The entry of dist/code.js: the code scanner, loaded when the first document is scanned, not at
 * activation (activation on a JavaScript, Python… file would otherwise parse it every time).
 */
export { keySlotAt, scanSource } from '../code';
