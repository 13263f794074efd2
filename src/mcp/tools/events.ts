import type { ToolDefinition } from '../tool';

export const eventsTools: ToolDefinition[] = [];
