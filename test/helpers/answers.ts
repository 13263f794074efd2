/**
 * The shapes of the tools' JSON answers as the tests read them (see src/mcp/render.ts for how a
 * list travels as a table). Only the fields tests read are named; the assertions check the values.
 */

/** A list answer with its rows back as objects. */
export interface ListAnswer<Row> {
  /** Every list here reports its total (activity pages call it total_count). */
  count: number;
  total_count?: number;
  results: Row[];
  /** Only present (and true) when there is more: render.ts drops a false one. */
  has_more?: boolean;
  next_offset?: number;
  next_page?: number;
  url_template?: string;
}

/** PostHog's error body (DRF): what the stand-in answers a refused request with. */
export interface StandinError {
  type?: string;
  code?: string;
  detail?: string;
  attr?: string | null;
}

/** A property filter in a flag's condition set (or a cohort's). */
export interface FlagProperty {
  key?: string;
  type?: string;
  value?: unknown;
  operator?: string;
}

/** One condition set of a feature flag's filters. */
export interface FlagCondition {
  rollout_percentage?: number;
  properties?: FlagProperty[];
  variant?: string;
}

export interface FlagVariant {
  key: string;
  rollout_percentage: number;
}

/** A feature flag's filters as the flag tools return them (nulls and empty objects left out). */
export interface FlagFilters {
  groups: FlagCondition[];
  multivariate?: { variants: FlagVariant[] };
  payloads?: Record<string, unknown>;
}

/** A feature flag as get/create/update_feature_flag return it, and a list_feature_flags row. */
export interface FlagAnswer {
  id: number;
  key: string;
  name?: string;
  active: boolean;
  deleted?: boolean;
  tags?: string[];
  rollout?: string;
  filters: FlagFilters;
  updated_at?: string;
  last_modified_by?: string;
  url: string;
}
