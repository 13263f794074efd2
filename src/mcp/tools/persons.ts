import type { ToolDefinition } from '../tool';

export const personsTools: ToolDefinition[] = [];
