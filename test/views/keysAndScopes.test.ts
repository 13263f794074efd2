/**
 * Sign Out of every host (the stored keys' index) and the warning after sign-in about scopes the
 * key lacks, without VS Code: a map stands for SecretStorage, the stand-in for PostHog.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PostHogClient } from '../../src/posthog/client';
import { EU_HOST, US_HOST } from '../../src/posthog/hosts';
import { HOSTS_INDEX_KEY, StoredKeys, secretKeyFor } from '../../src/vscode/storedKeys';
import {
  OPEN_API_KEYS,
  keyMark,
  scopeFromError,
  warnOnFirstScope403,
  warnOnceAboutScopes,
  type ScopeWarningDeps,
} from '../../src/vscode/scopeWarning';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { startStandin, type Standin } from '../standin/server';

/** SecretStorage's get/store/delete over a map. */
function secretsMap(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    get: async (k: string) => map.get(k),
    store: async (k: string, v: string) => void map.set(k, v),
    delete: async (k: string) => void map.delete(k),
  };
}

describe('stored keys: sign out of one host or of every host', () => {
  const SELF = 'https://posthog.example.com';

  it('remembers the hosts keys were stored for, and forgets one', async () => {
    const secrets = secretsMap();
    const keys = new StoredKeys(secrets);
    await keys.store(EU_HOST, 'phx_eu');
    await keys.store(SELF, 'phx_self');
    await keys.store(SELF, 'phx_self2');
    assert.deepEqual(JSON.parse(secrets.map.get(HOSTS_INDEX_KEY)!), [EU_HOST, SELF]);
    assert.ok(!secrets.map.get(HOSTS_INDEX_KEY)!.includes('phx_'), 'the index holds hosts, never keys');
    await keys.delete(SELF);
    assert.deepEqual(await keys.hosts(), [EU_HOST]);
    assert.equal(secrets.map.get(secretKeyFor(SELF)), undefined);
  });

  it('every host: deletes each stored key, including one stored before the index existed', async () => {
    const secrets = secretsMap({ [secretKeyFor(US_HOST)]: 'phx_old_us' });
    const keys = new StoredKeys(secrets);
    await keys.store(SELF, 'phx_self');
    await keys.store(EU_HOST, 'phx_eu');
    assert.deepEqual((await keys.hosts()).sort(), [EU_HOST, SELF, US_HOST].sort());
    assert.deepEqual((await keys.deleteAll()).sort(), [EU_HOST, SELF, US_HOST].sort());
    assert.equal(secrets.map.size, 0, 'no key and no index left');
  });

  it('a current host outside the index is forgotten too', async () => {
    const other = 'http://127.0.0.1:9';
    const secrets = secretsMap({ [secretKeyFor(other)]: 'phx_x' });
    assert.deepEqual(await new StoredKeys(secrets).deleteAll([other]), [other]);
    assert.equal(secrets.map.size, 0);
  });
});

describe('the scope warning after sign-in', () => {
  let s: Standin;
  before(async () => {
    s = await startStandin();
  });
  after(() => s.close());

  function deps(apiKey: string, extra: Partial<ScopeWarningDeps> = {}) {
    let marks: string[] = [];
    const shown: string[] = [];
    const opened: string[] = [];
    const d: ScopeWarningDeps = {
      client: new PostHogClient({ apiKey, host: s.url }),
      needs: { toolsets: ['dashboards', 'insights'] },
      warned: { get: () => marks, set: (m) => (marks = m) },
      show: async (message, button) => {
        shown.push(message);
        return button;
      },
      open: (url) => opened.push(url),
      ...extra,
    };
    return { d, shown, opened, marks: () => marks };
  }

  it('names the missing scopes once per key, with a button to the personal API keys page', async () => {
    const t = deps(s.readOnlyKey);
    const missing = await warnOnceAboutScopes(s.readOnlyKey, t.d);
    assert.deepEqual(missing, ['dashboard:write', 'insight:write']);
    assert.equal(t.shown.length, 1);
    assert.match(t.shown[0], /dashboard:write, insight:write/);
    assert.match(t.shown[0], /Settings → Personal API keys/);
    assert.ok(!t.shown[0].includes(s.readOnlyKey));
    assert.deepEqual(t.opened, [`${s.url}/settings/user-api-keys`]);
    assert.deepEqual(t.marks(), [keyMark(s.url, s.readOnlyKey)]);
    assert.ok(!t.marks()[0].includes('phx_'));
    assert.equal(await warnOnceAboutScopes(s.readOnlyKey, t.d), undefined, 'the same key: no second warning');
    assert.equal(t.shown.length, 1);
  });

  it('says nothing for a key with every scope, or in read-only mode for a read-only key', async () => {
    const all = deps(s.key);
    assert.deepEqual(await warnOnceAboutScopes(s.key, all.d), []);
    const ro = deps(s.readOnlyKey, { needs: { readOnly: true } });
    assert.deepEqual(await warnOnceAboutScopes(s.readOnlyKey, ro.d), []);
    assert.equal(all.shown.length + ro.shown.length, 0);
  });

  it('an instance that does not tell the scopes: no warning, nothing remembered', async () => {
    s.faults.add({
      path: '/api/personal_api_keys',
      status: 403,
      body: { detail: "API key missing required scope 'personal_api_key:read'" },
      times: 1,
    });
    const t = deps(s.readOnlyKey);
    assert.equal(await warnOnceAboutScopes(s.readOnlyKey, t.d), undefined);
    assert.equal(t.shown.length, 0);
    assert.deepEqual(t.marks(), []);
  });

  it('the button is optional: dismissing it opens nothing', async () => {
    const t = deps(s.readOnlyKey, { show: async () => undefined });
    await warnOnceAboutScopes(s.readOnlyKey, t.d);
    assert.deepEqual(t.opened, []);
    assert.equal(OPEN_API_KEYS, 'Open Personal API Keys');
  });
});

describe('the scope warning from the first 403, where PostHog does not tell the scopes', () => {
  let s: Standin;
  before(async () => {
    s = await startStandin();
  });
  after(() => s.close());

  it('warns once naming the scope a call was refused for, whoever made the call, and opens the keys page', async () => {
    const registry = new ToolRegistry(ALL_TOOLS, () => new PostHogClient({ apiKey: s.readOnlyKey, host: s.url }));
    const shown: string[] = [];
    const opened: string[] = [];
    const stop = warnOnFirstScope403(registry, {
      host: () => s.url,
      show: async (message, button) => {
        shown.push(message);
        return button;
      },
      open: (url) => opened.push(url),
    });
    const create = { key: `scope-403-${Date.now()}`, name: 'Refused' };
    const first = await registry.call('create_feature_flag', create);
    assert.equal(first.isError, true);
    assert.equal(scopeFromError(first.content[0].text), 'feature_flag:write', first.content[0].text);
    await new Promise((r) => setImmediate(r));
    assert.equal(shown.length, 1, 'one warning');
    assert.match(shown[0], /feature_flag:write/);
    assert.deepEqual(opened, [`${s.url}/settings/user-api-keys`]);

    await registry.call('create_feature_flag', { ...create, key: `${create.key}-again` });
    await registry.call('list_feature_flags', {});
    await new Promise((r) => setImmediate(r));
    assert.equal(shown.length, 1, 'the same scope again: no second warning; a call that works: none');
    stop();
  });
});
