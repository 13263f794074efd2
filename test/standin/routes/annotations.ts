import type { RouteGroup } from './types';

export const annotationsRoutes: RouteGroup = {
  register() {},
};
