/**
 * The shape of one tool. Every tool is a name, a title, a description written for an agent,
 * a zod input schema, MCP annotations and a handler. The MCP server, the tree views and the
 * commands all call these handlers through the ToolRegistry.
 */
import type { CodeIndex } from '../code/types';
import type { z } from 'zod';
import type { PostHogClient } from '../posthog/client';
import type { ToolApi } from './api';
import type { Toolset } from './toolsets';

// The toolsets' names, titles and descriptions live in one record each: ./toolsets.
export { TOOLSETS, type Toolset } from './toolsets';

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ToolContext {
  /** PostHog for this call: project paths, cancellation and error wording built in. What handlers use. */
  api: ToolApi;
  /** The client itself, for the rare request `api` does not cover (the project list, the host). */
  client: PostHogClient;
  /** Aborted when the caller (MCP client, view, command) cancels. */
  signal: AbortSignal;
  /** The code beside the agent, when the host has some: the extension's workspace folders, the CLI's `--root`. */
  code?: CodeIndex;
}

export interface ToolDefinition<S extends z.ZodRawShape = z.ZodRawShape> {
  name: string;
  title: string;
  /** Written for an agent: what it does, when to use it, what comes back. Keep it short. */
  description: string;
  toolset: Toolset;
  /** Input fields; each has a `.describe()` for the agent. Unknown fields are rejected. */
  input: S;
  /** Cross-field checks ("flag_id or flag_key"): return an error message, or undefined when fine. */
  check?: (args: z.infer<z.ZodObject<S>>) => string | undefined;
  annotations: ToolAnnotations;
  /** Argument names that carry secrets: never logged, never echoed. */
  secretArgs?: string[];
  /** When set, results also go out as `structuredContent` matching this schema. */
  output?: z.ZodRawShape;
  handler: (args: z.infer<z.ZodObject<S>>, ctx: ToolContext) => Promise<unknown>;
  /**
   * How the MCP result shows the handler's data when the default (its JSON, or `renderForAgent`)
   * would be too much: a compact text for agents and a small structured summary. Views and commands
   * (registry.run) still get the whole data.
   */
  present?: (data: unknown) => { text: string; structured?: Record<string, unknown> };
  /**
   * An MCP App view for this tool's results (the MCP Apps extension): tools/list carries
   * `_meta.ui.resourceUri`, and each result carries the whole data in `_meta` for that view.
   */
  ui?: { resourceUri: string };
}

/** Keeps the input type of each tool's handler tied to its own schema. */
export function defineTool<S extends z.ZodRawShape>(def: ToolDefinition<S>): ToolDefinition {
  return def as unknown as ToolDefinition;
}

/** Annotation presets, following the catalog's rules. */
export const READ: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true };
/** Purely adds something (create, capture, identify, install). */
export const ADD: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true };
/** Adds something, and repeating it changes nothing more. */
export const ADD_IDEMPOTENT: ToolAnnotations = { ...ADD, idempotentHint: true };
/** Changes or removes something that exists; repeating the same call changes nothing more. */
export const CHANGE: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true };
/** Changes something, and repeating it may change it again. */
export const CHANGE_NON_IDEMPOTENT: ToolAnnotations = { ...CHANGE, idempotentHint: false };
