/**
 * "PostHog: Run Query": runs the selection, the statement a CodeLens names, or the statement at
 * the cursor through run_hogql_query, with a cancellable progress notification; the result (or
 * the error) goes to the results panel, the query to the history, an error to the diagnostics.
 */
import * as vscode from 'vscode';
import { HOGQL_MAX_ROWS } from '../../insights/hogql/limits';
import { resultChart } from '../../insights/hogql/resultChart';
import { splitStatements, statementAt, type Statement } from '../../insights/hogql/statements';
import type { ResultsState } from '../../insights/hogql/protocol';
import { describeError } from '../../posthog/errors';
import type { ToolRunner } from '../../views/model/base';
import type { StatementTarget } from './codeLens';
import type { HogqlDiagnostics } from './diagnostics';
import type { QueryHistory } from './history';
import type { ResultsPanel } from './resultsPanel';
import { isCancellation, withProgress } from '../ui';

export interface RunDeps {
  tools: ToolRunner;
  panel: ResultsPanel;
  history: QueryHistory;
  diagnostics: HogqlDiagnostics;
}

/** What ran: a document's statement, or a bare query (history, automation). */
interface Target {
  query: string;
  doc?: vscode.TextDocument;
  statement?: Statement;
}

interface RunAnswer {
  columns: string[];
  results: unknown[][];
  has_more: boolean;
}

function isStatementTarget(arg: unknown): arg is StatementTarget {
  const a = arg as StatementTarget;
  return !!a && typeof a === 'object' && typeof a.uri === 'string' && typeof a.start === 'number' && typeof a.end === 'number';
}

function resolveTarget(arg: unknown): Target | undefined {
  if (typeof arg === 'string') return arg.trim() ? { query: arg.trim() } : undefined;
  if (isStatementTarget(arg)) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === arg.uri);
    if (!doc) return undefined;
    // The document may have changed since the lens was drawn: take the statement there now.
    const statement = statementAt(splitStatements(doc.getText()), arg.start);
    return statement ? { query: statement.text, doc, statement } : undefined;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const doc = editor.document;
  if (!editor.selection.isEmpty) {
    const raw = doc.getText(editor.selection);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim().replace(/;+$/, '').trim();
    const start = doc.offsetAt(editor.selection.start) + lead;
    return text ? { query: text, doc, statement: { text, start, end: start + text.length } } : undefined;
  }
  const statement = statementAt(splitStatements(doc.getText()), doc.offsetAt(editor.selection.active));
  return statement ? { query: statement.text, doc, statement } : undefined;
}

export async function runQuery(deps: RunDeps, arg?: unknown): Promise<ResultsState | undefined> {
  const target = resolveTarget(arg);
  if (!target) {
    void vscode.window.showWarningMessage('Nothing to run: put the cursor in a HogQL statement, or select one, in a .hogql file.');
    return undefined;
  }
  const { query, doc, statement } = target;
  const limit = Math.min(HOGQL_MAX_ROWS, Math.max(1, vscode.workspace.getConfiguration('posthog').get<number>('hogql.maxRows', 10_000)));
  deps.panel.show({ status: 'running', query });
  const started = Date.now();
  let state: ResultsState;
  try {
    const answer = (await withProgress(
      'PostHog: running the query…',
      (signal) => deps.tools.run('run_hogql_query', { query, limit }, { signal }),
      {
        notification: true,
      },
    )) as RunAnswer;
    const elapsedMs = Date.now() - started;
    const rows = answer.results;
    state = { status: 'done', query, columns: answer.columns, rows, hasMore: answer.has_more, elapsedMs };
    if (answer.has_more)
      state.truncated = `PostHog has more rows than the ${rows.length.toLocaleString('en-US')} shown: add a LIMIT, or raise the posthog.hogql.maxRows setting (up to ${HOGQL_MAX_ROWS.toLocaleString('en-US')}).`;
    const chart = resultChart(answer.columns, rows);
    if (chart) state.chart = chart;
    await deps.history.add({ query, ranAt: new Date().toISOString(), rows: rows.length, elapsedMs });
  } catch (err) {
    const elapsedMs = Date.now() - started;
    const error = isCancellation(err) ? 'The query was cancelled.' : describeError(err);
    state = { status: 'error', query, error, elapsedMs };
    if (!isCancellation(err)) {
      await deps.history.add({ query, ranAt: new Date().toISOString(), error, elapsedMs });
      if (doc && statement) void deps.diagnostics.reportRunError(doc, statement, error);
    }
  }
  deps.panel.show(state);
  return state;
}
