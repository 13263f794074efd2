/** The Dashboards view: dashboards (pinned first), each expanding to its tiles. */
import { COMMANDS, TREE_ITEMS } from '../../ids';
import { TreeModel, asPage, type HoverDetail, type ModelOptions } from './base';
import { md, oneLine, str, type NodeDesc, type Row, type TreeNode } from './node';

export interface DashboardRow extends Row {
  id: number;
  name: string;
  description?: string;
  pinned?: boolean;
  /** From get_dashboard (the hover tooltip); list rows have none. */
  tags?: string[];
  created_by?: string;
  tiles?: Row[];
  url?: string;
}

function tagsOf(d: DashboardRow): string[] {
  return Array.isArray(d.tags) ? d.tags.filter((t): t is string => typeof t === 'string') : [];
}

export function dashboardTooltip(d: DashboardRow, problem?: string): string {
  const lines = [`**${md(d.name)}**${d.pinned ? ' $(pinned) pinned' : ''}`];
  if (str(d.description)) lines.push('', md(d.description));
  const tags = tagsOf(d);
  if (tags.length) lines.push('', `Tags: ${tags.map((t) => `\`${t.replace(/`/g, "'")}\``).join(' ')}`);
  const meta = [`Dashboard ${d.id}`];
  if (Array.isArray(d.tiles)) meta.push(`· ${d.tiles.length} tile${d.tiles.length === 1 ? '' : 's'}`);
  if (str(d.created_by)) meta.push(`· created by ${md(d.created_by)}`);
  lines.push('', meta.join(' '));
  if (problem) lines.push('', '---', '', `$(error) Could not load the details: ${md(problem)}`);
  return lines.join('\n');
}

export class DashboardsModel extends TreeModel<DashboardRow> {
  readonly view = 'dashboards' as const;
  protected readonly noun = 'dashboards';
  protected readonly commands = { refresh: COMMANDS.dashboardsRefresh, loadMore: COMMANDS.dashboardsLoadMore };

  constructor(options: ModelOptions) {
    super(options);
  }

  protected async fetchRoot(req: { offset: number; limit: number; signal: AbortSignal }) {
    const data = await this.options.tools.run('list_dashboards', { limit: req.limit, offset: req.offset }, { signal: req.signal });
    return asPage<DashboardRow>(data);
  }

  protected keyOf(d: DashboardRow): string {
    return String(d.id);
  }

  protected itemNode(d: DashboardRow): NodeDesc {
    const tooltip = () => dashboardTooltip(d);
    return {
      id: `dashboard:${d.id}`,
      kind: 'dashboard',
      label: d.name || 'Untitled',
      description: str(d.description) ? oneLine(d.description, 60) : undefined,
      tooltip,
      icon: { id: d.pinned ? 'pinned' : 'dashboard' },
      contextValue: d.pinned ? TREE_ITEMS.pinnedDashboard : TREE_ITEMS.dashboard,
      collapsible: 'collapsed',
      url: str(d.url),
      accessibilityLabel: `${d.pinned ? 'Pinned dashboard' : 'Dashboard'} ${d.name}`,
      data: d,
    };
  }

  /** The full tooltip, with tags, tile count and author (one get_dashboard call). */
  protected override hoverDetail(node: TreeNode): HoverDetail | undefined {
    if (node.kind !== 'dashboard') return undefined;
    return {
      tool: 'get_dashboard',
      args: { dashboard_id: (node.data as DashboardRow).id },
      tooltip: (row, problem) => dashboardTooltip(row as DashboardRow, problem),
    };
  }

  protected emptyLabel(): string {
    return `No dashboards in ${this.projectLabel}`;
  }

  protected override emptyExtras(): Partial<TreeNode> {
    return { tooltip: 'Create one with the + button above.', command: { command: COMMANDS.dashboardsCreate, title: 'Create Dashboard' } };
  }

  protected override async fetchChildren(parent: TreeNode, signal: AbortSignal): Promise<Row[]> {
    const d = parent.data as DashboardRow;
    const data = (await this.options.tools.run('get_dashboard', { dashboard_id: d.id }, { signal })) as Row;
    return Array.isArray(data?.tiles) ? (data.tiles as Row[]) : [];
  }

  protected override childNodes(parent: TreeNode, tiles: Row[]): Array<Omit<TreeNode, 'view'>> {
    return tiles.map((t) => {
      if (t.insight_id !== undefined) {
        const name = str(t.name) ?? 'Untitled insight';
        const lines = [`**${md(name)}**`];
        if (str(t.description)) lines.push('', md(t.description));
        lines.push('', `Insight ${t.insight_id}${str(t.short_id) ? ` (${md(t.short_id)})` : ''}`);
        return {
          id: `${parent.id}/tile:${t.tile_id}`,
          kind: 'insight',
          label: name,
          description: str(t.description) ? oneLine(t.description, 60) : undefined,
          tooltip: lines.join('\n'),
          icon: { id: 'graph' },
          contextValue: TREE_ITEMS.insight,
          url: str(t.url),
          // A click opens the insight's chart in a panel.
          command: { command: COMMANDS.insightsOpen, title: 'Open Insight', args: [t] },
          data: t,
        };
      }
      const text = str(t.text) ?? '';
      return {
        id: `${parent.id}/tile:${t.tile_id}`,
        kind: 'textTile',
        label: oneLine(text, 80) || 'Text',
        description: 'text',
        tooltip: text,
        icon: { id: 'note' },
        contextValue: TREE_ITEMS.textTile,
        data: t,
      };
    });
  }

  protected override childrenEmptyLabel(): string {
    return 'No insights on this dashboard';
  }

  // ----- actions (each one tool call; the registry's change event refreshes the view) -----

  async create(input: { name: string; description?: string; pinned?: boolean }, signal?: AbortSignal): Promise<DashboardRow> {
    const args: Row = { name: input.name };
    if (input.description) args.description = input.description;
    if (input.pinned !== undefined) args.pinned = input.pinned;
    return (await this.options.tools.run('create_dashboard', args, { signal })) as DashboardRow;
  }

  async delete(dashboard: { id: number }, signal?: AbortSignal): Promise<Row> {
    return (await this.options.tools.run('delete_dashboard', { dashboard_id: dashboard.id }, { signal })) as Row;
  }
}
