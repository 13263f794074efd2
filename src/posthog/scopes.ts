/**
 * A personal API key's scopes: reading them from PostHog, and which of the needed ones it lacks.
 *
 * PostHog's rules (posthog/permissions.py `APIScopePermission`): `*` grants everything; otherwise a
 * scope is `<object>:read` or `<object>:write`, and a write scope also grants read.
 * A key reads its own record, scopes included, at `GET /api/personal_api_keys/@current/`
 * (posthog/api/personal_api_key.py `PersonalAPIKeyViewSet.get_object`): newer PostHog lets any key
 * do so (`PersonalApiKeySelfAccessPermission`); older versions ask for `personal_api_key:read`.
 */
import type { PostHogClient } from './client';

/** Whether `have` grants `needed` ("feature_flag:read"). */
export function scopeGranted(have: readonly string[], needed: string): boolean {
  if (have.includes('*') || have.includes(needed)) return true;
  return needed.endsWith(':read') && have.includes(`${needed.slice(0, -':read'.length)}:write`);
}

/** The needed scopes `have` does not grant, in the order given, each once. */
export function missingScopes(have: readonly string[], needed: readonly string[]): string[] {
  return [...new Set(needed)].filter((s) => !scopeGranted(have, s));
}

/**
 * The scopes of the client's key, or undefined when PostHog does not say (an older PostHog, or a
 * key without `personal_api_key:read`): then the first 403 names a missing scope instead.
 */
export async function fetchKeyScopes(client: PostHogClient, signal?: AbortSignal): Promise<string[] | undefined> {
  try {
    const res = await client.request<{ scopes?: unknown }>({
      method: 'GET',
      path: '/api/personal_api_keys/@current/',
      signal,
      action: "read the personal API key's scopes",
    });
    const scopes = res.data?.scopes;
    if (!Array.isArray(scopes)) return undefined;
    // PostHog answers an empty list as ["*"] (PersonalAPIKeySerializer.to_representation); so do we.
    const list = scopes.filter((s): s is string => typeof s === 'string');
    return list.length ? list : ['*'];
  } catch {
    return undefined;
  }
}
