/**
 * The one tool registry. Validates input, runs the handler, shapes the MCP result, and tells
 * listeners (the tree views) when a tool changed something.
 */
import type { CodeIndex } from '../code/types';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import type { PostHogClient } from '../posthog/client';
import { CallDeadline, secondsText } from '../posthog/deadline';
import { PostHogError, describeError } from '../posthog/errors';
import { TOOLSETS, type ToolDefinition, type Toolset } from './tool';
import { renderForAgent } from './render';
import { ToolApi } from './api';
import { clipText, isPlainObject } from './values';
import { MCP_APP_RESULT_KEY } from '../insights/mcpApp';

export interface ToolFilter {
  /** Only these tool groups. Undefined or empty: all. */
  toolsets?: readonly Toolset[];
  /** Only tools with readOnlyHint. */
  readOnly?: boolean;
}

export interface ToolChangeEvent {
  tool: string;
  toolset: Toolset;
  args: Record<string, unknown>;
}

export interface ToolCallLog {
  tool: string;
  durationMs: number;
  ok: boolean;
  /** Arguments with secret fields replaced by "[redacted]". */
  args: Record<string, unknown>;
  error?: string;
}

export interface McpToolResult {
  [key: string]: unknown;
  content: Array<{ type: 'text'; text: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

export interface JsonSchemaTool {
  name: string;
  title: string;
  description: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations: ToolDefinition['annotations'];
  /** MCP Apps: the tool's view (`ui.resourceUri`, and the deprecated flat key older hosts read). */
  _meta?: Record<string, unknown>;
}

/** An input error: the tool was called with arguments that do not fit its schema. Nothing was sent. */
export class ToolInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolInputError';
  }
}

export type ClientProvider = () => PostHogClient | Promise<PostHogClient>;

export interface RegistryOptions {
  /**
   * The most one tool call may take, retries and 429 waits included (ms), or a function read at
   * each call (a setting that may change; undefined there means the default). Default 45 s: under the 60 s after which MCP clients
   * and VS Code give up on a request with their own, vaguer, message.
   */
  callTimeoutMs?: number | (() => number | undefined);
  /** The workspace's code for the `code` tools (src/code/types.ts); without it they say there is none. */
  code?: () => CodeIndex | undefined;
}

export const DEFAULT_CALL_TIMEOUT_MS = 45_000;

/** How long past its deadline a handler that ignored the signal may run before the call gives up on it. */
const DEADLINE_GRACE_MS = 1_000;

export function parseToolsets(value: string | readonly string[] | undefined): Toolset[] | undefined {
  if (value === undefined) return undefined;
  const names = (typeof value === 'string' ? value.split(',') : [...value])
    .map((s) => s.trim().toLowerCase().replace(/-/g, '_'))
    .filter(Boolean);
  if (names.length === 0 || names.includes('all')) return undefined;
  const unknown = names.filter((n) => !(TOOLSETS as readonly string[]).includes(n));
  if (unknown.length) {
    throw new Error(`Unknown toolset${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Known toolsets: ${TOOLSETS.join(', ')}.`);
  }
  return names as Toolset[];
}

export class ToolRegistry {
  private readonly byName = new Map<string, ToolDefinition>();
  private readonly parsers = new Map<string, z.ZodTypeAny>();
  private readonly described = new Map<string, JsonSchemaTool>();
  private readonly changeListeners = new Set<(e: ToolChangeEvent) => void>();
  private readonly callListeners = new Set<(e: ToolCallLog) => void>();

  constructor(
    readonly tools: readonly ToolDefinition[],
    private readonly clientProvider: ClientProvider,
    private readonly options: RegistryOptions = {},
  ) {
    for (const t of tools) {
      if (this.byName.has(t.name)) throw new Error(`Duplicate tool name ${t.name}`);
      this.byName.set(t.name, t);
    }
  }

  get(name: string): ToolDefinition | undefined {
    return this.byName.get(name);
  }

  /** The tools a server with this filter exposes, in catalog order. */
  list(filter: ToolFilter = {}): ToolDefinition[] {
    const sets = filter.toolsets && filter.toolsets.length ? new Set(filter.toolsets) : undefined;
    return this.tools.filter((t) => (!sets || sets.has(t.toolset)) && (!filter.readOnly || t.annotations.readOnlyHint));
  }

  /** The tool as tools/list gives it: precomputed at build time in the bundles, else made here. */
  describe(tool: ToolDefinition): JsonSchemaTool {
    let json = this.described.get(tool.name);
    if (!json) {
      json = prebuilt()?.get(tool.name) ?? toolJson(tool, this.parser(tool));
      this.described.set(tool.name, json);
    }
    return json;
  }

