/**
 * The MCP server definition provider. The MCP server runs here, in the extension host, on
 * loopback Streamable HTTP (127.0.0.1, an ephemeral port, a random bearer token per start, Host
 * and Origin checked), so the API key never leaves the extension host. VS Code reaches it through
 * an McpHttpServerDefinition carrying the token as a header.
 *
 * VS Code asks for the definitions eagerly (at start-up): that answer starts and loads nothing.
 * The server (dist/server.js, and dist/core.js for the tools) starts in resolveMcpServerDefinition,
 * which VS Code calls when it starts the server, and only then gets its URL and token.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { ToolRegistry } from '../mcp/registry';
import type { Toolset } from '../mcp/tool';
import type { HttpServerHandle } from '../mcp/transports/http';
import { describeError } from '../posthog/errors';
import { executeCommand } from './execute';
import type { GatewayServers } from './gatewayServers';
import { loadCore, loadServer } from './lazy';
import { nodeCrypto } from './nodeLazy';
import type { Session } from './session';

export const MCP_LABEL = 'PostHog';
/** The definition's address until VS Code starts the server (resolveMcpServerDefinition sets the real one). */
export const UNSTARTED_URI = 'http://127.0.0.1/mcp';

export interface McpSettings {
  toolsets?: Toolset[];
  readOnly: boolean;
  /** Set when posthog.mcp.toolsets holds something unknown (then all toolsets are served). */
  problem?: string;
}

export function readMcpSettings(): McpSettings {
  const cfg = vscode.workspace.getConfiguration('posthog.mcp');
  const readOnly = cfg.get<boolean>('readOnly') === true;
  const raw = cfg.get<unknown>('toolsets');
  const list = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : typeof raw === 'string' ? raw : undefined;
  try {
    return { toolsets: loadCore().parseToolsets(list), readOnly };
  } catch (err) {
    return { toolsets: undefined, readOnly, problem: describeError(err) };
  }
}

