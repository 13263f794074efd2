import type { RouteGroup } from './types';

export const eventsRoutes: RouteGroup = {
  register() {},
};
