/** The thin vscode side of a tree model: plain node descriptors → vscode.TreeItems. */
import * as vscode from 'vscode';
import type { ViewId } from '../ids';
import type { TreeSource } from './model/base';
import type { TreeNode } from './model/node';

export function markdown(text: string): vscode.MarkdownString {
  const m = new vscode.MarkdownString(text, true);
  m.isTrusted = false;
  m.supportHtml = false;
  return m;
}

export function toTreeItem(node: TreeNode): vscode.TreeItem {
  const state =
    node.collapsible === 'expanded'
      ? vscode.TreeItemCollapsibleState.Expanded
      : node.collapsible === 'collapsed'
        ? vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  if (node.description !== undefined) item.description = node.description;
  if (node.tooltip !== undefined) item.tooltip = markdown(node.tooltip);
  if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
  if (node.contextValue) item.contextValue = node.contextValue;
  if (node.command) item.command = { command: node.command.command, title: node.command.title, arguments: node.command.args };
  if (node.accessibilityLabel) item.accessibilityInformation = { label: node.accessibilityLabel };
  return item;
}

export class ModelTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: { dispose(): void };

  constructor(
    private readonly model: TreeSource,
    private readonly viewId: ViewId,
  ) {
    this.sub = model.onDidChange((node) => this.emitter.fire(node));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  getChildren(node?: TreeNode): vscode.ProviderResult<TreeNode[]> {
    if (node) return this.model.children(node);
    // The view's own progress bar while the first page loads.
    return vscode.window.withProgress({ location: { viewId: this.viewId } }, () => this.model.children());
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.model.parent(node);
  }

  /**
   * VS Code asks on hover for what the item left undefined: a node without a tooltip up front gets
   * the one its model builds or fetches then (rendering 10,000 rows builds none).
   */
  async resolveTreeItem(item: vscode.TreeItem, node: TreeNode): Promise<vscode.TreeItem> {
    const tooltip = node.tooltip ?? (await this.model.resolveTooltip?.(node));
    if (tooltip) item.tooltip = markdown(tooltip);
    return item;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}
