/**
 * Plain descriptions of tree items. The models produce these; the thin vscode providers turn
 * them into TreeItems. Nothing here knows about `vscode`.
 */
import type { CommandId } from '../../ids';

export type ViewName = 'dashboards' | 'featureFlags' | 'mcp';

export interface NodeIcon {
  /** A codicon id: "pass-filled", "loading~spin". */
  id: string;
  /** A theme color id: "testing.iconPassed". */
  color?: string;
}

export interface NodeCommand {
  command: CommandId;
  title: string;
  args?: unknown[];
}

export type NodeKind =
  'dashboard' | 'insight' | 'textTile' | 'flag' | 'installation' | 'tool' | 'warning' | 'loadMore' | 'empty' | 'error' | 'signIn';

export interface TreeNode {
  /** Stable and unique in its view: keeps expansion and selection across refreshes. */
  id: string;
  kind: NodeKind;
  view: ViewName;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  icon?: NodeIcon;
  /** Drives the menus in package.json (`viewItem == …`). */
  contextValue?: string;
  /** Absent: a leaf. */
  collapsible?: 'collapsed' | 'expanded';
  /** What a click does. */
  command?: NodeCommand;
  /** Link into the PostHog UI ("Open in PostHog"). */
  url?: string;
  /** For screen readers, when the icon carries meaning. */
  accessibilityLabel?: string;
  /** The parent node's id (children of items only). */
  parentId?: string;
  /** The tool result row this node shows. */
  data?: Record<string, unknown>;
}

export type Row = Record<string, unknown>;

/**
 * What a model says about a node (the model adds `view`). A tooltip may be given as a function:
 * it is built the first time `node.tooltip` is read (rows loaded by the thousand mostly never are).
 */
export type NodeDesc = Omit<TreeNode, 'view' | 'tooltip'> & { tooltip?: string | (() => string) };

const tooltipBuilders = new WeakMap<object, () => string>();

function setTooltip(this: TreeNode, value: string | undefined): void {
  tooltipBuilders.delete(this);
  Object.defineProperty(this, 'tooltip', { value, writable: true, enumerable: true, configurable: true });
}

function buildTooltip(this: TreeNode): string | undefined {
  const build = tooltipBuilders.get(this);
  const value = build ? build() : undefined;
  setTooltip.call(this, value);
  return value;
}

/** Is the node's tooltip still to be built (so a view can leave it to hover time)? */
export function hasLazyTooltip(node: TreeNode): boolean {
  return tooltipBuilders.has(node);
}

/**
 * Gives `node` a tooltip built on first read (then kept as a plain property). The getter and
 * setter are shared by every node, so lazy nodes keep one hidden class.
 */
export function lazyTooltip(node: TreeNode, build: () => string): void {
  tooltipBuilders.set(node, build);
  Object.defineProperty(node, 'tooltip', { get: buildTooltip, set: setTooltip, enumerable: true, configurable: true });
}

/** Escapes text for a Markdown tooltip. */
export function md(text: unknown): string {
  return String(text ?? '').replace(/([\\`*_{}[\]()#+\-.!|<>~$])/g, '\\$1');
}

/** The first line of a text, clipped. */
export function oneLine(text: unknown, max = 80): string {
  const s = String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}
