import type { ToolDefinition } from '../tool';

export const mcpStoreTools: ToolDefinition[] = [];
