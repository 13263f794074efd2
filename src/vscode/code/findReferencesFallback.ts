/**
 * "PostHog: Find Flag References" over the open files, until the workspace-wide index (branch
 * h-editorrefs) replaces it: fills VS Code's references view with every literal use of the key.
 */
import * as vscode from 'vscode';
import { editorLanguage } from './state';
import type { Services } from '../commands/services';

export async function findFlagReferencesInOpenFiles(_s: Services, arg?: unknown): Promise<vscode.Location[]> {
  const lang = editorLanguage();
  let key = typeof arg === 'string' ? arg : undefined;
  if (!key && lang) {
    const editor = vscode.window.activeTextEditor;
    const ref = editor ? lang.scans.referenceAt(editor.document, editor.document.offsetAt(editor.selection.active)) : undefined;
    if (ref?.kind === 'flag') key = ref.key;
  }
  if (!key) key = await vscode.window.showInputBox({ title: 'Find Flag References', prompt: 'Feature flag key' });
  if (!key || !lang) return [];
  const locations: vscode.Location[] = [];
  for (const doc of vscode.workspace.textDocuments) {
    if (!lang.languages.includes(doc.languageId)) continue;
    for (const r of lang.scans.get(doc).references) {
      if (r.kind === 'flag' && r.key === key)
        locations.push(new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(r.start), doc.positionAt(r.end))));
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (editor) await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.active, locations);
  return locations;
}
