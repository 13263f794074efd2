/**
 * posthog-mcp's POSTHOG_CALL_TIMEOUT_MS: one tool call's whole budget. An unusable value stops the
 * start naming the variable; a set one bounds a call to a PostHog that never answers, over stdio.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startStandin, type Standin } from '../standin/server';
import { parseOutcome } from '../helpers/harness';
import { CLI, cleanEnv } from './helpers';

describe('POSTHOG_CALL_TIMEOUT_MS', () => {
  let s: Standin;
  before(async () => {
    s = await startStandin();
  });
  after(() => s.close());

  for (const value of ['abc', '0', '-5', '1e12', '45s']) {
    it(`"${value}" is refused at start, naming the variable`, (t) => {
      if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
      const res = spawnSync(process.execPath, [CLI], {
        env: cleanEnv({ POSTHOG_API_KEY: 'phx_config_test_key_0000', POSTHOG_HOST: s.url, POSTHOG_CALL_TIMEOUT_MS: value }),
        encoding: 'utf8',
        timeout: 10_000,
        input: '',
      });
      assert.equal(res.status, 2, res.stderr);
      assert.match(res.stderr, /POSTHOG_CALL_TIMEOUT_MS must be a number of milliseconds/);
      assert.match(res.stderr, new RegExp(`"${value}"`));
    });
  }

  it('the usage text names it', (t) => {
    if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
    const res = spawnSync(process.execPath, [CLI, '--help'], { env: cleanEnv({}), encoding: 'utf8', timeout: 10_000 });
    assert.match(res.stdout, /POSTHOG_CALL_TIMEOUT_MS\s+most one tool call may take/);
    assert.match(res.stdout, /POSTHOG_TIMEOUT_MS\s+per-request timeout/);
  });

  it('1500 ends a call to a PostHog that never answers in time, though each request may take 30 s', async (t) => {
    if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI],
      env: cleanEnv({ POSTHOG_API_KEY: s.key, POSTHOG_HOST: s.url, POSTHOG_TIMEOUT_MS: '30000', POSTHOG_CALL_TIMEOUT_MS: '1500' }),
      stderr: 'pipe',
    });
    const client = new Client({ name: 'call-timeout-cli', version: '1' });
    await client.connect(transport);
    try {
      s.faults.add({ path: 're:^/api/projects/1/dashboards/?$', method: 'GET', hang: true, times: 1 });
      const started = Date.now();
      const out = outcome(await client.callTool({ name: 'list_dashboards', arguments: {} }, undefined, { timeout: 5_000 }));
      const ms = Date.now() - started;
      assert.equal(out.isError, true, out.text);
      assert.match(out.text, /^Could not list dashboards: PostHog did not answer within the 1\.5 s this call may take\./);
      assert.ok(ms < 1_500 + 2_000, `in ${ms} ms`);
      const again = outcome(await client.callTool({ name: 'list_dashboards', arguments: {} }));
      assert.equal(again.isError, false, again.text);
    } finally {
      await client.close();
    }
  });
});

const outcome = (result: unknown) => parseOutcome(result as Parameters<typeof parseOutcome>[0]);
