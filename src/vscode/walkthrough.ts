/**
 * The "Get started with PostHog" walkthrough (package.json `contributes.walkthroughs`): the context
 * keys its steps complete on, and opening it on the first activation. VS Code opens a walkthrough by
 * itself only when the extension is installed from its UI, not when it was installed by the CLI
 * before VS Code started.
 */
import * as vscode from 'vscode';
import type { Session } from './session';

export const WALKTHROUGH_ID = 'getStarted';

/** Context keys the walkthrough's steps complete on (besides `posthog.signedIn`). */
export const WALKTHROUGH_CONTEXT_KEYS = {
  /**
   * The Feature Flags view showed while signed in. (`onView:` alone completes only when the view
   * becomes visible, not when it shows already, and also for the signed-out welcome text.)
   */
  flagsSeen: 'posthog.flagsSeen',
  /** Signed in with a project chosen (sign-in's last step or "Select Project"). */
  projectChosen: 'posthog.projectChosen',
  /** VS Code started our MCP server (the provider resolved its definition). */
  mcpServerStarted: 'posthog.mcpServerStarted',
} as const;

/** globalState: the first activation has happened (the walkthrough is offered once, ever). */
const OFFERED_KEY = 'posthog.walkthroughOffered';

export function registerWalkthrough(
  context: vscode.ExtensionContext,
  session: Session,
  mcp: { readonly onDidStartServer: vscode.Event<void> },
  flagsView: vscode.TreeView<unknown>,
): vscode.Disposable {
  const setContext = (key: string, value: boolean) => void vscode.commands.executeCommand('setContext', key, value);
  const update = () => {
    setContext(WALKTHROUGH_CONTEXT_KEYS.projectChosen, session.signedIn && session.configuredProjectId !== undefined);
    if (session.signedIn && flagsView.visible) setContext(WALKTHROUGH_CONTEXT_KEYS.flagsSeen, true);
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
    mcp.onDidStartServer(() => setContext(WALKTHROUGH_CONTEXT_KEYS.mcpServerStarted, true)),
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
