/**
 * posthog-mcp: the PostHog MCP server for any MCP client.
 *   stdio (default), or --http [--port N] for Streamable HTTP on 127.0.0.1.
 * Environment: POSTHOG_API_KEY (required), POSTHOG_HOST, POSTHOG_PROJECT_ID,
 * POSTHOG_INGESTION_HOST, POSTHOG_MCP_TOKEN (HTTP), POSTHOG_TIMEOUT_MS.
 */
import { PostHogClient } from '../posthog/client';
import { describeError } from '../posthog/errors';
import { ToolRegistry, parseToolsets } from './registry';
import { createPostHogMcpServer, SERVER_VERSION } from './server';
import { ALL_TOOLS } from './tools';
import { TOOLSETS } from './tool';
import { serveStdio } from './transports/stdio';
import { serveHttp } from './transports/http';

const USAGE = `Usage: posthog-mcp [--http [--port N]] [--toolsets a,b] [--read-only] [--verbose]

Serves PostHog's tools over MCP: stdio by default, or Streamable HTTP on 127.0.0.1 with --http.

Environment:
  POSTHOG_API_KEY        personal API key (phx_...), required
  POSTHOG_HOST           us (default), eu, or your instance URL
  POSTHOG_PROJECT_ID     project to use (default: the key's current project)
  POSTHOG_INGESTION_HOST override the capture / flags host
  POSTHOG_MCP_TOKEN      bearer token for --http (default: random at each start)
  POSTHOG_TIMEOUT_MS     per-request timeout (default 30000)

Toolsets: ${TOOLSETS.join(', ')}
`;

interface CliArgs {
  http: boolean;
  port: number;
  toolsets?: string;
  readOnly: boolean;
  verbose: boolean;
}

function fail(message: string): never {
  process.stderr.write(`posthog-mcp: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { http: false, port: 0, readOnly: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] =
      a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${flag} needs a value`);
    switch (flag) {
      case '--http':
        args.http = true;
        break;
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) fail(`--port must be a port number, got "${v}"`);
        args.port = n;
        break;
      }
      case '--toolsets':
        args.toolsets = value();
        break;
      case '--read-only':
        args.readOnly = true;
        break;
      case '--verbose':
        args.verbose = true;
        break;
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
      case '--version':
      case '-v':
        process.stdout.write(`${SERVER_VERSION}\n`);
        process.exit(0);
      default:
        fail(`unknown option "${a}"\n\n${USAGE}`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const apiKey = process.env.POSTHOG_API_KEY;
  if (!apiKey || !apiKey.trim()) {
    fail('POSTHOG_API_KEY is not set. Create a personal API key in PostHog (Settings → Personal API keys) and set POSTHOG_API_KEY to it.');
  }
  let toolsets;
  try {
    toolsets = parseToolsets(args.toolsets);
  } catch (err) {
    fail(describeError(err));
  }
  const timeoutRaw = process.env.POSTHOG_TIMEOUT_MS?.trim();
  const timeoutMs = timeoutRaw ? Number(timeoutRaw) : undefined;
  // setTimeout turns NaN, <= 0 and anything past 2^31-1 ms into 1 ms: every request would time out.
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs >= 1 && timeoutMs <= 2_147_483_647)) {
    fail(`POSTHOG_TIMEOUT_MS must be a number of milliseconds between 1 and 2147483647 (e.g. 30000), got "${timeoutRaw}".`);
  }
  const log = (line: string) => process.stderr.write(`[posthog-mcp] ${line}\n`);
  let client: PostHogClient;
  try {
    client = new PostHogClient({
      apiKey,
      host: process.env.POSTHOG_HOST,
      ingestionHost: process.env.POSTHOG_INGESTION_HOST || undefined,
      projectId: process.env.POSTHOG_PROJECT_ID || undefined,
      timeoutMs,
      onRequest: args.verbose ? (r) => log(`${r.method} ${r.path} → ${r.status ?? r.error} ${r.durationMs}ms`) : undefined,
    });
  } catch (err) {
    fail(describeError(err));
  }
  const registry = new ToolRegistry(ALL_TOOLS, () => client);
  registry.onDidCall((c) => log(`${c.tool} ${c.ok ? 'ok' : 'failed'} in ${c.durationMs}ms${c.error ? `: ${c.error}` : ''}`));
  const make = () => createPostHogMcpServer({ registry, toolsets, readOnly: args.readOnly });

  if (args.http) {
    const handle = await serveHttp({ createServer: make, port: args.port, token: process.env.POSTHOG_MCP_TOKEN, onLog: log });
    process.stderr.write(`posthog-mcp listening on ${handle.url}\n`);
    process.stderr.write(`token: ${handle.token}\n`);
    const stop = () => {
      void handle.close().finally(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  await serveStdio(make());
  process.exit(0);
}

main().catch((err: unknown) => fail(describeError(err)));
