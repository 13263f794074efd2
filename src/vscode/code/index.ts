/**
 * PostHog in the editor: hover, inline status (inlay hint or CodeLens), completion, diagnostics
 * with quick fixes, and event volume, for the languages the scanner reads. Registering is all
 * activation does: nothing is scanned until a document is shown, and nothing is sent until a
 * document with references is open while signed in (then the flag list, once).
 */
import * as vscode from 'vscode';
import type { ToolRunner } from '../../views/model/base';
import { EventDefinitions } from '../../views/model/code/eventDefinitions';
import { EventVolumeCache } from '../../views/model/code/eventVolume';
import { FlagCache } from '../../views/model/code/flagCache';
import { FlagDetails } from '../../views/model/code/flagDetails';
import type { ChangeEvent } from '../../views/model/routing';
import type { Session } from '../session';
import { completionProvider } from './completion';
import { CodeDiagnostics } from './diagnostics';
import { hoverProvider } from './hover';
import { INLINE_SETTING, InlineStatus } from './inline';
import { CODE_LANGUAGE_IDS, CODE_SELECTOR, DocumentScans, type CodeScanner } from './documentScans';
import { setEditorLanguage, type EditorLanguage } from './state';

export interface EditorLanguageDeps {
  session: Pick<Session, 'signedIn' | 'ready' | 'onDidChange'>;
  tools: ToolRunner;
  scanner: CodeScanner;
}

export interface EditorLanguageHandle extends vscode.Disposable {
  /** Routed from the registry: a write tool succeeded. */
  handleChange(e: ChangeEvent): void;
}

export function registerEditorLanguage(deps: EditorLanguageDeps): EditorLanguageHandle {
  const signedIn = () => deps.session.signedIn;
  const options = { tools: deps.tools, isSignedIn: signedIn, ready: deps.session.ready };
  const lang: EditorLanguage = {
    scans: new DocumentScans(deps.scanner),
    flags: new FlagCache(options),
    details: new FlagDetails(deps.tools),
    events: new EventDefinitions(options),
    volumes: new EventVolumeCache({ tools: deps.tools }),
    languages: CODE_LANGUAGE_IDS,
    signedIn,
  };
  setEditorLanguage(lang);
  const inline = new InlineStatus(lang);
  const diagnostics = new CodeDiagnostics(lang);
  const flagSub = lang.flags.onDidChange(() => inline.refresh());
  const disposables: vscode.Disposable[] = [
    inline,
    diagnostics,
    flagSub,
    vscode.languages.registerHoverProvider(CODE_SELECTOR, hoverProvider(lang)),
    vscode.languages.registerInlayHintsProvider(CODE_SELECTOR, inline),
    vscode.languages.registerCodeLensProvider(CODE_SELECTOR, inline),
    vscode.languages.registerCompletionItemProvider(CODE_SELECTOR, completionProvider(lang), "'", '"', '`'),
    vscode.languages.registerCodeActionsProvider(CODE_SELECTOR, diagnostics, { providedCodeActionKinds: CodeDiagnostics.actionKinds }),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(INLINE_SETTING) && inline.refresh()),
    deps.session.onDidChange((e) => {
      if (!e.credentials) return;
      lang.flags.reset();
      lang.events.reset();
      lang.details.clear();
      lang.volumes.clear();
      diagnostics.updateAll();
    }),
  ];
  return {
    handleChange(e) {
      lang.flags.handleChange(e);
      lang.details.handleChange(e);
    },
    dispose() {
      setEditorLanguage(undefined);
      for (const d of disposables) d.dispose();
      lang.flags.dispose();
      lang.events.dispose();
    },
  };
}
