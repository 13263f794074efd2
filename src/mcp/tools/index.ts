/** Every tool, in catalog order (docs/tools.md lists them, generated from here). */
import type { ToolDefinition } from '../tool';
import { actionsTools } from './actions';
import { eventsTools } from './events';
import { flagEvaluationTools } from './flagEvaluation';
import { featureFlagsTools } from './featureFlags';
import { annotationsTools } from './annotations';
import { cohortsTools } from './cohorts';
import { dashboardsTools } from './dashboards';
import { personsTools } from './persons';
import { experimentsTools } from './experiments';
import { insightsTools } from './insights';
import { insightQueryTools } from './insightQuery';
import { mcpStoreTools } from './mcpStore';
import { workspaceTools } from './workspace';

export const ALL_TOOLS: readonly ToolDefinition[] = [
  ...actionsTools,
  ...eventsTools,
  ...flagEvaluationTools,
  ...featureFlagsTools,
  ...annotationsTools,
  ...cohortsTools,
  ...dashboardsTools,
  ...personsTools,
  ...experimentsTools,
  ...insightsTools,
  ...insightQueryTools,
  ...mcpStoreTools,
  ...workspaceTools,
];
