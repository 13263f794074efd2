/**
 * `posthog-mcp refs [DIR] [--json] [--stale] [--fail-on-stale]`: the PostHog flag keys and event
 * names the code under DIR uses, for CI and agents.
 *
 * - Without --stale it reads local files only: no API key, no network.
 * - --stale asks PostHog (POSTHOG_API_KEY, POSTHOG_HOST, POSTHOG_PROJECT_ID) for each referenced
 *   flag's status and the flags no code references, through the `list_stale_flags` tool.
 * - --fail-on-stale (implies --stale) exits 1 when a referenced flag is stale, saying which and why.
 * - --json prints exactly one JSON object (see RefsJson); otherwise a table.
 * Exit codes: 0 done, 1 stale flags with --fail-on-stale, 2 bad arguments or a failure.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { scanTree } from '../code';
import type { FlagStatus } from '../code/stale';
import type { TreeScan } from '../code/types';
import { PostHogClient } from '../posthog/client';
import { describeError } from '../posthog/errors';
import { fixedCodeIndex } from './directoryCodeIndex';
import { ToolRegistry } from './registry';
import { codeTools, type StaleAnswer } from './tools/code';
import { formatRefsTable } from './refsTable';

export const REFS_USAGE = `Usage: posthog-mcp refs [DIR] [--json] [--stale] [--fail-on-stale]

Lists the PostHog feature flag keys and event names the code under DIR (default: the working
directory) uses, from PostHog SDK calls in JavaScript, TypeScript, Python, Go, Ruby and PHP.
.gitignore is respected; node_modules and build output are skipped.

  --json           print one JSON object instead of a table
  --stale          also ask PostHog for each referenced flag's status and the flags no code
                   references (needs POSTHOG_API_KEY; POSTHOG_HOST, POSTHOG_PROJECT_ID as usual)
  --fail-on-stale  like --stale, and exit 1 when a referenced flag is fully rolled out, off for
                   everyone, deleted or unknown (a CI step)

Without --stale nothing is sent anywhere and no key is needed.
`;

export interface RefsArgs {
  dir: string;
  json: boolean;
  stale: boolean;
  failOnStale: boolean;
}

/** The command line after `refs`; a usage error says what is wrong. */
export function parseRefsArgs(argv: string[]): RefsArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean' },
        stale: { type: 'boolean' },
        'fail-on-stale': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    throw new RefsUsageError(`${err instanceof Error ? err.message.split('\n')[0] : String(err)}\n\n${REFS_USAGE}`);
  }
  if (parsed.values.help) return 'help';
  if (parsed.positionals.length > 1)
    throw new RefsUsageError(`refs takes one directory, got ${parsed.positionals.length}\n\n${REFS_USAGE}`);
  const failOnStale = parsed.values['fail-on-stale'] ?? false;
  return {
    dir: parsed.positionals[0] ?? '.',
    json: parsed.values.json ?? false,
    stale: (parsed.values.stale ?? false) || failOnStale,
    failOnStale,
  };
}

export class RefsUsageError extends Error {}

export interface RefsIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** The `--json` object: exactly the fields the issue names. */
export interface RefsJson {
  root: string;
  files: number;
  references: { kind: 'flag' | 'event'; key: string; file: string; line: number; column: number; call: string; language: string }[];
  dynamic: { kind: 'flag' | 'event'; file: string; line: number; column: number; call: string }[];
  flags?: { key: string; status: FlagStatus; references: { file: string; line: number; column: number }[] }[];
  unreferenced?: string[];
}

const byPosition = <T extends { file: string; line: number; column: number }>(a: T, b: T) =>
  (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;

function referencesJson(scan: TreeScan): Pick<RefsJson, 'root' | 'files' | 'references' | 'dynamic'> {
  return {
    root: scan.root,
    files: scan.files,
    references: [...scan.references]
      .sort(byPosition)
      .map((r) => ({ kind: r.kind, key: r.key, file: r.file, line: r.line, column: r.column, call: r.call, language: r.language })),
    dynamic: [...scan.dynamic].sort(byPosition).map((d) => ({ kind: d.kind, file: d.file, line: d.line, column: d.column, call: d.call })),
  };
}

/** "src/app.ts:5:32" back to its parts (the tool lists references so; the file may hold colons). */
function parseLocation(loc: string): { file: string; line: number; column: number } {
  const m = /^(.*):(\d+):(\d+)$/.exec(loc);
  return m ? { file: m[1], line: Number(m[2]), column: Number(m[3]) } : { file: loc, line: 0, column: 0 };
}

/** Asks PostHog, through the list_stale_flags tool, about the flags of one scan. */
async function staleFromPostHog(scan: TreeScan, env: RefsIo['env']): Promise<StaleAnswer> {
  const apiKey = env.POSTHOG_API_KEY?.trim();
  if (!apiKey) {
    throw new RefsUsageError(
      '--stale needs POSTHOG_API_KEY: create a personal API key in PostHog (Settings → Personal API keys, scope feature_flag:read, and activity_log:read to tell deleted flags from unknown keys) and set POSTHOG_API_KEY (and POSTHOG_HOST for EU or your own instance). Without --stale, refs needs no key.',
    );
  }
  const client = new PostHogClient({
    apiKey,
    host: env.POSTHOG_HOST,
    projectId: env.POSTHOG_PROJECT_ID || undefined,
    ingestionHost: env.POSTHOG_INGESTION_HOST || undefined,
  });
  const registry = new ToolRegistry(codeTools, () => client, { code: () => fixedCodeIndex(scan) });
  return (await registry.run('list_stale_flags', { include_active: true, unreferenced_limit: 10_000 })) as StaleAnswer;
}

/** Runs the command; returns the exit code. */
export async function runRefs(args: RefsArgs, io: RefsIo): Promise<number> {
  const root = path.resolve(io.cwd, args.dir);
  let scan: TreeScan;
  try {
    scan = await scanTree(root);
  } catch (err) {
    io.stderr(`posthog-mcp refs: could not scan ${root}: ${describeError(err)}\n`);
    return 2;
  }
  const out: RefsJson = referencesJson(scan);
  let stale: StaleAnswer | undefined;
  if (args.stale) {
    try {
      stale = await staleFromPostHog(scan, io.env);
    } catch (err) {
      io.stderr(
        `posthog-mcp refs: ${err instanceof RefsUsageError ? err.message : `could not read the flags from PostHog: ${describeError(err)}`}\n`,
      );
      return 2;
    }
    // Said beside the output, never in it: the --json shape stays the issue's.
    if (stale.note) io.stderr(`posthog-mcp refs: ${stale.note}\n`);
    out.flags = stale.results.map((f) => ({ key: f.key, status: f.status as FlagStatus, references: f.references.map(parseLocation) }));
    out.unreferenced = stale.unreferenced.map((f) => f.key);
  }
  io.stdout(args.json ? `${JSON.stringify(out, null, 2)}\n` : formatRefsTable(out, scan, stale));
  if (args.failOnStale && stale) {
    const bad = stale.results.filter((f) => f.status !== 'active');
    if (bad.length > 0) {
      const lines = bad.map((f) => `  ${f.key}: ${f.status} (${f.reason}); used at ${f.references.join(', ')}`);
      io.stderr(`posthog-mcp refs: ${bad.length} referenced flag${bad.length === 1 ? ' is' : 's are'} stale:\n${lines.join('\n')}\n`);
      return 1;
    }
  }
  return 0;
}
