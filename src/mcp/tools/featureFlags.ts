import type { ToolDefinition } from '../tool';

export const featureFlagsTools: ToolDefinition[] = [];
