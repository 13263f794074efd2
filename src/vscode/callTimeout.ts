/** The `posthog.callTimeoutSeconds` setting: the most one tool call may take. */
import * as vscode from 'vscode';

/**
 * The setting in ms, read at each call so that a change applies to the next one; undefined (the
 * registry's default, 45 s) when it is unset or unusable.
 */
export function callTimeoutMsFromSettings(): number | undefined {
  const seconds = vscode.workspace.getConfiguration('posthog').get<unknown>('callTimeoutSeconds');
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}
