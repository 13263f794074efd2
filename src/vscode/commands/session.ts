/** Sign In (interactive, or with `{host, apiKey, projectId}` and no prompts), Sign Out, Select Project. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../ids';
import { executeCommand } from '../execute';
import { BACK, askPick } from '../prompts';
import type { SignInInput } from '../session';
import { showError, withProgress } from '../ui';
import type { Services } from './services';
import { checkScopesAfterSignIn } from './scopeCheck';
import { interactiveSignIn } from './signInWizard';

function isSignInInput(arg: unknown): arg is SignInInput {
  return !!arg && typeof arg === 'object' && typeof (arg as SignInInput).apiKey === 'string';
}

export async function signIn(s: Services, arg?: unknown): Promise<boolean> {
  if (isSignInInput(arg)) {
    try {
      await withProgress('Signing in to PostHog…', (signal) => s.session.signIn(arg, signal), { notification: true });
      checkScopesAfterSignIn(s, s.session.host, arg.apiKey.trim());
      return true;
    } catch (err) {
      void showError(err);
      return false;
    }
  }
  return interactiveSignIn(s);
}

/** Which keys Sign Out forgets: the current host's, or every host's. */
export type SignOutScope = 'current' | 'all';

/**
 * Sign Out. With keys stored for other hosts too, asks: this host, or every host. `'current'` or
 * `'all'` as the argument answers without asking.
 */
export async function signOut(s: Services, arg?: unknown): Promise<boolean> {
  const others = await s.session.otherSignedInHosts();
  if (!s.session.signedIn && others.length === 0) {
    void vscode.window.showInformationMessage('You are not signed in to PostHog.');
    return false;
  }
  const scope = arg === 'current' || arg === 'all' ? arg : await askSignOutScope(s, others);
  if (!scope) return false;
  if (scope === 'all') {
    const hosts = await s.session.signOutEverywhere();
    void vscode.window.showInformationMessage(
      `Signed out of PostHog on every host. ${hosts.length === 1 ? 'The API key was' : `${hosts.length} API keys were`} removed from this machine.`,
    );
    return true;
  }
  if (!s.session.signedIn) return false;
  await s.session.signOut();
  void vscode.window.showInformationMessage('Signed out of PostHog. The API key was removed from this machine.');
  return true;
}

/** Only asked when another host has a key too (signed out here, "every host" is the one choice). */
async function askSignOutScope(s: Services, others: string[]): Promise<SignOutScope | undefined> {
  if (others.length === 0) return 'current';
  const here = s.session.signedIn
    ? [{ label: `Sign out of ${s.session.hostLabel}`, description: s.session.host, scope: 'current' as const }]
    : [];
  const everywhere = {
    label: 'Sign out of every host',
    description: `forgets the keys of ${[...(s.session.signedIn ? [s.session.host] : []), ...others].map((h) => new URL(h).host).join(', ')}`,
    scope: 'all' as const,
  };
  const chosen = await vscode.window.showQuickPick([...here, everywhere], {
    title: 'PostHog: Sign Out',
    placeHolder: 'Forget the API key of this host, or of every host?',
  });
  return chosen?.scope;
}

export async function selectProject(s: Services, arg?: unknown): Promise<boolean> {
  if (!s.session.signedIn) {
    void vscode.window.showInformationMessage('Sign in to PostHog first.', 'Sign In').then((choice) => {
      if (choice === 'Sign In') void executeCommand(COMMANDS.signIn);
    });
    return false;
  }
  const given = typeof arg === 'number' ? arg : typeof arg === 'string' && /^\d+$/.test(arg) ? Number(arg) : undefined;
  try {
    if (given !== undefined) {
      const projects = await withProgress('Checking the project…', (signal) => s.session.projects(undefined, signal), {
        notification: true,
      });
      if (!projects.some((p) => p.id === given)) {
        void vscode.window.showErrorMessage(
          `Project ${given} is not one of the projects this API key can see: ${projects.map((p) => `${p.name} (#${p.id})`).join(', ') || 'none'}.`,
        );
        return false;
      }
      await s.session.setProject(given);
      return true;
    }
    const chosen = await askPick<number>({
      title: 'PostHog: Select Project',
      placeholder: `Projects on ${s.session.hostLabel}`,
      items: s.session.projects().then((list) =>
        list.map((p) => ({
          label: p.name,
          description: `#${p.id}`,
          detail: p.current ? 'Active now' : undefined,
          iconPath: p.current ? new vscode.ThemeIcon('check') : undefined,
          value: p.id,
        })),
      ),
      active: s.session.projectId,
    });
    if (!chosen || chosen === BACK) return false;
    if (chosen.value !== s.session.projectId || s.session.configuredProjectId === undefined) await s.session.setProject(chosen.value);
    return true;
  } catch (err) {
    void showError(err, { retry: () => selectProject(s, arg) });
    return false;
  }
}
