/**
 * Node built-ins the extension needs only after activation, required on first use: a fresh process
 * spends ~6 ms loading node:crypto and ~2 ms loading node:fs/promises (scripts/bench/activateOnce.cjs),
 * which activation itself does not need (a token, a nonce, a file changed on disk come later).
 */
import type * as Crypto from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';

export function nodeCrypto(): typeof Crypto {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:crypto') as typeof Crypto;
}

export function fsPromises(): typeof FsPromises {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node:fs/promises') as typeof FsPromises;
}
