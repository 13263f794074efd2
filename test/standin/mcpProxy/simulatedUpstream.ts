/**
 * The upstream MCP server for an installation whose URL is not on loopback (the demo data's
 * mcp.sentry.dev, mcp.linear.app…): the stand-in never leaves 127.0.0.1, so it answers as that
 * server would, from the row's `upstream_tools`. `upstream_unreachable` makes it unreachable.
 * Tests that need a real MCP server point an installation at one on 127.0.0.1 instead.
 */
import type { Row } from '../state';

export interface UpstreamAnswer {
  status: number;
  body?: string;
  headers: Record<string, string>;
}

function answer(row: Row, msg: unknown): Row | undefined {
  if (!msg || typeof msg !== 'object') return { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Invalid Request' } };
  const m = msg as Row;
  if (m.id === undefined) return undefined; // a notification
  const ok = (result: unknown) => ({ jsonrpc: '2.0', id: m.id, result });
  switch (m.method) {
    case 'initialize':
      return ok({
        protocolVersion: (m.params as Row | undefined)?.protocolVersion ?? '2025-06-18',
        capabilities: { tools: { listChanged: false } },
        serverInfo: { name: String(row.display_name || 'upstream'), version: '1.0.0' },
      });
    case 'ping':
      return ok({});
    case 'tools/list':
      return ok({ tools: row.upstream_tools ?? [] });
    case 'tools/call': {
      const params = (m.params ?? {}) as Row;
      const known = ((row.upstream_tools ?? []) as Row[]).some((t) => t.name === params.name);
      if (!known) return ok({ content: [{ type: 'text', text: `Unknown tool: ${String(params.name)}` }], isError: true });
      return ok({ content: [{ type: 'text', text: `${String(params.name)} ran with ${JSON.stringify(params.arguments ?? {})}` }] });
    }
    default:
      return { jsonrpc: '2.0', id: m.id, error: { code: -32601, message: 'Method not found' } };
  }
}

export function simulatedUpstream(row: Row, data: unknown): UpstreamAnswer {
  if (row.upstream_unreachable) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  const json = { 'Content-Type': 'application/json' };
  if (Array.isArray(data)) {
    const out = data.map((m) => answer(row, m)).filter((x) => x !== undefined);
    return out.length ? { status: 200, body: JSON.stringify(out), headers: json } : { status: 202, headers: {} };
  }
  const out = answer(row, data);
  return out ? { status: 200, body: JSON.stringify(out), headers: json } : { status: 202, headers: {} };
}
