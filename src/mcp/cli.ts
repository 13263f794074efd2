/**
 * posthog-mcp: the PostHog MCP server for any MCP client.
 *   stdio (default), or --http [--port N] for Streamable HTTP on 127.0.0.1.
 *   `posthog-mcp refs …` lists the PostHog calls in code instead (./refsCommand.ts).
 *   `posthog-mcp gateway …`: the governed gateway to installed MCP servers (gatewayCli.ts).
 * Environment: POSTHOG_API_KEY (required), POSTHOG_HOST, POSTHOG_PROJECT_ID,
 * POSTHOG_INGESTION_HOST, POSTHOG_MCP_TOKEN (HTTP), POSTHOG_TIMEOUT_MS (per request),
 * POSTHOG_CALL_TIMEOUT_MS (per tool call: attempts, backoff and 429 waits together).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describeError } from '../posthog/errors';
import { ToolRegistry, parseToolsets } from './registry';
import { warnMissingScopesAtFirstCall } from './scopeCheck';
import { createPostHogMcpServer, SERVER_VERSION } from './server';
import { ALL_TOOLS } from './tools';
import { serveStdio } from './transports/stdio';
import { CliUsageError, USAGE, parseCliArgs, type CliArgs } from './cliArgs';
import { DirectoryCodeIndex } from './directoryCodeIndex';
import { REFS_USAGE, RefsUsageError, parseRefsArgs, runRefs } from './refsCommand';
import { clientFromEnv, fail, millisecondsFromEnv } from './cliEnv';
import { runGateway } from './gatewayCli';

/** The command line's options, after --help and --version have been answered (they exit). */
function readArgs(): CliArgs {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof CliUsageError) fail(err.message);
    throw err;
  }
  if (command.kind === 'help') {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (command.kind === 'version') {
    process.stdout.write(`${SERVER_VERSION}\n`);
    process.exit(0);
  }
  return command.args;
}

/** The folder the code tools read: --root, or the working directory; it must be a directory. */
function codeRoot(root: string | undefined): string {
  const dir = path.resolve(root ?? process.cwd());
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) fail(`--root must be a folder that exists, got "${root}".`);
  return dir;
}

async function refs(argv: string[]): Promise<void> {
  let args;
  try {
    args = parseRefsArgs(argv);
  } catch (err) {
    if (err instanceof RefsUsageError) fail(err.message);
    throw err;
  }
  if (args === 'help') {
    process.stdout.write(REFS_USAGE);
    process.exit(0);
  }
  const code = await runRefs(args, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  });
  process.exitCode = code;
}

async function main(): Promise<void> {
  if (process.argv[2] === 'refs') return refs(process.argv.slice(3));
  if (process.argv[2] === 'gateway') return runGateway(process.argv.slice(3));
  const args = readArgs();
  const code = new DirectoryCodeIndex(codeRoot(args.root));
  let toolsets;
  try {
    toolsets = parseToolsets(args.toolsets);
  } catch (err) {
    fail(describeError(err));
  }
  const log = (line: string) => process.stderr.write(`[posthog-mcp] ${line}\n`);
  const client = clientFromEnv({ verbose: args.verbose, log });
  const callTimeoutMs = millisecondsFromEnv('POSTHOG_CALL_TIMEOUT_MS', 45_000);
  const registry = new ToolRegistry(ALL_TOOLS, () => client, { callTimeoutMs, code: () => code });
  registry.onDidCall((c) => log(`${c.tool} ${c.ok ? 'ok' : 'failed'} in ${c.durationMs}ms${c.error ? `: ${c.error}` : ''}`));
  if (args.verbose) warnMissingScopesAtFirstCall(registry, () => client, { toolsets, readOnly: args.readOnly }, log);
  const make = () => createPostHogMcpServer({ registry, toolsets, readOnly: args.readOnly });

  if (args.http) {
    // Loaded only here: the SDK's HTTP transport brings web streams a stdio start does not need.
    const { serveHttp } = await import('./transports/http.js');
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
