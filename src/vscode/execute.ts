/** executeCommand and setContext for our own ids only: a typo or a removed id is a type error. */
import * as vscode from 'vscode';
import type { CommandId, ContextKey } from '../ids';

export function executeCommand<T = unknown>(id: CommandId, ...args: unknown[]): Thenable<T> {
  return vscode.commands.executeCommand<T>(id, ...args);
}

export function setContext(key: ContextKey, value: unknown): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', key, value);
}
