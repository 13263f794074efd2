/**
 * One MCP session over Streamable HTTP, on Node's own request and response objects.
 *
 * The SDK's StreamableHTTPServerTransport converts every Node request into a web `Request` and its
 * answer into web streams; on loopback that conversion cost more than the network hop itself
 * (profiled: ~1.2 ms of a ~2 ms call). This transport answers POSTed requests with one JSON body in
 * one write, keeps the same protocol checks (Accept 406, Content-Type 415, JSON-RPC shape 400,
 * batch size, protocol version, one initialize per session), offers the optional GET stream for
 * server-initiated messages (one per session, 409 for a second), and ends the session on DELETE.
 * Authorization, Host and Origin are checked before a request reaches it (transports/http.ts).
 */
import type http from 'node:http';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { type JSONRPCMessage, type RequestId, SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';

const MAX_BATCH = 100;

/**
 * JSON-RPC 2.0's four message shapes, checked by hand: the SDK's zod schemas did the same check
 * at ~0.07 ms a message, and the SDK's Server checks each message again when it receives it.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const isId = (v: unknown): v is RequestId => typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v));

export function jsonRpcKind(v: unknown): 'request' | 'notification' | 'response' | 'error' | undefined {
  if (!isObj(v) || v.jsonrpc !== '2.0') return undefined;
  if (typeof v.method === 'string') {
    if (v.params !== undefined && !isObj(v.params)) return undefined;
    if ('id' in v) return isId(v.id) ? 'request' : undefined;
    return 'notification';
  }
  if ('result' in v) return isId(v.id) && isObj(v.result) ? 'response' : undefined;
  if ('error' in v) {
    const e = v.error;
    const idOk = v.id === undefined || isId(v.id);
    return idOk && isObj(e) && Number.isInteger(e.code) && typeof e.message === 'string' ? 'error' : undefined;
  }
  return undefined;
}

/** Collects the responses to the requests of one POST, then writes them in one body. */
interface PendingPost {
  ids: Set<RequestId>;
  responses: Map<RequestId, JSONRPCMessage>;
  order: RequestId[];
  batch: boolean;
  res: http.ServerResponse;
}

export class HttpSessionTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage, extra?: { requestInfo?: { headers: http.IncomingHttpHeaders } }) => void;
  private initialized = false;
  private closed = false;
  private stream?: http.ServerResponse;
  /** Which POST is waiting for the response to a request id. */
  private readonly waiting = new Map<RequestId, PendingPost>();

  constructor(readonly sessionId: string) {}

  async start(): Promise<void> {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stream?.end();
    this.stream = undefined;
    for (const p of new Set(this.waiting.values())) if (!p.res.headersSent) reply(p.res, 404, -32001, 'Session closed.');
    this.waiting.clear();
    this.onclose?.();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const kind = jsonRpcKind(message);
    if (kind === 'response' || kind === 'error') {
      const id = (message as { id?: RequestId }).id;
      const post = id === undefined ? undefined : this.waiting.get(id);
      if (post && id !== undefined) {
        this.waiting.delete(id);
        post.responses.set(id, message);
        if (post.responses.size === post.ids.size) this.flush(post);
        return;
      }
    }
    // A notification or request of the server's own: only the GET stream can carry it.
    if (this.stream && !this.stream.writableEnded) this.stream.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`);
  }

  /** Handles one HTTP request of this session. `body` is the parsed JSON of a POST. */
  handle(req: http.IncomingMessage, res: http.ServerResponse, body?: unknown): void {
    if (this.closed) return reply(res, 404, -32001, 'Session not found.');
    switch (req.method) {
      case 'POST':
        return this.post(req, res, body);
      case 'GET':
        return this.openStream(req, res);
      case 'DELETE':
        res.writeHead(200).end();
        void this.close();
        return;
      default:
        res.setHeader('Allow', 'GET, POST, DELETE');
        return reply(res, 405, -32000, 'Method not allowed.');
    }
  }

  private post(req: http.IncomingMessage, res: http.ServerResponse, body: unknown): void {
    const accept = String(req.headers.accept ?? '');
    if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
      return reply(res, 406, -32000, 'Not Acceptable: Client must accept both application/json and text/event-stream');
    }
    if (!String(req.headers['content-type'] ?? '').includes('application/json')) {
      return reply(res, 415, -32000, 'Unsupported Media Type: Content-Type must be application/json');
    }
    const raw = Array.isArray(body) ? body : [body];
    if (raw.length > MAX_BATCH) return reply(res, 400, -32600, `Invalid Request: Batch must not exceed ${MAX_BATCH} messages`);
    const kinds = raw.map(jsonRpcKind);
    if (kinds.some((k) => k === undefined)) return reply(res, 400, -32700, 'Parse error: Invalid JSON-RPC message');
    const messages = raw as JSONRPCMessage[];
    const initializing = messages.some((m, i) => kinds[i] === 'request' && (m as { method: string }).method === 'initialize');
    if (initializing) {
      if (this.initialized) return reply(res, 400, -32600, 'Invalid Request: Server already initialized');
      if (messages.length > 1) return reply(res, 400, -32600, 'Invalid Request: Only one initialization request is allowed');
      this.initialized = true;
    } else {
      if (!this.initialized) return reply(res, 400, -32000, 'Bad Request: Server not initialized');
      const version = req.headers['mcp-protocol-version'];
      if (typeof version === 'string' && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
        return reply(
          res,
          400,
          -32000,
          `Bad Request: Unsupported protocol version: ${version} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
        );
      }
    }
    const requests = messages.filter((_, i) => kinds[i] === 'request') as Array<{ id: RequestId }>;
    const extra = { requestInfo: { headers: req.headers } };
    if (requests.length === 0) {
      // Notifications and responses only: accepted, nothing to answer.
      res.writeHead(202, { 'mcp-session-id': this.sessionId }).end();
      for (const m of messages) this.deliver(m, extra);
      return;
    }
    const post: PendingPost = {
      ids: new Set(requests.map((r) => r.id)),
      responses: new Map(),
      order: requests.map((r) => r.id),
      batch: Array.isArray(body),
      res,
    };
    for (const id of post.ids) this.waiting.set(id, post);
    // A client that gives up (cancellation, timeout) closes the connection: forget its requests.
    res.on('close', () => {
      for (const id of post.ids) if (this.waiting.get(id) === post) this.waiting.delete(id);
    });
    for (const m of messages) this.deliver(m, extra);
  }

  private deliver(message: JSONRPCMessage, extra: { requestInfo: { headers: http.IncomingHttpHeaders } }): void {
    try {
      this.onmessage?.(message, extra);
    } catch (err) {
      this.onerror?.(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private flush(post: PendingPost): void {
    if (post.res.writableEnded || post.res.destroyed) return;
    const answers = post.order.map((id) => post.responses.get(id)).filter(Boolean);
    const text = JSON.stringify(post.batch ? answers : answers[0]);
    post.res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(text),
      'mcp-session-id': this.sessionId,
    });
    post.res.end(text);
  }

  private openStream(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
      return reply(res, 406, -32000, 'Not Acceptable: Client must accept text/event-stream');
    }
    if (this.stream && !this.stream.writableEnded) return reply(res, 409, -32000, 'Conflict: Only one SSE stream is allowed per session');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
      'mcp-session-id': this.sessionId,
    });
    res.flushHeaders();
    this.stream = res;
    res.on('close', () => {
      if (this.stream === res) this.stream = undefined;
    });
  }
}

function reply(res: http.ServerResponse, status: number, code: number, message: string): void {
  if (res.headersSent) return;
  const text = JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null });
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
