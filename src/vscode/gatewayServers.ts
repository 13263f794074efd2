/**
 * The governed gateway in VS Code: one MCP server per enabled installation of the active project
 * ("PostHog · Linear"), offered beside "PostHog" by the MCP server definition provider and
 * started on demand, each on the extension's loopback HTTP transport (127.0.0.1, a random token
 * per start, Host and Origin checked). The definitions carry only that URL and token: PostHog adds
 * the installation's credentials, the personal key stays in the extension host.
 *
 * The list of installations is remembered (globalState: ids and names only) so VS Code's eager
 * request for definitions is answered at once; it is re-read in the background, after any MCP
 * store change made through the registry, when the window regains focus (an OAuth sign-in
 * finished in the browser), and on sign-in or project changes; a change fires `onDidChange`.
 * `posthog.mcp.gateway.enabled: false` offers none.
 */
import * as vscode from 'vscode';
import { serverLabels } from '../mcp/gateway/names';
import type { GatewayCatalog } from '../mcp/gateway/catalog';
import type { ToolRegistry } from '../mcp/registry';
import type { HttpServerHandle } from '../mcp/transports/http';
import { describeError } from '../posthog/errors';
import { callTimeoutMsFromSettings } from './callTimeout';
import { loadServer, loadedCore } from './lazy';
import type { Session } from './session';

export const GATEWAY_SETTING = 'posthog.mcp.gateway.enabled';
const CACHE_KEY = 'posthog.gateway.installations';
/** Background re-reads no more often than this, unless something changed. */
const REREAD_MS = 30_000;
/** How long after start-up the first read of the installations waits when nothing has loaded the core yet. */
const DEFER_MS = 3_000;

interface KnownInstallation {
  id: string;
  name: string;
}

interface Running {
  handle: HttpServerHandle;
  catalog: GatewayCatalog;
}

export function gatewayEnabled(): boolean {
  return vscode.workspace.getConfiguration().get<boolean>(GATEWAY_SETTING) !== false;
}

