/**
 * The shared machinery of the three tree models: a paged root list, lazily loaded children,
 * loading / empty / error states with Retry, "Load more", stable node objects (so the view keeps
 * expansion and can be told exactly which node changed), and refresh.
 */
import { COMMANDS, TREE_ITEMS, type CommandId } from '../../ids';
import { fillUrlTemplate } from '../../mcp/urlTemplate';
import { PostHogError, describeError } from '../../posthog/errors';
import { Emitter, type Event } from './events';
import { PagedList, type ListPage } from './paged';
import { oneLine, type NodeDesc, type Row, type TreeNode, type ViewName } from './node';

/** What the models need from the ToolRegistry: run a tool, get its data or a thrown error. */
export interface ToolRunner {
  run(name: string, args: unknown, opts?: { signal?: AbortSignal }): Promise<unknown>;
}

export interface ModelOptions {
  tools: ToolRunner;
  /** Settles once the session knows whether it is signed in (the stored key was read). */
  ready?: PromiseLike<unknown>;
  /** Signed out: the views show nothing, so their welcome content (with a Sign In button) shows. */
  isSignedIn?: () => boolean;
  /** The active project's name, for "No feature flags in <project>". */
  projectName?: () => string | undefined;
  /** A link into the PostHog UI of the active project, for objects whose tool gives none. */
  uiUrl?: (path: string) => string | undefined;
  /** Items per "Load more". Default 50. */
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 50;

/** What a tree view needs from a model. */
export interface TreeSource {
  readonly onDidChange: Event<TreeNode | undefined>;
  children(parent?: TreeNode): Promise<TreeNode[]>;
  parent(node: TreeNode): TreeNode | undefined;
  /**
   * The tooltip of a node that has none up front (`node.tooltip` undefined): built or fetched when
   * the pointer first rests on it (the view's resolveTreeItem), so rendering 10,000 rows builds none.
   */
  resolveTooltip?(node: TreeNode): Promise<string | undefined>;
}

export interface HoverDetail {
  tool: string;
  args: Row;
  tooltip(row: Row, problem?: string): string;
}

export interface ModelCommands {
  refresh: CommandId;
  loadMore?: CommandId;
}

export abstract class TreeModel<T extends Row = Row> implements TreeSource {
  abstract readonly view: ViewName;
  protected abstract readonly commands: ModelCommands;

  readonly root: PagedList<T>;
  private readonly childLists = new Map<string, PagedList<Row>>();
  private readonly nodes = new Map<string, TreeNode>();
  /** The nodes of `root.items` (same array, same order) built so far: "Load more" builds only the new rows. */
  private rootNodes?: { items: T[]; nodes: TreeNode[] };
  private readonly changeEmitter = new Emitter<TreeNode | undefined>();
  private readonly refreshEmitter = new Emitter<ViewName>();

  /** A node (or, with undefined, the whole tree) changed: the view asks for it again. */
  readonly onDidChange: Event<TreeNode | undefined> = this.changeEmitter.event;
  /** Fired whenever the model drops what it loaded (a refresh, a change, a sign-in). */
  readonly onDidRefresh: Event<ViewName> = this.refreshEmitter.event;

  constructor(protected readonly options: ModelOptions) {
    this.root = new PagedList<T>(
      (req) => this.fetchRoot(req),
      options.pageSize ?? DEFAULT_PAGE_SIZE,
      (item) => this.keyOf(item),
    );
  }

  // ----- what each model says -----

  protected abstract fetchRoot(req: { offset: number; limit: number; signal: AbortSignal }): Promise<ListPage<T>>;
  protected abstract keyOf(item: T): string;
  /** The node of a root row. Called once per row loaded (again only when the list is reloaded). */
  protected abstract itemNode(item: T): NodeDesc;
  protected abstract emptyLabel(): string;
  /** "dashboards": used in messages. */
  protected abstract readonly noun: string;

  /** Children of an item: fetched once per expansion, kept until a refresh. */
  protected fetchChildren(_parent: TreeNode, _signal: AbortSignal): Promise<Row[]> {
    return Promise.resolve([]);
  }

  protected childNodes(_parent: TreeNode, _rows: Row[]): NodeDesc[] {
    return [];
  }

  protected childrenEmptyLabel(_parent: TreeNode): string {
    return 'Nothing here';
  }

