/**
 * The extension's `posthog.callTimeoutSeconds` setting reaches the registry at each call: a change
 * applies to the next call, and an unset or unusable value leaves the 45 s default. Run with a
 * minimal `vscode` module in place of VS Code's (only getConfiguration is used).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';
import type { PostHogClient } from '../../src/posthog/client';
import { deadlineOf } from '../../src/posthog/deadline';
import { ToolRegistry } from '../../src/mcp/registry';
import { READ, defineTool } from '../../src/mcp/tool';
import type * as CallTimeoutModule from '../../src/vscode/callTimeout';

/** What getConfiguration('posthog').get('callTimeoutSeconds') answers. */
let setting: unknown;
const fakeVscode = {
  workspace: {
    getConfiguration: (section: string) => ({
      get: (key: string) => (section === 'posthog' && key === 'callTimeoutSeconds' ? setting : undefined),
    }),
  },
};

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;
async function loadWithFakeVscode(): Promise<typeof CallTimeoutModule> {
  const mod = Module as unknown as { _load: Loader };
  const load = mod._load;
  mod._load = function (request, parent, isMain) {
    return request === 'vscode' ? fakeVscode : load.call(this, request, parent, isMain);
  };
  try {
    return await import('../../src/vscode/callTimeout.js');
  } finally {
    mod._load = load;
  }
}

const probe = defineTool({
  name: 'get_deadline',
  title: 'Get deadline',
  description: 'Reports its budget.',
  toolset: 'workspace',
  input: {},
  annotations: READ,
  handler: (_args, ctx) => Promise.resolve(deadlineOf(ctx.signal)?.budgetMs),
});

describe('posthog.callTimeoutSeconds', () => {
  it('is read at each call; unset or unusable means the 45 s default', async () => {
    const { callTimeoutMsFromSettings } = await loadWithFakeVscode();
    const registry = new ToolRegistry([probe], () => ({}) as PostHogClient, { callTimeoutMs: callTimeoutMsFromSettings });
    setting = 20;
    assert.equal(await registry.run('get_deadline', {}), 20_000);
    setting = 2.5;
    assert.equal(await registry.run('get_deadline', {}), 2_500, 'the changed setting applies to the next call');
    for (const unusable of [undefined, 0, -3, 'soon', Number.NaN]) {
      setting = unusable;
      assert.equal(await registry.run('get_deadline', {}), 45_000, String(unusable));
    }
  });
});
