/** "Find Flag References" (Flags tree, hover link, palette with a key picker) and opening one reference. */
import * as vscode from 'vscode';
import type { ReferenceTarget } from '../../views/model/codeRefs';
import type { Row } from '../../views/model/node';
import { locationOf } from '../code/references';
import { showError } from '../ui';
import { isNode, type Services } from './services';

/** The flag key a command was given: a key, a Flags or Stale Flags tree item, or `{ key }`. */
export function flagKeyOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg.trim() || undefined;
  const data = isNode(arg) ? arg.data : arg;
  const key = data && typeof data === 'object' ? (data as Row).key : undefined;
  return typeof key === 'string' && key ? key : undefined;
}

/**
 * Shows every reference to a flag key in VS Code's references view, and returns them; with no
 * key given, asks for one first. No reference: says so.
 */
export async function findFlagReferences(s: Services, arg?: unknown): Promise<vscode.Location[]> {
  const key = flagKeyOf(arg) ?? (await pickFlagKey(s));
  if (!key) return [];
  if (!s.code.roots.length) {
    void vscode.window.showInformationMessage('Open a folder to find where the code uses feature flags: this window has none.');
    return [];
  }
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Scanning the workspace for PostHog calls…' },
    () => s.code.ready,
  );
  const locations = s.code.references({ kind: 'flag', key }).map(locationOf);
  if (!locations.length) {
    void vscode.window.showInformationMessage(`No references to the feature flag "${key}" in the workspace.`);
    return [];
  }
  const editor = vscode.window.activeTextEditor;
  const anchor = editor
    ? { uri: editor.document.uri, position: editor.selection.active }
    : { uri: locations[0].uri, position: locations[0].range.start };
  await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.position, locations);
  return locations;
}

/** The key picker: keys the code uses (with their counts) and the project's flags. */
async function pickFlagKey(s: Services): Promise<string | undefined> {
  const picker = vscode.window.createQuickPick<vscode.QuickPickItem>();
  picker.title = 'Find Flag References';
  picker.placeholder = 'The feature flag whose references to show';
  picker.matchOnDescription = true;
  const counts = new Map<string, number>();
  const flags = new Map<string, string>();
  const render = () => {
    const keys = [...new Set([...counts.keys(), ...flags.keys()])].sort(
      (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || a.localeCompare(b),
    );
    picker.items = keys.map((key) => {
      const n = counts.get(key) ?? 0;
      return { label: key, description: `${n} reference${n === 1 ? '' : 's'}`, detail: flags.get(key) };
    });
  };
  picker.busy = true;
  render();
  void s.code.ready.then(() => {
    for (const [key, n] of s.code.counts('flag')) counts.set(key, n);
    render();
  });
  const loadFlags = s.session.signedIn
    ? s.registry.run('list_feature_flags', { limit: 200 }).then(
        (data) => {
          for (const f of ((data as Row)?.results as Row[] | undefined) ?? [])
            if (typeof f.key === 'string') flags.set(f.key, f.active ? 'Active in PostHog' : 'Inactive in PostHog');
          render();
        },
        (err: unknown) => void showError(err),
      )
    : Promise.resolve();
  void Promise.all([s.code.ready, loadFlags]).finally(() => (picker.busy = false));
  const chosen = await new Promise<string | undefined>((resolve) => {
    picker.onDidAccept(() => resolve(picker.selectedItems[0]?.label));
    picker.onDidHide(() => resolve(undefined));
    picker.show();
  });
  picker.dispose();
  return chosen;
}

/** Opens a file at a reference, the key selected. */
export async function openCodeReference(arg: unknown): Promise<void> {
  const t = arg as Partial<ReferenceTarget> | undefined;
  if (!t || typeof t.path !== 'string' || typeof t.line !== 'number') return;
  const start = new vscode.Position(Math.max(0, t.line - 1), Math.max(0, (t.column ?? 1) - 1));
  const selection = new vscode.Range(start, start.translate(0, t.length ?? 0));
  try {
    await vscode.window.showTextDocument(vscode.Uri.file(t.path), { selection, preview: true });
  } catch (err) {
    void vscode.window.showErrorMessage(
      `Could not open ${t.path}: ${err instanceof Error ? err.message : String(err)}. The file may have moved: refresh the view.`,
    );
  }
}