  /**
   * Whether a node's full tooltip needs one more tool call (made on hover, kept until a refresh):
   * the call, and how to write the tooltip from the row merged with its answer, or from the row
   * alone with the reason the call failed.
   */
  protected hoverDetail(_node: TreeNode): HoverDetail | undefined {
    return undefined;
  }

  /** Fetched tooltips (hoverDetail), kept until a refresh. */
  private readonly tooltips = new Map<string, Promise<string | undefined>>();
  /** Tooltips a NodeDesc gave as a function, by node id: the function until first asked for, then its text. */
  private readonly rowTooltips = new Map<string, string | (() => string)>();

  fetchesTooltip(node: TreeNode): boolean {
    return this.hoverDetail(node) !== undefined;
  }

  /** The tooltip written from the node's row alone (no tool call); a deferred one is built on first use. */
  rowTooltip(node: TreeNode): string | undefined {
    if (node.tooltip !== undefined) return node.tooltip;
    const tip = this.rowTooltips.get(node.id);
    if (typeof tip !== 'function') return tip;
    const text = tip();
    this.rowTooltips.set(node.id, text);
    return text;
  }

  /** The node's full tooltip; one with a hoverDetail is fetched once and cached until a refresh. */
  resolveTooltip(node: TreeNode): Promise<string | undefined> {
    const detail = this.hoverDetail(node);
    if (!detail) return Promise.resolve(this.rowTooltip(node));
    let p = this.tooltips.get(node.id);
    if (!p) {
      const row = (node.data ?? {}) as Row;
      p = this.options.tools.run(detail.tool, detail.args).then(
        (full) => detail.tooltip({ ...row, ...(full as Row) }),
        (err: unknown) => detail.tooltip(row, describeError(err)),
      );
      this.tooltips.set(node.id, p);
    }
    return p;
  }

  // ----- the tree -----

  get isSignedIn(): boolean {
    return this.options.isSignedIn ? this.options.isSignedIn() : true;
  }

  protected get projectLabel(): string {
    return this.options.projectName?.() || 'this project';
  }

  async children(parent?: TreeNode): Promise<TreeNode[]> {
    if (this.options.ready) await this.options.ready;
    if (!this.isSignedIn) return [];
    if (!parent) return this.rootChildren();
    if (!parent.collapsible) return [];
    return this.itemChildren(parent);
  }

  parent(node: TreeNode): TreeNode | undefined {
    return node.parentId ? this.nodes.get(node.parentId) : undefined;
  }

