import type { ToolDefinition } from '../tool';

export const cohortsTools: ToolDefinition[] = [];
