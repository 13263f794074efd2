/**
 * After sign-in: which scopes the key lacks for the views and the enabled toolsets, as one
 * non-modal warning per key with a button to PostHog's personal API keys page. Never blocks. No
 * `vscode` import (the glue passes what it needs), so tests run it against the stand-in; it ships
 * in dist/core.js, which sign-in has loaded already.
 */
import { createHash } from 'node:crypto';
import { lackingScopes, missingScopesWarning, type ScopeNeeds } from '../mcp/scopeCheck';
import type { PostHogClient } from '../posthog/client';
import { apiKeysPageUrl } from '../posthog/errors';

/** What the sidebar views read: the user and projects (picker, MCP installations), dashboards and flags. */
export const VIEW_SCOPES = ['user:read', 'project:read', 'dashboard:read', 'feature_flag:read'] as const;

export const OPEN_API_KEYS = 'Open Personal API Keys';

export interface ScopeWarningDeps {
  client: PostHogClient;
  /** The enabled toolsets and read-only; the views' scopes are added. */
  needs: ScopeNeeds;
  /** Marks of the keys warned about already (hashes, never a key). */
  warned: { get(): readonly string[]; set(marks: string[]): unknown };
  show(message: string, button: string): PromiseLike<string | undefined>;
  open(url: string): unknown;
}

/** A mark for a host and key that does not reveal the key. */
export function keyMark(host: string, apiKey: string): string {
  return createHash('sha256').update(`${host}\n${apiKey}`).digest('hex').slice(0, 16);
}

/**
 * Warns once per key about the scopes it lacks; returns them (undefined when PostHog does not tell
 * the key's scopes, or the key was warned about already).
 */
export async function warnOnceAboutScopes(apiKey: string, deps: ScopeWarningDeps): Promise<string[] | undefined> {
  const { client } = deps;
  const mark = keyMark(client.host, apiKey);
  if (deps.warned.get().includes(mark)) return undefined;
  const missing = await lackingScopes(client, { ...deps.needs, extra: [...VIEW_SCOPES, ...(deps.needs.extra ?? [])] });
  if (!missing?.length) return missing;
  await deps.warned.set([...deps.warned.get(), mark]);
  const choice = await deps.show(missingScopesWarning(client.host, missing), OPEN_API_KEYS);
  if (choice === OPEN_API_KEYS) await deps.open(apiKeysPageUrl(client.host));
  return missing;
}
