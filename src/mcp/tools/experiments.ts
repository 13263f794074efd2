import type { ToolDefinition } from '../tool';

export const experimentsTools: ToolDefinition[] = [];
