/** Read-only JSON documents for tool results ("PostHog: Run Tool…"): no "save?" prompt on close. */
import * as vscode from 'vscode';

export const RESULT_SCHEME = 'posthog-result';

export class ResultDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private count = 0;
  private readonly disposables: vscode.Disposable[];

  constructor() {
    this.disposables = [
      vscode.workspace.registerTextDocumentContentProvider(RESULT_SCHEME, this),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === RESULT_SCHEME) this.contents.delete(doc.uri.path);
      }),
    ];
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.path) ?? '// This result is no longer available: run the tool again.\n';
  }

  async show(toolName: string, data: unknown): Promise<vscode.TextEditor> {
    const path = `/${toolName}-${++this.count}.json`;
    const text = typeof data === 'string' ? data : JSON.stringify(data ?? { ok: true }, null, 2);
    this.contents.set(path, `${text}\n`);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: RESULT_SCHEME, path }));
    return vscode.window.showTextDocument(doc, { preview: false });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.contents.clear();
  }
}
