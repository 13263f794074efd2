/**
 * The proxy's approval gate on `tools/call`, as `enforce_tool_approval` / `_evaluate_tool_call` in
 * products/mcp_store/backend/proxy.py (the per-installation path, without a gateway policy
 * context): unknown, removed or nameless → -32601, needs_approval → -32001, do_not_use → -32002,
 * and a batch mixing blocked and passing items is rejected whole with -32000.
 */
import type { Row } from '../state';

export const TOOL_NEEDS_APPROVAL_CODE = -32001;
export const TOOL_DISABLED_CODE = -32002;
export const BATCH_REJECTED_CODE = -32000;
export const METHOD_NOT_FOUND_CODE = -32601;

const rpcError = (id: unknown, code: number, message: string) => ({ jsonrpc: '2.0', id: id ?? null, error: { code, message } });

const isToolsCall = (item: unknown): item is Row => !!item && typeof item === 'object' && (item as Row).method === 'tools/call';

function evaluate(tools: Map<string, Row>, item: unknown): Row | undefined {
  if (!isToolsCall(item)) return undefined;
  const params = item.params && typeof item.params === 'object' && !Array.isArray(item.params) ? (item.params as Row) : {};
  const name = params.name;
  if (!name || typeof name !== 'string') return rpcError(item.id, METHOD_NOT_FOUND_CODE, "tools/call missing 'name' parameter");
  const tool = tools.get(name);
  if (!tool) return rpcError(item.id, METHOD_NOT_FOUND_CODE, `Tool '${name}' is not registered for this installation`);
  if (tool.removed_at) return rpcError(item.id, METHOD_NOT_FOUND_CODE, `Tool '${name}' is no longer available on the upstream server`);
  if (tool.approval_state === 'needs_approval')
    return rpcError(item.id, TOOL_NEEDS_APPROVAL_CODE, `Tool '${name}' requires approval before it can be called`);
  if (tool.approval_state === 'do_not_use') return rpcError(item.id, TOOL_DISABLED_CODE, `Tool '${name}' has been disabled by the user`);
  return undefined;
}

/** The JSON-RPC answer (HTTP 200) that short-circuits the request, or undefined to forward it. */
export function enforceToolApproval(row: Row, data: unknown): unknown {
  const tools = new Map(((row.tools ?? []) as Row[]).map((t) => [String(t.tool_name), t]));
  if (Array.isArray(data)) {
    if (!data.some(isToolsCall)) return undefined;
    const responses: Row[] = [];
    let blocked = false;
    let passthrough = false;
    for (const item of data) {
      const answer = evaluate(tools, item);
      if (answer) {
        responses.push(answer);
        blocked = true;
      } else passthrough = true;
    }
    if (blocked && passthrough) {
      return data.map((item) =>
        rpcError(
          item && typeof item === 'object' ? (item as Row).id : null,
          BATCH_REJECTED_CODE,
          'Batch rejected: it contains a tool call that requires approval or is disabled; send items individually',
        ),
      );
    }
    return blocked ? responses : undefined;
  }
  return evaluate(tools, data);
}
