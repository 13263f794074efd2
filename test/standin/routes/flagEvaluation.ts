import type { RouteGroup } from './types';

export const flagEvaluationRoutes: RouteGroup = {
  register() {},
};
