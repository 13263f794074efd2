/**
 * `posthog-mcp gateway [--installation <id>] [--http [--port N]] [--verbose]`: the tools of the
 * MCP servers installed in the PostHog project, as PostHog's approvals allow, over stdio or
 * loopback HTTP (the same transport, token and Host/Origin checks as the main server). Without
 * --installation it serves every enabled installation, tool names prefixed per installation.
 * A needs-approval call answers with where to approve it: there is no one to ask here.
 */
import { parseArgs } from 'node:util';
import { describeError } from '../posthog/errors';
import { clientFromEnv, fail, millisecondsFromEnv } from './cliEnv';
import { GatewayCatalog } from './gateway/catalog';
import { createGatewayMcpServer } from './gateway/server';
import { ToolRegistry } from './registry';
import { ALL_TOOLS } from './tools';
import { serveStdio } from './transports/stdio';

export const GATEWAY_USAGE = `Usage: posthog-mcp gateway [--installation <id>] [--http [--port N]] [--verbose]

Serves the tools of the MCP servers installed in your PostHog project (its MCP store), called
through PostHog, as PostHog's tool approvals allow: approved tools run, tools that need approval
say where to approve them, "Do not use" tools are not offered. Approval changes show within 60 s.

  --installation <id>  one installation (its UUID); default: every enabled one, tool names
                       prefixed with a short name of their server (linear__create_issue)
  --http [--port N]    Streamable HTTP on 127.0.0.1 (bearer token, Host/Origin checked)

Environment: as posthog-mcp (POSTHOG_API_KEY, POSTHOG_HOST, POSTHOG_PROJECT_ID, POSTHOG_MCP_TOKEN,
POSTHOG_TIMEOUT_MS, POSTHOG_CALL_TIMEOUT_MS); POSTHOG_GATEWAY_POLL_MS re-reads approvals (default 60000).
`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GatewayArgs {
  installation?: string;
  http: boolean;
  port: number;
  verbose: boolean;
}

function readGatewayArgs(argv: string[]): GatewayArgs {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        installation: { type: 'string' },
        http: { type: 'boolean' },
        port: { type: 'string' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}\n\n${GATEWAY_USAGE}`);
  }
  if (values.help) {
    process.stdout.write(GATEWAY_USAGE);
    process.exit(0);
  }
  if (values.installation !== undefined && !UUID.test(values.installation.trim())) {
    fail(`--installation must be an installation id (a UUID, as list_mcp_server_installations shows), got "${values.installation}".`);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${values.port}"`);
  return { installation: values.installation?.trim(), http: values.http ?? false, port, verbose: values.verbose ?? false };
}

export async function runGateway(argv: string[]): Promise<void> {
  const args = readGatewayArgs(argv);
  const log = (line: string) => process.stderr.write(`[posthog-mcp gateway] ${line}\n`);
  const client = clientFromEnv({ verbose: args.verbose, log });
  const callTimeoutMs = millisecondsFromEnv('POSTHOG_CALL_TIMEOUT_MS', 45_000);
  const pollMs = millisecondsFromEnv('POSTHOG_GATEWAY_POLL_MS', 60_000);
  const registry = new ToolRegistry(ALL_TOOLS, () => client, { callTimeoutMs });
  const catalog = new GatewayCatalog({ registry, client: () => client, installationId: args.installation, pollMs, log });
  await catalog.refresh();
  if (catalog.problem) log(catalog.problem);
  const ready = catalog.installations.filter((i) => i.status === 'ready');
  log(`serving ${catalog.tools.length} tools of ${ready.length} installation${ready.length === 1 ? '' : 's'}`);
  const make = () => createGatewayMcpServer({ catalog, registry, callTimeoutMs: () => callTimeoutMs });

  if (args.http) {
    const { serveHttp } = await import('./transports/http.js');
    const handle = await serveHttp({ createServer: make, port: args.port, token: process.env.POSTHOG_MCP_TOKEN, onLog: log });
    process.stderr.write(`posthog-mcp gateway listening on ${handle.url}\n`);
    process.stderr.write(`token: ${handle.token}\n`);
    const stop = () => {
      catalog.dispose();
      void handle.close().finally(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  try {
    await serveStdio(make());
  } catch (err) {
    fail(describeError(err));
  }
  catalog.dispose();
  process.exit(0);
}
