/**
 * What a governed gateway offers: the installations it serves (one, or every enabled one of the
 * project), each one's upstream tools (its `tools/list` through PostHog's proxy) and PostHog's
 * approval state for each. `approved` and `needs_approval` tools are offered; `do_not_use` ones
 * and tools PostHog does not know are not.
 *
 * It re-reads PostHog every `pollMs` (60 s), when asked (each tools/list), and shortly after any
 * MCP store tool changes something through the registry (the views' Approve/Deny, an agent's
 * set_mcp_tool_approval); listeners hear when the offered list changed.
 */
import type { PostHogClient } from '../../posthog/client';
import { describeError } from '../../posthog/errors';
import type { ToolRegistry } from '../registry';
import { isPlainObject, type Row } from '../values';
import { PREFIX_SEPARATOR, uniqueSlugs } from './names';
import { McpProxyClient } from './proxyClient';
import type { GatewayInstallation, GatewayTool, InstallationStatus, UpstreamToolInfo } from './types';

export interface CatalogOptions {
  registry: ToolRegistry;
  client: () => PostHogClient | Promise<PostHogClient>;
  /** Serve this installation only; otherwise every enabled installation, tools prefixed with its slug. */
  installationId?: string;
  /** Default 60 s; 0 turns polling off. */
  pollMs?: number;
  /** Delay between a registry change and the re-read (default 50 ms). */
  changeDelayMs?: number;
  log?: (line: string) => void;
}

/** The upstream list is re-read when PostHog's tool names change, and at least this often. */
const UPSTREAM_MAX_AGE_MS = 5 * 60_000;
const SETTINGS = "PostHog's MCP store (Settings → MCP servers) or the VS Code PostHog MCP Installations view";

export class GatewayCatalog {
  installations: GatewayInstallation[] = [];
  tools: GatewayTool[] = [];
  /** Set when the installations themselves could not be read. */
  problem?: string;
  private readonly listeners = new Set<() => void>();
  private readonly proxies = new Map<string, McpProxyClient>();
  private readonly upstream = new Map<string, { names: string; at: number; tools: UpstreamToolInfo[] }>();
  private signature = '';
  private running?: Promise<void>;
  private again = false;
  private lastDoneAt = 0;
  private timer?: ReturnType<typeof setInterval>;
  private changeTimer?: ReturnType<typeof setTimeout>;
  private readonly unsubscribe: () => void;

  constructor(private readonly options: CatalogOptions) {
    this.unsubscribe = options.registry.onDidChange((e) => {
      if (e.toolset !== 'mcp_store') return;
      clearTimeout(this.changeTimer);
      this.changeTimer = setTimeout(() => void this.refresh().catch(() => undefined), options.changeDelayMs ?? 50);
    });
    const pollMs = options.pollMs ?? 60_000;
    if (pollMs > 0) {
      this.timer = setInterval(() => void this.refresh().catch(() => undefined), pollMs);
      this.timer.unref?.();
    }
  }

