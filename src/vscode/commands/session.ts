/** Sign In (interactive, or with `{host, apiKey, projectId}` and no prompts), Sign Out, Select Project. */
import * as vscode from 'vscode';
import { COMMANDS } from '../../ids';
import type { PostHogClient } from '../../posthog/client';
import { PostHogError, describeError } from '../../posthog/errors';
import { EU_HOST, US_HOST, hostLabel, normalizeHost } from '../../posthog/hosts';
import { executeCommand } from '../execute';
import { BACK, askPick, askText, type PickItem } from '../prompts';
import type { ProjectChoice, SignInInput } from '../session';
import { openExternal, showError, withProgress } from '../ui';
import type { Services } from './services';

const TITLE = 'Sign in to PostHog';

function isSignInInput(arg: unknown): arg is SignInInput {
  return !!arg && typeof arg === 'object' && typeof (arg as SignInInput).apiKey === 'string';
}

export async function signIn(s: Services, arg?: unknown): Promise<boolean> {
  if (isSignInInput(arg)) {
    try {
      await withProgress('Signing in to PostHog…', (signal) => s.session.signIn(arg, signal), { notification: true });
      return true;
    } catch (err) {
      void showError(err);
      return false;
    }
  }
  return interactiveSignIn(s);
}

function keysPage(host: string): string {
  return `${host}/settings/user-api-keys`;
}

async function interactiveSignIn(s: Services): Promise<boolean> {
  const total = 3;
  let step = 1;
  let host = s.session.host;
  let checked: { client: PostHogClient; key: string } | undefined;
  let projectId: number | undefined;
  let projectName: string | undefined;
  for (;;) {
    if (step === 1) {
      const current = host;
      const custom = current !== US_HOST && current !== EU_HOST;
      const chosen = await askPick<string>({
        title: TITLE,
        step,
        totalSteps: total,
        placeholder: 'Where is your PostHog?',
        items: [
          { label: 'US Cloud', description: 'us.posthog.com', value: US_HOST },
          { label: 'EU Cloud', description: 'eu.posthog.com', value: EU_HOST },
          { label: 'Self-hosted…', description: custom ? new URL(current).host : 'your instance URL', value: 'custom' },
        ],
        active: custom ? 'custom' : current,
      });
      if (chosen === undefined || chosen === BACK) return false;
      if (chosen.value === 'custom') {
        const url = await askText({
          title: TITLE,
          step,
          totalSteps: total,
          prompt: 'The URL of your PostHog instance',
          placeholder: 'https://posthog.example.com',
          value: custom ? current : '',
          validate: (v) => {
            try {
              normalizeHost(v);
              return v.trim() ? undefined : 'Enter the URL of your PostHog instance.';
            } catch (err) {
              return describeError(err);
            }
          },
        });
        if (url === undefined) return false;
        if (url === BACK) continue;
        host = normalizeHost(url);
      } else {
        host = chosen.value!;
      }
      step = 2;
    } else if (step === 2) {
      const key = await askText({
        title: TITLE,
        step,
        totalSteps: total,
        prompt: `Your personal API key for ${hostLabel(host)} (PostHog: Settings → Personal API keys). It is kept in VS Code's secret storage.`,
        placeholder: 'phx_…',
        password: true,
        validate: (v) => (v.trim() ? undefined : 'Paste a personal API key (it starts with phx_).'),
        accept: async (value) => {
          const client = s.session.createClient(host, value.trim());
          try {
            await client.me();
            checked = { client, key: value.trim() };
            return undefined;
          } catch (err) {
            if (err instanceof PostHogError && err.kind === 'auth') {
              return `${hostLabel(host)} rejected this key (401): it is wrong, expired, or was created for another PostHog region. Check it, or create a new one with the button above.`;
            }
            return describeError(err);
          }
        },
        buttons: [
          {
            button: { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Create a personal API key in PostHog' },
            run: () => openExternal(keysPage(host)),
          },
        ],
      });
      if (key === undefined) return false;
      if (key === BACK) {
        step = 1;
        continue;
      }
      step = 3;
    } else {
      const client = checked!.client;
      const projects = s.session.projects(client);
      let list: ProjectChoice[];
      let chosen: PickItem<number> | typeof BACK | undefined;
      try {
        list = await projects;
        if (list.length <= 1) {
          projectId = list[0]?.id;
          projectName = list[0]?.name;
          break;
        }
        chosen = await askPick<number>({
          title: TITLE,
          step,
          totalSteps: total,
          placeholder: 'Which project should the views and tools use?',
          items: list.map((p) => ({
            label: p.name,
            description: `#${p.id}`,
            detail: p.current ? 'Your current project' : undefined,
            value: p.id,
          })),
          active: s.session.configuredProjectId ?? list[0]?.id,
        });
      } catch (err) {
        void showError(err);
        return false;
      }
      if (chosen === undefined) return false;
      if (chosen === BACK) {
        step = 2;
        continue;
      }
      projectId = chosen.value;
      projectName = chosen.label;
      break;
    }
  }
  try {
    await s.session.store(host, checked!.key, projectId);
  } catch (err) {
    void showError(err);
    return false;
  }
  void vscode.window.showInformationMessage(`Signed in to PostHog (${hostLabel(host)}).${projectName ? ` Project: ${projectName}.` : ''}`);
  return true;
}

export async function signOut(s: Services): Promise<boolean> {
  if (!s.session.signedIn) {
    void vscode.window.showInformationMessage('You are not signed in to PostHog.');
    return false;
  }
  await s.session.signOut();
  void vscode.window.showInformationMessage('Signed out of PostHog. The API key was removed from this machine.');
  return true;
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
