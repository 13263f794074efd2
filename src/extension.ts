import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // The extension itself is built in its own issue.
}

export function deactivate(): void {}
