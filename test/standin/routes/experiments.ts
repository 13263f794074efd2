import type { RouteGroup } from './types';

export const experimentsRoutes: RouteGroup = {
  register() {},
};
