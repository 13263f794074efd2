/// <reference types="mocha" />
/**
 * Insight links in a "PostHog: Run Tool…" result, in a real VS Code: VS Code's own link provider
 * command (vscode.executeLinkProvider) finds the insight's PostHog URL and its short_id as links to
 * posthog.insights.open, and following one opens the insight panel. Runs after the main story
 * (which signs out), with its own stand-in.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startStandin, type Standin } from '../../standin/server';
import { EXTENSION_ID, waitFor } from './helpers';

const webviewTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);

describe('Insight links in results', function () {
  let standin: Standin;

  before(async function () {
    this.timeout(60_000);
    standin = await startStandin();
    const api = await vscode.extensions.getExtension<{ isSignedIn(): boolean }>(EXTENSION_ID)!.activate();
    await vscode.commands.executeCommand('posthog.signIn', { host: standin.url, apiKey: standin.key, projectId: standin.projectId });
    await waitFor('isSignedIn()', () => api.isSignedIn(), { timeoutMs: 10_000 });
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('posthog.signOut').then(undefined, () => undefined);
    await standin?.close();
  });

  it("a result's insight URL and short_id are links that open the insight panel", async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const row = standin.state
      .table(standin.projectId, 'insights')
      .all()
      .find((i) => !i.deleted && typeof i.short_id === 'string' && i.name);
    assert.ok(row, 'the stand-in has a named insight');
    await vscode.commands.executeCommand('posthog.runTool', 'get_insight', { insight_id: row.id });
    const doc = await waitFor('the result document', () => {
      const d = vscode.window.activeTextEditor?.document;
      return d?.uri.scheme === 'posthog-result' ? d : undefined;
    });
    const result = JSON.parse(doc.getText()) as { short_id: string; url: string; name: string };
    assert.equal(result.short_id, row.short_id);

    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    const ours = links.filter((l) => l.target?.scheme === 'command' && l.target.path === 'posthog.insights.open');
    assert.deepEqual(
      ours.map((l) => doc.getText(l.range)).sort(),
      [result.short_id, result.url].sort(),
      `links: ${links.map((l) => `${doc.getText(l.range)} -> ${l.target?.toString(true)}`).join('; ')}`,
    );

    // Following the URL's link: what VS Code runs for a command link, the command with its JSON arguments.
    const url = ours.find((l) => doc.getText(l.range) === result.url)!;
    const args = JSON.parse(decodeURIComponent(url.target!.query)) as unknown[];
    assert.deepEqual(args, [{ short_id: result.short_id }]);
    await vscode.commands.executeCommand('posthog.insights.open', ...args);
    await waitFor(`the panel of "${result.name}"`, () => webviewTabs().find((t) => t.label === result.name));
    // Opened again (the short_id's link): the same panel is revealed, not a second one.
    const shortLink = ours.find((l) => doc.getText(l.range) === result.short_id)!;
    await vscode.commands.executeCommand(
      'posthog.insights.open',
      ...(JSON.parse(decodeURIComponent(shortLink.target!.query)) as unknown[]),
    );
    assert.equal(webviewTabs().filter((t) => t.label === result.name).length, 1);
  });
});
