/**
 * "Install a custom MCP server": four steps (name, URL, how PostHog authenticates, the API key)
 * with Back between them. OAuth needs no key, so its wizard ends after the third step.
 */
import { serverUrlProblem } from '../../views/model/mcpInstallations';
import { BACK, askPick, askText } from '../prompts';

const TITLE = 'Install a custom MCP server';
const TOTAL_STEPS = 4;

export interface CustomServer {
  name: string;
  url: string;
  authType: 'api_key' | 'oauth';
  /** Empty for an open server or OAuth. */
  apiKey: string;
}

type StepNumber = 1 | 2 | 3 | 4;
/** Where a step leads: another step, the end of the wizard, or out of it. */
type Next = StepNumber | 'done' | 'cancel';

/** Asks the four answers; undefined when the person cancels. */
export async function askCustomServer(): Promise<CustomServer | undefined> {
  const answers: CustomServer = { name: '', url: '', authType: 'api_key', apiKey: '' };
  const steps: Record<StepNumber, (a: CustomServer) => Promise<Next>> = { 1: askName, 2: askUrl, 3: askAuth, 4: askKey };
  let step: StepNumber = 1;
  for (;;) {
    const next: Next = await steps[step](answers);
    if (next === 'cancel') return undefined;
    if (next === 'done') return answers;
    step = next;
  }
}

async function askName(a: CustomServer): Promise<Next> {
  const v = await askText({
    title: TITLE,
    step: 1,
    totalSteps: TOTAL_STEPS,
    prompt: 'A name for the server',
    placeholder: 'Internal tools',
    value: a.name,
    validate: (x) => (x.trim() ? undefined : 'Enter a name.'),
  });
  if (v === undefined) return 'cancel';
  if (v === BACK) return 1; // the first step has nowhere to go back to
  a.name = v.trim();
  return 2;
}

async function askUrl(a: CustomServer): Promise<Next> {
  const v = await askText({
    title: TITLE,
    step: 2,
    totalSteps: TOTAL_STEPS,
    prompt: 'The MCP server URL (Streamable HTTP)',
    placeholder: 'https://mcp.example.com/mcp',
    value: a.url,
    validate: serverUrlProblem,
  });
  if (v === undefined) return 'cancel';
  if (v === BACK) return 1;
  a.url = v.trim();
  return 3;
}

async function askAuth(a: CustomServer): Promise<Next> {
  const v = await askPick<'api_key' | 'oauth'>({
    title: TITLE,
    step: 3,
    totalSteps: TOTAL_STEPS,
    placeholder: 'How does PostHog authenticate to this server?',
    items: [
      {
        label: 'API key',
        detail: 'PostHog sends "Authorization: Bearer <key>" (leave the key empty for open servers)',
        value: 'api_key',
      },
      { label: 'OAuth', detail: 'You sign in to the server in your browser', value: 'oauth' },
    ],
    active: a.authType,
  });
  if (v === undefined) return 'cancel';
  if (v === BACK) return 2;
  a.authType = v.value!;
  return a.authType === 'oauth' ? 'done' : 4;
}

async function askKey(a: CustomServer): Promise<Next> {
  const v = await askText({
    title: TITLE,
    step: 4,
    totalSteps: TOTAL_STEPS,
    prompt: `API key for ${a.name} (optional: press Enter if it needs none)`,
    password: true,
  });
  if (v === undefined) return 'cancel';
  if (v === BACK) return 3;
  a.apiKey = v.trim();
  return 'done';
}