  node(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  /** The item nodes currently loaded at the root (no state nodes). */
  get items(): TreeNode[] {
    return this.itemNodes().slice();
  }

  /**
   * One node per loaded root row, built once: after "Load more" only the new page's rows are
   * built (the list appends in place). A reload (new items array) builds every row again, into
   * the same node objects.
   */
  private itemNodes(): TreeNode[] {
    const items = this.root.items;
    const before = this.rootNodes;
    let built = before;
    if (!built || built.items !== items || built.nodes.length > items.length) {
      built = { items, nodes: [] };
      this.rootNodes = built;
    }
    for (let i = built.nodes.length; i < items.length; i++) built.nodes.push(this.make(this.itemNode(items[i])));
    if (before && before !== built) this.forget(before.nodes, built.nodes);
    return built.nodes;
  }

  /** After a reload: drops the nodes (and their children's) of rows no longer loaded. */
  private forget(previous: TreeNode[], current: TreeNode[]): void {
    const kept = new Set(current.map((n) => n.id));
    const gone = new Set(previous.filter((n) => !kept.has(n.id)).map((n) => n.id));
    if (gone.size === 0) return;
    for (const [id, node] of this.nodes)
      if (gone.has(id) || (node.parentId !== undefined && gone.has(node.parentId))) {
        this.nodes.delete(id);
        this.rowTooltips.delete(id);
      }
  }

  /**
   * Refreshes the whole tree, or just one item's children. A state node (error, empty, load
   * more) refreshes the list it belongs to.
   */
  refresh(node?: TreeNode): void {
    const target = node && !node.collapsible ? (node.parentId ? this.nodes.get(node.parentId) : undefined) : node;
    this.tooltips.clear();
    if (!target) {
      this.root.reset(true);
      for (const list of this.childLists.values()) list.reset();
      this.childLists.clear();
      this.refreshEmitter.fire(this.view);
      this.changeEmitter.fire(undefined);
      return;
    }
    this.invalidateChildren(target.id);
  }

  /** Drops one item's children; the view asks for them again. */
  invalidateChildren(parentId: string): void {
    const list = this.childLists.get(parentId);
    list?.reset();
    this.childLists.delete(parentId);
    this.refreshEmitter.fire(this.view);
    this.changeEmitter.fire(this.nodes.get(parentId));
  }

  /**
   * Builds every loaded item's node (and drops the children shown) again from the rows already
   * loaded, with no tool call: for what changes outside PostHog (the code's references).
   */
  protected rebuildItems(): void {
    if (this.root.status !== 'loaded') return;
    this.rootNodes = undefined;
    for (const list of this.childLists.values()) list.reset();
    this.childLists.clear();
    this.changeEmitter.fire(undefined);
  }

  /** Signed in, out, or to another project: start from nothing. */
  reset(): void {
    this.root.reset(false);
    for (const list of this.childLists.values()) list.reset();
    this.childLists.clear();
    this.tooltips.clear();
    this.refreshEmitter.fire(this.view);
    this.changeEmitter.fire(undefined);
  }

  /** Loads the next page of the root list. */
  async loadMore(): Promise<void> {
    if (!this.root.hasMore || this.root.loadingMore) return;
    const done = this.root.loadMore();
    this.changeEmitter.fire(undefined); // shows "Loading more…"
    await done;
    this.changeEmitter.fire(undefined);
  }

  dispose(): void {
    for (const list of this.childLists.values()) list.reset();
    this.root.reset();
    this.changeEmitter.dispose();
    this.refreshEmitter.dispose();
  }

  // ----- building nodes -----

  /** Returns the one node object for an id, updated in place: the view tracks nodes by identity. */
  protected make(desc: NodeDesc): TreeNode {
    let node = this.nodes.get(desc.id);
    const fields = desc as Record<string, unknown>;
    if (node) {
      const target = node as unknown as Record<string, unknown>;
      for (const k of Object.keys(node)) if (!(k in fields) && k !== 'view') delete target[k];
    } else {
      node = {} as TreeNode;
      this.nodes.set(desc.id, node);
    }
    const target = node as unknown as Record<string, unknown>;
    for (const k of Object.keys(fields)) if (k !== 'tooltip') target[k] = fields[k];
    node.view = this.view;
    // A tooltip given as a function, or one with more to fetch, is left to hover time
    // (resolveTooltip, through the view's resolveTreeItem): such a node has none up front.
    if (desc.tooltip !== undefined && (typeof desc.tooltip === 'function' || this.fetchesTooltip(node))) {
      this.rowTooltips.set(desc.id, desc.tooltip);
      delete node.tooltip;
    } else {
      this.rowTooltips.delete(desc.id);
      if ('tooltip' in fields) node.tooltip = desc.tooltip as string | undefined;
    }
    return node;
  }

  private async rootChildren(): Promise<TreeNode[]> {
    const list = this.root;
    // A refresh while this was loading starts over: wait for the fresh answer, not the stale one.
    for (let i = 0; i < 5 && list.status !== 'loaded' && list.status !== 'error'; i++) {
      if (!this.isSignedIn) return [];
      await list.ensure();
    }
    if (list.status === 'error') return this.errorNodes(undefined, list.error);
    const items = this.itemNodes();
    if (items.length === 0) {
      return [
        this.make({
          id: `${this.view}/empty`,
          kind: 'empty',
          label: this.emptyLabel(),
          icon: { id: 'info' },
          contextValue: TREE_ITEMS.empty,
          ...this.emptyExtras(),
        }),
      ];
    }
    const nodes = items.slice();
    if (list.moreError) {
      nodes.push(
        this.make({
          id: `${this.view}/moreError`,
          kind: 'error',
          label: oneLine(describeError(list.moreError), 200),
          tooltip: `${describeError(list.moreError)}\n\nClick to try again.`,
          icon: { id: 'error', color: 'errorForeground' },
          contextValue: TREE_ITEMS.loadMoreError,
          command: this.commands.loadMore ? { command: this.commands.loadMore, title: 'Retry', args: [] } : undefined,
        }),
      );
    } else if (list.hasMore && this.commands.loadMore) {
      const shown = list.items.length;
      nodes.push(
        this.make({
          id: `${this.view}/loadMore`,
          kind: 'loadMore',
          label: list.loadingMore ? 'Loading more…' : 'Load more',
          description: list.count !== undefined ? `${shown} of ${list.count}` : `${shown} shown`,
          tooltip: `Load the next ${list.pageSize} ${this.noun}.`,
          icon: { id: list.loadingMore ? 'loading~spin' : 'ellipsis' },
          contextValue: TREE_ITEMS.loadMore,
          command: list.loadingMore ? undefined : { command: this.commands.loadMore, title: 'Load More', args: [] },
        }),
      );
    }
    return nodes;
  }

  /** Extra fields for the empty node (a command, a tooltip). */
  protected emptyExtras(): Partial<TreeNode> {
    return {};
  }

  private async itemChildren(parent: TreeNode): Promise<TreeNode[]> {
    let list: PagedList<Row> | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (!this.isSignedIn) return [];
      list = this.childLists.get(parent.id);
      if (!list) {
        list = new PagedList<Row>(
          async ({ signal }) => ({ results: await this.fetchChildren(parent, signal), has_more: false }),
          Number.MAX_SAFE_INTEGER,
          (r) => JSON.stringify(r),
        );
        this.childLists.set(parent.id, list);
      }
      await list.ensure();
      // Dropped by a refresh meanwhile: ask again.
      if (this.childLists.get(parent.id) === list && (list.status === 'loaded' || list.status === 'error')) break;
    }
    if (!list || (list.status !== 'loaded' && list.status !== 'error')) return [];
    if (list.status === 'error') return this.errorNodes(parent, list.error);
    const nodes = this.childNodes(parent, list.items).map((d) => this.make({ ...d, parentId: parent.id }));
    if (nodes.length === 0) {
      return [
        this.make({
          id: `${parent.id}/empty`,
          kind: 'empty',
          label: this.childrenEmptyLabel(parent),
          icon: { id: 'info' },
          contextValue: TREE_ITEMS.empty,
          parentId: parent.id,
        }),
      ];
    }
    return nodes;
  }

