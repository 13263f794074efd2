import type { RouteGroup } from './types';

export const mcpStoreRoutes: RouteGroup = {
  register() {},
};
