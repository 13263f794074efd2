/**
 * HogQL in the editor: the language's CodeLenses, completion and diagnostics, Run Query, the
 * results panel and the query history, registered at activation (cheap: nothing runs until a
 * .hogql file opens).
 */
import * as vscode from 'vscode';
import type { ResultsState } from '../../insights/hogql/protocol';
import type { ToolRegistry } from '../../mcp/registry';
import type { Session } from '../session';
import { HogqlCodeLenses } from './codeLens';
import { HogqlCompletion } from './completion';
import { HOGQL_LANGUAGE, HogqlDiagnostics } from './diagnostics';
import { QueryHistory } from './history';
import { ResultsPanel } from './resultsPanel';
import { runQuery, type RunDeps } from './runQuery';

export class HogqlEditor implements vscode.Disposable {
  readonly panel: ResultsPanel;
  readonly history: QueryHistory;
  readonly diagnostics: HogqlDiagnostics;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(context: vscode.ExtensionContext, session: Session, registry: () => ToolRegistry, log: vscode.LogOutputChannel) {
    const tools = {
      run: (name: string, args: unknown, opts?: { signal?: AbortSignal }) => registry().run(name, args, opts),
      has: (name: string) => !!registry().get(name),
    };
    this.panel = new ResultsPanel(context.extensionUri, (query) => this.run(query), log);
    this.history = new QueryHistory(context.workspaceState);
    this.diagnostics = new HogqlDiagnostics(tools, () => session.signedIn, log);
    const completion = new HogqlCompletion(tools, () => session.projectId, log);
    const selector: vscode.DocumentSelector = { language: HOGQL_LANGUAGE };
    this.disposables.push(
      this.panel,
      this.diagnostics,
      vscode.languages.registerCodeLensProvider(selector, new HogqlCodeLenses()),
      vscode.languages.registerCompletionItemProvider(selector, completion, '.', "'", '$'),
      session.onDidChange(() => {
        completion.reset();
        this.diagnostics.checkOpenDocuments();
      }),
    );
    this.deps = { tools, panel: this.panel, history: this.history, diagnostics: this.diagnostics };
  }

  private readonly deps: RunDeps;

  /** Runs a statement (see runQuery); resolves with what the panel shows. */
  run(arg?: unknown): Promise<ResultsState | undefined> {
    return runQuery(this.deps, arg);
  }

  async showHistory(): Promise<ResultsState | undefined> {
    const query = await this.history.pick();
    return query ? this.run(query) : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
