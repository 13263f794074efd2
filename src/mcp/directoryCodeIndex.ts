/**
 * posthog-mcp's code: one directory (`--root`, default the working directory), scanned afresh at
 * each call that asks, so an answer always matches the files as they are now. A full scan of a
 * project takes milliseconds to tens of milliseconds (scripts/bench, `code` section), about one
 * PostHog request; no cache can go stale between two calls.
 */
import path from 'node:path';
import { scanTree } from '../code';
import type { CodeIndex, TreeScan } from '../code/types';

export type TreeScanner = (root: string, options: { signal?: AbortSignal }) => Promise<TreeScan>;

export class DirectoryCodeIndex implements CodeIndex {
  readonly roots: readonly string[];

  constructor(
    root: string,
    private readonly scanner: TreeScanner = scanTree,
  ) {
    this.roots = [path.resolve(root)];
  }

  scan(signal?: AbortSignal): Promise<TreeScan> {
    return this.scanner(this.roots[0], { signal });
  }
}

/** A CodeIndex over one scan already made (the refs command scans once and reuses it). */
export function fixedCodeIndex(scan: TreeScan): CodeIndex {
  return { roots: [scan.root], scan: async () => scan };
}
