/**
 * The interactive Sign In: three steps (where is your PostHog, your personal API key, which
 * project) with Back between them. The key is checked before the wizard moves on, and stored
 * only at the end.
 */
import * as vscode from 'vscode';
import type { PostHogClient } from '../../posthog/client';
import { PostHogError, describeError } from '../../posthog/errors';
import { EU_HOST, US_HOST, hostLabel, normalizeHost } from '../../posthog/hosts';
import { BACK, askPick, askText } from '../prompts';
import { openExternal, showError } from '../ui';
import { checkScopesAfterSignIn } from './scopeCheck';
import type { Services } from './services';

const TITLE = 'Sign in to PostHog';
const TOTAL_STEPS = 3;

/** What the steps have found out so far. */
interface Answers {
  host: string;
  /** The key, once PostHog accepted it, with the client that checked it. */
  checked?: { client: PostHogClient; key: string };
  projectId?: number;
  projectName?: string;
}

type StepNumber = 1 | 2 | 3;
/** Where a step leads: another step, the end of the wizard, or out of it (cancelled or failed). */
type Next = StepNumber | 'done' | 'cancel';

export async function interactiveSignIn(s: Services): Promise<boolean> {
  const answers: Answers = { host: s.session.host };
  let step: StepNumber = 1;
  for (;;) {
    const next: Next = step === 1 ? await askHost(answers) : step === 2 ? await askKey(s, answers) : await askProject(s, answers);
    if (next === 'cancel') return false;
    if (next === 'done') return store(s, answers);
    step = next;
  }
}

/** Step 1: US Cloud, EU Cloud, or a self-hosted URL. */
async function askHost(answers: Answers): Promise<Next> {
  const current = answers.host;
  const custom = current !== US_HOST && current !== EU_HOST;
  const chosen = await askPick<string>({
    title: TITLE,
    step: 1,
    totalSteps: TOTAL_STEPS,
    placeholder: 'Where is your PostHog?',
    items: [
      { label: 'US Cloud', description: 'us.posthog.com', value: US_HOST },
      { label: 'EU Cloud', description: 'eu.posthog.com', value: EU_HOST },
      { label: 'Self-hosted…', description: custom ? new URL(current).host : 'your instance URL', value: 'custom' },
    ],
    active: custom ? 'custom' : current,
  });
  if (chosen === undefined || chosen === BACK) return 'cancel';
  if (chosen.value !== 'custom') {
    answers.host = chosen.value!;
    return 2;
  }
  const url = await askText({
    title: TITLE,
    step: 1,
    totalSteps: TOTAL_STEPS,
    prompt: 'The URL of your PostHog instance',
    placeholder: 'https://posthog.example.com',
    value: custom ? current : '',
    validate: instanceUrlProblem,
  });
  if (url === undefined) return 'cancel';
  if (url === BACK) return 1;
  answers.host = normalizeHost(url);
  return 2;
}

function instanceUrlProblem(value: string): string | undefined {
  try {
    normalizeHost(value);
    return value.trim() ? undefined : 'Enter the URL of your PostHog instance.';
  } catch (err) {
    return describeError(err);
  }
}

/** Step 2: the personal API key, checked against PostHog before the step is accepted. */
async function askKey(s: Services, answers: Answers): Promise<Next> {
  const host = answers.host;
  const key = await askText({
    title: TITLE,
    step: 2,
    totalSteps: TOTAL_STEPS,
    prompt: `Your personal API key for ${hostLabel(host)} (PostHog: Settings → Personal API keys). It is kept in VS Code's secret storage.`,
    placeholder: 'phx_…',
    password: true,
    validate: (v) => (v.trim() ? undefined : 'Paste a personal API key (it starts with phx_).'),
    accept: async (value) => {
      const client = s.session.createClient(host, value.trim());
      try {
        await client.me();
        answers.checked = { client, key: value.trim() };
        return undefined;
      } catch (err) {
        return keyProblem(host, err);
      }
    },
    buttons: [
      {
        button: { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Create a personal API key in PostHog' },
        run: () => openExternal(`${host}/settings/user-api-keys`),
      },
    ],
  });
  if (key === undefined) return 'cancel';
  return key === BACK ? 1 : 3;
}

function keyProblem(host: string, err: unknown): string {
  if (err instanceof PostHogError && err.kind === 'auth') {
    return `${hostLabel(host)} rejected this key (401): it is wrong, expired, or was created for another PostHog region. Check it, or create a new one with the button above.`;
  }
  return describeError(err);
}

/** Step 3: the project, asked only when the key sees more than one. */
async function askProject(s: Services, answers: Answers): Promise<Next> {
  try {
    const list = await s.session.projects(answers.checked!.client);
    if (list.length <= 1) {
      answers.projectId = list[0]?.id;
      answers.projectName = list[0]?.name;
      return 'done';
    }
    const chosen = await askPick<number>({
      title: TITLE,
      step: 3,
      totalSteps: TOTAL_STEPS,
      placeholder: 'Which project should the views and tools use?',
      items: list.map((p) => ({
        label: p.name,
        description: `#${p.id}`,
        detail: p.current ? 'Your current project' : undefined,
        value: p.id,
      })),
      active: s.session.configuredProjectId ?? list[0]?.id,
    });
    if (chosen === undefined) return 'cancel';
    if (chosen === BACK) return 2;
    answers.projectId = chosen.value;
    answers.projectName = chosen.label;
    return 'done';
  } catch (err) {
    void showError(err);
    return 'cancel';
  }
}

/** Keeps the key (in SecretStorage), the host and the project, and says so. */
async function store(s: Services, answers: Answers): Promise<boolean> {
  try {
    await s.session.store(answers.host, answers.checked!.key, answers.projectId);
  } catch (err) {
    void showError(err);
    return false;
  }
  checkScopesAfterSignIn(s, answers.host, answers.checked!.key);
  const project = answers.projectName ? ` Project: ${answers.projectName}.` : '';
  void vscode.window.showInformationMessage(`Signed in to PostHog (${hostLabel(answers.host)}).${project}`);
  return true;
}
