/**
 * Shift+F12 / "Go to References" on a flag key or event name in a PostHog call: every reference
 * to the same key in the workspace, from the live index.
 */
import * as vscode from 'vscode';
import type { LocatedReference } from '../../code/liveIndex';
import type { WorkspaceIndex } from './workspaceIndex';

/** The languages the scanner reads. */
export const CODE_LANGUAGES = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'ruby', 'php'];

export function locationOf(ref: Pick<LocatedReference, 'path' | 'line' | 'column' | 'key'>): vscode.Location {
  // line/column are 1-based and point at the opening quote: the key starts one further.
  const start = new vscode.Position(ref.line - 1, ref.column);
  return new vscode.Location(vscode.Uri.file(ref.path), new vscode.Range(start, start.translate(0, ref.key.length)));
}

export function registerReferenceProvider(index: WorkspaceIndex): vscode.Disposable {
  const selector = CODE_LANGUAGES.map((language) => ({ scheme: 'file', language }));
  return vscode.languages.registerReferenceProvider(selector, {
    async provideReferences(doc, position) {
      // The document as it is now (the index may be a debounce behind the typing).
      index.updateDocument(doc);
      const offset = doc.offsetAt(position);
      const here = index.fileReferences(doc.uri.fsPath).find((r) => r.start <= offset && offset <= r.end);
      if (!here) return undefined;
      await index.ready;
      return index.references({ kind: here.kind, key: here.key }).map(locationOf);
    },
  });
}
