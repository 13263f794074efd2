// `npm run demo` only: SecretStorage lives in each browser's storage, so every new browser session
// starts signed out. This signs the PostHog extension in to the stand-in named by the environment
// code-server was started with (POSTHOG_DEMO_HOST, POSTHOG_DEMO_KEY, POSTHOG_DEMO_PROJECT).
const vscode = require('vscode');

exports.activate = async function activate() {
  const host = process.env.POSTHOG_DEMO_HOST;
  const apiKey = process.env.POSTHOG_DEMO_KEY;
  if (!host || !apiKey) return;
  const ext = vscode.extensions.getExtension('posthog-community.posthog-vscode');
  if (!ext) return;
  const api = await ext.activate();
  if (api && typeof api.isSignedIn === 'function' && api.isSignedIn()) return;
  await vscode.commands.executeCommand('posthog.signIn', {
    host,
    apiKey,
    projectId: Number(process.env.POSTHOG_DEMO_PROJECT) || undefined,
  });
  await vscode.commands.executeCommand('workbench.view.extension.posthog').then(undefined, () => undefined);
};

exports.deactivate = function deactivate() {};
