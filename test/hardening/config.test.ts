/**
 * A misconfigured `posthog-mcp` refuses to start with a message naming the setting, instead of
 * starting and failing every call with a confusing one ("did not answer within NaN s").
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CLI, cleanEnv } from './helpers';

const run = (env: Record<string, string>, args: string[] = ['--help']) =>
  spawnSync(process.execPath, [CLI, ...args], {
    env: cleanEnv({ POSTHOG_API_KEY: 'phx_config_test_key_0000', POSTHOG_HOST: 'http://127.0.0.1:9', ...env }),
    encoding: 'utf8',
    timeout: 10_000,
    input: '',
  });

describe('posthog-mcp configuration', () => {
  describe('POSTHOG_TIMEOUT_MS that is not a usable number of milliseconds is refused at start, naming the variable', () => {
    // NaN, zero, negative, and past setTimeout's 2^31-1 ms limit (which Node turns into 1 ms).
    for (const value of ['abc', '0', '-5', '1e12', '30s']) {
      it(value, (t) => {
        if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
        const res = run({ POSTHOG_TIMEOUT_MS: value }, []);
        assert.equal(res.status, 2, `${value}: exit 2 (${res.stderr})`);
        assert.match(res.stderr, /POSTHOG_TIMEOUT_MS/, value);
        assert.match(res.stderr, new RegExp(`"${value}"`), `${value}: the bad value is quoted`);
      });
    }
  });

  it('a sensible POSTHOG_TIMEOUT_MS is accepted (the server starts and serves stdio until stdin closes)', (t) => {
    if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
    const res = run({ POSTHOG_TIMEOUT_MS: '2500' }, []);
    assert.equal(res.status, 0, res.stderr);
    assert.doesNotMatch(res.stderr, /POSTHOG_TIMEOUT_MS/);
  });
});
