/**
 * The open MCP sessions of one loopback server: each is an MCP server made by the factory,
 * connected to the SDK's Streamable HTTP transport (one JSON body per POST). At most
 * MAX_SESSIONS at once; a session unused for SESSION_IDLE_MS is closed.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export const MAX_SESSIONS = 100;
export const SESSION_IDLE_MS = 30 * 60 * 1000;
const SWEEP_EVERY_MS = 60 * 1000;

interface Session {
  transport: StreamableHTTPServerTransport;
  lastSeen: number;
}

export class SessionTable {
  private readonly sessions = new Map<string, Session>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly createServer: () => Server) {
    this.sweeper = setInterval(() => this.closeIdle(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  get full(): boolean {
    return this.sessions.size >= MAX_SESSIONS;
  }

  /** The transport of a live session, marked as just used. */
  find(id: string): StreamableHTTPServerTransport | undefined {
    const session = this.sessions.get(id);
    if (session) session.lastSeen = Date.now();
    return session?.transport;
  }

  /**
   * A new session for an initialize request. Its id is reserved here at once, so the cap holds
   * while many initializes are in flight; `settle` drops it if the SDK did not initialize it.
   */
  async open(): Promise<StreamableHTTPServerTransport> {
    const id = randomUUID();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => id, enableJsonResponse: true });
    // Set before connect: the MCP server chains its own handler after this one.
    transport.onclose = () => this.sessions.delete(id);
    this.sessions.set(id, { transport, lastSeen: Date.now() });
    try {
      await this.createServer().connect(transport);
    } catch (err) {
      this.sessions.delete(id);
      throw err;
    }
    return transport;
  }

  /** After a new session's first request: a session the SDK refused to initialize is closed. */
  async settle(transport: StreamableHTTPServerTransport): Promise<void> {
    if (transport.sessionId === undefined) await transport.close();
  }

  /** Closes every session and stops the idle sweep. */
  async closeAll(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([...this.sessions.values()].map((s) => closeQuietly(s.transport)));
  }

  private closeIdle(): void {
    const now = Date.now();
    for (const s of this.sessions.values()) if (now - s.lastSeen > SESSION_IDLE_MS) void closeQuietly(s.transport);
  }
}

/** Closing ends the session's open streams; the transport's onclose takes it out of the table. */
function closeQuietly(transport: StreamableHTTPServerTransport): Promise<void> {
  return transport.close().catch(() => undefined);
}
