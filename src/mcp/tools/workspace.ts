import type { ToolDefinition } from '../tool';

export const workspaceTools: ToolDefinition[] = [];