  onDidChange(listener: (e: ToolChangeEvent) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onDidCall(listener: (e: ToolCallLog) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /**
   * Validates and runs a tool, returning the handler's data. Throws ToolInputError for bad
   * input (nothing is sent) and PostHogError for anything PostHog answered.
   * This is what the tree views and commands call. The whole call has one deadline (RegistryOptions);
   * the handler's signal aborts when it runs out or when `opts.signal` does.
   */
  async run(name: string, rawArgs: unknown, opts: { signal?: AbortSignal; filter?: ToolFilter } = {}): Promise<unknown> {
    const tool = this.byName.get(name);
    if (!tool || (opts.filter && !this.list(opts.filter).includes(tool))) {
      const hint = tool && opts.filter?.readOnly && !tool.annotations.readOnlyHint ? ' This server is read-only.' : '';
      throw new ToolInputError(`Unknown tool "${name}".${hint}`);
    }
    const started = Date.now();
    const safeArgs = redact(tool, rawArgs);
    let deadline: CallDeadline | undefined;
    try {
      const args = this.validate(tool, rawArgs);
      deadline = new CallDeadline(this.callTimeoutMs(), opts.signal);
      const client = await this.clientProvider();
      const signal = deadline.signal;
      const data = await withinDeadline(
        tool,
        deadline,
        tool.handler(args, { api: new ToolApi(client, signal), client, signal, code: this.options.code?.() }),
      );
      this.emitCall({ tool: name, durationMs: Date.now() - started, ok: true, args: safeArgs });
      if (!tool.annotations.readOnlyHint) {
        for (const l of this.changeListeners) {
          try {
            l({ tool: name, toolset: tool.toolset, args: safeArgs });
          } catch {
            /* a listener's failure is not the caller's */
          }
        }
      }
      return data;
    } catch (err) {
      this.emitCall({
        tool: name,
        durationMs: Date.now() - started,
        ok: false,
        args: safeArgs,
        error: scrub(describeError(err), tool, rawArgs),
      });
      throw err;
    } finally {
      deadline?.dispose();
    }
  }

  /** Runs a tool and shapes the outcome as an MCP CallToolResult; never throws. */
  async call(name: string, rawArgs: unknown, opts: { signal?: AbortSignal; filter?: ToolFilter } = {}): Promise<McpToolResult> {
    const tool = this.byName.get(name);
    try {
      const data = await this.run(name, rawArgs, opts);
      const presented = tool?.present?.(data);
      // Structured results are the handler's object exactly (its output schema says so), and their text is its JSON.
      const structured = presented ? presented.structured : tool?.output && isPlainObject(data) ? data : undefined;
      const text = presented ? presented.text : structured ? JSON.stringify(structured) : renderForAgent(data);
      const result: McpToolResult = { content: [{ type: 'text', text }] };
      if (structured) result.structuredContent = structured;
      // The MCP App view draws from the whole data; hosts hand it `_meta` and keep it from the model.
      if (tool?.ui) result._meta = { [MCP_APP_RESULT_KEY]: data };
      return result;
    } catch (err) {
      const message = tool ? scrub(describeError(err), tool, rawArgs) : describeError(err);
      return { content: [{ type: 'text', text: message }], isError: true };
    }
  }

  private callTimeoutMs(): number {
    const value = this.options.callTimeoutMs;
    const ms = typeof value === 'function' ? value() : value;
    return ms !== undefined && Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_CALL_TIMEOUT_MS;
  }

  private validate(tool: ToolDefinition, rawArgs: unknown): Record<string, unknown> {
    const parser = this.parser(tool);
    const input = rawArgs === undefined || rawArgs === null ? {} : rawArgs;
    const parsed = parser.safeParse(input);
    if (!parsed.success) {
      throw new ToolInputError(`Invalid arguments for ${tool.name}: ${formatZodError(parsed.error)}. Nothing was sent to PostHog.`);
    }
    const problem = tool.check?.(parsed.data as never);
    if (problem) throw new ToolInputError(`Invalid arguments for ${tool.name}: ${problem}. Nothing was sent to PostHog.`);
    return parsed.data as Record<string, unknown>;
  }

  private parser(tool: ToolDefinition): z.ZodTypeAny {
    let parser = this.parsers.get(tool.name);
    if (!parser) {
      parser = z.object(tool.input).strict();
      this.parsers.set(tool.name, parser);
    }
    return parser;
  }

  private emitCall(e: ToolCallLog): void {
    for (const l of this.callListeners) {
      try {
        l(e);
      } catch {
        /* ignore */
      }
    }
  }
}

/**
 * The handler's result, or an error once the deadline has passed by DEADLINE_GRACE_MS. PostHog
 * requests end at the deadline themselves, with their own words; this only bounds a handler that
 * waits on something else.
 */
function withinDeadline<T>(tool: ToolDefinition, deadline: CallDeadline, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = secondsText(deadline.budgetMs);
      const unknown = tool.annotations.readOnlyHint ? '' : ', so it is unknown whether its changes were applied: check before trying again';
      const kind = tool.annotations.readOnlyHint ? 'timeout' : 'outcome_unknown';
      reject(new PostHogError({ kind, message: `Could not finish ${tool.name} within the ${seconds} s this call may take${unknown}.` }));
    }, deadline.remainingMs() + DEADLINE_GRACE_MS);
  });
  work.catch(() => undefined); // a handler that fails after the call gave up on it is no one's rejection
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** What tools/list says of a tool. */
export function toolJson(tool: ToolDefinition, parser: z.ZodTypeAny = z.object(tool.input).strict()): JsonSchemaTool {
  const json: JsonSchemaTool = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: toJsonSchema(parser),
    annotations: { ...tool.annotations },
  };
  if (tool.output) json.outputSchema = toJsonSchema(z.object(tool.output));
  if (tool.ui) json._meta = { ui: { resourceUri: tool.ui.resourceUri }, 'ui/resourceUri': tool.ui.resourceUri };
  return json;
}

