/**
 * Helpers for the extension-host integration suite (runs inside VS Code's extension host).
 */
import * as vscode from 'vscode';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fromTable } from '../../../src/mcp/render';

export const EXTENSION_ID = 'posthog-community.posthog-vscode';
export const MCP_TOOL_PREFIX = 'mcp_posthog_';

/** The object `activate()` returns (contracts: the extension's test API). */
export interface TestApi {
  registry: unknown;
  onDidRefresh: vscode.Event<'dashboards' | 'featureFlags' | 'mcp'>;
  isSignedIn(): boolean;
  mcpServer(): { url: string; port: number } | undefined;
  gatewayServers(): Array<{ label: string; url: string }>;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy; the last error or value goes into the failure. */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  { timeoutMs = 20_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as NonNullable<T>;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      const detail = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${detail})`);
    }
    await sleep(intervalMs);
  }
}

/** Names of the PostHog MCP tools VS Code currently offers to language models, sorted. */
export function posthogTools(): string[] {
  return vscode.lm.tools
    .map((t) => t.name)
    .filter((n) => n.startsWith(MCP_TOOL_PREFIX))
    .sort();
}

/** Resolves with the next event that satisfies `pred`, or rejects after `timeoutMs`. */
export function nextEvent<T>(event: vscode.Event<T>, pred: (e: T) => boolean, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`no matching event within ${timeoutMs} ms`));
    }, timeoutMs);
    const sub = event((e) => {
      if (!pred(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}

/** The text of a tool result and its JSON (of the shape the caller expects), a list's table read back into rows (src/mcp/render.ts). */
export function toolResultJson<T>(result: vscode.LanguageModelToolResult): { text: string; data: T | undefined } {
  const text = result.content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ((part as { value?: unknown }).value ?? '')))
    .join('');
  let data: T | undefined;
  try {
    data = fromTable(JSON.parse(text)) as T;
  } catch {
    data = undefined;
  }
  return { text, data };
}

/** Calls `visit` with every file under `dir` (unreadable entries are skipped). */
function walkFiles(dir: string, visit: (file: string, size: number) => void): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const p = path.join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) walkFiles(p, visit);
    else if (st.isFile()) visit(p, st.size);
  }
}

/** Every readable file under `dir` (below 5 MB) whose text contains `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  walkFiles(dir, (p, size) => {
    if (size >= 5_000_000) return;
    try {
      if (readFileSync(p).includes(needle)) hits.push(p);
    } catch {
      // unreadable: skip
    }
  });
  return hits;
}

/** The settings.json files VS Code keeps for this window: user, machine, profiles, workspace. */
export function settingsFiles(userDataDir: string | undefined): string[] {
  const files: string[] = [];
  const collect = (p: string) => {
    if (path.basename(p) === 'settings.json') files.push(p);
  };
  if (userDataDir) walkFiles(userDataDir, collect);
  for (const folder of vscode.workspace.workspaceFolders ?? []) walkFiles(path.join(folder.uri.fsPath, '.vscode'), collect);
  return files;
}
