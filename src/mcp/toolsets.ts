/**
 * The toolsets: one record each, the single source for their names (the `Toolset` type, the CLI's
 * `--toolsets`, the `posthog.mcp.toolsets` setting's enum), their titles (Run Tool's groups) and
 * their descriptions (the setting's enumDescriptions). The manifest test checks package.json
 * against this list.
 */

export interface ToolsetInfo {
  /** What `--toolsets` and the setting take, and what each tool names as its `toolset`. */
  readonly name: string;
  /** Shown as a group heading ("Feature flags"). */
  readonly title: string;
  /** One sentence on what the group's tools do. */
  readonly description: string;
}

/** In the order the tools are listed. */
export const TOOLSET_INFO = [
  { name: 'actions', title: 'Actions', description: 'List, create, read and update actions (named groups of events).' },
  {
    name: 'events',
    title: 'Events',
    description: 'Capture events and group events, and identify users and groups.',
  },
  {
    name: 'flag_evaluation',
    title: 'Flag evaluation',
    description: "Evaluate feature flags for a user: one flag's value or payload, or all of them.",
  },
  { name: 'feature_flags', title: 'Feature flags', description: 'List, create, read, update and delete feature flags.' },
  { name: 'annotations', title: 'Annotations', description: 'List, create, read and update annotations.' },
  { name: 'cohorts', title: 'Cohorts', description: 'List, create, read, update and delete cohorts.' },
  {
    name: 'dashboards',
    title: 'Dashboards',
    description: 'List, create, read, update and delete dashboards, their collaborators and sharing.',
  },
  { name: 'persons', title: 'Persons', description: 'List persons and read one person.' },
  {
    name: 'experiments',
    title: 'Experiments',
    description: 'List, create, read and update experiments, and find those that depend on a flag.',
  },
  {
    name: 'insights',
    title: 'Insights',
    description: 'List, create, read and update insights and trends, their sharing and activity.',
  },
  {
    name: 'mcp_store',
    title: 'MCP store',
    description: "Install MCP servers from the catalogue or by URL, and manage installations and their tools' approval.",
  },
  { name: 'workspace', title: 'Workspace and query', description: 'List projects and run HogQL queries.' },
] as const satisfies readonly ToolsetInfo[];

export type Toolset = (typeof TOOLSET_INFO)[number]['name'];

/** The toolset names, in order. */
export const TOOLSETS: readonly Toolset[] = TOOLSET_INFO.map((t) => t.name);

const BY_NAME = new Map<string, ToolsetInfo>(TOOLSET_INFO.map((t) => [t.name, t]));

/** The record of a toolset name, or undefined for a name that is none. */
export function toolsetInfo(name: string): ToolsetInfo | undefined {
  return BY_NAME.get(name);
}
