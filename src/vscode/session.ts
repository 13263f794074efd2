/**
 * Who is signed in where: the host and project come from settings (`posthog.host`,
 * `posthog.projectId`); the personal API key only ever lives in SecretStorage, one per host.
 * Hands the ToolRegistry its PostHogClient.
 */
import * as vscode from 'vscode';
import type { PostHogClient } from '../posthog/client';
import { PostHogError, describeError } from '../posthog/errors';
import { EU_HOST, US_HOST, hostLabel, normalizeHost } from '../posthog/hosts';
import { loadCore, loadedCore } from './lazy';
import { requestLogger } from './log';
import { SECRET_PREFIX, StoredKeys, secretKeyFor } from './storedKeys';

/** What a change was about: `credentials` when sign-in, host or project changed. */
export interface SessionChange {
  credentials: boolean;
}

export interface SignInInput {
  host?: string;
  apiKey: string;
  projectId?: number | null;
}

export interface ProjectChoice {
  id: number;
  name: string;
  current: boolean;
}

const USER_AGENT = 'posthog-vscode';

/**
 * How long after start-up the project is looked up (the status bar's name, a revoked key), unless
 * something loads the PostHog client sooner (a tree fetch, a tool call): activation loads nothing
 * heavy and sends nothing. Meanwhile the status bar shows the name remembered from last time.
 */
export const PROJECT_LOOKUP_DELAY_MS = 2_000;

const PROJECT_CACHE_KEY = 'posthog.projectNames';

export class Session implements vscode.Disposable {
  private apiKey?: string;
  private hostValue = US_HOST;
  private hostError?: string;
  private projectIdValue?: number;
  private projectNameValue?: string;
  private problemValue?: string;
  private fingerprint = '';
  private client?: PostHogClient;
  private suppress = 0;
  private reloading?: Promise<void>;
  private reloadAgain = false;
  private lookupTimer?: ReturnType<typeof setTimeout>;
  private readonly emitter = new vscode.EventEmitter<SessionChange>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly keys: StoredKeys;