  get multi(): boolean {
    return this.options.installationId === undefined;
  }

  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads PostHog; calls made while one runs share it (and one more runs after, for changes made meanwhile). */
  refresh(opts: { maxAgeMs?: number } = {}): Promise<void> {
    if (opts.maxAgeMs !== undefined && !this.running && Date.now() - this.lastDoneAt < opts.maxAgeMs) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.load();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
      this.lastDoneAt = Date.now();
    });
    return this.running;
  }

  dispose(): void {
    clearInterval(this.timer);
    clearTimeout(this.changeTimer);
    this.unsubscribe();
    this.listeners.clear();
  }

  /** The installation a tool name that is not offered would belong to, and its state there (for errors). */
  lookup(name: string): { installation?: GatewayInstallation; upstreamName: string } {
    if (!this.multi) return { installation: this.installations[0], upstreamName: name };
    const at = name.indexOf(PREFIX_SEPARATOR);
    if (at < 0) return { upstreamName: name };
    const slug = name.slice(0, at);
    return { installation: this.installations.find((i) => i.slug === slug), upstreamName: name.slice(at + PREFIX_SEPARATOR.length) };
  }

  private async load(): Promise<void> {
    let rows: Row[];
    try {
      rows = await this.readInstallations();
      this.problem = undefined;
    } catch (err) {
      this.problem = `Could not read the MCP server installations from PostHog: ${describeError(err)}`;
      this.options.log?.(this.problem);
      this.publish([], []);
      return;
    }
    const slugs = uniqueSlugs(rows.map((r) => String(r.name ?? 'server')));
    const installations = rows.map((row, i) => this.installationOf(row, slugs[i]));
    await Promise.all(installations.filter((i) => i.status === 'ready').map((i) => this.loadTools(i)));
    const tools: GatewayTool[] = [];
    for (const inst of installations) {
      if (inst.status !== 'ready') continue;
      for (const upstream of this.upstream.get(inst.id)?.tools ?? []) {
        const state = inst.approvals.get(upstream.name);
        if (state !== 'approved' && state !== 'needs_approval') continue; // do_not_use, or unknown to PostHog (the proxy would refuse it)
        const name = this.multi ? `${inst.slug}${PREFIX_SEPARATOR}${upstream.name}` : upstream.name;
        tools.push({ name, upstreamName: upstream.name, installation: inst, state, upstream });
      }
    }
    this.publish(installations, tools);
  }

  private async readInstallations(): Promise<Row[]> {
    const { registry, installationId } = this.options;
    if (installationId !== undefined)
      return [(await registry.run('get_mcp_server_installation', { installation_id: installationId })) as Row];
    const rows: Row[] = [];
    for (let offset = 0; offset < 1000; offset += 100) {
      const page = (await registry.run('list_mcp_server_installations', { limit: 100, offset })) as Row;
      const results = Array.isArray(page.results) ? (page.results as Row[]) : [];
      rows.push(...results);
      if (typeof page.next_offset !== 'number' || results.length === 0) break;
    }
    return rows.filter((r) => r.is_enabled === true);
  }

  private installationOf(row: Row, slug: string): GatewayInstallation {
    const id = String(row.id);
    const name = String(row.name ?? id);
    let proxy = this.proxies.get(id);
    if (!proxy || proxy.target.name !== name) {
      proxy = new McpProxyClient(this.options.client, { installationId: id, name });
      this.proxies.set(id, proxy);
    }
    const previous = this.installations.find((i) => i.id === id);
    const [status, problem] = statusOf(row, name);
    return { id, name, slug, status, problem, proxy, approvals: previous?.approvals ?? new Map() };
  }

  /** PostHog's approval states, then the upstream tools/list when needed. A failure marks the installation unavailable. */
  private async loadTools(inst: GatewayInstallation): Promise<void> {
    try {
      const data = (await this.options.registry.run('list_mcp_installation_tools', { installation_id: inst.id })) as Row;
      const rows = Array.isArray(data.results) ? (data.results as Row[]) : [];
      inst.approvals = new Map(rows.map((t) => [String(t.tool_name), String(t.approval_state)]));
      const names = [...inst.approvals.keys()].sort().join('\n');
      const cached = this.upstream.get(inst.id);
      if (!cached || cached.names !== names || Date.now() - cached.at > UPSTREAM_MAX_AGE_MS) {
        const result = await inst.proxy.request('tools/list', {}, { readOnly: true });
        const list = isPlainObject(result) && Array.isArray(result.tools) ? (result.tools as UpstreamToolInfo[]) : [];
        this.upstream.set(inst.id, { names, at: Date.now(), tools: list.filter((t) => t && typeof t.name === 'string') });
      }
    } catch (err) {
      inst.status = 'unavailable';
      inst.problem = describeError(err);
      this.options.log?.(`"${inst.name}": ${inst.problem}`);
    }
  }

  private publish(installations: GatewayInstallation[], tools: GatewayTool[]): void {
    this.installations = installations;
    this.tools = tools;
    const signature = JSON.stringify([
      this.problem ?? '',
      installations.map((i) => [i.id, i.name, i.status]),
      tools.map((t) => [t.name, t.state, t.upstream.description ?? '', t.upstream.inputSchema ?? null, t.upstream.annotations ?? null]),
    ]);
    if (signature === this.signature) return;
    const first = this.signature === '';
    this.signature = signature;
    if (first) return;
    for (const l of this.listeners) {
      try {
        l();
      } catch {
        /* a listener's failure is not ours */
      }
    }
  }
}

function statusOf(row: Row, name: string): [InstallationStatus, string | undefined] {
  if (row.is_enabled !== true)
    return ['disabled', `The MCP server "${name}" is disabled in PostHog: enable it in ${SETTINGS}, and its approved tools appear here.`];
  if (row.needs_reauth === true)
    return [
      'needs_reauth',
      `The MCP server "${name}" needs to be authorized again: use Authorize in ${SETTINGS}, and its tools come back.`,
    ];
  if (row.pending_oauth === true)
    return [
      'pending_oauth',
      `The MCP server "${name}" is waiting for its OAuth sign-in to finish: use Authorize in ${SETTINGS} and approve access in the browser.`,
    ];
  return ['ready', undefined];
}
