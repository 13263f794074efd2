/** After a sign-in: a warning, once per key and without waiting, about scopes the key lacks (scopeWarning.ts). */
import * as vscode from 'vscode';
import { describeError } from '../../posthog/errors';
import { loadCore } from '../lazy';
import { readMcpSettings } from '../mcpProvider';
import { openExternal } from '../ui';
import type { Services } from './services';

/** globalState: marks (hashes) of the keys warned about already. */
const WARNED_KEYS = 'posthog.scopeWarnedKeys';

export function checkScopesAfterSignIn(s: Services, host: string, apiKey: string): void {
  const settings = readMcpSettings();
  const memento = s.context.globalState;
  loadCore()
    .warnOnceAboutScopes(apiKey, {
      client: s.session.createClient(host, apiKey),
      needs: { toolsets: settings.toolsets, readOnly: settings.readOnly },
      warned: { get: () => memento.get<string[]>(WARNED_KEYS) ?? [], set: (marks) => memento.update(WARNED_KEYS, marks) },
      show: (message, button) => vscode.window.showWarningMessage(message, button),
      open: openExternal,
    })
    .catch((err: unknown) => s.log.warn(`Could not check the API key's scopes: ${describeError(err)}`));
}
