/**
 * The entry of dist/hogql.js: HogQL in the editor (CodeLenses, completion, diagnostics, Run Query,
 * the results panel, the history), loaded when a .hogql document is first open or a HogQL command
 * runs (src/vscode/hogqlLoader.ts), not at activation: most sessions never open one.
 */
export { HogqlEditor } from './hogql';