export class GatewayServers implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  /** The installations (and so the definitions) changed. */
  readonly onDidChange = this.emitter.event;
  private known: KnownInstallation[];
  private readonly byLabel = new Map<string, string>();
  private readonly running = new Map<string, Promise<Running>>();
  private lastReadAt = 0;
  private reading?: Promise<void>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly session: Session,
    private readonly registry: () => ToolRegistry,
    private readonly log: vscode.LogOutputChannel,
    private readonly state: vscode.Memento,
  ) {
    this.known = this.cached();
    this.disposables.push(
      this.emitter,
      session.onDidChange((e) => {
        if (!e.credentials) return;
        void this.stopAll('sign-in state, host or project changed');
        this.known = this.cached(); // the new project's, if it was seen before
        this.lastReadAt = 0;
        this.emitter.fire(); // VS Code asks for the definitions again, and definitions() re-reads
      }),
      vscode.window.onDidChangeWindowState((w) => {
        if (w.focused && Date.now() - this.lastReadAt > 5_000) this.rereadSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(GATEWAY_SETTING)) return;
        if (!gatewayEnabled()) void this.stopAll('turned off');
        this.emitter.fire();
      }),
    );
  }

  /** The gateway definitions (no address until resolved); starts a background re-read when due. */
  definitions(version: string): vscode.McpHttpServerDefinition[] {
    if (!gatewayEnabled() || !this.session.signedIn) return [];
    if (Date.now() - this.lastReadAt > REREAD_MS) this.rereadSoon();
    const labels = serverLabels(this.known.map((i) => i.name));
    this.byLabel.clear();
    return this.known.map((inst, i) => {
      this.byLabel.set(labels[i], inst.id);
      return new vscode.McpHttpServerDefinition(
        labels[i],
        vscode.Uri.parse('http://127.0.0.1/mcp'),
        {},
        `${version}-${inst.id.slice(0, 8)}`,
      );
    });
  }

  /** Whether this definition is one of ours. */
  owns(server: vscode.McpServerDefinition): boolean {
    return this.byLabel.has(server.label);
  }

  /** Starts (or reuses) the installation's gateway server and points the definition at it. */
  async resolve(server: vscode.McpHttpServerDefinition): Promise<vscode.McpHttpServerDefinition | undefined> {
    const id = this.byLabel.get(server.label);
    if (!id || !gatewayEnabled()) return undefined;
    let pending = this.running.get(id);
    if (!pending) {
      pending = this.start(id, server.label);
      this.running.set(id, pending);
      pending.catch(() => this.running.delete(id));
    }
    const { handle } = await pending;
    server.uri = vscode.Uri.parse(handle.url);
    server.headers = { Authorization: `Bearer ${handle.token}` };
    return server;
  }

  /**
   * A re-read now when the core (the registry, the PostHog client) is loaded already; otherwise a
   * little later, so that activation and VS Code's eager definitions request load nothing.
   */
  private rereadSoon(): void {
    if (loadedCore()) {
      void this.reread();
      return;
    }
    if (this.deferred) return;
    this.deferred = setTimeout(() => {
      this.deferred = undefined;
      void this.reread();
    }, DEFER_MS);
    this.deferred.unref?.();
  }

  private deferred?: ReturnType<typeof setTimeout>;

  /** An MCP store change through the registry: the installations may have changed. */
  storeChanged(tool: string): void {
    if (/^(update|delete)_mcp_server_installation$|^install_|^authorize_mcp|^refresh_mcp/.test(tool)) {
      this.lastReadAt = 0;
      void this.reread();
    }
  }

  /** Re-reads the enabled installations; fires onDidChange when the set or a name changed. */
  reread(): Promise<void> {
    if (!gatewayEnabled() || !this.session.signedIn) return Promise.resolve();
    this.reading ??= (async () => {
      try {
        const page = (await this.registry().run('list_mcp_server_installations', { limit: 100 })) as { results?: unknown };
        const rows = Array.isArray(page.results) ? (page.results as Array<Record<string, unknown>>) : [];
        const next = rows.filter((r) => r.is_enabled === true).map((r) => ({ id: String(r.id), name: String(r.name ?? r.id) }));
        this.lastReadAt = Date.now();
        if (JSON.stringify(next) === JSON.stringify(this.known)) return;
        const gone = this.known.filter((k) => !next.some((n) => n.id === k.id));
        this.known = next;
        void this.state.update(this.cacheKey(), next);
        for (const g of gone) void this.stop(g.id, 'disabled or removed');
        this.emitter.fire();
      } catch (err) {
        this.log.warn(`Could not read the MCP server installations for the gateway: ${describeError(err)}`);
      }
    })().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** The gateway servers running now (for the test API). */
  info(): Array<{ label: string; url: string }> {
    const out: Array<{ label: string; url: string }> = [];
    for (const [label, id] of this.byLabel) {
      const r = this.started.get(id);
      if (r) out.push({ label, url: r.handle.url });
    }
    return out;
  }

  private readonly started = new Map<string, Running>();

  private async start(id: string, label: string): Promise<Running> {
    const registry = this.registry();
    const { GatewayCatalog, createGatewayMcpServer, serveHttp } = loadServer();
    const catalog = new GatewayCatalog({
      registry,
      client: () => this.session.getClient(),
      installationId: id,
      log: (line) => this.log.warn(`${label}: ${line}`),
    });
    await catalog.refresh();
    const confirm = async (tool: string, serverName: string) =>
      (await vscode.window.showWarningMessage(
        `${tool} of ${serverName} needs approval in PostHog`,
        { modal: true, detail: `Approving sets "${tool}" to approved in PostHog's MCP store for this project, then runs it.` },
        'Approve and run',
      )) === 'Approve and run';
    const handle = await serveHttp({
      createServer: () => createGatewayMcpServer({ catalog, registry, confirm, callTimeoutMs: callTimeoutMsFromSettings, title: label }),
      port: 0,
      onLog: (m) => this.log.warn(`${label}: ${m}`),
    });
    const running = { handle, catalog };
    this.started.set(id, running);
    this.log.info(`${label}: gateway listening on ${handle.url} (${catalog.tools.length} tools)`);
    return running;
  }

  private async stop(id: string, reason: string): Promise<void> {
    const pending = this.running.get(id);
    this.running.delete(id);
    this.started.delete(id);
    const r = await pending?.catch(() => undefined);
    if (!r) return;
    r.catalog.dispose();
    await r.handle.close().catch(() => undefined);
    this.log.info(`Gateway on port ${r.handle.port} stopped (${reason})`);
  }

  async stopAll(reason: string): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.stop(id, reason)));
  }

  /** Per host and project: another project has other installations. */
  private cacheKey(): string {
    return `${CACHE_KEY}:${this.session.host}:${this.session.projectId ?? 'current'}`;
  }

  private cached(): KnownInstallation[] {
    const raw = this.state.get<unknown>(this.cacheKey());
    return Array.isArray(raw)
      ? raw.filter((x): x is KnownInstallation => !!x && typeof x.id === 'string' && typeof x.name === 'string')
      : [];
  }

  async dispose(): Promise<void> {
    clearTimeout(this.deferred);
    await this.stopAll('extension deactivated');
    for (const d of this.disposables) d.dispose();
  }
}
