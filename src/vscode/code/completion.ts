/** Completion of flag keys in a flag call's key argument and of event names in capture's event argument. */
import * as vscode from 'vscode';
import { eventCompletions, flagCompletions, type CompletionData } from '../../views/model/code/completion';
import type { EditorLanguage } from './state';

function item(d: CompletionData, range: vscode.Range, kind: vscode.CompletionItemKind): vscode.CompletionItem {
  const it = new vscode.CompletionItem({ label: d.label, description: d.detail }, kind);
  it.detail = d.detail;
  if (d.documentation) it.documentation = d.documentation;
  it.sortText = d.sortText;
  it.filterText = d.label;
  it.range = range;
  return it;
}

export function completionProvider(lang: EditorLanguage): vscode.CompletionItemProvider {
  return {
    async provideCompletionItems(doc, position) {
      const slot = lang.scans.keySlotAt(doc, doc.offsetAt(position));
      if (!slot) return undefined;
      const range = new vscode.Range(doc.positionAt(slot.start), doc.positionAt(Math.max(slot.end, doc.offsetAt(position))));
      if (slot.kind === 'flag') {
        const state = lang.flags.state.status === 'loaded' ? lang.flags.state : await lang.flags.get();
        return new vscode.CompletionList(
          flagCompletions(state).map((d) => item(d, range, vscode.CompletionItemKind.Constant)),
          false,
        );
      }
      const state = lang.events.state.status === 'loaded' ? lang.events.state : await lang.events.get();
      return new vscode.CompletionList(
        eventCompletions(state).map((d) => item(d, range, vscode.CompletionItemKind.Event)),
        false,
      );
    },
  };
}
