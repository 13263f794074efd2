/**
 * posthog-mcp's command line, parsed by Node's util.parseArgs (strict: unknown options and
 * positional arguments are refused). `--flag value` and `--flag=value` both work.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TOOLSETS } from './tool';

export const USAGE = `Usage: posthog-mcp [--http [--port N]] [--toolsets a,b] [--read-only] [--root DIR] [--verbose]
       posthog-mcp refs [DIR] [--json] [--stale] [--fail-on-stale]   (posthog-mcp refs --help)
       posthog-mcp gateway --help    the tools of the MCP servers installed in PostHog, as it approves them

Serves PostHog's tools over MCP: stdio by default, or Streamable HTTP on 127.0.0.1 with --http.
The code tools read the code under --root (default: the working directory).

Environment:
  POSTHOG_API_KEY          personal API key (phx_...), required
  POSTHOG_HOST             us (default), eu, or your instance URL
  POSTHOG_PROJECT_ID       project to use (default: the key's current project)
  POSTHOG_INGESTION_HOST   override the capture / flags host
  POSTHOG_MCP_TOKEN        bearer token for --http (default: random at each start)
  POSTHOG_TIMEOUT_MS       per-request timeout in ms (default 30000)
  POSTHOG_CALL_TIMEOUT_MS  most one tool call may take in ms, retries and 429 waits
                           included (default 45000)

Toolsets: ${TOOLSETS.join(', ')}
`;

const OPTIONS = {
  http: { type: 'boolean' },
  port: { type: 'string' },
  toolsets: { type: 'string' },
  root: { type: 'string' },
  'read-only': { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} satisfies NonNullable<ParseArgsConfig['options']>;

export interface CliArgs {
  http: boolean;
  port: number;
  toolsets?: string;
  /** The folder the code tools scan (default: the working directory). */
  root?: string;
  readOnly: boolean;
  verbose: boolean;
}

export type CliCommand = { kind: 'help' } | { kind: 'version' } | { kind: 'serve'; args: CliArgs };

/** A command line that cannot be run; the message says why (with the usage where it helps). */
export class CliUsageError extends Error {}

export function parseCliArgs(argv: string[]): CliCommand {
  let values;
  try {
    values = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_')) throw new CliUsageError(explain(argv));
    throw err;
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  return {
    kind: 'serve',
    args: {
      http: values.http ?? false,
      port: values.port === undefined ? 0 : portNumber(values.port),
      toolsets: values.toolsets,
      root: values.root,
      readOnly: values['read-only'] ?? false,
      verbose: values.verbose ?? false,
    },
  };
}

function portNumber(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new CliUsageError(`--port must be a port number, got "${text}"`);
  return n;
}

/**
 * Why strict parsing refused `argv`, naming the argument: found in a lenient parse's tokens
 * rather than in Node's error text, which is worded for programmers and may change.
 */
function explain(argv: string[]): string {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind === 'positional') return `unexpected argument "${t.value}"\n\n${USAGE}`;
    if (t.kind !== 'option') continue;
    const option = Object.hasOwn(OPTIONS, t.name) ? OPTIONS[t.name as keyof typeof OPTIONS] : undefined;
    if (!option) return `unknown option "${t.rawName}"\n\n${USAGE}`;
    // Strictly, `--port --http` is a missing value too, not a port named "--http".
    const missing = t.value === undefined || (!t.inlineValue && t.value.startsWith('-'));
    if (option.type === 'string' && missing) return `${t.rawName} needs a value`;
    if (option.type === 'boolean' && t.value !== undefined) return `${t.rawName} takes no value`;
  }
  return `cannot read the arguments\n\n${USAGE}`;
}