  private errorNodes(parent: TreeNode | undefined, error: unknown): TreeNode[] {
    const base = parent ? parent.id : this.view;
    const message = describeError(error);
    const nodes = [
      this.make({
        id: `${base}/error`,
        kind: 'error',
        label: oneLine(message, 200),
        tooltip: `${message}\n\nClick to try again.`,
        icon: { id: 'error', color: 'errorForeground' },
        contextValue: TREE_ITEMS.error,
        command: { command: this.commands.refresh, title: 'Retry', args: [] },
        parentId: parent?.id,
      }),
    ];
    // Give the error node itself as the argument, so Retry reloads just that list.
    nodes[0].command = { command: this.commands.refresh, title: 'Retry', args: [nodes[0]] };
    if (error instanceof PostHogError && (error.kind === 'auth' || error.kind === 'config')) {
      nodes.push(
        this.make({
          id: `${base}/signIn`,
          kind: 'signIn',
          label: error.kind === 'auth' ? 'Sign in again…' : 'Sign in…',
          icon: { id: 'sign-in' },
          contextValue: TREE_ITEMS.signIn,
          command: { command: COMMANDS.signIn, title: 'Sign In' },
          parentId: parent?.id,
        }),
      );
    }
    return nodes;
  }
}

/** Turns a tool's answer into a list page, tolerating a missing envelope. */
export function asPage<T>(data: unknown): ListPage<T> {
  if (Array.isArray(data)) return { results: data as T[], has_more: false, count: data.length };
  const o = (data ?? {}) as Record<string, unknown>;
  let results = Array.isArray(o.results) ? (o.results as T[]) : [];
  // Lists give one link pattern instead of a URL per row: put each row's link back.
  const template = typeof o.url_template === 'string' ? o.url_template : undefined;
  if (template) {
    results = results.map((row) => {
      const r = row as unknown as Record<string, unknown>;
      if (!r || typeof r !== 'object' || typeof r.url === 'string') return row;
      const url = fillUrlTemplate(template, r);
      return (url ? { ...r, url } : row) as T;
    });
  }
  return {
    results,
    has_more: o.has_more === true,
    next_offset: typeof o.next_offset === 'number' ? o.next_offset : undefined,
    count: typeof o.count === 'number' ? o.count : undefined,
  };
}
