/**
 * PostHog's HogQL errors as diagnostics in .hogql files: each statement is checked with
 * check_hogql_query (HogQLMetadata) half a second after typing stops, the check superseded by a
 * newer edit is cancelled, and a fixed error disappears with the next check. A Run Query failure
 * shows here too, at PostHog's position when it gives one.
 */
import * as vscode from 'vscode';
import type { HogQLProblem } from '../../mcp/tools/hogqlMetadata';
import { spanToRange } from '../../insights/hogql/offsets';
import { splitStatements, type Statement } from '../../insights/hogql/statements';
import type { ToolRunner } from '../../views/model/base';
import { isCancellation } from '../ui';

export const HOGQL_LANGUAGE = 'hogql';
const DEBOUNCE_MS = 500;
/** Statements checked per pass: a long file of queries does not turn into a burst of requests. */
const MAX_STATEMENTS = 20;
const SOURCE = 'PostHog HogQL';

interface CheckAnswer {
  valid: boolean;
  errors: HogQLProblem[];
  warnings: HogQLProblem[];
  notices: HogQLProblem[];
}

export class HogqlDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('hogql');
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; controller?: AbortController }>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly tools: ToolRunner,
    private readonly canCheck: () => boolean,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, DEBOUNCE_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('posthog.hogql.validateAsYouType')) this.checkOpenDocuments();
      }),
    );
    this.checkOpenDocuments();
  }

  checkOpenDocuments(): void {
    for (const doc of vscode.workspace.textDocuments) this.schedule(doc, 0);
  }

  private enabled(): boolean {
    return vscode.workspace.getConfiguration('posthog').get<boolean>('hogql.validateAsYouType', true);
  }

  private schedule(doc: vscode.TextDocument, delay: number): void {
    if (doc.languageId !== HOGQL_LANGUAGE) return;
    const key = doc.uri.toString();
    const previous = this.pending.get(key);
    if (previous) {
      clearTimeout(previous.timer);
      previous.controller?.abort();
    }
    if (!this.enabled() || !this.canCheck()) {
      this.collection.delete(doc.uri);
      return;
    }
    const entry: { timer: NodeJS.Timeout; controller?: AbortController } = {
      timer: setTimeout(() => {
        entry.controller = new AbortController();
        void this.check(doc, doc.version, entry.controller.signal);
      }, delay),
    };
    this.pending.set(key, entry);
  }

  private async check(doc: vscode.TextDocument, version: number, signal: AbortSignal): Promise<void> {
    const statements = splitStatements(doc.getText()).slice(0, MAX_STATEMENTS);
    const found: vscode.Diagnostic[] = [];
    try {
      for (const s of statements) {
        const answer = (await this.tools.run('check_hogql_query', { query: s.text }, { signal })) as CheckAnswer;
        if (signal.aborted || doc.version !== version) return;
        found.push(...problemsAt(doc, s, answer));
      }
    } catch (err) {
      if (signal.aborted || isCancellation(err)) return;
      // A check that could not run says nothing about the query: keep what is shown, say why in the log.
      this.log.warn(
        `Could not check ${vscode.workspace.asRelativePath(doc.uri)} with PostHog: ${err instanceof Error ? err.message : String(err)}`,
      );
      return;
    }
    if (doc.version === version && !doc.isClosed) this.collection.set(doc.uri, found);
  }

  /**
   * A Run Query failure, shown at the statement: where PostHog's checker places it, else over the
   * whole statement with the message the query endpoint gave.
   */
  async reportRunError(doc: vscode.TextDocument, statement: Statement, message: string): Promise<void> {
    let found: vscode.Diagnostic[] = [];
    try {
      const answer = (await this.tools.run('check_hogql_query', { query: statement.text })) as CheckAnswer;
      found = problemsAt(doc, statement, answer).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    } catch {
      // The run's own message is shown below.
    }
    if (found.length === 0) {
      const range = new vscode.Range(doc.positionAt(statement.start), doc.positionAt(statement.end));
      const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
      d.source = SOURCE;
      found = [d];
    }
    const others = (this.collection.get(doc.uri) ?? []).filter(
      (d) => !found.some((f) => f.range.isEqual(d.range) && f.message === d.message),
    );
    this.collection.set(doc.uri, [...others, ...found]);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const p = this.pending.get(key);
    if (p) {
      clearTimeout(p.timer);
      p.controller?.abort();
    }
    this.pending.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.controller?.abort();
    }
    this.pending.clear();
    for (const d of this.disposables) d.dispose();
  }
}

function problemsAt(doc: vscode.TextDocument, s: Statement, answer: CheckAnswer): vscode.Diagnostic[] {
  const out: vscode.Diagnostic[] = [];
  const add = (items: HogQLProblem[] | undefined, severity: vscode.DiagnosticSeverity) => {
    for (const p of items ?? []) {
      const span = spanToRange(s.text, p.start, p.end);
      const range = new vscode.Range(doc.positionAt(s.start + span.start), doc.positionAt(s.start + span.end));
      const d = new vscode.Diagnostic(range, p.fix ? `${p.message} (fix: ${p.fix})` : p.message, severity);
      d.source = SOURCE;
      out.push(d);
    }
  };
  add(answer.errors, vscode.DiagnosticSeverity.Error);
  add(answer.warnings, vscode.DiagnosticSeverity.Warning);
  add(answer.notices, vscode.DiagnosticSeverity.Information);
  return out;
}
