/** Refusals answered before a request reaches an MCP session, in the shape MCP clients expect. */
import type http from 'node:http';

export interface Refusal {
  status: number;
  message: string;
  /** JSON-RPC error code; -32000 (a server error) unless given. */
  code?: number;
  headers?: Record<string, string>;
}

/** Writes `refusal` as a JSON-RPC error with no id, unless an answer has already started. */
export function refuse(res: http.ServerResponse, refusal: Refusal): void {
  if (res.headersSent) return;
  const error = { code: refusal.code ?? -32000, message: refusal.message };
  const text = JSON.stringify({ jsonrpc: '2.0', error, id: null });
  res.writeHead(refusal.status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), ...refusal.headers });
  res.end(text);
}
