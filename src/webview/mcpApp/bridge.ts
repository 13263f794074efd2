/**
 * The view's side of the MCP Apps protocol (SEP-1865, 2026-01-26): JSON-RPC over postMessage with the
 * host window. What the view needs and nothing more: the ui/initialize handshake, tool results and
 * host context changes, size reports, ui/open-link, and answers to the host's ping and teardown.
 *
 * Not the ext-apps SDK's `App`: that brings the MCP SDK's and zod's schemas (~310 KB of the page's
 * 390 KB), whose construction took ~150 ms of every view start (~1 s in a fresh frame on a busy
 * machine, measured in headless Chromium) before the view could say hello. The host side is
 * unchanged; test/insights/mcpAppView.test.ts checks this bridge against the SDK's AppBridge.
 */
import type {
  McpUiHostContext,
  McpUiInitializeRequest,
  McpUiInitializeResult,
  McpUiSizeChangedNotification,
} from '@modelcontextprotocol/ext-apps';

const PROTOCOL_VERSION: McpUiInitializeRequest['params']['protocolVersion'] = '2026-01-26';

export interface ViewHandlers {
  /** A tool result (a CallToolResult) for the view to show. */
  onToolResult(result: unknown): void;
  /** The host's context: the whole of it after initialize, then the changed part of it. */
  onHostContext(context: McpUiHostContext): void;
}

interface Message {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: unknown;
  result?: unknown;
  error?: { message?: unknown };
}

export class ViewBridge {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  private readonly host: Window = window.parent;

  constructor(
    private readonly appInfo: { name: string; version: string },
    private readonly handlers: ViewHandlers,
  ) {
    // Listening first: a host may send the result right after it answers initialize (VS Code does).
    window.addEventListener('message', (e: MessageEvent) => {
      if (e.source === this.host) this.received(e.data as Message);
    });
  }

  /** The handshake, then size reports. Rejects with the host's error if it refuses. */
  async connect(): Promise<void> {
    const params: McpUiInitializeRequest['params'] = { appInfo: this.appInfo, appCapabilities: {}, protocolVersion: PROTOCOL_VERSION };
    const result = (await this.request('ui/initialize', params)) as McpUiInitializeResult | undefined;
    if (result?.hostContext) this.handlers.onHostContext(result.hostContext);
    this.notify('ui/notifications/initialized');
    this.reportSize();
  }

  /** Hosts open links themselves (a navigation would leave the view). */
  openLink(url: string): Promise<unknown> {
    return this.request('ui/open-link', { url });
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.host.postMessage({ jsonrpc: '2.0', id, method, params }, '*');
    });
  }

  private notify(method: string, params?: unknown): void {
    this.host.postMessage(params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params }, '*');
  }

  private received(m: Message): void {
    if (!m || typeof m !== 'object' || m.jsonrpc !== '2.0') return;
    if (typeof m.method !== 'string') {
      const waiting = typeof m.id === 'number' ? this.pending.get(m.id) : undefined;
      if (!waiting) return;
      this.pending.delete(m.id as number);
      if (m.error) waiting.reject(new Error(String(m.error.message ?? 'The host refused the request.')));
      else waiting.resolve(m.result);
      return;
    }
    if (m.id !== undefined) return this.answer(m.id, m.method);
    if (m.method === 'ui/notifications/tool-result') this.handlers.onToolResult(m.params);
    else if (m.method === 'ui/notifications/host-context-changed' && m.params && typeof m.params === 'object')
      this.handlers.onHostContext(m.params as McpUiHostContext);
    // tool-input, tool-input-partial, tool-cancelled: the view draws results only.
  }

  /** Requests from the host: ping and teardown get an empty result; anything else "not found". */
  private answer(id: unknown, method: string): void {
    const reply =
      method === 'ping' || method === 'ui/resource-teardown'
        ? { jsonrpc: '2.0', id, result: {} }
        : { jsonrpc: '2.0', id, error: { code: -32601, message: `Method not found: ${method}` } };
    this.host.postMessage(reply, '*');
  }

  /** The document's height (and the window's width) whenever they change, at most once a frame. */
  private reportSize(): void {
    let queued = false;
    let last = { width: 0, height: 0 };
    const measure = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        const html = document.documentElement;
        // The content's own height, not the frame's: a frame the host made taller would never shrink.
        const before = html.style.height;
        html.style.height = 'max-content';
        const height = Math.ceil(html.getBoundingClientRect().height);
        html.style.height = before;
        const width = Math.ceil(window.innerWidth);
        if (width === last.width && height === last.height) return;
        last = { width, height };
        const params: McpUiSizeChangedNotification['params'] = { width, height };
        this.notify('ui/notifications/size-changed', params);
      });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.documentElement);
    observer.observe(document.body);
  }
}

/** The host's theme on the document (the `color-scheme` and a data-theme attribute, as ext-apps sets them). */
export function applyTheme(context: McpUiHostContext): void {
  const html = document.documentElement;
  if (context.theme) {
    html.setAttribute('data-theme', context.theme);
    html.style.colorScheme = context.theme;
  }
  for (const [name, value] of Object.entries(context.styles?.variables ?? {})) if (value !== undefined) html.style.setProperty(name, value);
}
