/** Which views a successful write tool makes stale. */
import type { Toolset } from '../../mcp/tool';
import type { ViewName } from './node';

const VIEWS_BY_TOOLSET: Partial<Record<Toolset, ViewName[]>> = {
  dashboards: ['dashboards'],
  // Tiles show insight names: renaming or deleting an insight changes a dashboard's children.
  insights: ['dashboards'],
  // The stale list is computed from the flags' state: any flag write can move a flag between its groups.
  feature_flags: ['featureFlags', 'staleFlags'],
  // Creating an experiment creates its feature flag.
  experiments: ['featureFlags', 'staleFlags'],
  mcp_store: ['mcp'],
};

export function viewsForToolset(toolset: Toolset | string): ViewName[] {
  return VIEWS_BY_TOOLSET[toolset as Toolset] ?? [];
}

export interface ChangeEvent {
  tool: string;
  toolset: Toolset | string;
  args: Record<string, unknown>;
}

export interface RefreshableModel {
  refresh(): void;
  /** Optional finer-grained refresh (reload only what the tool touched). */
  handleChange?(e: ChangeEvent): void;
}

/**
 * Refreshes the affected views after every successful write tool, whoever called it: a view, a
 * command, or an agent through the MCP server (all share one registry). Returns the unsubscribe.
 */
export function refreshViewsOnChange(
  registry: { onDidChange(listener: (e: ChangeEvent) => void): () => void },
  models: Partial<Record<ViewName, RefreshableModel>>,
): () => void {
  return registry.onDidChange((e) => {
    for (const view of viewsForToolset(e.toolset)) {
      const model = models[view];
      if (!model) continue;
      if (model.handleChange) model.handleChange(e);
      else model.refresh();
    }
  });
}
