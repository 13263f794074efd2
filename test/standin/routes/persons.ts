import type { RouteGroup } from './types';

export const personsRoutes: RouteGroup = {
  register() {},
};
