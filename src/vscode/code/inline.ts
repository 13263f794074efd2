/** Inline status at each flag reference: an inlay hint (default), a CodeLens, or nothing (posthog.code.inlineStatus). */
import * as vscode from 'vscode';
import { COMMANDS } from '../../ids';
import { flagStatus, inlineLabel } from '../../views/model/code/flagStatus';
import type { EditorLanguage } from './state';

export type InlineMode = 'inlayHint' | 'codeLens' | 'off';
export const INLINE_SETTING = 'posthog.code.inlineStatus';

export function inlineMode(): InlineMode {
  const v = vscode.workspace.getConfiguration().get<string>(INLINE_SETTING);
  return v === 'codeLens' || v === 'off' ? v : 'inlayHint';
}

/** Labels for a document's flag references, from the cache (a first load is started, not awaited: the hints follow when it lands). */
function labels(lang: EditorLanguage, doc: vscode.TextDocument): Array<{ start: number; end: number; key: string; label: string }> {
  const refs = lang.scans.get(doc).references.filter((r) => r.kind === 'flag');
  if (!refs.length) return [];
  if (lang.flags.state.status === 'loading') void lang.flags.get();
  const out = [];
  const seen = new Set<number>();
  for (const r of refs) {
    // A same-file constant used by several calls is one literal: one label.
    if (seen.has(r.start)) continue;
    seen.add(r.start);
    const label = inlineLabel(flagStatus(lang.flags.state, r.key));
    if (label) out.push({ start: r.start, end: r.end, key: r.key, label });
  }
  return out;
}

export class InlineStatus implements vscode.InlayHintsProvider, vscode.CodeLensProvider {
  private readonly hintsChanged = new vscode.EventEmitter<void>();
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.hintsChanged.event;
  readonly onDidChangeCodeLenses = this.lensesChanged.event;

  constructor(private readonly lang: EditorLanguage) {}

  refresh(): void {
    this.hintsChanged.fire();
    this.lensesChanged.fire();
  }

  provideInlayHints(doc: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    if (inlineMode() !== 'inlayHint') return [];
    const from = doc.offsetAt(range.start);
    const to = doc.offsetAt(range.end);
    return labels(this.lang, doc)
      .filter((l) => l.end >= from && l.start <= to)
      .map((l) => {
        const hint = new vscode.InlayHint(doc.positionAt(l.end + 1), l.label);
        hint.paddingLeft = true;
        hint.tooltip = `PostHog feature flag "${l.key}": ${l.label}`;
        return hint;
      });
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (inlineMode() !== 'codeLens') return [];
    return labels(this.lang, doc).map((l) => {
      const at = doc.positionAt(l.start);
      return new vscode.CodeLens(new vscode.Range(at, at), {
        title: `${l.key}: ${l.label}`,
        tooltip: 'Find the references of this flag',
        command: COMMANDS.findFlagReferences,
        arguments: [l.key],
      });
    });
  }

  dispose(): void {
    this.hintsChanged.dispose();
    this.lensesChanged.dispose();
  }
}
