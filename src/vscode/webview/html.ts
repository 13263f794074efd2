import { nodeCrypto } from '../nodeLazy';
import type * as vscode from 'vscode';

/**
 * The HTML shell of every webview panel: a strict Content-Security-Policy (nothing from the
 * network; scripts only with this page's nonce; styles and images only from the extension and
 * inline styles the chart library sets), the page's bundled script and stylesheet, and the
 * codicons font shipped in the .vsix.
 */
export function webviewHtml(options: {
  webview: vscode.Webview;
  title: string;
  scriptUri: vscode.Uri;
  styleUris?: vscode.Uri[];
  /** Initial JSON state handed to the page in a data attribute (never inline script). */
  state?: unknown;
}): string {
  const { webview } = options;
  const nonce = nodeCrypto().randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const styles = (options.styleUris ?? []).map((u) => `<link rel="stylesheet" href="${escapeAttr(u.toString())}">`).join('\n');
  const state = options.state === undefined ? '' : ` data-state="${escapeAttr(JSON.stringify(options.state))}"`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeText(options.title)}</title>
${styles}
</head>
<body${state}>
<div id="root"></div>
<script nonce="${nonce}" src="${escapeAttr(options.scriptUri.toString())}"></script>
</body>
</html>`;
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
