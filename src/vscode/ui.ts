/** Small UI helpers: errors with actions, confirmations, progress with cancellation. */
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import { PostHogError, describeError } from '../posthog/errors';
import { executeCommand } from './execute';
import { loadedCore } from './lazy';

const RETRYABLE = new Set(['network', 'timeout', 'server', 'rate_limited', 'outcome_unknown']);

export function isCancellation(err: unknown): boolean {
  return err instanceof PostHogError && err.kind === 'cancelled';
}

/**
 * Shows an error's message (written for people; never a stack trace) with the actions that
 * help: Sign In for a rejected key, Retry for passing trouble, Open Settings for a host problem.
 */
export async function showError(err: unknown, opts: { retry?: () => unknown } = {}): Promise<void> {
  if (isCancellation(err)) return;
  const message = describeError(err);
  const actions: string[] = [];
  if (err instanceof PostHogError) {
    if (err.kind === 'auth' || (err.kind === 'config' && /sign in/i.test(message))) actions.push('Sign In');
    if (err.kind === 'config' && /posthog\.host|project id/i.test(message)) actions.push('Open Settings');
    if (opts.retry && RETRYABLE.has(err.kind)) actions.push('Retry');
    if (err.kind === 'network' || err.kind === 'timeout') actions.push('Open Settings');
  } else if (!isToolInputError(err) && opts.retry) {
    actions.push('Retry');
  }
  const choice = await vscode.window.showErrorMessage(message, ...new Set(actions));
  if (choice === 'Sign In') await executeCommand(COMMANDS.signIn);
  else if (choice === 'Retry') await opts.retry?.();
  else if (choice === 'Open Settings') await vscode.commands.executeCommand('workbench.action.openSettings', 'posthog.');
}

/** Arguments that do not fit a tool's schema (only the registry, in dist/core.js, throws these). */
function isToolInputError(err: unknown): boolean {
  const ToolInputError = loadedCore()?.ToolInputError;
  return !!ToolInputError && err instanceof ToolInputError;
}

/** A modal warning that names what is about to happen. True when the user chose `action`. */
export async function confirm(message: string, detail: string, action: string): Promise<boolean> {
  const choice = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return choice === action;
}

/**
 * Runs a task with progress: in a view (its progress bar) for quick actions, or as a
 * cancellable notification for long ones. Cancelling aborts the tool's requests.
 */
export function withProgress<T>(
  title: string,
  task: (signal: AbortSignal) => Promise<T>,
  where: { viewId?: string; notification?: boolean } = {},
): Promise<T> {
  const location: vscode.ProgressOptions['location'] =
    where.notification || !where.viewId ? vscode.ProgressLocation.Notification : { viewId: where.viewId };
  return Promise.resolve(
    vscode.window.withProgress({ location, title, cancellable: location === vscode.ProgressLocation.Notification }, (_progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      return task(controller.signal).finally(() => sub.dispose());
    }),
  );
}

/** Opens a link in the browser (VS Code asks first for untrusted domains). */
export async function openExternal(url: string): Promise<boolean> {
  return vscode.env.openExternal(vscode.Uri.parse(url, true));
}
