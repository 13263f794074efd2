import type { ToolDefinition } from '../tool';

export const annotationsTools: ToolDefinition[] = [];
