/**
 * Insight links open the insight panel in VS Code: in "PostHog: Run Tool…" result documents
 * (PostHog insight URLs and short_id values become links to posthog.insights.open; the panel
 * keeps "Open in PostHog"), and through the extension's URI,
 * `${vscode.env.uriScheme}://<extension id>/insight?id=<id or short id>`, from anywhere else.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../ids';
import { findInsightLinks, insightCommandArg, parseInsightUri, type InsightTarget } from '../../insights/insightLinks';
import { RESULT_SCHEME } from '../results';

/** The command link that opens this insight's panel. */
export function insightCommandUri(t: InsightTarget): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMANDS.insightsOpen}?${encodeURIComponent(JSON.stringify([insightCommandArg(t)]))}`);
}

class ResultLinks implements vscode.DocumentLinkProvider {
  provideDocumentLinks(doc: vscode.TextDocument): vscode.DocumentLink[] {
    return findInsightLinks(doc.getText()).map((l) => {
      const link = new vscode.DocumentLink(new vscode.Range(doc.positionAt(l.start), doc.positionAt(l.end)), insightCommandUri(l.target));
      link.tooltip = 'Open the insight in VS Code';
      return link;
    });
  }
}

/** Registers both; `open` is posthog.insights.open's handler. */
export function registerInsightLinks(open: (arg: unknown) => Promise<void>): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentLinkProvider({ scheme: RESULT_SCHEME }, new ResultLinks()),
    vscode.window.registerUriHandler({
      handleUri: async (uri) => {
        const parsed = parseInsightUri(uri.path, uri.query);
        // A link comes from outside: a bad one opens nothing and says why.
        if (!parsed.ok) {
          void vscode.window.showErrorMessage(parsed.error);
          return;
        }
        await open(insightCommandArg(parsed.value));
      },
    }),
  );
}
