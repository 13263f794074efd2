/**
 * Test data in PostHog's shapes, for the fixtures several test files build: cohort filters, flag
 * condition sets, and the stand-in rows a test seeds directly (a feature flag, a cohort).
 */
import type { Row, State } from '../standin/state';

/** Cohort filters matching persons by one property (PostHog's OR-of-AND property groups). */
export function personCohortFilters(key: string, operator: string, value: unknown) {
  return { properties: { type: 'OR', values: [{ type: 'AND', values: [{ type: 'person', key, operator, value }] }] } };
}

/** Cohort filters matching the members of another cohort. */
export function inCohortFilters(cohortId: number) {
  return { properties: { type: 'OR', values: [{ type: 'AND', values: [{ type: 'cohort', key: 'id', value: cohortId }] }] } };
}

/** A flag condition set: everyone at `rollout` percent. */
export function everyoneCondition(rollout = 100) {
  return { properties: [], rollout_percentage: rollout };
}

/** A flag condition set targeting the members of a cohort. */
export function cohortCondition(cohortId: number, rollout = 100) {
  return { properties: [{ key: 'id', type: 'cohort', value: cohortId }], rollout_percentage: rollout };
}

/** Multivariate flag filters: one condition set for everyone, and these variants (key, percent). */
export function variantFilters(variants: Array<[key: string, percent: number]>) {
  return {
    groups: [everyoneCondition()],
    multivariate: { variants: variants.map(([key, rollout_percentage]) => ({ key, rollout_percentage })) },
  };
}

/** A feature flag row as the stand-in stores it, created by the demo user: to insert directly. */
export function flagRow(state: State, fields: { key: string; name?: string; filters: Row; active?: boolean }): Row {
  return {
    key: fields.key,
    name: fields.name ?? '',
    filters: fields.filters,
    active: fields.active ?? true,
    deleted: false,
    created_by: state.userBasic(state.users.get(1)!),
    created_at: new Date().toISOString(),
    tags: [],
    version: 1,
  };
}

/** A dynamic cohort row as the stand-in stores it: to insert directly. */
export function cohortRow(name: string, filters: Row): Row {
  return { name, is_static: false, deleted: false, groups: [], filters };
}
