/** Open Insight… and Open Dashboard: from a tree item, an id, or a searchable quick pick. */
import * as vscode from 'vscode';
import { describeError } from '../../posthog/errors';
import { openDashboardPanel } from '../insights/dashboardPanel';
import { openInsightPanel, type InsightRef } from '../insights/insightPanel';
import { isCancellation, showError, withProgress } from '../ui';
import { isNode, target, type Services } from './services';

interface Listed {
  id: number;
  name?: string;
  description?: string;
  url?: string;
  short_id?: string;
  kind?: string;
}

/**
 * A tree tile ({insight_id, name, url}), a bare id, an insight row, `{short_id}` (a link in a
 * result), or nothing (then ask).
 */
export async function openInsight(s: Services, arg?: unknown): Promise<void> {
  const given = isNode(arg) && arg.kind !== 'insight' ? undefined : target<Record<string, unknown>>(arg);
  let ref: InsightRef | undefined;
  if (given) {
    const id = Number(given.insight_id ?? given.id);
    if (Number.isInteger(id) && id > 0) ref = { id, name: str(given.name), description: str(given.description), url: str(given.url) };
    else if (typeof given.short_id === 'string') {
      ref = await byShortId(s, given.short_id);
      if (!ref) return;
    }
  }
  ref ??= await pick(s, 'list_insights', 'Open Insight', 'Search insights by name');
  if (ref) openInsightPanel(s, ref);
}

/** The insight a short id names (get_insight), or undefined after saying why. */
async function byShortId(s: Services, shortId: string): Promise<InsightRef | undefined> {
  try {
    const i = (await withProgress(`PostHog: opening insight ${shortId}…`, (signal) =>
      s.registry.run('get_insight', { insight_id: shortId }, { signal }),
    )) as Record<string, unknown>;
    const id = Number(i.id);
    if (!Number.isInteger(id) || id <= 0) throw new Error(`PostHog gave no id for insight ${shortId}.`);
    return { id, name: str(i.name), description: str(i.description), url: str(i.url) };
  } catch (err) {
    if (!isCancellation(err)) void showError(err);
    return undefined;
  }
}

export async function openDashboard(s: Services, arg?: unknown): Promise<void> {
  const given = isNode(arg) && arg.kind !== 'dashboard' ? undefined : target<Record<string, unknown>>(arg, undefined);
  let ref: { id: number; name?: string } | undefined;
  if (given) {
    const id = Number(given.id);
    if (Number.isInteger(id) && id > 0) ref = { id, name: str(given.name) };
  }
  ref ??= await pick(s, 'list_dashboards', 'Open Dashboard', 'Search dashboards by name');
  if (ref) openDashboardPanel(s, ref);
}

/** A quick pick that searches as the person types (the list tool's `search`), newest first. */
async function pick(
  s: Services,
  tool: 'list_insights' | 'list_dashboards',
  title: string,
  placeholder: string,
): Promise<Listed | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { row?: Listed }>();
  qp.title = title;
  qp.placeholder = placeholder;
  qp.matchOnDescription = true;
  let controller: AbortController | undefined;
  let timer: NodeJS.Timeout | undefined;
  const load = async (search: string) => {
    controller?.abort();
    const c = (controller = new AbortController());
    qp.busy = true;
    try {
      const data = (await s.registry.run(tool, { search: search || undefined, limit: 50 }, { signal: c.signal })) as { results?: Listed[] };
      if (c.signal.aborted) return;
      const rows = data.results ?? [];
      qp.items = rows.length
        ? rows.map((row) => ({
            label: row.name || `Untitled (${row.id})`,
            description: [row.kind, row.short_id].filter(Boolean).join(' · '),
            detail: row.description || undefined,
            row,
          }))
        : [{ label: search ? `Nothing matches "${search}"` : 'Nothing here yet', alwaysShow: true }];
    } catch (err) {
      if (c.signal.aborted) return;
      qp.items = [{ label: `$(error) ${describeError(err)}`, alwaysShow: true }];
    } finally {
      if (controller === c) qp.busy = false;
    }
  };
  qp.onDidChangeValue((v) => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(v.trim()), 250);
  });
  void load('');
  qp.show();
  try {
    return await new Promise<Listed | undefined>((resolve) => {
      qp.onDidAccept(() => {
        const row = qp.selectedItems[0]?.row;
        if (row) resolve(row);
      });
      qp.onDidHide(() => resolve(undefined));
    });
  } catch (err) {
    void showError(err);
    return undefined;
  } finally {
    clearTimeout(timer);
    controller?.abort();
    qp.dispose();
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
