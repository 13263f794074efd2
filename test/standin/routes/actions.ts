import type { RouteGroup } from './types';

export const actionsRoutes: RouteGroup = {
  register() {},
};
