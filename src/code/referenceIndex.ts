/**
 * The references of a set of files, kept current one file at a time: what the editor's live
 * workspace index builds on. Load a full scan once (`load`), then `setScan` on every edit or save
 * and `removeFile` on delete (a rename is both). Lookups by kind and key do not walk every file.
 *
 * Files are identified by whatever string the caller uses (relative path, URI): the index only
 * compares them. `version` grows on every change that altered the results, so callers can cache.
 */
import { byPosition } from './order';
import { type CodeReference, type DynamicReference, type ReferenceKind, type SourceScan } from './types';

export interface ReferenceFilter {
  kind?: ReferenceKind;
  key?: string;
}

const slot = (kind: ReferenceKind, key: string) => `${kind}\u0000${key}`;

export class ReferenceIndex {
  private readonly byFile = new Map<string, SourceScan>();
  /** kind+key -> files holding it -> how many references there. */
  private readonly byKey = new Map<string, Map<string, number>>();
  private changes = 0;

  /** Grows on every change to the references or dynamic calls. */
  get version(): number {
    return this.changes;
  }

  /** Number of files that hold at least one reference or dynamic call. */
  get fileCount(): number {
    return this.byFile.size;
  }

  /** Replace everything with a tree scan's results (grouped by their `file`). */
  load(scan: SourceScan): void {
    this.byFile.clear();
    this.byKey.clear();
    const grouped = new Map<string, SourceScan>();
    const group = (file: string) => {
      let g = grouped.get(file);
      if (!g) grouped.set(file, (g = { references: [], dynamic: [] }));
      return g;
    };
    for (const r of scan.references) group(r.file).references.push(r);
    for (const d of scan.dynamic) group(d.file).dynamic.push(d);
    for (const [file, s] of grouped) this.put(file, s);
    this.changes++;
  }

  /** Store one file's scan as given; true when it changed anything. */
  setScan(file: string, scan: SourceScan): boolean {
    const before = this.byFile.get(file);
    if (before ? sameScan(before, scan) : scan.references.length === 0 && scan.dynamic.length === 0) return false;
    this.drop(file);
    this.put(file, scan);
    this.changes++;
    return true;
  }

  /** Forget a file (deleted, or renamed away); true when it held anything. */
  removeFile(file: string): boolean {
    if (!this.byFile.has(file)) return false;
    this.drop(file);
    this.changes++;
    return true;
  }

  /** The references, optionally of one kind and/or key, sorted by file, line and column. */
  references(filter: ReferenceFilter = {}): CodeReference[] {
    const out: CodeReference[] = [];
    const files = filter.key !== undefined ? this.filesWith(filter.kind, filter.key) : [...this.byFile.keys()];
    for (const file of files) {
      for (const r of this.byFile.get(file)?.references ?? []) {
        if ((filter.kind === undefined || r.kind === filter.kind) && (filter.key === undefined || r.key === filter.key)) out.push(r);
      }
    }
    return out.sort(byPosition);
  }

  /** One file's scan (empty when it holds nothing). */
  file(file: string): SourceScan {
    return this.byFile.get(file) ?? { references: [], dynamic: [] };
  }

  /** Every call whose key is not a resolvable literal, sorted by file, line and column. */
  dynamic(): DynamicReference[] {
    const out: DynamicReference[] = [];
    for (const s of this.byFile.values()) out.push(...s.dynamic);
    return out.sort(byPosition);
  }

  /** The distinct keys of one kind, sorted. */
  keys(kind: ReferenceKind): string[] {
    return [...this.counts(kind).keys()].sort();
  }

  /** How many references each key of one kind has. */
  counts(kind: ReferenceKind): Map<string, number> {
    const prefix = slot(kind, '');
    const out = new Map<string, number>();
    for (const [k, files] of this.byKey) {
      if (!k.startsWith(prefix)) continue;
      let n = 0;
      for (const c of files.values()) n += c;
      out.set(k.slice(prefix.length), n);
    }
    return out;
  }

  /** How many references one key has. */
  count(kind: ReferenceKind, key: string): number {
    let n = 0;
    for (const c of this.byKey.get(slot(kind, key))?.values() ?? []) n += c;
    return n;
  }

  private filesWith(kind: ReferenceKind | undefined, key: string): string[] {
    const kinds: ReferenceKind[] = kind ? [kind] : ['flag', 'event'];
    const files = new Set<string>();
    for (const k of kinds) for (const f of this.byKey.get(slot(k, key))?.keys() ?? []) files.add(f);
    return [...files];
  }

  private put(file: string, scan: SourceScan): void {
    if (scan.references.length === 0 && scan.dynamic.length === 0) return;
    this.byFile.set(file, scan);
    for (const r of scan.references) {
      const k = slot(r.kind, r.key);
      let files = this.byKey.get(k);
      if (!files) this.byKey.set(k, (files = new Map()));
      files.set(file, (files.get(file) ?? 0) + 1);
    }
  }

  private drop(file: string): void {
    const old = this.byFile.get(file);
    if (!old) return;
    this.byFile.delete(file);
    for (const r of old.references) {
      const k = slot(r.kind, r.key);
      const files = this.byKey.get(k);
      if (!files) continue;
      files.delete(file);
      if (files.size === 0) this.byKey.delete(k);
    }
  }
}

function sameScan(a: SourceScan, b: SourceScan): boolean {
  if (a.references.length !== b.references.length || a.dynamic.length !== b.dynamic.length) return false;
  for (let i = 0; i < a.references.length; i++) {
    const x = a.references[i];
    const y = b.references[i];
    if (
      x.key !== y.key ||
      x.kind !== y.kind ||
      x.start !== y.start ||
      x.end !== y.end ||
      x.call !== y.call ||
      x.constant?.line !== y.constant?.line ||
      x.constant?.column !== y.constant?.column
    )
      return false;
  }
  for (let i = 0; i < a.dynamic.length; i++) {
    const x = a.dynamic[i];
    const y = b.dynamic[i];
    if (x.line !== y.line || x.column !== y.column || x.call !== y.call || x.kind !== y.kind) return false;
  }
  return true;
}
