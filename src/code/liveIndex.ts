/**
 * A CodeIndex kept current as files change: one full scan per root (scanTree, which yields so it
 * never holds the event loop), then one file at a time (scanSource on the text an editor or the
 * disk gives). The editor's glue (src/vscode/code/workspaceIndex.ts) feeds it; the `code` tools
 * read it through `scan()`. Plain TS: tested in Node with a temp tree.
 */
import * as path from 'node:path';
import { byPosition } from './order';
import { ReferenceIndex, type ReferenceFilter } from './referenceIndex';
import type { CodeIndex, CodeReference, DynamicReference, ReferenceKind, SkipReason, SourceScan, TreeScan } from './types';

export type { ReferenceFilter } from './referenceIndex';

/** What the live index needs from the scanner (src/code/index.ts). */
export interface LiveIndexScanner {
  scanSource(text: string, file: string): SourceScan;
  scanTree(root: string, options?: { signal?: AbortSignal }): Promise<TreeScan>;
  /** Whether scanTree would scan this file (relative to root, "/" separators): a supported language, not ignored. */
  accepts(root: string, file: string): boolean;
}

/** A reference with the root it was found under: what an editor needs to open it. */
export interface LocatedReference extends CodeReference {
  root: string;
  /** Absolute path. */
  path: string;
}

interface RootState {
  /** The references under this root, by file relative to it. */
  index: ReferenceIndex;
  /** Files the last full scan read (and folders added since): a file created or removed later is not counted, it may have been counted already. */
  fileCount: number;
  skipped: Partial<Record<SkipReason, number>>;
  /** Files updated while the full scan ran (their scan, or null when removed): its older result must not win. */
  touched?: Map<string, SourceScan | null>;
}

export class LiveCodeIndex implements CodeIndex {
  private readonly state = new Map<string, RootState>();
  private readonly listeners = new Set<() => void>();
  private readonly scans = new Map<string, Promise<void>>();
  private notifyTimer: ReturnType<typeof setTimeout> | undefined;
  protected readonly controller = new AbortController();
  /** Last full-scan failure per root, for the log. */
  readonly errors = new Map<string, string>();

  constructor(
    private readonly scanner: LiveIndexScanner,
    roots: readonly string[] = [],
    /** Coalesces bursts (a checkout touching 1,000 files) into one change event. */
    private readonly notifyDelayMs = 30,
  ) {
    this.setRoots(roots);
  }

  get roots(): readonly string[] {
    return [...this.state.keys()];
  }

  /** Settles when every root's full scan has (one way or another). */
  get ready(): Promise<void> {
    return Promise.all(this.scans.values()).then(() => undefined);
  }

  /** Follows the workspace folders: new roots get a full scan, removed ones are dropped. */
  setRoots(roots: readonly string[]): void {
    const next = new Set(roots.map((r) => path.resolve(r)));
    let changed = false;
    for (const root of [...this.state.keys()])
      if (!next.has(root)) {
        this.state.delete(root);
        this.scans.delete(root);
        changed = true;
      }
    for (const root of next) if (!this.state.has(root)) void this.rescanRoot(root);
    if (changed) this.changed();
  }

  /** A full scan of one root (again): at start, or when the rules changed (a .gitignore). */
  rescanRoot(root: string): Promise<void> {
    const st: RootState = this.state.get(root) ?? { index: new ReferenceIndex(), fileCount: 0, skipped: {} };
    const touched = new Map<string, SourceScan | null>();
    st.touched = touched;
    this.state.set(root, st);
    const run = this.scanner.scanTree(root, { signal: this.controller.signal }).then(
      (tree) => {
        if (this.state.get(root) !== st) return; // the folder was removed meanwhile
        st.index.load(tree);
        for (const [file, scan] of touched) {
          if (scan) st.index.setScan(file, scan);
          else st.index.removeFile(file);
        }
        st.fileCount = tree.files;
        st.skipped = { ...tree.skipped };
        if (st.touched === touched) st.touched = undefined;
        this.errors.delete(root);
        this.changed();
      },
      (err: unknown) => {
        if (st.touched === touched) st.touched = undefined;
        if (!this.controller.signal.aborted) this.errors.set(root, err instanceof Error ? err.message : String(err));
      },
    );
    this.scans.set(root, run);
    return run;
  }

