/**
 * One tools/call through the gateway: refused here when PostHog's approvals say so, asked about
 * when the tool needs approval (the host's `confirm`, then `set_mcp_tool_approval` → approved),
 * then sent through PostHog's proxy within the call's deadline. The upstream's result (content,
 * structuredContent, isError) is passed on as it came.
 */
import { CallDeadline } from '../../posthog/deadline';
import { describeError } from '../../posthog/errors';
import { DEFAULT_CALL_TIMEOUT_MS, type McpToolResult, type ToolRegistry } from '../registry';
import { isPlainObject } from '../values';
import type { GatewayCatalog } from './catalog';
import { JsonRpcError, ProxyRefusedError } from './proxyClient';
import type { ConfirmApproval, GatewayInstallation } from './types';

const TOOL_NEEDS_APPROVAL = -32001;
const TOOL_DISABLED = -32002;
const METHOD_NOT_FOUND = -32601;

export interface CallContext {
  catalog: GatewayCatalog;
  registry: ToolRegistry;
  /** Absent (the CLI): a needs-approval call answers with what to do instead. */
  confirm?: ConfirmApproval;
  callTimeoutMs?: () => number | undefined;
  signal?: AbortSignal;
}

const error = (text: string): McpToolResult => ({ content: [{ type: 'text', text }], isError: true });
const WHERE = "in PostHog (MCP store → the server's tools) or in the VS Code PostHog MCP Installations view";

function needsApprovalText(tool: string, server: string): string {
  return `"${tool}" of "${server}" needs approval before an agent may use it. Approve ${tool} ${WHERE}, then call it again.`;
}

/** Why a name that is not offered cannot be called, in words. */
function notOffered(ctx: CallContext, name: string): McpToolResult {
  const { installation, upstreamName } = ctx.catalog.lookup(name);
  if (ctx.catalog.problem) return error(ctx.catalog.problem);
  if (installation && installation.status !== 'ready') return error(installation.problem ?? `"${installation.name}" is not available.`);
  const state = installation?.approvals.get(upstreamName);
  if (installation && state === 'do_not_use') {
    return error(
      `"${upstreamName}" of "${installation.name}" is set to "Do not use" in PostHog, so agents may not call it. Someone who may change it can set it to approved ${WHERE}.`,
    );
  }
  return error(`Unknown tool "${name}". List the tools again: PostHog's approvals decide which are offered.`);
}

export async function callGatewayTool(ctx: CallContext, name: string, args: Record<string, unknown>): Promise<McpToolResult> {
  let tool = ctx.catalog.tools.find((t) => t.name === name);
  if (!tool) {
    await ctx.catalog.refresh({ maxAgeMs: 1_000 }).catch(() => undefined); // an approval may have just changed
    tool = ctx.catalog.tools.find((t) => t.name === name);
    if (!tool) return notOffered(ctx, name);
  }
  const inst = tool.installation;
  if (tool.state === 'needs_approval') {
    const approved = await approve(ctx, tool.upstreamName, inst);
    if (approved) return approved;
  }
  const sent = await send(ctx, inst, tool.upstreamName, args);
  // Approval taken back (or never given) since the list was read: PostHog said so; ask once.
  if (sent instanceof JsonRpcError && sent.code === TOOL_NEEDS_APPROVAL) {
    const approved = await approve(ctx, tool.upstreamName, inst);
    if (approved) return approved;
    const again = await send(ctx, inst, tool.upstreamName, args);
    return again instanceof JsonRpcError ? rpcErrorResult(ctx, again, tool.upstreamName, inst) : again;
  }
  return sent instanceof JsonRpcError ? rpcErrorResult(ctx, sent, tool.upstreamName, inst) : sent;
}

/** Undefined once the tool is approved; otherwise the result to answer with. */
async function approve(ctx: CallContext, tool: string, inst: GatewayInstallation): Promise<McpToolResult | undefined> {
  if (!ctx.confirm) return error(needsApprovalText(tool, inst.name));
  let yes: boolean;
  try {
    yes = await ctx.confirm(tool, inst.name);
  } catch {
    yes = false;
  }
  if (!yes) return error(`Not run: "${tool}" of "${inst.name}" still needs approval in PostHog (the approval was cancelled).`);
  try {
    await ctx.registry.run(
      'set_mcp_tool_approval',
      { installation_id: inst.id, tool_name: tool, approval_state: 'approved' },
      { signal: ctx.signal },
    );
  } catch (err) {
    return error(`Could not approve "${tool}" of "${inst.name}" in PostHog, so it was not run: ${describeError(err)}`);
  }
  return undefined;
}

async function send(
  ctx: CallContext,
  inst: GatewayInstallation,
  tool: string,
  args: Record<string, unknown>,
): Promise<McpToolResult | JsonRpcError> {
  const deadline = new CallDeadline(ctx.callTimeoutMs?.() ?? DEFAULT_CALL_TIMEOUT_MS, ctx.signal);
  try {
    const result = await inst.proxy.request('tools/call', { name: tool, arguments: args }, { signal: deadline.signal });
    if (!isPlainObject(result) || !Array.isArray(result.content)) {
      return error(`"${tool}" of "${inst.name}" answered without content (not an MCP tool result).`);
    }
    return result as McpToolResult;
  } catch (err) {
    if (err instanceof JsonRpcError) return err;
    if (err instanceof ProxyRefusedError) void ctx.catalog.refresh().catch(() => undefined); // disabled or unauthorized meanwhile
    return error(describeError(err));
  } finally {
    deadline.dispose();
  }
}

function rpcErrorResult(ctx: CallContext, err: JsonRpcError, tool: string, inst: GatewayInstallation): McpToolResult {
  if (err.code === TOOL_NEEDS_APPROVAL || err.code === TOOL_DISABLED || err.code === METHOD_NOT_FOUND) {
    void ctx.catalog.refresh().catch(() => undefined); // PostHog's state differs from the list the agent has
  }
  if (err.code === TOOL_NEEDS_APPROVAL) return error(needsApprovalText(tool, inst.name));
  if (err.code === TOOL_DISABLED)
    return error(`"${tool}" of "${inst.name}" is blocked in PostHog (${err.message}). It can be set to approved ${WHERE}.`);
  if (err.code === METHOD_NOT_FOUND)
    return error(`"${tool}" is not available on "${inst.name}" any more (${err.message}). List the tools again.`);
  return error(`"${tool}" of "${inst.name}" failed on the MCP server: ${err.message} (JSON-RPC error ${err.code}).`);
}
