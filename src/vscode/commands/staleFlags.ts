/** The Stale Flags view: refresh, "Clean up with Copilot", "Delete in PostHog" (confirmed). */
import * as vscode from 'vscode';
import { VIEWS } from '../../ids';
import { cleanupPrompt, type StaleFlag } from '../../views/model/staleFlags';
import { confirm, showError, withProgress } from '../ui';
import { isNode, type Services } from './services';

export function refresh(s: Services, arg?: unknown): void {
  s.models.staleFlags.refresh(isNode(arg) ? arg : undefined);
}

function staleFlagOf(s: Services, arg: unknown): StaleFlag | undefined {
  const node = isNode(arg) ? arg : s.views.staleFlags.selection[0];
  return node?.kind === 'staleFlag' ? (node.data as StaleFlag) : undefined;
}

/** Opens Copilot Chat with a prompt naming the flag, the branch to keep and the files; returns the prompt. */
export async function cleanUp(s: Services, arg?: unknown): Promise<string | undefined> {
  const flag = staleFlagOf(s, arg);
  if (!flag) return undefined;
  const query = cleanupPrompt(flag);
  try {
    await vscode.commands.executeCommand('workbench.action.chat.open', { query });
  } catch {
    // No chat in this editor: the prompt is still useful elsewhere.
    await vscode.env.clipboard.writeText(query);
    void vscode.window.showWarningMessage(
      `Could not open the chat (is GitHub Copilot Chat installed and signed in?). The cleanup prompt for "${flag.key}" is on the clipboard.`,
    );
  }
  return query;
}

/** Deletes a stale flag in PostHog, once no reference is left (the menu offers it only then). */
export async function remove(s: Services, arg?: unknown): Promise<boolean> {
  const flag = staleFlagOf(s, arg);
  if (!flag) return false;
  // The view may be older than the code: ask the live index.
  const left = s.code.references({ kind: 'flag', key: flag.key }).length;
  if (left) {
    void vscode.window.showWarningMessage(
      `"${flag.key}" is still referenced in ${left} place${left === 1 ? '' : 's'} in the workspace: clean those up first.`,
    );
    return false;
  }
  const ok = await confirm(
    `Delete feature flag "${flag.key}" in PostHog?`,
    'No code in this workspace references it. Other code (other repositories, mobile apps) that checks it will get false. PostHog keeps the flag restorable for a while.',
    'Delete',
  );
  if (!ok) return false;
  try {
    await withProgress(`Deleting "${flag.key}"…`, (signal) => s.models.staleFlags.delete(flag, signal), { viewId: VIEWS.staleFlags });
    vscode.window.setStatusBarMessage(`$(trash) Deleted feature flag "${flag.key}"`, 4000);
    return true;
  } catch (err) {
    void showError(err, { retry: () => remove(s, arg) });
    return false;
  }
}
