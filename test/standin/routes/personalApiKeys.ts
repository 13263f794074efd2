/**
 * `GET /api/personal_api_keys/@current/`: a personal API key reads its own record, scopes included
 * (posthog/api/personal_api_key.py `PersonalAPIKeyViewSet.get_object`, newest version). The viewset
 * has no `scope_object`: instead `PersonalApiKeySelfAccessPermission` lets a key only retrieve
 * itself, so any key may call it, whatever its scopes. Listing, or another key, is 403 with that
 * permission's message. Older PostHog versions checked `personal_api_key:read` here.
 */
import { HttpError, envelope, notFound, type Ctx } from '../core';
import type { ApiKey } from '../state';
import type { RouteGroup } from './types';

const SELF_ONLY = 'This action does not support Personal API Key access';

/** The key that authenticated the request (the dispatcher has checked it already). */
function callingKey(ctx: Ctx): ApiKey {
  const bearer = /^Bearer\s+(\S+)$/i.exec(String(ctx.headers.authorization ?? ''))?.[1] ?? '';
  return ctx.state.keys.get(bearer)!;
}

/** A stable id per key; PostHog's are random tokens. */
function keyId(key: ApiKey): string {
  return `standin-${key.label}`;
}

/** `PersonalAPIKeySerializer`; `value` is only ever shown at creation, and empty scopes read as `*`. */
function serialize(key: ApiKey) {
  return {
    id: keyId(key),
    label: `Stand-in ${key.label} key`,
    value: null,
    mask_value: `${key.key.slice(0, 4)}...${key.key.slice(-4)}`,
    created_at: '2025-01-01T09:00:00Z',
    last_used_at: null,
    user_id: key.userId,
    scopes: key.scopes.length ? key.scopes : ['*'],
    scoped_teams: [],
    scoped_organizations: [],
    last_rolled_at: null,
  };
}

export const personalApiKeysRoutes: RouteGroup = {
  register(router) {
    router.get(
      '/api/personal_api_keys',
      () => {
        throw new HttpError(403, envelope('authentication_error', 'permission_denied', SELF_ONLY));
      },
      { prefix: 'root' },
    );
    router.get(
      '/api/personal_api_keys/:id',
      (ctx) => {
        const own = callingKey(ctx);
        if (ctx.params.id === '@current' || ctx.params.id === keyId(own)) return serialize(own);
        const other = [...ctx.state.keys.values()].find((k) => keyId(k) === ctx.params.id && k.userId === own.userId);
        if (other) throw new HttpError(403, envelope('authentication_error', 'permission_denied', SELF_ONLY));
        throw notFound();
      },
      { prefix: 'root' },
    );
  },
};