  readonly onDidChange = this.emitter.event;
  /** Settled once the secret has been read at start-up. */
  readonly ready: Promise<void>;

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    /** Remembers project names per host (never a key), for the status bar at start-up. */
    private readonly memento?: vscode.Memento,
  ) {
    this.keys = new StoredKeys(secrets);
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.suppress === 0 && (e.affectsConfiguration('posthog.host') || e.affectsConfiguration('posthog.projectId')))
          void this.reload();
      }),
      // Another window signed in or out.
      secrets.onDidChange((e) => {
        if (this.suppress === 0 && e.key.startsWith(SECRET_PREFIX)) void this.reload();
      }),
    );
    this.ready = this.reload();
  }

  get signedIn(): boolean {
    return !!this.apiKey && !this.hostError;
  }

  /** The normalized host origin ("https://us.posthog.com"). */
  get host(): string {
    return this.hostValue;
  }

  get hostLabel(): string {
    return this.hostError ? 'an invalid host' : hostLabel(this.hostValue);
  }

  /** The project chosen in settings; undefined means the key's current project. */
  get configuredProjectId(): number | undefined {
    return this.projectIdValue;
  }

  /** The project the tools act on, once known. */
  get projectId(): number | undefined {
    return this.projectIdValue ?? this.resolvedProjectId;
  }
  private resolvedProjectId?: number;

  get projectName(): string | undefined {
    return this.projectNameValue;
  }

  /** Why the session does not work, when it does not (revoked key, bad host, missing project). */
  get problem(): string | undefined {
    return this.hostError ?? this.problemValue;
  }

  /** A link into the PostHog UI of the active project. */
  uiUrl(path = ''): string | undefined {
    const pid = this.projectId;
    if (pid === undefined || this.hostError) return undefined;
    return `${this.hostValue}/project/${pid}/${path.replace(/^\//, '')}`;
  }

  /** The client the ToolRegistry uses. Throws a message for people when signed out. */
  getClient(): PostHogClient {
    if (this.hostError) {
      throw new PostHogError({ kind: 'config', message: `The posthog.host setting is not valid: ${this.hostError}` });
    }
    if (!this.apiKey) {
      throw new PostHogError({
        kind: 'config',
        message: 'Not signed in to PostHog. Run "PostHog: Sign In" to connect a personal API key.',
      });
    }
    this.client ??= this.createClient(this.hostValue, this.apiKey, this.projectIdValue);
    // The client is in use now: the pending project lookup costs nothing more, run it.
    if (this.lookupTimer) this.lookupProjectNow();
    return this.client;
  }

  /** A client for a host and key (loads dist/core.js the first time). */
  createClient(host: string, apiKey: string, projectId?: number): PostHogClient {
    const { PostHogClient } = loadCore();
    return new PostHogClient({ apiKey, host, projectId, onRequest: requestLogger(this.log), userAgent: USER_AGENT });
  }

  /**
   * Checks the key against /api/users/@me/ (and the project, when one is given), then stores it.
   * Nothing is stored when the check fails: the error says why.
   */
  async signIn(input: SignInInput, signal?: AbortSignal): Promise<void> {
    const host = normalizeHost(input.host ?? this.hostValue);
    const apiKey = (input.apiKey ?? '').trim();
    if (!apiKey)
      throw new PostHogError({
        kind: 'config',
        message: 'Enter a personal API key: create one in PostHog under Settings → Personal API keys.',
      });
    const projectId = input.projectId ?? undefined;
    const client = this.createClient(host, apiKey, projectId);
    await client.me(signal);
    if (projectId !== undefined) await client.context(signal); // the project exists and the key can see it
    await this.store(host, apiKey, projectId);
  }

  /** Stores an already checked key. */
  async store(host: string, apiKey: string, projectId: number | undefined): Promise<void> {
    this.suppress++;
    try {
      await this.keys.store(host, apiKey);
      await updateSetting('host', hostSettingValue(host));
      await updateSetting('projectId', projectId ?? null);
    } finally {
      this.suppress--;
    }
    await this.reload();
  }

  async signOut(): Promise<void> {
    this.suppress++;
    try {
      await this.keys.delete(this.hostValue);
    } finally {
      this.suppress--;
    }
    await this.reload();
  }

  /** Forgets the key of every host; returns the hosts that had one. */
  async signOutEverywhere(): Promise<string[]> {
    this.suppress++;
    let hosts: string[];
    try {
      hosts = await this.keys.deleteAll(this.hostError ? [] : [this.hostValue]);
    } finally {
      this.suppress--;
    }
    await this.reload();
    return hosts;
  }

  /** The hosts other than the current one that have a stored key. */
  async otherSignedInHosts(): Promise<string[]> {
    return (await this.keys.hosts()).filter((h) => h !== this.hostValue);
  }

  async setProject(projectId: number | undefined): Promise<void> {
    this.suppress++;
    try {
      await updateSetting('projectId', projectId ?? null);
    } finally {
      this.suppress--;
    }
    await this.reload();
  }

  /** The key's projects, the current one first. */
  async projects(client: PostHogClient = this.getClient(), signal?: AbortSignal): Promise<ProjectChoice[]> {
    const [list, me] = await Promise.all([client.listProjects(signal), client.me(signal)]);
    const keyCurrent = typeof (me.team as { id?: unknown } | undefined)?.id === 'number' ? (me.team as { id: number }).id : undefined;
    const current = client === this.client ? (this.projectId ?? keyCurrent) : keyCurrent;
    const choices = list.map((p) => ({ id: p.id, name: p.name, current: p.id === current }));
    return [...choices.filter((c) => c.current), ...choices.filter((c) => !c.current)];
  }

  /** Re-reads settings and the secret; tells listeners when something changed. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        await this.readState();
      } while (this.reloadAgain);
    })().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  /** Looks the project up again (the status bar's name), e.g. after "Refresh". */
  async refreshProject(): Promise<void> {
    clearTimeout(this.lookupTimer);
    this.lookupTimer = undefined;
    this.client = undefined;
    await this.resolveProject();
  }

  dispose(): void {
    clearTimeout(this.lookupTimer);
    this.lookupTimer = undefined;
    for (const d of this.disposables) d.dispose();
  }

  private async readState(): Promise<void> {
    const cfg = vscode.workspace.getConfiguration('posthog');
    const rawHost = cfg.get<string>('host') ?? 'us';
    try {
      this.hostValue = normalizeHost(rawHost);
      this.hostError = undefined;
    } catch (err) {
      this.hostError = describeError(err);
    }
    this.projectIdValue = validProjectId(cfg.get<unknown>('projectId'));
    let key: string | undefined;
    try {
      key = this.hostError ? undefined : await this.secrets.get(secretKeyFor(this.hostValue));
    } catch (err) {
      this.log.error(`Could not read the stored API key: ${describeError(err)}`);
    }
    this.apiKey = key && key.trim() ? key.trim() : undefined;
    const fingerprint = JSON.stringify([this.hostValue, this.hostError, this.projectIdValue, this.apiKey ? hashish(this.apiKey) : '']);
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.client = undefined;
    this.projectNameValue = undefined;
    this.resolvedProjectId = undefined;
    this.problemValue = undefined;
    clearTimeout(this.lookupTimer);
    this.lookupTimer = undefined;
    if (this.hostError) this.log.warn(`posthog.host: ${this.hostError}`);
    this.log.info(
      this.signedIn ? `Signed in to ${this.hostLabel}${this.projectIdValue ? `, project ${this.projectIdValue}` : ''}` : 'Not signed in',
    );
    // The name shown until the lookup answers (only shown: links and tools wait for the lookup).
    if (this.signedIn) this.projectNameValue = this.rememberedProject()?.name;
    this.emitter.fire({ credentials: true });
    if (this.signedIn) this.scheduleProjectLookup();
  }

  /**
   * Looks the project up now when the PostHog client is loaded already (a sign-in, a settings
   * change in use), else a little after start-up or at the first tree fetch / tool call.
   */
  private scheduleProjectLookup(): void {
    if (loadedCore()) {
      void this.resolveProject();
      return;
    }
    this.lookupTimer = setTimeout(() => this.lookupProjectNow(), PROJECT_LOOKUP_DELAY_MS);
  }

  private lookupProjectNow(): void {
    clearTimeout(this.lookupTimer);
    this.lookupTimer = undefined;
    void this.resolveProject();
  }

  private projectCacheKey(): string {
    return `${this.hostValue} ${this.projectIdValue ?? 'current'}`;
  }

  private rememberedProject(): { id: number; name: string } | undefined {
    const all = this.memento?.get<Record<string, { id: number; name: string }>>(PROJECT_CACHE_KEY);
    const p = all?.[this.projectCacheKey()];
    return p && typeof p.id === 'number' && typeof p.name === 'string' ? p : undefined;
  }

  private rememberProject(id: number, name: string): void {
    if (!this.memento) return;
    const all = { ...(this.memento.get<Record<string, { id: number; name: string }>>(PROJECT_CACHE_KEY) ?? {}) };
    const key = this.projectCacheKey();
    if (all[key]?.id === id && all[key]?.name === name) return;
    all[key] = { id, name };
    void Promise.resolve(this.memento.update(PROJECT_CACHE_KEY, all)).catch(() => undefined);
  }

  private async resolveProject(): Promise<void> {
    if (!this.signedIn) return;
    const fingerprint = this.fingerprint;
    try {
      const ctx = await this.getClient().context();
      if (fingerprint !== this.fingerprint) return;
      this.resolvedProjectId = ctx.projectId;
      this.projectNameValue = ctx.projectName ?? `Project ${ctx.projectId}`;
      this.problemValue = undefined;
      if (ctx.projectName) this.rememberProject(ctx.projectId, ctx.projectName);
    } catch (err) {
      if (fingerprint !== this.fingerprint) return;
      this.problemValue = describeError(err);
      this.log.warn(`Could not open the PostHog project: ${this.problemValue}`);
    }
    this.emitter.fire({ credentials: false });
  }
}

function validProjectId(v: unknown): number | undefined {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** A short, non-reversible marker so a changed key is noticed without keeping it in the fingerprint. */
function hashish(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return `${s.length}:${h}`;
}

/** "us" and "eu" for the clouds (what the setting's description offers), else the URL. */
export function hostSettingValue(host: string): string {
  if (host === US_HOST) return 'us';
  if (host === EU_HOST) return 'eu';
  return host;
}

/** Writes where the value is set now (workspace or user), so the new value takes effect. */
async function updateSetting(key: 'host' | 'projectId', value: unknown): Promise<void> {
  const cfg = vscode.workspace.getConfiguration('posthog');
  const inspected = cfg.inspect(key);
  const inWorkspace = inspected?.workspaceValue !== undefined;
  const target = inWorkspace ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const current = inWorkspace ? inspected?.workspaceValue : (inspected?.globalValue ?? inspected?.defaultValue);
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (same(current, value)) return;
  // In user settings, the default value is written as "no entry".
  const toWrite = !inWorkspace && same(value, inspected?.defaultValue) ? undefined : value;
  await cfg.update(key, toWrite, target);
}