export class PostHogMcpProvider implements vscode.McpServerDefinitionProvider<vscode.McpHttpServerDefinition>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeMcpServerDefinitions = this.emitter.event;
  private readonly startedEmitter = new vscode.EventEmitter<void>();
  /** VS Code started the server (it resolved the definition): the walkthrough's step completes on it. */
  readonly onDidStartServer = this.startedEmitter.event;

  private handle?: HttpServerHandle;
  private starting?: Promise<HttpServerHandle | undefined>;
  private generation = 0;
  private warnedProblem?: string;
  private restartPending = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly session: Session,
    /** The one ToolRegistry, made on first use (it loads dist/core.js). */
    private readonly registry: () => ToolRegistry,
    private readonly log: vscode.LogOutputChannel,
    /** The extension's id: VS Code names the server `<extension id>/<label>`. */
    private readonly extensionId = 'posthog-community.posthog-vscode',
    /** Part of the definition's version: another release may offer other tools. */
    private readonly extensionVersion = '',
    /** The governed gateway's servers, one per enabled installation ("PostHog · Linear"). */
    private readonly gateways?: GatewayServers,
  ) {
    this.disposables.push(
      this.emitter,
      this.startedEmitter,
      ...(gateways ? [gateways.onDidChange(() => this.emitter.fire())] : []),
      session.onDidChange((e) => {
        if (e.credentials) void this.restart('sign-in state, host or project changed');
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('posthog.mcp.toolsets') || e.affectsConfiguration('posthog.mcp.readOnly'))
          void this.restart('MCP settings changed');
      }),
    );
  }

  async provideMcpServerDefinitions(): Promise<vscode.McpHttpServerDefinition[]> {
    await this.session.ready;
    // Never prompts. Signed out: no server, so no stale PostHog tools are offered.
    if (!this.session.signedIn) return [];
    // Starts nothing: resolveMcpServerDefinition does, when VS Code starts the server.
    const definitions = [new vscode.McpHttpServerDefinition(MCP_LABEL, vscode.Uri.parse(UNSTARTED_URI), {}, this.version())];
    if (this.gateways) definitions.push(...this.gateways.definitions(this.version()));
    if (this.restartPending) {
      this.restartPending = false;
      // VS Code stores these definitions as soon as this returns; restart right after.
      setTimeout(() => void this.restartInVsCode(), 50);
    }
    return definitions;
  }

  async resolveMcpServerDefinition(
    server: vscode.McpHttpServerDefinition,
    token: vscode.CancellationToken,
  ): Promise<vscode.McpHttpServerDefinition | undefined> {
    await this.session.ready;
    if (!this.session.signedIn) {
      // VS Code is starting a definition it remembered from before the sign-out: ask, or cancel cleanly.
      const choice = await vscode.window.showInformationMessage(
        'Sign in to PostHog to start its MCP server.',
        { modal: true, detail: 'The PostHog tools need a personal API key. Cancel to leave the server stopped.' },
        'Sign In',
      );
      if (choice !== 'Sign In' || token.isCancellationRequested) return undefined;
      const ok = await executeCommand<boolean>(COMMANDS.signIn);
      if (!ok || !this.session.signedIn || token.isCancellationRequested) return undefined;
    }
    if (this.gateways?.owns(server)) {
      try {
        return await this.gateways.resolve(server);
      } catch (err) {
        this.log.error(`Could not start the gateway "${server.label}": ${describeError(err)}`);
        throw err;
      }
    }
    let handle: HttpServerHandle;
    try {
      handle = await this.ensureServer();
    } catch (err) {
      this.log.error(`Could not start the MCP server: ${describeError(err)}`);
      throw err;
    }
    server.uri = vscode.Uri.parse(handle.url);
    server.headers = { Authorization: `Bearer ${handle.token}` };
    this.startedEmitter.fire();
    return server;
  }

  /** The running server, if any (for the test API and the log). */
  info(): { url: string; port: number } | undefined {
    return this.handle ? { url: this.handle.url, port: this.handle.port } : undefined;
  }

  /**
   * Stops the server and tells VS Code the definition changed (a new version). When an MCP
   * client was connected, the server is started again right away, so agents see the new tools
   * (read-only, other toolsets, other project) now rather than at their next request.
   */
  async restart(reason: string): Promise<void> {
    const wasConnected = (this.handle?.sessionCount() ?? 0) > 0;
    await this.stop(reason);
    this.restartPending = wasConnected && this.session.signedIn;
    this.emitter.fire();
  }

  /** VS Code's id for the server this provider defines. */
  get serverId(): string {
    return `${this.extensionId.toLowerCase()}/${MCP_LABEL}`;
  }

  private async restartInVsCode(): Promise<void> {
    try {
      // VS Code's own MCP commands (the ones behind "MCP: List Servers" → Restart), without
      // opening the server's output. Where they do not exist, VS Code restarts the outdated
      // server by itself at the next chat request.
      await vscode.commands.executeCommand('workbench.mcp.stopServer', this.serverId);
      await vscode.commands.executeCommand('workbench.mcp.startServer', this.serverId, { autoTrustChanges: true });
      this.log.info('Asked VS Code to restart the PostHog MCP server with the new settings');
    } catch (err) {
      this.log.info(`VS Code will restart the MCP server at the next chat request (${describeError(err)})`);
    }
  }

  async stop(reason = 'stopping'): Promise<void> {
    this.generation++;
    const old = this.handle;
    const pending = this.starting;
    this.handle = undefined;
    this.starting = undefined;
    // A start in progress sees the new generation and closes what it opened.
    await pending?.catch(() => undefined);
    if (old) {
      await old.close().catch(() => undefined);
      this.log.info(`MCP server on port ${old.port} stopped (${reason})`);
    }
  }

  async dispose(): Promise<void> {
    await this.stop('extension deactivated');
    await this.gateways?.dispose();
    for (const d of this.disposables) d.dispose();
  }

  /**
   * Changes with sign-in, host, project, toolsets, read-only and the release, and with every stop
   * of the server: VS Code then knows the server it runs is outdated. Read from the settings as
   * written (parsing them needs dist/core.js).
   */
  private version(): string {
    const cfg = vscode.workspace.getConfiguration('posthog.mcp');
    const state = JSON.stringify([
      this.session.signedIn,
      this.session.host,
      this.session.configuredProjectId ?? null,
      cfg.get<unknown>('toolsets') ?? null,
      cfg.get<boolean>('readOnly') === true,
      this.extensionVersion,
      this.generation,
    ]);
    return nodeCrypto().createHash('sha256').update(state).digest('hex').slice(0, 12);
  }

  private async ensureServer(): Promise<HttpServerHandle> {
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!this.session.signedIn) throw new Error('Not signed in to PostHog.');
      if (this.handle) return this.handle;
      const generation = this.generation;
      this.starting ??= this.start(generation);
      const pending = this.starting;
      let handle: HttpServerHandle | undefined;
      try {
        handle = await pending;
      } finally {
        if (this.starting === pending) this.starting = undefined;
      }
      if (handle && generation === this.generation) return handle;
      // Settings or sign-in changed while it started: that one is closed already; go again.
    }
    throw new Error('The MCP server kept restarting while its settings changed. Try again.');
  }

  private async start(generation: number): Promise<HttpServerHandle | undefined> {
    const settings = readMcpSettings();
    if (settings.problem && settings.problem !== this.warnedProblem) {
      this.warnedProblem = settings.problem;
      void vscode.window
        .showWarningMessage(`posthog.mcp.toolsets: ${settings.problem} Serving every toolset meanwhile.`, 'Open Settings')
        .then((c) => {
          if (c) void vscode.commands.executeCommand('workbench.action.openSettings', 'posthog.mcp.toolsets');
        });
    }
    const filter = { toolsets: settings.toolsets, readOnly: settings.readOnly };
    const registry = this.registry();
    const { createPostHogMcpServer, serveHttp } = loadServer();
    const handle = await serveHttp({
      createServer: () => createPostHogMcpServer({ registry, ...filter }),
      port: 0,
      onLog: (m) => this.log.warn(`MCP server: ${m}`),
    });
    if (generation !== this.generation) {
      await handle.close().catch(() => undefined);
      return undefined;
    }
    this.handle = handle;
    const count = registry.list(filter).length;
    this.log.info(
      `MCP server listening on ${handle.url} (${count} tools${settings.readOnly ? ', read-only' : ''}${settings.toolsets ? `, toolsets: ${settings.toolsets.join(', ')}` : ''})`,
    );
    return handle;
  }
}
