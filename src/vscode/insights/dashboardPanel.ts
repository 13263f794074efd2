/**
 * The dashboard panel: one webview per dashboard with its tiles in PostHog's layout order (get_dashboard),
 * each insight tile computed by run_insight_query (a few at a time) and text tiles as markdown. A
 * tile's error stays in its tile; "Refresh all" recomputes every tile; a tile opens its insight.
 */
import type * as vscode from 'vscode';
import type { DashboardTileState, DashboardViewState } from '../../insights/panelMessages';
import { describeError } from '../../posthog/errors';
import { loadCore } from '../lazy';
import type { Services } from '../commands/services';
import { isCancellation, openExternal } from '../ui';
import { createPagePanel, pageHtml } from './assets';
import { openInsightPanel } from './insightPanel';
import { inParallel, runInsightQuery } from './runQuery';

/** Tiles computed at once: enough to fill a screen quickly without a burst PostHog would rate-limit. */
export const TILE_CONCURRENCY = 4;

export interface DashboardRef {
  id: number;
  name?: string;
}

interface TileRow {
  tile_id: number;
  insight_id?: number;
  name?: string;
  description?: string;
  text?: string;
  url?: string;
  layout?: { x: number; y: number; w: number; h: number };
}

const open = new Map<number, DashboardPanel>();

export function openDashboardPanel(s: Services, ref: DashboardRef): DashboardPanel {
  const existing = open.get(ref.id);
  if (existing) {
    existing.reveal();
    return existing;
  }
  const panel = new DashboardPanel(s, ref);
  open.set(ref.id, panel);
  return panel;
}

export class DashboardPanel {
  private readonly panel: vscode.WebviewPanel;
  private state: DashboardViewState;
  private urls = new Map<number, string>();
  private running?: AbortController;

  constructor(
    private readonly s: Services,
    ref: DashboardRef,
  ) {
    const name = ref.name ?? `Dashboard ${ref.id}`;
    this.state = { dashboard: { id: ref.id, name }, status: 'loading', tiles: [] };
    this.panel = createPagePanel(s.context, 'posthog.dashboard', name);
    this.panel.webview.html = pageHtml(s.context, this.panel, 'dashboard', name, this.state);
    const sub = this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m));
    this.panel.onDidDispose(() => {
      this.running?.abort();
      open.delete(ref.id);
      sub.dispose();
    });
    void this.load(false);
  }

  reveal(): void {
    this.panel.reveal();
  }

  private onMessage(raw: unknown): void {
    const m = loadCore().parseDashboardMessage(raw);
    if (!m) {
      this.s.log.warn(`Dashboard panel: ignored a message the page should not send: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    if (m.type === 'ready') void this.panel.webview.postMessage({ type: 'state', state: this.state });
    else if (m.type === 'refresh') void this.load(true);
    else if (m.type === 'openInsight') {
      const tile = this.state.tiles.find((t) => t.insightId === m.insightId);
      openInsightPanel(this.s, { id: m.insightId, name: tile?.name, description: tile?.description, url: this.urls.get(m.insightId) });
    } else if (m.type === 'openInPostHog') {
      const url = m.insightId !== undefined ? this.urls.get(m.insightId) : this.state.dashboard.url;
      if (url) void openExternal(url);
    }
  }

  /** Reads the tiles, then computes the insight tiles, TILE_CONCURRENCY at a time. */
  async load(refresh: boolean): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const { signal } = controller;
    this.setState({ ...this.state, status: 'loading', error: undefined });
    let tiles: TileRow[];
    try {
      const d = (await this.s.registry.run('get_dashboard', { dashboard_id: this.state.dashboard.id }, { signal })) as Record<
        string,
        unknown
      >;
      tiles = Array.isArray(d.tiles) ? (d.tiles as TileRow[]) : [];
      const dashboard = {
        id: this.state.dashboard.id,
        name: typeof d.name === 'string' && d.name ? d.name : this.state.dashboard.name,
        description: typeof d.description === 'string' ? d.description : undefined,
        url: typeof d.url === 'string' ? d.url : undefined,
      };
      this.panel.title = dashboard.name;
      for (const t of tiles) if (t.insight_id !== undefined && t.url) this.urls.set(t.insight_id, t.url);
      this.setState({ dashboard, status: 'ready', tiles: tiles.map(tileState) });
    } catch (err) {
      if (signal.aborted || isCancellation(err)) return;
      this.setState({
        ...this.state,
        status: 'error',
        error: `Could not load dashboard "${this.state.dashboard.name}": ${describeError(err)}`,
      });
      return;
    }
    const insightTiles = tiles.filter((t) => t.insight_id !== undefined);
    await inParallel(insightTiles, TILE_CONCURRENCY, async (t) => {
      if (signal.aborted) return;
      let tile: DashboardTileState;
      try {
        const answer = await runInsightQuery(this.s, { insight_id: t.insight_id!, refresh: refresh || undefined }, signal);
        tile = { ...tileState(t), status: 'ready', chart: answer.chart, computedAt: answer.computed_at };
      } catch (err) {
        if (signal.aborted || isCancellation(err)) return;
        tile = { ...tileState(t), status: 'error', error: `Could not compute "${t.name ?? 'this insight'}": ${describeError(err)}` };
      }
      if (signal.aborted) return;
      this.state = { ...this.state, tiles: this.state.tiles.map((x) => (x.tileId === tile.tileId ? tile : x)) };
      void this.panel.webview.postMessage({ type: 'tile', tile });
    });
  }

  private setState(state: DashboardViewState): void {
    this.state = state;
    void this.panel.webview.postMessage({ type: 'state', state });
  }
}

function tileState(t: TileRow): DashboardTileState {
  return t.insight_id !== undefined
    ? {
        tileId: t.tile_id,
        type: 'insight',
        insightId: t.insight_id,
        name: t.name,
        description: t.description,
        status: 'loading',
        layout: t.layout,
      }
    : { tileId: t.tile_id, type: 'text', text: t.text ?? '', status: 'ready', layout: t.layout };
}
