/**
 * The HogQL results panel: one webview panel (src/webview/results/) that shows the last query's
 * rows, chart or error. What the page asks (copy a cell or row, export, run again) is validated
 * with the shared zod schema before anything happens; clipboard and files are the extension's job.
 */
import * as vscode from 'vscode';
import { cellText, rowAsText, toCsv, toJson } from '../../insights/hogql/export';
import type { PageMessage, ResultsState } from '../../insights/hogql/protocol';
import { loadCore } from '../lazy';
import { webviewHtml } from '../webview/html';

export const RESULTS_VIEW_TYPE = 'posthog.hogqlResults';

export class ResultsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: ResultsState | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly rerun: (query: string) => unknown,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The state last shown (the UI suite reads it). */
  get current(): ResultsState | undefined {
    return this.state;
  }

  show(state: ResultsState): void {
    this.state = state;
    if (!this.panel) this.panel = this.create();
    else if (!this.panel.visible) this.panel.reveal(vscode.ViewColumn.Beside, true);
    this.panel.title =
      state.status === 'error' ? 'HogQL: error' : state.status === 'running' ? 'HogQL: running…' : `HogQL: ${state.rows.length} rows`;
    void this.panel.webview.postMessage({ type: 'state', state });
  }

  private create(): vscode.WebviewPanel {
    const root = vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      RESULTS_VIEW_TYPE,
      'HogQL results',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [root], retainContextWhenHidden: true },
    );
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'posthog.svg');
    panel.webview.html = webviewHtml({
      webview: panel.webview,
      title: 'HogQL results',
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'results.js')),
      styleUris: [panel.webview.asWebviewUri(vscode.Uri.joinPath(root, 'results.css'))],
    });
    panel.webview.onDidReceiveMessage((raw) => void this.receive(raw));
    panel.onDidDispose(() => (this.panel = undefined));
    return panel;
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = loadCore().hogqlPageMessage.safeParse(raw);
    if (!parsed.success) {
      this.log.warn('HogQL results page sent a message that is not one it may send; ignored.');
      return;
    }
    const m: PageMessage = parsed.data;
    const state = this.state;
    if (m.type === 'ready') {
      if (state) void this.panel?.webview.postMessage({ type: 'state', state });
      return;
    }
    if (!state) return;
    if (m.type === 'rerun') {
      this.rerun(state.query);
      return;
    }
    if (state.status !== 'done') return;
    if (m.type === 'copyCell' || m.type === 'copyRow') {
      const row = state.rows[m.row];
      if (!row || (m.type === 'copyCell' && m.col >= state.columns.length)) return;
      await vscode.env.clipboard.writeText(m.type === 'copyCell' ? cellText(row[m.col]) : rowAsText(row));
      vscode.window.setStatusBarMessage(m.type === 'copyCell' ? 'Copied the cell.' : 'Copied the row.', 2000);
      return;
    }
    await this.export(state, m.format);
  }

  private async export(state: Extract<ResultsState, { status: 'done' }>, format: 'csv' | 'json'): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `hogql-results.${format}`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      saveLabel: `Export ${format.toUpperCase()}`,
      title: `Export ${state.rows.length} rows as ${format.toUpperCase()}`,
    });
    if (!target) return;
    const text = format === 'csv' ? toCsv(state.columns, state.rows) : toJson(state.columns, state.rows);
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      vscode.window.setStatusBarMessage(`Exported ${state.rows.length} rows to ${vscode.workspace.asRelativePath(target)}.`, 4000);
    } catch (err) {
      void vscode.window.showErrorMessage(
        `Could not write ${target.fsPath}: ${err instanceof Error ? err.message : String(err)}. Choose another place.`,
      );
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
