import type { ToolDefinition } from '../tool';

export const flagEvaluationTools: ToolDefinition[] = [];
