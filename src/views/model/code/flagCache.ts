/**
 * Every feature flag of the active project, loaded once (list_feature_flags, every page) and kept
 * for the editor features: hover, inline status, completion and diagnostics read it without a
 * request. It reloads when a flag or experiment tool changes something (whoever called it) and
 * starts over on sign-in, sign-out and project switch. A failed load keeps its error: the editor
 * shows that error, never "unknown flag". The deleted flags (which the list leaves out) come from
 * list_deleted_feature_flags, read beside it; when that fails (a key without activity_log:read)
 * the flags still load, and `deletedUnknown` says why a deleted key can only read as unknown.
 */
import { describeError } from '../../../posthog/errors';
import type { ChangeEvent } from '../routing';
import { asPage, type ToolRunner } from '../base';
import { Emitter } from '../events';
import type { Row } from '../node';

export interface CachedFlag {
  id: number;
  key: string;
  name?: string;
  active: boolean;
  /** Who gets it, in words ("50%", "3 variants"), as list_feature_flags says it. */
  rollout?: string;
  url?: string;
}

export type FlagCacheState =
  | { status: 'signedOut' }
  | { status: 'loading' }
  | { status: 'error'; error: string }
  | {
      status: 'loaded';
      flags: ReadonlyMap<string, CachedFlag>;
      deleted: ReadonlySet<string>;
      /** Why deleted flags could not be told from unknown keys (the activity log's error), if so. */
      deletedUnknown?: string;
    };

export interface FlagCacheOptions {
  tools: ToolRunner;
  isSignedIn: () => boolean;
  /** Settles once the session knows whether it is signed in. */
  ready?: PromiseLike<unknown>;
}

const PAGE = 100;
/** A project with more flags than this is read up to here (PostHog projects rarely have 5,000). */
const MAX_PAGES = 50;
const FLAG_TOOLSETS = new Set(['feature_flags', 'experiments']);

export class FlagCache {
  private current: FlagCacheState = { status: 'loading' };
  /** The load under way, if any. */
  private inFlight: Promise<FlagCacheState> | undefined;
  /** Whether the current state came from a load (not the initial or reset one). */
  private settled = false;
  private generation = 0;
  /** Keys deleted through a tool in this session: list_feature_flags no longer shows them. */
  private readonly deletedKeys = new Set<string>();
  private readonly changed = new Emitter<FlagCacheState>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: FlagCacheOptions) {}

  /** What is known now, without waiting (`loading` before the first load finished). */
  get state(): FlagCacheState {
    return this.current;
  }

  /**
   * The flags, loading them once; later calls answer from the cache. A failed load is tried
   * again by the next caller (the error stays readable meanwhile).
   */
  async get(): Promise<FlagCacheState> {
    if (this.inFlight) return this.inFlight;
    if (this.settled && this.current.status !== 'error') return this.current;
    return this.reload();
  }

  /** Loads again (the cached state stays readable until the new one arrives). */
  reload(): Promise<FlagCacheState> {
    const generation = ++this.generation;
    const run = this.load().then((state) => {
      if (generation !== this.generation) return this.current;
      this.inFlight = undefined;
      this.settled = true;
      this.current = state;
      this.changed.fire(state);
      return state;
    });
    this.inFlight = run;
    return run;
  }

  /** Sign-in, sign-out or project switch: forget everything; the next reader loads afresh. */
  reset(): void {
    this.generation++;
    this.inFlight = undefined;
    this.settled = false;
    this.deletedKeys.clear();
    this.current = { status: 'loading' };
    this.changed.fire(this.current);
  }

  /** A write tool succeeded (routed from the registry): reload when it touched flags. */
  handleChange(e: ChangeEvent): void {
    if (!FLAG_TOOLSETS.has(String(e.toolset))) return;
    if (e.tool === 'delete_feature_flag' && this.current.status === 'loaded') {
      const id = Number(e.args.flag_id);
      for (const f of this.current.flags.values()) if (f.id === id) this.deletedKeys.add(f.key);
    }
    if (e.tool === 'create_feature_flag' && typeof e.args.key === 'string') this.deletedKeys.delete(e.args.key);
    // Reload only what someone has read: a cache nobody used stays unloaded.
    if (this.settled || this.inFlight) void this.reload();
  }

  private async load(): Promise<FlagCacheState> {
    await this.options.ready;
    if (!this.options.isSignedIn()) return { status: 'signedOut' };
    // Beside the list, and never its failure: without the log, deleted keys read as unknown.
    const deletedRun = this.deletedFromLog();
    try {
      const flags = await this.listAll();
      const fromLog = await deletedRun;
      const known = 'keys' in fromLog ? [...fromLog.keys, ...this.deletedKeys] : [...this.deletedKeys];
      const deleted = new Set(known.filter((k) => !flags.has(k)));
      return { status: 'loaded', flags, deleted, ...('error' in fromLog ? { deletedUnknown: fromLog.error } : {}) };
    } catch (err) {
      return { status: 'error', error: describeError(err) };
    }
  }

  private async listAll(): Promise<Map<string, CachedFlag>> {
    const flags = new Map<string, CachedFlag>();
    let offset = 0;
    for (let page = 0; page < MAX_PAGES; page++) {
      const data = asPage<Row>(await this.options.tools.run('list_feature_flags', { limit: PAGE, offset }));
      const rows = data.results;
      for (const r of rows) {
        if (typeof r.key !== 'string') continue;
        flags.set(r.key, {
          id: Number(r.id),
          key: r.key,
          name: typeof r.name === 'string' ? r.name : undefined,
          active: r.active !== false,
          rollout: typeof r.rollout === 'string' ? r.rollout : undefined,
          url: typeof r.url === 'string' ? r.url : undefined,
        });
      }
      if (data.has_more !== true || rows.length === 0) break;
      offset = data.next_offset ?? offset + rows.length;
    }
    return flags;
  }

  /** The deleted keys the activity log tells of, or why it could not be read. Never throws. */
  private async deletedFromLog(): Promise<{ keys: string[] } | { error: string }> {
    try {
      const data = (await this.options.tools.run('list_deleted_feature_flags', {})) as { results?: unknown };
      const rows = Array.isArray(data?.results) ? (data.results as Row[]) : [];
      return { keys: rows.map((r) => r.key).filter((k): k is string => typeof k === 'string') };
    } catch (err) {
      return { error: describeError(err) };
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
