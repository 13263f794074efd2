/**
 * `posthog-mcp refs`: the JSON shape exactly as issue 12 §3 writes it, the table, --stale against
 * the stand-in, --fail-on-stale's exit code, and that nothing is sent without --stale. Most tests
 * call runRefs in-process; the last ones run the bundled dist/cli.js (npm run build first).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRefsArgs, runRefs, RefsUsageError, type RefsArgs, type RefsJson } from '../../src/mcp/refsCommand';
import { startStandin, type Standin } from '../standin/server';
import { EXPECTED_DYNAMIC, EXPECTED_REFERENCES, WORKSPACE_FILES, makeCodeWorkspace } from '../helpers/codeWorkspace';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function refs(argv: string[], env: Record<string, string | undefined>, cwd: string): Promise<Run> {
  const parsed = parseRefsArgs(argv);
  assert.notEqual(parsed, 'help');
  let stdout = '';
  let stderr = '';
  const code = await runRefs(parsed as RefsArgs, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd });
  return { code, stdout, stderr };
}

function cli(argv: string[], env: Record<string, string>, cwd: string): Promise<Run> {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('POSTHOG_')) clean[k] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...argv], { cwd, env: { ...clean, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('posthog-mcp refs', () => {
  let standin: Standin;
  let ws: ReturnType<typeof makeCodeWorkspace>;
  let env: Record<string, string>;
  before(async () => {
    standin = await startStandin();
    ws = makeCodeWorkspace({
      ...WORKSPACE_FILES,
      '.gitignore': 'generated/\n',
      'generated/flags.ts': "posthog.isFeatureEnabled('from-generated');\n",
    });
    env = { POSTHOG_API_KEY: standin.key, POSTHOG_HOST: standin.url };
  });
  after(async () => {
    ws.remove();
    await standin.close();
  });

  it('--json prints exactly {root, files, references, dynamic}, each reference as written in the issue', async () => {
    const before = standin.requests.length;
    const run = await refs(['--json'], env, ws.root);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as RefsJson;
    assert.deepEqual(Object.keys(out), ['root', 'files', 'references', 'dynamic']);
    assert.equal(out.root, ws.root);
    assert.equal(out.files, 3, 'app.ts, banner.tsx, jobs.py (node_modules, .gitignore-d and non-code files are not scanned)');
    assert.deepEqual(out.references, EXPECTED_REFERENCES);
    assert.deepEqual(out.dynamic, EXPECTED_DYNAMIC);
    assert.equal(standin.requests.length, before, 'no request without --stale, even with a key in the environment');
  });

  it('DIR is relative to the working directory; a subfolder gives paths relative to it', async () => {
    const run = await refs(['src', '--json'], {}, ws.root);
    const out = JSON.parse(run.stdout) as RefsJson;
    assert.equal(out.root, join(ws.root, 'src'));
    assert.deepEqual(
      out.references.map((r) => r.file),
      ['app.ts', 'app.ts', 'app.ts', 'app.ts', 'banner.tsx', 'banner.tsx'],
    );
  });

  it('without --json, a table a person can read', async () => {
    const run = await refs([], {}, ws.root);
    assert.equal(run.code, 0);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^9 references \(7 flag references, 2 event references\) and 1 dynamic call in 3 files under /);
    assert.match(run.stdout, /^KIND +KEY +WHERE +CALL$/m);
    assert.match(run.stdout, /^flag +new-onboarding-flow +src\/app\.ts:5:32 +isFeatureEnabled$/m);
    assert.match(run.stdout, /^event +folder_shared +server\/jobs\.py:6:25 +capture$/m);
    assert.match(run.stdout, /Dynamic keys[^\n]*\nflag +src\/app\.ts:10:44 +isFeatureEnabled/);
  });

  it('--stale adds each referenced flag with its status and references, and the unreferenced flags', async () => {
    const run = await refs(['--json', '--stale'], env, ws.root);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as RefsJson;
    assert.deepEqual(Object.keys(out), ['root', 'files', 'references', 'dynamic', 'flags', 'unreferenced']);
    assert.deepEqual(out.flags, [
      { key: 'file-previews', status: 'active', references: [{ file: 'src/banner.tsx', line: 5, column: 42 }] },
      { key: 'legacy-file-viewer', status: 'inactive', references: [{ file: 'src/app.ts', line: 8, column: 43 }] },
      {
        key: 'new-onboarding-flow',
        status: 'fully_rolled_out',
        references: [
          { file: 'src/app.ts', line: 5, column: 32 },
          { file: 'src/banner.tsx', line: 4, column: 36 },
        ],
      },
      { key: 'new-onbording-flow', status: 'unknown', references: [{ file: 'src/app.ts', line: 9, column: 39 }] },
      { key: 'old-sharing-dialog', status: 'deleted', references: [{ file: 'server/jobs.py', line: 7, column: 32 }] },
      { key: 'public-folder-links', status: 'inactive', references: [{ file: 'server/jobs.py', line: 5, column: 32 }] },
    ]);
    assert.ok(out.unreferenced!.includes('dark-mode'));
    assert.ok(!out.unreferenced!.includes('new-onboarding-flow'));
    assert.ok(out.unreferenced!.every((k) => typeof k === 'string'));
    // Only flag reads reached PostHog.
    assert.ok(standin.requests.every((r) => r.method === 'GET'));
  });

  it('--stale without --json: the flags table with why', async () => {
    const run = await refs(['--stale'], env, ws.root);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Flags in PostHog \(5 of 6 referenced flags stale\):/);
    assert.match(run.stdout, /^fully_rolled_out +new-onboarding-flow +2 +Everyone gets the flag/m);
    assert.match(run.stdout, /^Unreferenced \(in PostHog over 30 days, used by no code here\): .*dark-mode/m);
  });

  it('--fail-on-stale exits 1 naming each stale flag, why and where; 0 when none is stale', async () => {
    const run = await refs(['--fail-on-stale'], env, ws.root);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /5 referenced flags are stale:/);
    assert.match(
      run.stderr,
      /new-onboarding-flow: fully_rolled_out \(Everyone gets the flag[^)]*\); used at src\/app\.ts:5:32, src\/banner\.tsx:4:36/,
    );
    assert.match(run.stderr, /legacy-file-viewer: inactive/);

    const clean = makeCodeWorkspace({ 'app.js': "import posthog from 'posthog-js';\nposthog.isFeatureEnabled('file-previews');\n" });
    try {
      const ok = await refs(['--fail-on-stale', '--json'], env, clean.root);
      assert.equal(ok.code, 0, ok.stderr);
      assert.equal(ok.stderr, '');
    } finally {
      clean.remove();
    }
  });

  it('--stale with a key without activity_log:read: the same JSON, deleted flags as unknown, and why on stderr', async () => {
    const key = 'phx_refs_no_activity_' + '0'.repeat(20);
    standin.state.keys.set(key, { key, label: 'no activity', userId: 1, scopes: ['user:read', 'feature_flag:read'] });
    const run = await refs(['--json', '--stale'], { POSTHOG_API_KEY: key, POSTHOG_HOST: standin.url }, ws.root);
    assert.equal(run.code, 0, run.stderr);
    const out = JSON.parse(run.stdout) as RefsJson;
    assert.deepEqual(Object.keys(out), ['root', 'files', 'references', 'dynamic', 'flags', 'unreferenced']);
    assert.equal(out.flags!.find((f) => f.key === 'old-sharing-dialog')!.status, 'unknown');
    assert.equal(out.flags!.find((f) => f.key === 'legacy-file-viewer')!.status, 'inactive');
    assert.match(run.stderr, /Deleted flags show as unknown: .*activity_log:read/);
    assert.doesNotMatch(run.stderr, new RegExp(key));
  });

  it('--stale without a key: exit 2 and what to set; nothing sent', async () => {
    const before = standin.requests.length;
    const run = await refs(['--stale'], { POSTHOG_HOST: standin.url }, ws.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--stale needs POSTHOG_API_KEY/);
    assert.equal(run.stdout, '');
    assert.equal(standin.requests.length, before);
  });

  it('a PostHog error with --stale is that error (exit 2), never a list of unknown flags', async () => {
    const run = await refs(['--stale', '--json'], { POSTHOG_API_KEY: 'phx_not_a_real_key_1234567890', POSTHOG_HOST: standin.url }, ws.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /could not read the flags from PostHog: .*(API key|401|invalid)/i);
    assert.doesNotMatch(run.stderr, /phx_not_a_real_key/);
    assert.equal(run.stdout, '');
  });

  it('bad arguments are refused with the usage', () => {
    assert.throws(() => parseRefsArgs(['--nope']), RefsUsageError);
    assert.throws(() => parseRefsArgs(['a', 'b']), /one directory/);
    assert.equal(parseRefsArgs(['--help']), 'help');
    assert.deepEqual(parseRefsArgs(['--fail-on-stale']), { dir: '.', json: false, stale: true, failOnStale: true });
  });

  it('a folder that does not exist: exit 2 with the path', async () => {
    const run = await refs(['no-such-folder'], {}, ws.root);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /could not scan .*no-such-folder/);
  });

  describe('the bundled command', () => {
    before(() => assert.ok(existsSync(CLI), 'dist/cli.js exists (run `npm run build` first)'));

    it('posthog-mcp refs --json in the working directory, with no key', async () => {
      const run = await cli(['refs', '--json'], {}, ws.root);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual((JSON.parse(run.stdout) as RefsJson).references, EXPECTED_REFERENCES);
    });

    it('posthog-mcp refs --fail-on-stale exits 1 (a CI step fails)', async () => {
      const run = await cli(['refs', '--fail-on-stale'], env, ws.root);
      assert.equal(run.code, 1, run.stderr);
      assert.match(run.stderr, /stale/);
    });

    it('posthog-mcp --root gives the code tools that folder', async () => {
      writeFileSync(join(ws.root, 'extra.py'), 'import posthog\nposthog.capture("root_probe", distinct_id="u")\n');
      const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
      const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: [CLI, '--root', ws.root, '--toolsets', 'code'],
        env: { ...(process.env as Record<string, string>), ...env },
      });
      const client = new Client({ name: 'refs-test', version: '1' });
      await client.connect(transport);
      try {
        const result = await client.callTool({ name: 'find_code_references', arguments: { kind: 'event', key: 'root_probe' } });
        const text = (result.content as { text: string }[])[0].text;
        assert.match(text, /extra\.py/);
        assert.equal(result.isError, undefined);
      } finally {
        await client.close();
      }
    });
  });
});
