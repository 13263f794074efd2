/**
 * The "Get started with PostHog" walkthrough (package.json `contributes.walkthroughs`): the context
 * keys its steps complete on, and opening it on the first activation. VS Code opens a walkthrough by
 * itself only when the extension is installed from its UI, not when it was installed by the CLI
 * before VS Code started.
 */
import * as vscode from 'vscode';
import { CONTEXT_KEYS } from '../ids';
import { setContext } from './execute';
import type { Session } from './session';

export const WALKTHROUGH_ID = 'getStarted';

/** globalState: the first activation has happened (the walkthrough is offered once, ever). */
const OFFERED_KEY = 'posthog.walkthroughOffered';

export function registerWalkthrough(
  context: vscode.ExtensionContext,
  session: Session,
  mcp: { readonly onDidStartServer: vscode.Event<void> },
  flagsView: vscode.TreeView<unknown>,
): vscode.Disposable {
  const update = () => {
    void setContext(CONTEXT_KEYS.projectChosen, session.signedIn && session.configuredProjectId !== undefined);
    if (session.signedIn && flagsView.visible) void setContext(CONTEXT_KEYS.flagsSeen, true);
  };
  void session.ready
    .then(() => {
      update();
      return openOnFirstActivation(context, session);
    })
    // Not opened (a VS Code without the command): it is still listed on the Welcome page.
    .catch(() => undefined);
  // With Settings Sync, a second machine does not offer it again.
  context.globalState.setKeysForSync([OFFERED_KEY]);
  return vscode.Disposable.from(
    session.onDidChange(update),
    flagsView.onDidChangeVisibility(update),
    mcp.onDidStartServer(() => void setContext(CONTEXT_KEYS.mcpServerStarted, true)),
  );
}

async function openOnFirstActivation(context: vscode.ExtensionContext, session: Session): Promise<void> {
  if (context.globalState.get<boolean>(OFFERED_KEY)) return;
  await context.globalState.update(OFFERED_KEY, true);
  // Not for people already signed in, not in extension tests, and not against VS Code's own setting.
  if (session.signedIn || context.extensionMode === vscode.ExtensionMode.Test) return;
  if (vscode.workspace.getConfiguration('workbench.welcomePage').get<boolean>('walkthroughs.openOnInstall') === false) return;
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH_ID}`, false);
}
