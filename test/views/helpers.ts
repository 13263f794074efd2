/** Shared bits of the tree-model tests: a model factory against the stand-in, and node lookups. */
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import type { TreeNode } from '../../src/views/model/node';

export const PROJECT = 'Hedgebox (production)';

/** A registry whose client uses a key the stand-in rejects (401). */
export function registryWithKey(url: string, apiKey: string): ToolRegistry {
  const client = new PostHogClient({ apiKey, host: url, retryBaseMs: 5, timeoutMs: 5_000 });
  return new ToolRegistry(ALL_TOOLS, () => client);
}

export function labels(nodes: TreeNode[]): string[] {
  return nodes.map((n) => n.label);
}

export function byKind(nodes: TreeNode[], kind: TreeNode['kind']): TreeNode[] {
  return nodes.filter((n) => n.kind === kind);
}

/** Resolves when the event fires (or rejects after a while). */
export function nextEvent<T>(subscribe: (l: (v: T) => void) => { dispose(): void }, ms = 2_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error('event did not fire'));
    }, ms);
    const sub = subscribe((v) => {
      clearTimeout(timer);
      sub.dispose();
      resolve(v);
    });
  });
}
