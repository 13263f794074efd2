/**
 * The key-scope check: PostHog's scope rules, the scopes the enabled toolsets need, the key's own
 * scopes read from PostHog, and posthog-mcp --verbose's warning at the first call.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { PostHogClient } from '../../src/posthog/client';
import { fetchKeyScopes, missingScopes, scopeGranted } from '../../src/posthog/scopes';
import { lackingScopes, missingScopesWarning, neededScopes } from '../../src/mcp/scopeCheck';
import { startStandin, type Standin } from '../standin/server';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

describe('scope rules (posthog/permissions.py APIScopePermission)', () => {
  it('* grants all, write grants read, read never grants write', () => {
    assert.ok(scopeGranted(['*'], 'insight:write'));
    assert.ok(scopeGranted(['insight:write'], 'insight:read'));
    assert.ok(!scopeGranted(['insight:read'], 'insight:write'));
    assert.deepEqual(missingScopes(['dashboard:read', 'user:read'], ['user:read', 'dashboard:write', 'dashboard:write']), [
      'dashboard:write',
    ]);
  });

  it('the needed scopes follow the enabled toolsets and read-only', () => {
    assert.deepEqual(neededScopes({ toolsets: ['dashboards'] }), [
      'user:read',
      'dashboard:read',
      'sharing_configuration:read',
      'dashboard:write',
    ]);
    assert.deepEqual(neededScopes({ toolsets: ['dashboards'], readOnly: true, extra: ['project:read'] }), [
      'project:read',
      'user:read',
      'dashboard:read',
      'sharing_configuration:read',
    ]);
    assert.ok(neededScopes({}).includes('experiment:write'), 'no toolsets given means all of them');
  });

  it('the warning names the scopes and where in PostHog to add them', () => {
    const text = missingScopesWarning('https://eu.posthog.com', ['insight:write', 'query:read']);
    assert.match(text, /insight:write, query:read/);
    assert.match(text, /Settings → Personal API keys, https:\/\/eu\.posthog\.com\/settings\/user-api-keys/);
  });
});

describe('the key-scope check against the stand-in', () => {
  let s: Standin;
  before(async () => {
    s = await startStandin();
  });
  after(() => s.close());

  it("reads the key's scopes", async () => {
    assert.deepEqual(await fetchKeyScopes(new PostHogClient({ apiKey: s.key, host: s.url })), ['*']);
    const ro = new PostHogClient({ apiKey: s.readOnlyKey, host: s.url });
    assert.deepEqual(await lackingScopes(ro, { toolsets: ['dashboards', 'workspace'] }), ['dashboard:write']);
    assert.deepEqual(await lackingScopes(ro, { toolsets: ['dashboards'], readOnly: true }), []);
  });

  it('an instance that does not tell the scopes gives no answer, and no error', async () => {
    s.faults.add({ path: '/api/personal_api_keys', status: 404, body: { detail: 'Endpoint not found.' }, times: 1 });
    assert.equal(await lackingScopes(new PostHogClient({ apiKey: s.readOnlyKey, host: s.url }), {}), undefined);
  });

  it('posthog-mcp --verbose warns on stderr at the first call, naming the missing scopes, never the key', async () => {
    const run = async (args: string[]) => {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [CLI, '--toolsets', 'dashboards', ...args],
        env: { PATH: process.env.PATH ?? '', POSTHOG_API_KEY: s.readOnlyKey, POSTHOG_HOST: s.url },
        stderr: 'pipe',
      });
      let stderr = '';
      transport.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const client = new Client({ name: 'scope-test', version: '1' });
      await client.connect(transport);
      try {
        await client.callTool({ name: 'list_dashboards', arguments: { limit: 1 } });
        await client.callTool({ name: 'list_dashboards', arguments: { limit: 1 } });
        for (let i = 0; i < 50 && args.includes('--verbose') && !stderr.includes('lacks'); i++)
          await new Promise((r) => setTimeout(r, 100));
      } finally {
        await client.close();
      }
      return stderr;
    };
    const verbose = await run(['--verbose']);
    const warnings = verbose.split('\n').filter((l) => l.includes('lacks'));
    assert.equal(warnings.length, 1, verbose);
    assert.match(warnings[0], /lacks a scope .*: dashboard:write\./);
    assert.ok(warnings[0].includes(`${s.url}/settings/user-api-keys`));
    assert.ok(!verbose.includes(s.readOnlyKey));
    assert.ok(!(await run(['--verbose', '--read-only'])).includes('lacks'), 'read-only: the read scopes are enough');
    assert.ok(!(await run([])).includes('lacks'), 'only with --verbose');
  });
});
