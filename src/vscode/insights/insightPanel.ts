/**
 * The insight panel: one webview per insight (opening it again reveals it), drawing
 * run_insight_query's chart. The page's date range and interval re-run the query without saving;
 * "Save to insight" asks, then writes the query as run with update_insight.
 */
import * as vscode from 'vscode';
import type { Interval, InsightViewState } from '../../insights/panelMessages';
import { rangeOverrides } from '../../insights/rangeOverrides';
import { describeError } from '../../posthog/errors';
import { loadCore } from '../lazy';
import type { Services } from '../commands/services';
import { confirm, isCancellation, openExternal } from '../ui';
import { createPagePanel, pageHtml } from './assets';
import { describeRange } from './describeRange';
import { INTERVAL_KINDS, runInsightQuery, type InsightQueryAnswer } from './runQuery';

export interface InsightRef {
  id: number;
  name?: string;
  description?: string;
  url?: string;
}

const open = new Map<number, InsightPanel>();

export function openInsightPanel(s: Services, ref: InsightRef): InsightPanel {
  const existing = open.get(ref.id);
  if (existing) {
    existing.reveal();
    return existing;
  }
  const panel = new InsightPanel(s, ref);
  open.set(ref.id, panel);
  return panel;
}

export class InsightPanel {
  private readonly panel: vscode.WebviewPanel;
  private state: InsightViewState;
  private answer?: InsightQueryAnswer;
  private running?: AbortController;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly s: Services,
    ref: InsightRef,
  ) {
    const name = ref.name ?? `Insight ${ref.id}`;
    this.state = {
      insight: { id: ref.id, name, description: ref.description, url: ref.url },
      status: 'loading',
      revision: 0,
      hasInterval: false,
      changed: false,
    };
    this.panel = createPagePanel(s.context, 'posthog.insight', name);
    this.panel.webview.html = pageHtml(s.context, this.panel, 'insight', name, this.state);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      this.panel.onDidDispose(() => this.dispose()),
    );
    void this.run();
  }

  reveal(): void {
    this.panel.reveal();
  }

  private onMessage(raw: unknown): void {
    const m = loadCore().parseInsightMessage(raw);
    if (!m) {
      this.s.log.warn(`Insight panel: ignored a message the page should not send: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    switch (m.type) {
      case 'ready':
        this.post();
        return;
      case 'refresh':
        void this.run(true);
        return;
      case 'setDateRange':
        this.state.range = m.range;
        this.state.changed = true;
        void this.run();
        return;
      case 'setInterval':
        this.state.interval = m.interval;
        this.state.changed = true;
        void this.run();
        return;
      case 'save':
        void this.save();
        return;
      case 'openInPostHog':
        if (this.state.insight.url) void openExternal(this.state.insight.url);
        return;
    }
  }

  /** Runs the insight's query with the page's range and interval (none: as saved). */
  async run(refresh = false): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.update({ status: 'loading', error: undefined });
    try {
      const answer = await runInsightQuery(
        this.s,
        {
          insight_id: this.state.insight.id,
          ...(this.state.range ? rangeOverrides(this.state.range) : {}),
          interval: this.state.interval,
          refresh: refresh || undefined,
        },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      this.answer = answer;
      const insight = answer.insight ? { ...this.state.insight, ...answer.insight, id: this.state.insight.id } : this.state.insight;
      this.panel.title = insight.name;
      this.update({
        insight: { id: insight.id, name: insight.name, description: insight.description, url: insight.url },
        status: 'ready',
        chart: answer.chart,
        revision: this.state.revision + 1,
        computedAt: answer.computed_at,
        cached: answer.cached,
        hasInterval: INTERVAL_KINDS.includes(answer.kind),
        interval: this.state.interval ?? (answer.chart.interval as Interval | undefined),
      });
    } catch (err) {
      if (controller.signal.aborted || isCancellation(err)) return;
      this.update({ status: 'error', error: `Could not compute "${this.state.insight.name}": ${describeError(err)}` });
    }
  }

  /** Writes the query as last run (range and interval applied) to the insight, after asking. */
  private async save(): Promise<void> {
    const answer = this.answer;
    if (!answer || !this.state.changed) return;
    const what = [
      this.state.range ? describeRange(this.state.range) : undefined,
      this.state.interval ? `grouped by ${this.state.interval}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    const ok = await confirm(
      `Save ${what} to insight "${this.state.insight.name}"?`,
      'This changes the saved insight in PostHog, for everyone who views it and on every dashboard it is on.',
      'Save',
    );
    if (!ok) return;
    this.update({ saving: true });
    try {
      await this.s.registry.run('update_insight', { insight_id: this.state.insight.id, query: answer.query });
      this.update({ saving: false, changed: false });
      vscode.window.setStatusBarMessage(`$(check) Saved "${this.state.insight.name}"`, 4000);
    } catch (err) {
      this.update({ saving: false });
      void vscode.window.showErrorMessage(`Could not save "${this.state.insight.name}": ${describeError(err)}`);
    }
  }

  private update(patch: Partial<InsightViewState>): void {
    this.state = { ...this.state, ...patch };
    this.post();
  }

  private post(): void {
    void this.panel.webview.postMessage({ type: 'state', state: this.state });
  }

  private dispose(): void {
    this.running?.abort();
    open.delete(this.state.insight.id);
    for (const d of this.disposables) d.dispose();
  }
}
