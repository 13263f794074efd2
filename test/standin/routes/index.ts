import type { RouteGroup } from './types';
import { workspaceRoutes } from './workspace';
import { actionsRoutes } from './actions';
import { eventsRoutes } from './events';
import { captureV1Routes } from './captureV1';
import { flagEvaluationRoutes } from './flagEvaluation';
import { featureFlagsRoutes } from './featureFlags';
import { annotationsRoutes } from './annotations';
import { cohortsRoutes } from './cohorts';
import { dashboardsRoutes } from './dashboards';
import { personsRoutes } from './persons';
import { experimentsRoutes } from './experiments';
import { insightsRoutes } from './insights';
import { mcpStoreRoutes } from './mcpStore';
import { mcpProxyRoutes } from './mcpProxy';
import { personalApiKeysRoutes } from './personalApiKeys';
import { definitionsRoutes } from './definitions';

/** Seeding order matters where data refers to other data (insights before dashboards' tiles…). */
export const groups: RouteGroup[] = [
  workspaceRoutes,
  eventsRoutes,
  captureV1Routes,
  personsRoutes,
  cohortsRoutes,
  featureFlagsRoutes,
  flagEvaluationRoutes,
  actionsRoutes,
  annotationsRoutes,
  insightsRoutes,
  dashboardsRoutes,
  experimentsRoutes,
  mcpStoreRoutes,
  mcpProxyRoutes,
  personalApiKeysRoutes,
  definitionsRoutes,
];
