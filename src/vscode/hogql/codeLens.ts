/** "Run Query" above each statement of a .hogql file. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../ids';
import { splitStatements } from '../../insights/hogql/statements';

/** What a CodeLens hands to Run Query: the document and the statement's offsets. */
export interface StatementTarget {
  uri: string;
  start: number;
  end: number;
}

export class HogqlCodeLenses implements vscode.CodeLensProvider {
  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    return splitStatements(doc.getText()).map((s) => {
      const at = doc.positionAt(s.start);
      const target: StatementTarget = { uri: doc.uri.toString(), start: s.start, end: s.end };
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title: '$(play) Run Query',
        tooltip: 'Run this statement in PostHog (Ctrl/Cmd+Enter)',
        command: COMMANDS.hogqlRunQuery,
        arguments: [target],
      });
    });
  }
}
