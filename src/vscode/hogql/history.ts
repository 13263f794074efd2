/** "PostHog: Query History": the workspace's last 50 queries, newest first; picking one runs it again. */
import * as vscode from 'vscode';
import { addToHistory, readHistory, type HistoryEntry } from '../../insights/hogql/history';

const KEY = 'posthog.hogql.history';

export class QueryHistory {
  constructor(private readonly state: vscode.Memento) {}

  entries(): HistoryEntry[] {
    return readHistory(this.state.get(KEY));
  }

  async add(entry: HistoryEntry): Promise<void> {
    await this.state.update(KEY, addToHistory(this.entries(), entry));
  }

  /** Asks which query to run again; undefined when dismissed or empty. */
  async pick(): Promise<string | undefined> {
    const entries = this.entries();
    if (entries.length === 0) {
      void vscode.window.showInformationMessage('No queries yet in this workspace: run one from a .hogql file (Ctrl/Cmd+Enter).');
      return undefined;
    }
    const items = entries.map((e) => ({
      label: oneLine(e.query, 90),
      description: `${e.error ? 'failed' : `${e.rows ?? 0} rows`} · ${when(e.ranAt)}`,
      detail: e.error ? oneLine(e.error, 120) : undefined,
      query: e.query,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'PostHog: Query History',
      placeHolder: 'Pick a query to run again',
      matchOnDescription: true,
      matchOnDetail: true,
    });
    return picked?.query;
  }
}

function oneLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function when(iso: string): string {
  const ms = Date.now() - Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  if (ms < 60_000) return 'just now';
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h ago`;
  return new Date(iso).toLocaleString();
}
