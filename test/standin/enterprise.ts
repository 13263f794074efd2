/**
 * An instance without PostHog's enterprise features (the `enterpriseFeatures` switch off): the
 * routes only `ee` registers are missing, so PostHog's catch-all `api_not_found`
 * (posthog/api/__init__.py) answers them, before any authentication, with 404 "Endpoint not found.".
 */
import { envelope } from './core';

/** Dashboard collaborators (ee/urls.py) and experiments (ee/urls.py in older PostHog versions). */
const ENTERPRISE_PATHS = [
  /^\/api\/(projects|environments)\/[^/]+\/dashboards\/[^/]+\/collaborators(\/|$)/,
  /^\/api\/projects\/[^/]+\/experiments(\/|$)/,
];

export function isEnterprisePath(path: string): boolean {
  return ENTERPRISE_PATHS.some((re) => re.test(path));
}

export const endpointNotFound = () => envelope('invalid_request', 'not_found', 'Endpoint not found.');
