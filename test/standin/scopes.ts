/**
 * Personal API key scopes as PostHog checks them (posthog/scopes.py, posthog/permissions.py
 * `APIScopePermission`): `*` grants everything; otherwise `<object>:<read|write>`, a write scope
 * also granting read. There is no `*:read` pseudo-scope: a "read-only" key lists each object's
 * `:read` scope, as PostHog's key UI does when every object is set to read.
 */

/** The scope objects the stand-in's routes check (a subset of PostHog's `APIScopeObject`). */
export const SCOPE_OBJECTS = [
  'action',
  'activity_log',
  'annotation',
  'cohort',
  'dashboard',
  'event_definition',
  'experiment',
  'feature_flag',
  'insight',
  'organization',
  'person',
  'project',
  'property_definition',
  'query',
  'sharing_configuration',
  'user',
] as const;

/** Every object's read scope: what a read-only key holds. */
export const READ_ONLY_SCOPES: string[] = SCOPE_OBJECTS.map((o) => `${o}:read`);

/** Whether a key's scopes allow `action` on `object`. */
export function scopeAllows(scopes: readonly string[], object: string, action: 'read' | 'write'): boolean {
  return scopes.some((s) => s === '*' || s === `${object}:${action}` || (action === 'read' && s === `${object}:write`));
}
