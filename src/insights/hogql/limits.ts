/** PostHog's cap on the rows a HogQL query returns (posthog/hogql/constants.py MAX_SELECT_RETURNED_ROWS). */
export const HOGQL_MAX_ROWS = 50_000;
