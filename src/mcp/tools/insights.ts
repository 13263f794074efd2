import type { ToolDefinition } from '../tool';

export const insightsTools: ToolDefinition[] = [];
