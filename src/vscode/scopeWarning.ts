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

/**
 * What the sidebar views and the editor read: the user and projects (picker, MCP installations),
 * dashboards, flags, and the flags' activity log (which flags code names were deleted).
 */
export const VIEW_SCOPES = ['user:read', 'project:read', 'dashboard:read', 'feature_flag:read', 'activity_log:read'] as const;

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
  for (const scope of missing) warnedScopes.add(scope);
  await deps.warned.set([...deps.warned.get(), mark]);
  const choice = await deps.show(missingScopesWarning(client.host, missing), OPEN_API_KEYS);
  if (choice === OPEN_API_KEYS) await deps.open(apiKeysPageUrl(client.host));
  return missing;
}

/** Scopes a warning has named in this window already: the first 403 for one of them adds nothing new. */
const warnedScopes = new Set<string>();

/** The scope a failed call's message says the key lacks (errors.ts words a scope 403 so). */
export function scopeFromError(message: string | undefined): string | undefined {
  return /the personal API key is missing the '([^']+)' scope \(403\)/.exec(message ?? '')?.[1];
}

/**
 * Where PostHog does not tell a key's scopes (older versions need `personal_api_key:read` for that),
 * the first 403 for a scope does: warn once about it, as after sign-in, whoever made the call (a view,
 * a command, an agent). Returns the unsubscribe.
 */
export function warnOnFirstScope403(
  registry: { onDidCall(listener: (e: { ok: boolean; error?: string }) => void): () => void },
  deps: { host(): string; show: ScopeWarningDeps['show']; open: ScopeWarningDeps['open'] },
): () => void {
  return registry.onDidCall((call) => {
    const scope = call.ok ? undefined : scopeFromError(call.error);
    if (!scope || warnedScopes.has(scope)) return;
    warnedScopes.add(scope);
    const host = deps.host();
    void Promise.resolve(deps.show(missingScopesWarning(host, [scope]), OPEN_API_KEYS)).then((choice) =>
      choice === OPEN_API_KEYS ? deps.open(apiKeysPageUrl(host)) : undefined,
    );
  });
}
