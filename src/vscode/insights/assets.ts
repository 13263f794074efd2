import * as vscode from 'vscode';
import { webviewHtml } from '../webview/html';

/** The webview pages' bundles (dist/webview/, built by scripts/build.mjs), the only files a panel may load. */
export function pageRoot(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
}

export function createPagePanel(context: vscode.ExtensionContext, viewType: string, title: string): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(
    viewType,
    title,
    { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
    { enableScripts: true, localResourceRoots: [pageRoot(context)], retainContextWhenHidden: true },
  );
}

/** The page's HTML: its script and stylesheet and the codicons font, with the first state in it. */
export function pageHtml(
  context: vscode.ExtensionContext,
  panel: vscode.WebviewPanel,
  page: 'insight' | 'dashboard',
  title: string,
  state: unknown,
): string {
  const root = pageRoot(context);
  const uri = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(root, file));
  return webviewHtml({
    webview: panel.webview,
    title,
    scriptUri: uri(`${page}.js`),
    styleUris: [uri('codicon.css'), uri(`${page}.css`)],
    state,
  });
}
