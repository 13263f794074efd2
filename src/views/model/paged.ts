/**
 * A list that loads page by page from a list tool (`{results, has_more, next_offset?, count?}`),
 * with loading / loaded / error states, "load more", refresh that keeps how much was loaded,
 * cancellation of what a refresh makes stale, and no duplicates when pages shift.
 */

export interface ListPage<T> {
  results: T[];
  has_more?: boolean;
  next_offset?: number;
  count?: number;
}

export type FetchPage<T> = (request: { offset: number; limit: number; signal: AbortSignal }) => Promise<ListPage<T>>;

export type LoadStatus = 'idle' | 'loading' | 'loaded' | 'error';

/** The most a list tool returns in one call. */
export const MAX_PAGE = 100;

export class PagedList<T> {
  items: T[] = [];
  count?: number;
  hasMore = false;
  status: LoadStatus = 'idle';
  error?: unknown;
  loadingMore = false;
  moreError?: unknown;

  private nextOffset?: number;
  private inflight?: Promise<void>;
  private moreInflight?: Promise<void>;
  private controller?: AbortController;
  private generation = 0;
  private keep = 0;
  /** The keys of `items`, kept as pages arrive (not rebuilt per page: paging stays linear). */
  private keys = new Set<string>();

  constructor(
    private readonly fetchPage: FetchPage<T>,
    readonly pageSize: number,
    private readonly keyOf: (item: T) => string,
  ) {}

  /** Loads the first page unless it is loaded (or failed: a failure stays until reset). */
  ensure(): Promise<void> {
    if (this.status === 'loaded' || this.status === 'error') return Promise.resolve();
    if (this.inflight) return this.inflight;
    const generation = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    this.status = 'loading';
    const limit = Math.min(MAX_PAGE, Math.max(this.pageSize, this.keep));
    this.inflight = this.fetchPage({ offset: 0, limit, signal: controller.signal })
      .then((page) => {
        if (generation !== this.generation) return;
        this.items = [];
        this.keys = new Set();
        this.append(page, 0);
        this.status = 'loaded';
      })
      .catch((err: unknown) => {
        if (generation !== this.generation) return;
        this.status = 'error';
        this.error = err;
      })
      .finally(() => {
        if (generation === this.generation) this.inflight = undefined;
      });
    return this.inflight;
  }

  /** Loads the next page and appends it. */
  loadMore(): Promise<void> {
    if (this.moreInflight) return this.moreInflight;
    if (this.status !== 'loaded' || !this.hasMore) return Promise.resolve();
    const generation = this.generation;
    const controller = this.controller ?? new AbortController();
    const offset = this.nextOffset ?? this.items.length;
    this.loadingMore = true;
    this.moreError = undefined;
    this.moreInflight = this.fetchPage({ offset, limit: this.pageSize, signal: controller.signal })
      .then((page) => {
        if (generation !== this.generation) return;
        this.append(page, offset);
      })
      .catch((err: unknown) => {
        if (generation !== this.generation) return;
        this.moreError = err;
      })
      .finally(() => {
        if (generation !== this.generation) return;
        this.loadingMore = false;
        this.moreInflight = undefined;
      });
    return this.moreInflight;
  }

  /**
   * Forgets everything and cancels what is in flight. With `keepLoaded`, the next load asks
   * for as many items as were shown (up to one full page), so a refresh does not shrink the list.
   */
  reset(keepLoaded = false): void {
    this.keep = keepLoaded ? this.items.length : 0;
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.inflight = undefined;
    this.moreInflight = undefined;
    this.items = [];
    this.keys = new Set();
    this.count = undefined;
    this.hasMore = false;
    this.nextOffset = undefined;
    this.status = 'idle';
    this.error = undefined;
    this.loadingMore = false;
    this.moreError = undefined;
  }

  get isLoading(): boolean {
    return this.status === 'loading' || this.loadingMore;
  }

  private append(page: ListPage<T>, offset: number): void {
    const results = Array.isArray(page?.results) ? page.results : [];
    // Appends in place: what was loaded keeps its place (and the tree model its nodes).
    for (const item of results) {
      const key = this.keyOf(item);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      this.items.push(item);
    }
    this.count = typeof page?.count === 'number' ? page.count : this.count;
    this.hasMore = page?.has_more === true;
    this.nextOffset = this.hasMore ? (typeof page.next_offset === 'number' ? page.next_offset : offset + results.length) : undefined;
  }
}
