import type { RouteGroup } from './types';

export const insightsRoutes: RouteGroup = {
  register() {},
};
