import type { ToolDefinition } from '../tool';

export const actionsTools: ToolDefinition[] = [];