  /** The root holding an absolute path, and the path relative to it ("/" separators); undefined outside every root. */
  locate(absPath: string): { root: string; file: string } | undefined {
    const p = path.resolve(absPath);
    let best: string | undefined;
    for (const root of this.state.keys()) {
      const rel = path.relative(root, p);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel) && (!best || root.length > best.length)) best = root;
    }
    return best ? { root: best, file: path.relative(best, p).split(path.sep).join('/') } : undefined;
  }

  /**
   * Rescans one file from its text (an open document's, or read from disk). Returns whether its
   * references changed. Files scanTree would skip (ignored, another language) are left out.
   */
  updateFile(absPath: string, text: string): boolean {
    const at = this.locate(absPath);
    if (!at || !this.scanner.accepts(at.root, at.file)) return false;
    const st = this.state.get(at.root)!;
    const scan = this.scanner.scanSource(text, at.file);
    st.touched?.set(at.file, scan);
    if (!st.index.setScan(at.file, scan)) return false;
    this.changed();
    return true;
  }

  /**
   * A folder appeared (moved in, checked out): scans it and adds what the root's own rules
   * (`accepts`: .gitignore, languages) let in.
   */
  async addFolder(absDir: string): Promise<void> {
    const at = this.locate(absDir);
    if (!at) return;
    const tree = await this.scanner.scanTree(absDir, { signal: this.controller.signal });
    const st = this.state.get(at.root);
    if (!st) return;
    const byFile = new Map<string, SourceScan>();
    const entry = (file: string) => {
      const rel = `${at.file}/${file}`;
      let e = byFile.get(rel);
      if (!e) byFile.set(rel, (e = { references: [], dynamic: [] }));
      return e;
    };
    for (const r of tree.references) entry(r.file).references.push({ ...r, file: `${at.file}/${r.file}` });
    for (const d of tree.dynamic) entry(d.file).dynamic.push({ ...d, file: `${at.file}/${d.file}` });
    st.fileCount += tree.files;
    let changed = false;
    for (const [file, scan] of byFile) {
      if (!this.scanner.accepts(at.root, file)) continue;
      st.touched?.set(file, scan);
      if (st.index.setScan(file, scan)) changed = true;
    }
    if (changed) this.changed();
  }

  /** A file (or a whole folder) was deleted or renamed away. */
  removePath(absPath: string): boolean {
    const at = this.locate(absPath);
    if (!at) return false;
    const st = this.state.get(at.root)!;
    const prefix = `${at.file}/`;
    let changed = false;
    for (const file of this.filesOf(st)) {
      if (file !== at.file && !file.startsWith(prefix)) continue;
      st.touched?.set(file, null);
      if (st.index.removeFile(file)) changed = true;
    }
    if (changed) this.changed();
    return changed;
  }

  /** Every reference, optionally of one kind and key, with where it is on disk; sorted by path, line, column. */
  references(filter: ReferenceFilter = {}): LocatedReference[] {
    const out: LocatedReference[] = [];
    for (const [root, st] of this.state)
      for (const r of st.index.references(filter)) out.push({ ...r, root, path: path.join(root, ...r.file.split('/')) });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  }

  /** How many references each key of a kind has. */
  counts(kind: ReferenceKind): Map<string, number> {
    const counts = new Map<string, number>();
    for (const st of this.state.values()) for (const [key, n] of st.index.counts(kind)) counts.set(key, (counts.get(key) ?? 0) + n);
    return counts;
  }

  /**
   * The absolute path of a `file` as the code tools give it (relative to its root): the root that
   * holds it in the index, else the first root.
   */
  pathOf(file: string): string | undefined {
    if (path.isAbsolute(file)) return file;
    let first: string | undefined;
    for (const [root, st] of this.state) {
      first ??= root;
      if (this.known(st, file)) return path.join(root, ...file.split('/'));
    }
    return first === undefined ? undefined : path.join(first, ...file.split('/'));
  }

  /** The references of one file (absolute path), as last scanned. */
  fileReferences(absPath: string): CodeReference[] {
    const at = this.locate(absPath);
    return at ? (this.state.get(at.root)?.index.file(at.file).references ?? []) : [];
  }

  /** CodeIndex: everything under every root, once the full scans are done. `file` is relative to its root. */
  async scan(signal?: AbortSignal): Promise<TreeScan> {
    await this.ready;
    signal?.throwIfAborted();
    const references: CodeReference[] = [];
    const dynamic: DynamicReference[] = [];
    let files = 0;
    const skipped: Partial<Record<SkipReason, number>> = {};
    for (const st of this.state.values()) {
      files += st.fileCount;
      for (const [reason, n] of Object.entries(st.skipped) as Array<[SkipReason, number]>) skipped[reason] = (skipped[reason] ?? 0) + n;
      references.push(...st.index.references());
      dynamic.push(...st.index.dynamic());
    }
    references.sort(byPosition);
    dynamic.sort(byPosition);
    return { root: this.roots[0] ?? '', files, skipped, references, dynamic };
  }

  /** Called (coalesced) after the references changed. Returns the unsubscribe. */
  onDidChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.controller.abort();
    if (this.notifyTimer) clearTimeout(this.notifyTimer);
    this.listeners.clear();
  }

  /** Whether the index holds anything for a file (a reference or a dynamic call). */
  private known(st: RootState, file: string): boolean {
    const scan = st.index.file(file);
    return scan.references.length > 0 || scan.dynamic.length > 0;
  }

  /** The files holding anything (for a folder removal: rare, so a walk over them is fine). */
  private filesOf(st: RootState): Set<string> {
    const files = new Set<string>();
    for (const r of st.index.references()) files.add(r.file);
    for (const d of st.index.dynamic()) files.add(d.file);
    return files;
  }

  private changed(): void {
    if (this.notifyTimer) return;
    this.notifyTimer = setTimeout(() => {
      this.notifyTimer = undefined;
      for (const l of [...this.listeners]) {
        try {
          l();
        } catch {
          /* a listener's failure is not the index's */
        }
      }
    }, this.notifyDelayMs);
  }
}
