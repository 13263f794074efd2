import type { RouteGroup } from './types';

export const cohortsRoutes: RouteGroup = {
  register() {},
};
