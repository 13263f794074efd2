/**
 * Loads the heavy parts of the extension on first use. Bundled, `./core.js` and `./server.js` are
 * separate files next to dist/extension.js (scripts/build.mjs keeps them out of it); run from the
 * sources (tests), they resolve to src/vscode/core.ts and server.ts. Only types are imported
 * statically, so activation loads neither.
 */
import type * as Code from './codeScanner';
import type * as Core from './core';
import type * as Hogql from './hogqlEditor';
import type * as Server from './server';

export type CoreModule = typeof Core;
export type ServerModule = typeof Server;
export type CodeModule = typeof Code;
export type HogqlModule = typeof Hogql;

let core: CoreModule | undefined;
let server: ServerModule | undefined;
let code: CodeModule | undefined;
let hogql: HogqlModule | undefined;

/** The PostHog client, the ToolRegistry and the tool definitions (dist/core.js). */
export function loadCore(): CoreModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  core ??= require('./core.js') as CoreModule;
  return core;
}

/** The core if something loaded it already; never loads it. */
export function loadedCore(): CoreModule | undefined {
  return core;
}

/** The MCP SDK server and the loopback HTTP transport (dist/server.js). */
export function loadServer(): ServerModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  server ??= require('./server.js') as ServerModule;
  return server;
}

/** The code scanner (dist/code.js), for the editor features: on the first scan. */
export function loadCode(): CodeModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  code ??= require('./codeScanner.js') as CodeModule;
  return code;
}

/** HogQL's editor features (dist/hogql.js): when a .hogql document opens or a HogQL command runs. */
export function loadHogql(): HogqlModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hogql ??= require('./hogql.js') as HogqlModule;
  return hogql;
}
