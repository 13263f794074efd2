/// <reference types="mocha" />
/**
 * The workspace's flag references in a real VS Code: the live index follows files written to the
 * workspace, an unsaved edit, a delete and a rename; Shift+F12 (vscode.executeReferenceProvider)
 * and "Find Flag References" list every reference; the Flags view counts them; the Stale Flags
 * view groups what list_stale_flags reports over the live index. Runs after the main story (which
 * signs out), with its own stand-in.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TreeNode } from '../../../src/views/model/node';
import { startStandin, type Standin } from '../../standin/server';
import { EXTENSION_ID, waitFor } from './helpers';

interface RefsApi {
  isSignedIn(): boolean;
  code: {
    ready: Promise<void>;
    references(filter?: {
      kind?: 'flag' | 'event';
      key?: string;
    }): Array<{ file: string; path: string; line: number; column: number; key: string }>;
  };
  children(view: 'featureFlags' | 'staleFlags', parent?: TreeNode): Promise<TreeNode[]>;
}

const FILES: Record<string, string> = {
  'src/app.ts': [
    "import posthog from 'posthog-js';",
    '',
    'export function theme(): string {',
    "  return posthog.isFeatureEnabled('dark-mode') ? 'dark' : 'light';",
    '}',
    '',
    'export function nav(): boolean {',
    "  return posthog.isFeatureEnabled('no-such-flag-anywhere') === true;",
    '}',
    '',
  ].join('\n'),
  'src/settings.ts': ["import posthog from 'posthog-js';", '', "export const dark = posthog.isFeatureEnabled('dark-mode');", ''].join('\n'),
  'api/flags.py': ['import posthog', '', "if posthog.feature_enabled('dark-mode', 'user-1'):", '    print("dark")', ''].join('\n'),
  // Ignored like scanTree ignores it: dependencies are not the project's code.
  'node_modules/lib/index.js': "const posthog = require('posthog-js');\nposthog.isFeatureEnabled('dark-mode');\n",
};

describe('Flag references in the workspace', function () {
  let standin: Standin;
  let api: RefsApi;
  let root = '';
  const refs = (key: string) => api.code.references({ kind: 'flag', key });
  const places = (key: string) => refs(key).map((r) => `${path.relative(root, r.path).split(path.sep).join('/')}:${r.line}`);
  const waitForPlaces = (key: string, expected: string[], what: string) =>
    waitFor(what, () => JSON.stringify(places(key)) === JSON.stringify(expected), { timeoutMs: 15_000 }).catch((e: Error) => {
      throw new Error(`${e.message}; references to ${key} now: ${places(key).join(', ')}`);
    });

  before(async function () {
    this.timeout(60_000);
    standin = await startStandin();
    const ext = vscode.extensions.getExtension<RefsApi>(EXTENSION_ID)!;
    api = await ext.activate();
    root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    await vscode.commands.executeCommand('posthog.signIn', { host: standin.url, apiKey: standin.key, projectId: standin.projectId });
    await waitFor('isSignedIn()', () => api.isSignedIn(), { timeoutMs: 10_000 });
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('posthog.signOut').then(undefined, () => undefined);
    await standin?.close();
  });

  it('indexes files as they are written to the workspace, leaving node_modules out', async function () {
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    await api.code.ready;
    await waitForPlaces('dark-mode', ['api/flags.py:3', 'src/app.ts:4', 'src/settings.ts:3'], 'the three dark-mode references');
    assert.deepEqual(places('no-such-flag-anywhere'), ['src/app.ts:8']);
  });

  it('Go to References on a flag key lists every reference (vscode.executeReferenceProvider)', async function () {
    const uri = vscode.Uri.file(path.join(root, 'src/app.ts'));
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = doc.positionAt(doc.getText().indexOf("'dark-mode'") + 3);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, at);
    // Only the workspace's: VS Code's TypeScript support also answers, with the same string literal
    // in any file its server has open (the editor suite's fixtures, outside the workspace).
    const shown = locations
      .map((l) => `${path.relative(root, l.uri.fsPath)}:${l.range.start.line + 1}:${l.range.start.character}-${l.range.end.character}`)
      .filter((place) => !place.startsWith('..'));
    // The range is the key itself, inside the quotes: on line 4 of app.ts, `  return posthog.isFeatureEnabled('` is 35 characters.
    assert.deepEqual(shown.sort(), ['api/flags.py:3:28-37', 'src/app.ts:4:35-44', 'src/settings.ts:3:46-55']);
    const elsewhere = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      uri,
      new vscode.Position(2, 3),
    );
    assert.ok(!elsewhere?.some((l) => l.uri.fsPath.endsWith('flags.py')), 'not on a key: no flag references');
  });

  it('"Find Flag References" fills the references view from a key or a Flags tree item; the tree counts and lists them', async function () {
    const fromKey = await vscode.commands.executeCommand<vscode.Location[]>('posthog.findFlagReferences', 'dark-mode');
    assert.equal(fromKey.length, 3);
    const flags = await api.children('featureFlags');
    const dark = flags.find((n) => n.label === 'dark-mode');
    assert.ok(dark, 'dark-mode is in the Flags view');
    assert.match(dark.description ?? '', /^3 refs · /);
    assert.equal(dark.collapsible, 'collapsed');
    const children = await api.children('featureFlags', dark);
    assert.deepEqual(
      children.map((c) => c.label),
      ['api/flags.py:3', 'src/app.ts:4', 'src/settings.ts:3'],
    );
    // A click opens the file at the key.
    await vscode.commands.executeCommand(children[1].command!.command, ...(children[1].command!.args ?? []));
    const editor = await waitFor('app.ts open', () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.fsPath.endsWith('app.ts') ? active : undefined;
    });
    assert.equal(editor.document.getText(editor.selection), 'dark-mode');
    const fromNode = await vscode.commands.executeCommand<vscode.Location[]>('posthog.findFlagReferences', dark);
    assert.equal(fromNode.length, 3);
    const none = await vscode.commands.executeCommand<vscode.Location[]>('posthog.findFlagReferences', 'bulk-upload');
    assert.deepEqual(none, [], 'no references: nothing to show (a message says so)');
  });

  it('follows an unsaved edit, a delete and a rename; the Flags view follows', async function () {
    this.timeout(60_000);
    const settings = vscode.Uri.file(path.join(root, 'src/settings.ts'));
    const editor = await vscode.window.showTextDocument(settings);
    await editor.edit((e) => e.insert(new vscode.Position(3, 0), "export const again = posthog.isFeatureEnabled('dark-mode');\n"));
    assert.ok(editor.document.isDirty);
    await waitForPlaces('dark-mode', ['api/flags.py:3', 'src/app.ts:4', 'src/settings.ts:3', 'src/settings.ts:4'], 'the edit (unsaved)');
    await waitFor('the Flags view to count 4', async () =>
      (await api.children('featureFlags')).find((n) => n.label === 'dark-mode')?.description?.startsWith('4 refs'),
    );
    await editor.document.save();

    await vscode.workspace.fs.delete(vscode.Uri.file(path.join(root, 'api/flags.py')));
    await waitForPlaces('dark-mode', ['src/app.ts:4', 'src/settings.ts:3', 'src/settings.ts:4'], 'the delete');

    const rename = new vscode.WorkspaceEdit();
    rename.renameFile(settings, vscode.Uri.file(path.join(root, 'src/prefs.ts')));
    assert.ok(await vscode.workspace.applyEdit(rename));
    await waitForPlaces('dark-mode', ['src/app.ts:4', 'src/prefs.ts:3', 'src/prefs.ts:4'], 'the rename');
  });

  it('the Stale Flags view groups what list_stale_flags reports over the live workspace', async function () {
    const groups = await api.children('staleFlags');
    const labels = groups.map((g) => g.label);
    assert.ok(labels.includes('Fully rolled out'), `groups: ${labels.join(', ')}`);
    assert.ok(labels.includes('Unknown'), `groups: ${labels.join(', ')}`);
    assert.ok(labels.includes('Unreferenced in code (>30 days)'), `groups: ${labels.join(', ')}`);
    const inGroup = async (label: string) =>
      api.children(
        'staleFlags',
        groups.find((g) => g.label === label),
      );
    const dark = (await inGroup('Fully rolled out')).find((n) => n.label === 'dark-mode');
    assert.ok(dark, 'dark-mode (100%, no conditions) is fully rolled out');
    assert.equal(dark.description, '3 refs');
    assert.deepEqual(
      (await api.children('staleFlags', dark)).map((r) => r.label),
      ['src/app.ts:4', 'src/prefs.ts:3', 'src/prefs.ts:4'],
    );
    assert.deepEqual(
      (await inGroup('Unknown')).map((n) => n.label),
      ['no-such-flag-anywhere'],
    );
    const unreferenced = await inGroup('Unreferenced in code (>30 days)');
    assert.ok(unreferenced.some((n) => n.label === 'two-factor-enforcement' && n.contextValue === 'posthog.staleFlag.deletable'));
    assert.ok(!unreferenced.some((n) => n.label === 'dark-mode'));

    const prompt = await vscode.commands.executeCommand<string>('posthog.staleFlags.cleanUp', dark);
    assert.match(prompt, /"dark-mode"/);
    assert.match(prompt, /enabled branch/);
    assert.match(prompt, /src\/prefs\.ts \(lines 3, 4\)/);
  });
});
