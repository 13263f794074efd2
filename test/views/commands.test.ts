/** Command logic kept free of `vscode`: Copy MCP Configuration, Run Tool's arguments, layering. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path, { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startStandin } from '../standin/server';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry, redact } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { API_KEY_PLACEHOLDER, hostForEnv, mcpConfiguration, mcpConfigurationText } from '../../src/views/model/mcpConfig';
import {
  argumentPrompt,
  argumentSpecs,
  buildArguments,
  coerceArgument,
  confirmationArguments,
  type ArgSpec,
} from '../../src/views/model/toolArgs';

const ROOT = path.resolve(__dirname, '..', '..');

describe('Copy MCP Configuration', () => {
  it('is a ready posthog-mcp entry with the host and project, and a placeholder instead of the key', () => {
    const text = mcpConfigurationText({ host: 'https://eu.posthog.com', projectId: 42 });
    const config = JSON.parse(text);
    assert.deepEqual(config, {
      mcpServers: {
        posthog: {
          command: 'posthog-mcp',
          args: [],
          env: { POSTHOG_API_KEY: API_KEY_PLACEHOLDER, POSTHOG_HOST: 'eu', POSTHOG_PROJECT_ID: '42' },
        },
      },
    });
    assert.equal(API_KEY_PLACEHOLDER, '<your personal API key>');
    assert.ok(!/phx_/.test(text), 'no key-looking value');
  });

  it('carries toolsets and read-only, and a self-hosted URL as is', () => {
    const c = mcpConfiguration({ host: 'posthog.example.com/', toolsets: ['feature_flags', 'dashboards'], readOnly: true });
    assert.deepEqual(c.mcpServers.posthog.args, ['--toolsets', 'feature_flags,dashboards', '--read-only']);
    assert.equal(c.mcpServers.posthog.env.POSTHOG_HOST, 'https://posthog.example.com');
    assert.equal(c.mcpServers.posthog.env.POSTHOG_PROJECT_ID, undefined, "no project: the key's current one");
    assert.equal(hostForEnv('https://us.posthog.com'), 'us');
    assert.equal(hostForEnv(undefined), 'us');
  });
});

describe('Copy MCP Configuration: the copied config really starts the bundled CLI', () => {
  it('runs node with the CLI shipped in the extension, and serves tools once the key is filled in', async () => {
    const cliPath = join(__dirname, '..', '..', 'dist', 'cli.js');
    assert.ok(existsSync(cliPath), 'dist/cli.js exists (npm run build)');
    const standin = await startStandin();
    try {
      const { command, args, env } = mcpConfiguration({ host: standin.url, cliPath, toolsets: ['dashboards'] }).mcpServers.posthog;
      assert.equal(command, 'node');
      assert.equal(args[0], cliPath);
      assert.equal(env.POSTHOG_API_KEY, API_KEY_PLACEHOLDER);
      const transport = new StdioClientTransport({
        command: process.execPath,
        args,
        env: { PATH: process.env.PATH ?? '', ...env, POSTHOG_API_KEY: standin.key },
      });
      const client = new Client({ name: 'copied-config', version: '1' });
      await client.connect(transport);
      try {
        const result = (await client.callTool({ name: 'list_dashboards', arguments: { limit: 1 } })) as {
          content: Array<{ text: string }>;
          isError?: boolean;
        };
        assert.notEqual(result.isError, true, result.content[0]?.text);
        assert.equal(JSON.parse(result.content[0].text).rows.length, 1, 'one dashboard, as a table row');
      } finally {
        await client.close();
      }
    } finally {
      await standin.close();
    }
  });
});

describe("Run Tool: arguments from a tool's JSON schema", () => {
  const client = new PostHogClient({ apiKey: 'phx_unused_for_schemas_only', host: 'http://127.0.0.1:9' });
  const registry = new ToolRegistry(ALL_TOOLS, () => client);
  const specsOf = (name: string) => {
    const tool = registry.get(name)!;
    return argumentSpecs(registry.describe(tool).inputSchema, tool.secretArgs ?? []);
  };
  const spec = (name: string, arg: string): ArgSpec => specsOf(name).find((s) => s.name === arg)!;

  it("every tool's schema turns into questions (required first)", () => {
    for (const tool of ALL_TOOLS) {
      const specs = specsOf(tool.name);
      const schema = registry.describe(tool).inputSchema as { properties?: object; required?: string[] };
      assert.equal(specs.length, Object.keys(schema.properties ?? {}).length, tool.name);
      const firstOptional = specs.findIndex((s) => !s.required);
      assert.ok(firstOptional === -1 || specs.slice(firstOptional).every((s) => !s.required), `${tool.name}: required first`);
      for (const s of specs) assert.ok(argumentPrompt(s).startsWith(s.name), tool.name);
    }
  });

  it('kinds: integers, enums, booleans, uuids, objects, string lists', () => {
    assert.equal(spec('get_dashboard', 'dashboard_id').kind, 'integer');
    assert.equal(spec('get_dashboard', 'dashboard_id').required, true);
    const approval = spec('set_mcp_tool_approval', 'approval_state');
    assert.equal(approval.kind, 'enum');
    assert.deepEqual(approval.values, ['approved', 'needs_approval', 'do_not_use']);
    assert.equal(spec('list_feature_flags', 'active').kind, 'boolean');
    assert.equal(spec('list_feature_flags', 'active').required, false);
    assert.equal(spec('set_mcp_tool_approval', 'installation_id').format, 'uuid');
    assert.equal(spec('create_feature_flag', 'filters').kind, 'json');
    assert.equal(spec('create_feature_flag', 'filters').jsonType, 'object');
    const tags = spec('create_dashboard', 'tags');
    assert.equal(tags.jsonType, 'array');
    assert.equal(tags.stringItems, true);
  });

  it('secret arguments are asked in a password box', () => {
    assert.equal(spec('install_custom_mcp_server', 'api_key').secret, true);
    assert.equal(spec('install_custom_mcp_server', 'client_secret').secret, true);
    assert.equal(spec('install_custom_mcp_server', 'name').secret, false);
  });

  it('coerces what was typed, and says what is wrong', () => {
    const id = spec('get_dashboard', 'dashboard_id');
    assert.deepEqual(coerceArgument(id, '12'), { ok: true, value: 12 });
    assert.deepEqual(coerceArgument(id, ' 12 '), { ok: true, value: 12 });
    assert.match((coerceArgument(id, '1.5') as { error: string }).error, /whole number/);
    assert.match((coerceArgument(id, 'abc') as { error: string }).error, /must be a number/);
    assert.match((coerceArgument(id, '0') as { error: string }).error, /at least/);
    assert.match((coerceArgument(id, '') as { error: string }).error, /required/);

    const limit = spec('list_dashboards', 'limit');
    assert.deepEqual(coerceArgument(limit, ''), { ok: true, skip: true }, 'optional and empty: left out');
    assert.match((coerceArgument(limit, '500') as { error: string }).error, /at most 100/);

    const active = spec('list_feature_flags', 'active');
    assert.deepEqual(coerceArgument(active, 'false'), { ok: true, value: false });
    assert.deepEqual(coerceArgument(active, 'yes'), { ok: true, value: true });

    const state = spec('set_mcp_tool_approval', 'approval_state');
    assert.deepEqual(coerceArgument(state, 'do_not_use'), { ok: true, value: 'do_not_use' });
    assert.match((coerceArgument(state, 'maybe') as { error: string }).error, /one of: approved, needs_approval, do_not_use/);

    const uuid = spec('set_mcp_tool_approval', 'installation_id');
    assert.match((coerceArgument(uuid, 'not-a-uuid') as { error: string }).error, /UUID/);

    const filters = spec('create_feature_flag', 'filters');
    assert.deepEqual(coerceArgument(filters, '{"groups": []}'), { ok: true, value: { groups: [] } });
    assert.match((coerceArgument(filters, '[1]') as { error: string }).error, /JSON object/);
    assert.match((coerceArgument(filters, '{oops') as { error: string }).error, /not valid JSON/);

    const tags = spec('create_dashboard', 'tags');
    assert.deepEqual(coerceArgument(tags, 'a, b ,c'), { ok: true, value: ['a', 'b', 'c'] });
    assert.deepEqual(coerceArgument(tags, '["x"]'), { ok: true, value: ['x'] });
  });

  it('the confirmation of a tool run shows its secret arguments redacted', () => {
    const tool = registry.get('install_custom_mcp_server')!;
    const args = {
      name: 'Internal',
      url: 'https://mcp.example.com/mcp',
      auth_type: 'oauth',
      client_id: 'cid',
      client_secret: 'cs-do-not-show-1234',
      api_key: 'ak-do-not-show-5678',
    };
    const shown = confirmationArguments(redact(tool, args), specsOf(tool.name));
    assert.deepEqual(shown, {
      name: 'Internal',
      url: 'https://mcp.example.com/mcp',
      auth_type: 'oauth',
      client_id: 'cid',
      client_secret: '[redacted]',
      api_key: '[redacted]',
    });
    assert.ok(!/do-not-show/.test(JSON.stringify(shown, null, 2)));
    // Asked in a password box (a secret-looking name) though the tool does not list it: hidden too.
    const token: ArgSpec = { name: 'token', kind: 'string', required: false, secret: true };
    assert.deepEqual(confirmationArguments({ token: 'tk-do-not-show', id: 3 }, [token]), { token: '[redacted]', id: 3 });
  });

  it('the built arguments are what the tool accepts', async () => {
    const specs = specsOf('create_dashboard');
    const { args, errors } = buildArguments(specs, { name: 'From Run Tool', tags: 'a,b', pinned: 'true', description: '' });
    assert.deepEqual(errors, []);
    assert.deepEqual(args, { name: 'From Run Tool', tags: ['a', 'b'], pinned: true });
    // The registry validates the same way the MCP server does: no input error.
    const tool = registry.get('create_dashboard')!;
    const parsed = (await import('zod')).z.object(tool.input).strict().safeParse(args);
    assert.ok(parsed.success, JSON.stringify(parsed));
    const missing = buildArguments(specs, {});
    assert.deepEqual(missing.errors, ['name is required.']);
  });
});

describe('layering', () => {
  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => {
      const p = path.join(dir, f);
      return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
    });
  }

  it('src/views/model, src/posthog and src/mcp never import vscode', () => {
    const offenders: string[] = [];
    for (const dir of ['src/views/model', 'src/posthog', 'src/mcp']) {
      for (const f of files(path.join(ROOT, dir))) {
        const text = readFileSync(f, 'utf8');
        if (/from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(text))
          offenders.push(path.relative(ROOT, f));
      }
    }
    assert.deepEqual(offenders, []);
  });

  it("the views and commands call tools, never the PostHog client's request methods", () => {
    const offenders: string[] = [];
    for (const dir of ['src/views', 'src/vscode']) {
      for (const f of files(path.join(ROOT, dir))) {
        const text = readFileSync(f, 'utf8');
        if (/\.(request|list|projectPath)\s*[<(]/.test(text.replace(/listProjects|\.list\(filter\)|registry\.list\(/g, '')))
          offenders.push(path.relative(ROOT, f));
      }
    }
    assert.deepEqual(offenders, []);
  });
});
