/** The ids as the code has them (imported, not read from the source): what package.json must agree with. */
import { COMMANDS, CONTEXT_KEYS, MCP_PROVIDER_ID, VIEWS, allTreeItemValues } from '../../src/ids';
import { TOOLSET_INFO, type ToolsetInfo } from '../../src/mcp/toolsets';

export interface CodeIds {
  /** Every command registerCommands has a handler for (its table is keyed by CommandId). */
  commands: readonly string[];
  /** The tree views the extension creates. */
  views: readonly string[];
  /** The context keys the extension sets. */
  contextKeys: readonly string[];
  /** Every contextValue a tree item can have. */
  treeItems: readonly string[];
  mcpProviders: readonly string[];
  /** The setting that lists toolsets, and the toolset records its enum must match. */
  toolsetsSetting: string;
  toolsets: readonly ToolsetInfo[];
}

export function codeIds(): CodeIds {
  return {
    commands: Object.values(COMMANDS),
    views: Object.values(VIEWS),
    contextKeys: Object.values(CONTEXT_KEYS),
    treeItems: allTreeItemValues(),
    mcpProviders: [MCP_PROVIDER_ID],
    toolsetsSetting: 'posthog.mcp.toolsets',
    toolsets: TOOLSET_INFO,
  };
}
