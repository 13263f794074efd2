/**
 * HogQL's editor features, made on first need: a .hogql document open now or later, or a HogQL
 * command. Until then activation carries none of their code (dist/hogql.js, src/vscode/lazy.ts).
 */
import * as vscode from 'vscode';
import type { ResultsState } from '../insights/hogql/protocol';
import type { HogqlEditor } from './hogql';

/** The language id package.json gives .hogql files. */
const HOGQL = 'hogql';

/** What the commands ask of HogQL. */
export interface HogqlCommands {
  run(arg?: unknown): Promise<ResultsState | undefined>;
  showHistory(): Promise<ResultsState | undefined>;
}

export class LazyHogqlEditor implements HogqlCommands, vscode.Disposable {
  private editor: HogqlEditor | undefined;
  private readonly watch: vscode.Disposable;

  constructor(private readonly make: () => HogqlEditor) {
    // A language change (plaintext -> hogql) reopens the document, so this sees it too.
    this.watch = vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === HOGQL) this.loadOrSay();
    });
    // A .hogql file restored with the window: made right after activation, not during it.
    if (vscode.workspace.textDocuments.some((doc) => doc.languageId === HOGQL)) setImmediate(() => this.loadOrSay());
  }

  /** From an event, where a throw would reach no one: a broken install says so once. */
  private loadOrSay(): void {
    try {
      this.load();
    } catch (err) {
      if (this.failed) return;
      this.failed = true;
      void vscode.window.showErrorMessage(
        `PostHog: HogQL's editor features could not load (${err instanceof Error ? err.message : String(err)}). Reinstall the extension.`,
      );
    }
  }

  private failed = false;

  private load(): HogqlEditor {
    return (this.editor ??= this.make());
  }

  run(arg?: unknown): Promise<ResultsState | undefined> {
    return this.load().run(arg);
  }

  showHistory(): Promise<ResultsState | undefined> {
    return this.load().showHistory();
  }

  dispose(): void {
    this.watch.dispose();
    this.editor?.dispose();
  }
}
