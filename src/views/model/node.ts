/**
 * Plain descriptions of tree items. The models produce these; the thin vscode providers turn
 * them into TreeItems. Nothing here knows about `vscode`.
 */
import type { CommandId } from '../../ids';

export type ViewName = 'dashboards' | 'featureFlags' | 'staleFlags' | 'mcp';

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
  | 'dashboard'
  | 'insight'
  | 'textTile'
  | 'flag'
  | 'codeReference'
  | 'staleGroup'
  | 'staleFlag'
  | 'installation'
  | 'tool'
  | 'warning'
  | 'loadMore'
  | 'empty'
  | 'error'
  | 'signIn';

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
 * then the node has none up front, and the view builds it on hover (rows loaded by the thousand
 * mostly never are).
 */
export type NodeDesc = Omit<TreeNode, 'view' | 'tooltip'> & { tooltip?: string | (() => string) };

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
