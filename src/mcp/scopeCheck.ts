/**
 * Which personal API key scopes the enabled toolsets need, which of them the key lacks, and the
 * warning that names them. It never blocks: a missing scope only fails the calls that need it.
 */
import type { PostHogClient } from '../posthog/client';
import { apiKeysPageUrl } from '../posthog/errors';
import { fetchKeyScopes, missingScopes } from '../posthog/scopes';
import type { ToolRegistry } from './registry';
import { TOOLSET_INFO, type Toolset } from './toolsets';

export interface ScopeNeeds {
  /** The enabled toolsets; undefined or empty means all. */
  toolsets?: readonly Toolset[];
  /** Only the tools that change nothing are offered: the write scopes are not needed. */
  readOnly?: boolean;
  /** Scopes needed besides the toolsets' (the VS Code views'). */
  extra?: readonly string[];
}

/** The scopes the enabled toolsets (and `extra`) need, each once. */
export function neededScopes(needs: ScopeNeeds): string[] {
  const enabled = needs.toolsets?.length ? TOOLSET_INFO.filter((t) => needs.toolsets!.includes(t.name)) : TOOLSET_INFO;
  const scopes = enabled.flatMap((t) => (needs.readOnly ? [...t.scopes.read] : [...t.scopes.read, ...t.scopes.write]));
  return [...new Set([...(needs.extra ?? []), ...scopes])];
}

/** The needed scopes the client's key lacks; undefined when PostHog does not tell the key's scopes. */
export async function lackingScopes(client: PostHogClient, needs: ScopeNeeds, signal?: AbortSignal): Promise<string[] | undefined> {
  const have = await fetchKeyScopes(client, signal);
  return have ? missingScopes(have, neededScopes(needs)) : undefined;
}

/** The warning for a key that lacks scopes: which ones, and where in PostHog to add them. */
export function missingScopesWarning(host: string, missing: readonly string[]): string {
  return (
    `The PostHog personal API key lacks ${missing.length === 1 ? 'a scope' : 'scopes'} that the enabled views and tools need: ` +
    `${missing.join(', ')}. Calls that need ${missing.length === 1 ? 'it' : 'them'} will fail with 403 until ` +
    `${missing.length === 1 ? 'it is' : 'they are'} added in PostHog (Settings → Personal API keys, ${apiKeysPageUrl(host)}).`
  );
}

/**
 * posthog-mcp --verbose: at the first tool call, checks the key's scopes once and logs what it
 * lacks. Runs beside the call, never delaying or failing it.
 */
export function warnMissingScopesAtFirstCall(
  registry: ToolRegistry,
  client: () => PostHogClient,
  needs: ScopeNeeds,
  log: (line: string) => void,
): void {
  const stop = registry.onDidCall(() => {
    stop();
    const c = client();
    void lackingScopes(c, needs).then((missing) => {
      if (missing?.length) log(missingScopesWarning(c.host, missing));
    });
  });
}
