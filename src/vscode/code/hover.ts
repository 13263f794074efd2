/** Hover on a flag key (status, rollout, variants, payload, experiments, links) or a captured event (7-day volume). */
import * as vscode from 'vscode';
import { eventHoverMarkdown, flagHoverMarkdown, HOVER_COMMANDS } from '../../views/model/code/hover';
import { flagStatus } from '../../views/model/code/flagStatus';
import type { EditorLanguage } from './state';

function trusted(text: string): vscode.MarkdownString {
  const m = new vscode.MarkdownString(text, true);
  m.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  return m;
}

/** The events captured in the visible editors: one volume query covers them all. */
function visibleEvents(lang: EditorLanguage): string[] {
  const names = new Set<string>();
  for (const editor of vscode.window.visibleTextEditors) {
    if (!lang.languages.includes(editor.document.languageId)) continue;
    for (const r of lang.scans.get(editor.document).references) if (r.kind === 'event') names.add(r.key);
  }
  return [...names];
}

export function hoverProvider(lang: EditorLanguage): vscode.HoverProvider {
  return {
    async provideHover(doc, position) {
      const ref = lang.scans.referenceAt(doc, doc.offsetAt(position));
      if (!ref) return undefined;
      const range = new vscode.Range(doc.positionAt(ref.start - 1), doc.positionAt(ref.end + 1));
      if (ref.kind === 'event') {
        if (lang.signedIn()) await lang.volumes.ensure([ref.key, ...visibleEvents(lang)]);
        return new vscode.Hover(trusted(eventHoverMarkdown(ref.key, lang.volumes.get(ref.key), lang.signedIn())), range);
      }
      const state = await lang.flags.get();
      const status = flagStatus(state, ref.key);
      const known = status.kind === 'on' || status.kind === 'off';
      const [detail, experiments] = known
        ? await Promise.all([lang.details.detail(status.flag.id), lang.details.experimentsOf(ref.key)])
        : [undefined, undefined];
      return new vscode.Hover(trusted(flagHoverMarkdown({ key: ref.key, status, detail, experiments })), range);
    },
  };
}
