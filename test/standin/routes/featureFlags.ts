import type { RouteGroup } from './types';

export const featureFlagsRoutes: RouteGroup = {
  register() {},
};