/**
 * The bundles carry every tool's tools/list entry, made by scripts/build.mjs with toolJson from the
 * same sources: turning 63 zod schemas into JSON Schema was a large part of posthog-mcp's cold start
 * (spawn → tools/list 300 → 230 ms A/B).
 * Run from source (tests, tsx), there is none and each entry is made on first use.
 */
declare const __POSTHOG_TOOLS_JSON__: string | undefined;
let prebuiltTools: Map<string, JsonSchemaTool> | null | undefined;
function prebuilt(): Map<string, JsonSchemaTool> | null {
  if (prebuiltTools === undefined) {
    const text = typeof __POSTHOG_TOOLS_JSON__ === 'string' ? __POSTHOG_TOOLS_JSON__ : undefined;
    prebuiltTools = text ? new Map((JSON.parse(text) as JsonSchemaTool[]).map((t) => [t.name, t])) : null;
  }
  return prebuiltTools;
}

/**
 * The JSON Schema an agent reads on every turn, so nothing in it is redundant: no `$schema`, no
 * `additionalProperties` that only restates the default, no string/array length bounds (size
 * guards, not guidance) and no long patterns. The zod schema still enforces all of them, and refuses unknown arguments,
 * with errors that say what to fix.
 */
function toJsonSchema(schema: z.ZodTypeAny): Record<string, unknown> {
  const json = zodToJsonSchema(schema, { target: 'jsonSchema7', $refStrategy: 'none' }) as Record<string, unknown>;
  delete json.$schema;
  return slim(json) as Record<string, unknown>;
}

const LONG_PATTERN = 40;

function slim(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(slim);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'additionalProperties' && (v === false || (v && typeof v === 'object' && Object.keys(v).length === 0))) continue;
    if (k === 'maxLength' || k === 'minLength' || k === 'maxItems' || k === 'minItems') continue;
    // A long pattern (a date grammar) is a check, not guidance: the field's description names the
    // accepted forms and zod's error repeats them. A short one (a flag key's charset) stays.
    if (k === 'pattern' && typeof v === 'string' && v.length > LONG_PATTERN) continue;
    out[k] = slim(v);
  }
  return out;
}

function formatZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length ? `'${clipText(issue.path.join('.'), 80)}'` : 'arguments';
    if (issue.code === 'unrecognized_keys')
      return `unknown argument${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${clipKey(k)}'`).join(', ')}`;
    if (issue.code === 'invalid_type' && issue.received === 'undefined') return `${path} is required`;
    // zod's enum messages quote the received value: never echo a huge (or secret-bearing) input back.
    return `${path}: ${clipText(issue.message, 200)}`;
  });
  const more = error.issues.length > 5 ? ` (and ${error.issues.length - 5} more problems)` : '';
  return parts.join('; ') + more;
}

function clipKey(k: string): string {
  return clipText(k, 40);
}

/** Arguments as safe to log: secret fields replaced. Big values clipped. */
export function redact(tool: ToolDefinition, rawArgs: unknown): Record<string, unknown> {
  if (!isPlainObject(rawArgs)) return {};
  const secrets = new Set(tool.secretArgs ?? []);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rawArgs)) {
    if (secrets.has(k)) out[k] = '[redacted]';
    else out[k] = typeof v === 'string' ? clipText(v, 200) : v;
  }
  return out;
}

/** Makes sure no secret argument value appears in an outgoing message. */
function scrub(message: string, tool: ToolDefinition, rawArgs: unknown): string {
  if (!tool.secretArgs?.length || !rawArgs || typeof rawArgs !== 'object') return message;
  let out = message;
  for (const k of tool.secretArgs) {
    const v = (rawArgs as Record<string, unknown>)[k];
    if (typeof v !== 'string' || v.length < 4) continue;
    out = out.split(v).join('[redacted]');
    // A secret cut short where an echoed detail was clipped ("…") leaves its start behind.
    for (let n = v.length - 1; n >= 4; n--) {
      const cut = clipText(v, n);
      if (out.includes(cut)) out = out.split(cut).join('[redacted]…');
    }
  }
  return out;
}
