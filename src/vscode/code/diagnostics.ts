/**
 * The Problems panel entries (source "PostHog") for the open documents, and their quick fixes:
 * "Create feature flag 'x'" (the create flow with the key filled in) and "Change to 'y'".
 * Updated on open, on change (debounced), on close and when the flags or event definitions change.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../ids';
import { diagnose, type CodeDiagnostic } from '../../views/model/code/diagnostics';
import type { EditorLanguage } from './state';

export const DIAGNOSTIC_SOURCE = 'PostHog';
const DEBOUNCE_MS = 300;

export class CodeDiagnostics implements vscode.CodeActionProvider, vscode.Disposable {
  static readonly actionKinds = [vscode.CodeActionKind.QuickFix];
  private readonly collection = vscode.languages.createDiagnosticCollection('posthog');
  /** What each document's diagnostics were made from: the quick fixes read their key and suggestion. */
  private readonly found = new Map<string, CodeDiagnostic[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly lang: EditorLanguage) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((doc) => this.update(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.clear(doc)),
    );
    const flagSub = lang.flags.onDidChange(() => this.updateAll());
    const eventSub = lang.events.onDidChange(() => this.updateAll());
    this.subscriptions.push(flagSub, eventSub);
    // The documents open at activation: scanned after activation returns, not during it.
    const first = setTimeout(() => this.updateAll(), 0);
    this.subscriptions.push({ dispose: () => clearTimeout(first) });
  }

  private applies(doc: vscode.TextDocument): boolean {
    return this.lang.languages.includes(doc.languageId) && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled');
  }

  updateAll(): void {
    for (const doc of vscode.workspace.textDocuments) this.update(doc);
  }

  private schedule(doc: vscode.TextDocument): void {
    if (!this.applies(doc)) return;
    const id = doc.uri.toString();
    clearTimeout(this.timers.get(id));
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        this.update(doc);
      }, DEBOUNCE_MS),
    );
  }

  /** Recomputes one document from the caches; the first document with references starts their load. */
  update(doc: vscode.TextDocument): void {
    if (!this.applies(doc) || doc.isClosed) return;
    const refs = this.lang.scans.get(doc).references;
    if (refs.some((r) => r.kind === 'flag') && this.lang.flags.state.status === 'loading') void this.lang.flags.get();
    if (refs.some((r) => r.kind === 'event') && this.lang.events.state.status === 'idle') void this.lang.events.get();
    const found = diagnose(refs, this.lang.flags.state, this.lang.events.state);
    this.found.set(doc.uri.toString(), found);
    this.collection.set(
      doc.uri,
      found.map((d) => {
        const diag = new vscode.Diagnostic(
          new vscode.Range(doc.positionAt(d.start), doc.positionAt(d.end)),
          d.message,
          d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
        );
        diag.source = DIAGNOSTIC_SOURCE;
        diag.code = d.code;
        return diag;
      }),
    );
  }

  private clear(doc: vscode.TextDocument): void {
    const id = doc.uri.toString();
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.found.delete(id);
    this.collection.delete(doc.uri);
    this.lang.scans.forget(doc);
  }

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const found = this.found.get(doc.uri.toString()) ?? [];
    const actions: vscode.CodeAction[] = [];
    for (const diag of context.diagnostics) {
      if (diag.source !== DIAGNOSTIC_SOURCE) continue;
      const d = found.find(
        (f) => f.code === diag.code && doc.positionAt(f.start).isEqual(diag.range.start) && doc.positionAt(f.end).isEqual(diag.range.end),
      );
      if (!d) continue;
      if (d.code === 'unknown-flag' || d.code === 'deleted-flag') {
        const create = new vscode.CodeAction(`Create feature flag '${d.key}'`, vscode.CodeActionKind.QuickFix);
        create.command = { command: COMMANDS.flagsCreate, title: create.title, arguments: [d.key] };
        create.diagnostics = [diag];
        actions.push(create);
      }
      if (d.suggestion) {
        const change = new vscode.CodeAction(`Change to '${d.suggestion}'`, vscode.CodeActionKind.QuickFix);
        change.edit = new vscode.WorkspaceEdit();
        change.edit.replace(doc.uri, diag.range, d.suggestion);
        change.diagnostics = [diag];
        change.isPreferred = true;
        actions.push(change);
      }
    }
    return actions;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const s of this.subscriptions) s.dispose();
  }
}
