/// <reference types="mocha" />
/**
 * PostHog in the editor, through VS Code's own provider commands on fixture files in the test
 * workspace: hover, inlay hints and CodeLens, completion, diagnostics and their quick fixes, and
 * what opening a file with 200 references sends. Signs in against its own stand-in and signs out
 * at the end (the next file starts signed out).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { startStandin, type Standin } from '../../standin/server';
import { EXTENSION_ID, type TestApi, waitFor } from './helpers';

interface Runner {
  run(name: string, args: unknown): Promise<unknown>;
}

const APP = `import posthog from 'posthog-js';

export function render() {
  if (posthog.isFeatureEnabled('file-previews')) showPreviews();
  if (posthog.isFeatureEnabled('editor-off-flag')) legacy();
  if (posthog.isFeatureEnabled('file-previewz')) typo();
  const variant = posthog.getFeatureFlag(someKey);
  posthog.capture('uploaded_file', { size: 1 });
  posthog.capture('uploaded_fle');
}
`;

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

function hintLabel(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

describe('PostHog in the editor', function () {
  let standin: Standin;
  let api: TestApi;
  let dir: string;
  let appUri: vscode.Uri;
  let doc: vscode.TextDocument;
  let offFlagId: number;

  const pos = (d: vscode.TextDocument, needle: string, delta = 1) => d.positionAt(d.getText().indexOf(needle) + delta);
  /** Adds a line before the last one; the returned function takes it out again. */
  const addLine = async (d: vscode.TextDocument, text: string) => {
    const line = d.lineCount - 1;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(d.uri, new vscode.Position(line, 0), `${text}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    return async () => {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(d.uri, new vscode.Range(line, 0, line + 1, 0));
      assert.ok(await vscode.workspace.applyEdit(undo));
    };
  };
  const hintsOf = async (d: vscode.TextDocument) =>
    (
      (await vscode.commands.executeCommand<vscode.InlayHint[]>(
        'vscode.executeInlayHintProvider',
        d.uri,
        new vscode.Range(0, 0, d.lineCount, 0),
      )) ?? []
    ).map(hintLabel);

  before(async function () {
    this.timeout(60_000);
    standin = await startStandin();
    const ext = vscode.extensions.getExtension<TestApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
    await vscode.commands.executeCommand('posthog.signIn', { host: standin.url, apiKey: standin.key, projectId: standin.projectId });
    await waitFor('isSignedIn()', () => api.isSignedIn(), { timeoutMs: 10_000 });
    offFlagId = ((await (api.registry as Runner).run('create_feature_flag', { key: 'editor-off-flag', active: false })) as { id: number })
      .id;
    // Outside the workspace folder: the flag references suite counts every reference in it.
    dir = mkdtempSync(path.join(os.tmpdir(), 'posthog-editor-fixtures-'));
    writeFileSync(path.join(dir, 'app.ts'), APP);
    appUri = vscode.Uri.file(path.join(dir, 'app.ts'));
    doc = await vscode.workspace.openTextDocument(appUri);
    await vscode.window.showTextDocument(doc);
  });

  after(async function () {
    await vscode.workspace.getConfiguration('posthog').update('code.inlineStatus', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('posthog.signOut');
    await waitFor('signed out', () => !api.isSignedIn(), { timeoutMs: 10_000 });
    await standin?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('inlay hints show each flag reference\'s status: "● on · 50%", "○ off", "⚠ unknown flag"; none on a dynamic key', async function () {
    const labels = await waitFor('inlay hints with the flags loaded', async () => {
      const l = await hintsOf(doc);
      return l.length === 3 ? l : undefined;
    });
    assert.deepEqual(labels, ['● on · 50%', '○ off', '⚠ unknown flag']);
  });

  it('the CodeLens mode shows the same status above the line, and "off" shows nothing', async function () {
    await vscode.workspace.getConfiguration('posthog').update('code.inlineStatus', 'codeLens', vscode.ConfigurationTarget.Global);
    const lenses = await waitFor('CodeLenses', async () => {
      const l = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? [];
      return l.length === 3 ? l : undefined;
    });
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['file-previews: ● on · 50%', 'editor-off-flag: ○ off', 'file-previewz: ⚠ unknown flag'],
    );
    assert.deepEqual(await hintsOf(doc), [], 'no inlay hints in CodeLens mode');
    await vscode.workspace.getConfiguration('posthog').update('code.inlineStatus', 'off', vscode.ConfigurationTarget.Global);
    await waitFor(
      'no CodeLens',
      async () => ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri)) ?? []).length === 0,
    );
    await vscode.workspace.getConfiguration('posthog').update('code.inlineStatus', undefined, vscode.ConfigurationTarget.Global);
  });

  it('hover on a flag key: status, rollout in words, last change, and the toggle, open and find-references links', async function () {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      pos(doc, "'file-previews'", 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /PostHog flag\*\* `file-previews`/);
    assert.match(text, /\bon\b/);
    assert.match(text, /50% of all users/);
    assert.match(text, /Last change:/);
    assert.match(text, /command:posthog\.flags\.toggle/);
    assert.match(text, /command:posthog\.openInPostHog/);
    assert.match(text, /command:posthog\.findFlagReferences/);
    const unknown = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos(doc, "'file-previewz'", 3)),
    );
    assert.match(unknown, /unknown flag/);
    assert.match(unknown, /command:posthog\.flags\.create/);
  });

  it('hover on a captured event: its 7-day volume and sparkline, from one batched query', async function () {
    const before = standin.requestsTo('/query', 'POST').length;
    const text = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos(doc, "'uploaded_file'", 3)),
    );
    assert.match(text, /PostHog event\*\* `uploaded_file`/);
    assert.match(text, /(events? in the last 7 days[\s\S]*[▁▂▃▄▅▆▇█]{7})|No events in the last 7 days/);
    await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos(doc, "'uploaded_file'", 3));
    assert.equal(standin.requestsTo('/query', 'POST').length - before, 1, 'one query, then the cache');
  });

  it("completes flag keys with their status inside a flag call's key argument", async function () {
    const remove = await addLine(doc, "posthog.isFeatureEnabled('file-');");
    const at = pos(doc, "('file-')", 7);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'file-previews');
    assert.ok(item, `file-previews offered (got ${list.items.length} items)`);
    assert.match(String(item.detail), /on · 50%/);
    assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'editor-off-flag'));
    await remove();
  });

  it('diagnostics: an unknown flag key is a PostHog warning; "Change to" fixes it, "Create feature flag" is offered', async function () {
    const diag = await waitFor('the unknown-flag diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'PostHog' && /file-previewz/.test(d.message)),
    );
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning);
    const warnings = () =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.source === 'PostHog' && d.severity === vscode.DiagnosticSeverity.Warning)
        .map((d) => d.message);
    await waitFor('one warning, nothing on known or dynamic keys', () => warnings().length === 1).catch((e: Error) => {
      throw new Error(`${e.message}; warnings: ${warnings().join(' | ')}`);
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes("Create feature flag 'file-previewz'"), titles.join(', '));
    const change = actions.find((a) => a.title === "Change to 'file-previews'");
    assert.ok(change?.edit, titles.join(', '));
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.ok(doc.getText().includes("isFeatureEnabled('file-previews')) typo()"), 'the key was replaced');
    await waitFor(
      'the diagnostic to go',
      () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'PostHog' && /file-preview/.test(d.message)),
    );
  });

  it('diagnostics: an event name close to a known event is Information, with "Change to" the known one', async function () {
    const diag = await waitFor('the near-miss event diagnostic', () =>
      vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'PostHog' && /uploaded_fle/.test(d.message)),
    );
    assert.equal(diag.severity, vscode.DiagnosticSeverity.Information);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range);
    const change = actions.find((a) => a.title === "Change to 'uploaded_file'");
    assert.ok(change?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(change.edit));
    assert.ok(doc.getText().includes("posthog.capture('uploaded_file');"));
    const left = () =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .filter((d) => d.source === 'PostHog')
        .map((d) => d.message);
    await waitFor('no PostHog diagnostics left', () => left().length === 0).catch((e: Error) => {
      throw new Error(`${e.message}; left: ${left().join(' | ')}`);
    });
  });

  it("completes event names inside capture's event argument, with their 30-day volume", async function () {
    const remove = await addLine(doc, "posthog.capture('upl');");
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      doc.uri,
      pos(doc, "('upl')", 5),
    );
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'uploaded_file');
    assert.ok(
      item,
      `uploaded_file offered (got ${list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).join(', ')})`,
    );
    assert.match(String(item.detail), /in 30 days|no 30-day volume/);
    await remove();
  });

  it('opening a file with 200 references sends no PostHog request (the flag list is cached)', async function () {
    const keys = ['file-previews', 'bulk-upload', 'dark-mode', 'search-v2', 'editor-off-flag'];
    const lines = Array.from({ length: 200 }, (_, i) => `  if (posthog.isFeatureEnabled('${keys[i % keys.length]}')) n++;`);
    writeFileSync(path.join(dir, 'many.ts'), `import posthog from 'posthog-js';\nlet n = 0;\n${lines.join('\n')}\n`);
    const before = standin.requests.length;
    const many = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(dir, 'many.ts')));
    await vscode.window.showTextDocument(many);
    const labels = await hintsOf(many);
    assert.equal(labels.length, 200);
    await new Promise((r) => setTimeout(r, 700)); // past the diagnostics' debounce
    const sent = standin.requests.slice(before).map((r) => `${r.method} ${r.path}`);
    assert.deepEqual(sent, [], 'requests sent while opening');
  });

  it('a PostHog error while loading flags shows as that error in the hover, never as "unknown flag"', async function () {
    standin.faults.add({ path: '/feature_flags', method: 'GET', status: 500, times: 100 });
    // A flag change (from any caller) reloads the cache: this reload fails.
    await (api.registry as Runner)
      .run('update_feature_flag', { flag_id: offFlagId, name: 'renamed by the editor test' })
      .catch(() => undefined);
    const text = await waitFor('the error in the hover', async () => {
      const t = hoverText(
        await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos(doc, "'editor-off-flag'", 3)),
      );
      return /Could not load the feature flags/.test(t) ? t : undefined;
    });
    assert.doesNotMatch(text, /unknown flag/);
    standin.faults.clear();
    const ok = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos(doc, "'editor-off-flag'", 3)),
    );
    assert.match(ok, /\boff\b/, 'the next hover loads again');
  });
});
