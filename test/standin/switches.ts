/**
 * Stand-in switches for PostHog behaviour that depends on feature flags PostHog Cloud sets per
 * user or organisation. Each defaults to what PostHog Cloud does today; tests may turn one off
 * (`startStandin({ legacyInsightFiltersDisabled: false })` or `POST /_standin/switches`).
 */
import type { State } from './state';

export interface Switches {
  /**
   * `legacy-insight-filters-disabled` (products/product_analytics/backend/api/insight.py,
   * `InsightSerializer.validate`): creating or updating an insight with legacy `filters` and no
   * `query` is 403.
   */
  legacyInsightFiltersDisabled: boolean;
  /**
   * An old self-hosted PostHog from before the Rust flags service: `/flags` does not exist (404, a
   * plain-text page), and SDKs evaluate flags through the Django `/decide/` (posthog/api/decide.py).
   * Off by default.
   */
  flagsEndpointMissing: boolean;
  /**
   * PostHog's enterprise (`ee`) package is present, as on PostHog Cloud. Off, the endpoints it
   * registers (ee/urls.py `extend_api_router`: dashboard collaborators; experiments in older
   * versions) do not exist and answer `api_not_found` (enterprise.ts).
   */
  enterpriseFeatures: boolean;
  /**
   * An older PostHog from before capture v1 (rust/capture/src/v1/): `/i/v1/analytics/events` does not
   * exist (404, a plain-text page, as for `flagsEndpointMissing`); SDKs send to `/i/v0/e/` and `/batch/`.
   * Off by default.
   */
  captureV1Missing: boolean;
}

const DEFAULTS: Switches = {
  legacyInsightFiltersDisabled: true,
  flagsEndpointMissing: false,
  enterpriseFeatures: true,
  captureV1Missing: false,
};

// Kept beside the State (not in it) so the switches need nothing from the data model.
const byState = new WeakMap<State, Switches>();

export function switches(state: State): Switches {
  let s = byState.get(state);
  if (!s) {
    s = { ...DEFAULTS };
    byState.set(state, s);
  }
  return s;
}

/** Applies the known keys of `patch` (the control API's body); returns the switches. */
export function setSwitches(state: State, patch: unknown): Switches {
  const s = switches(state);
  if (patch && typeof patch === 'object') {
    for (const key of Object.keys(DEFAULTS) as Array<keyof Switches>) {
      const v = (patch as Record<string, unknown>)[key];
      if (typeof v === 'boolean') s[key] = v;
    }
  }
  return s;
}
