/**
 * The toolsets: one record each, the single source for their names (the `Toolset` type, the CLI's
 * `--toolsets`, the `posthog.mcp.toolsets` setting's enum), their titles (Run Tool's groups) and
 * their descriptions (the setting's enumDescriptions) and the personal API key scopes their tools
 * need. The manifest test checks package.json against this list.
 */

/**
 * The personal API key scopes a toolset's tools need, as PostHog checks them (posthog/permissions.py
 * `APIScopePermission`: each viewset's `scope_object`, `:read` for list/retrieve, `:write`
 * otherwise; a write scope also grants read). Every tool reads /api/users/@me/ (`user:read`) to find
 * the project and its token. `write` is what the tools that change something need besides `read`;
 * test/core/toolsetScopes.test.ts checks both against the stand-in's scope rules.
 */
export interface ToolsetScopes {
  readonly read: readonly string[];
  readonly write: readonly string[];
}

export interface ToolsetInfo {
  /** What `--toolsets` and the setting take, and what each tool names as its `toolset`. */
  readonly name: string;
  /** Shown as a group heading ("Feature flags"). */
  readonly title: string;
  /** One sentence on what the group's tools do. */
  readonly description: string;
  readonly scopes: ToolsetScopes;
}

/** In the order the tools are listed. */
export const TOOLSET_INFO = [
  {
    name: 'actions',
    title: 'Actions',
    description: 'List, create, read and update actions (named groups of events).',
    scopes: { read: ['user:read', 'action:read'], write: ['action:write'] },
  },
  {
    name: 'events',
    title: 'Events',
    description: "Capture events and group events, identify users and groups, and list the project's event and property definitions.",
    scopes: { read: ['user:read', 'event_definition:read', 'property_definition:read', 'query:read'], write: [] },
  },
  {
    name: 'flag_evaluation',
    title: 'Flag evaluation',
    description: "Evaluate feature flags for a user: one flag's value or payload, or all of them.",
    scopes: { read: ['user:read', 'feature_flag:read'], write: [] },
  },
  {
    name: 'feature_flags',
    title: 'Feature flags',
    description: 'List, create, read, update and delete feature flags.',
    // activity_log:read: the deleted flags are known only from the flags' activity log.
    scopes: { read: ['user:read', 'feature_flag:read', 'activity_log:read'], write: ['feature_flag:write'] },
  },
  {
    name: 'annotations',
    title: 'Annotations',
    description: 'List, create, read and update annotations.',
    scopes: { read: ['user:read', 'annotation:read'], write: ['annotation:write'] },
  },
  {
    name: 'cohorts',
    title: 'Cohorts',
    description: 'List, create, read, update and delete cohorts.',
    scopes: { read: ['user:read', 'cohort:read'], write: ['cohort:write'] },
  },
  {
    name: 'dashboards',
    title: 'Dashboards',
    description: 'List, create, read, update and delete dashboards, their collaborators and sharing.',
    scopes: { read: ['user:read', 'dashboard:read', 'sharing_configuration:read'], write: ['dashboard:write'] },
  },
  {
    name: 'persons',
    title: 'Persons',
    description: 'List persons and read one person.',
    scopes: { read: ['user:read', 'person:read'], write: [] },
  },
  {
    name: 'experiments',
    title: 'Experiments',
    description: 'List, create, read and update experiments, and find those that depend on a flag.',
    scopes: { read: ['user:read', 'experiment:read'], write: ['experiment:write', 'feature_flag:read'] },
  },
  {
    name: 'insights',
    title: 'Insights',
    description: 'List, create, read and update insights and trends, their sharing and activity.',
    scopes: {
      read: ['user:read', 'insight:read', 'sharing_configuration:read', 'activity_log:read', 'query:read'],
      write: ['insight:write'],
    },
  },
  {
    name: 'mcp_store',
    title: 'MCP store',
    description: "Install MCP servers from the catalogue or by URL, and manage installations and their tools' approval.",
    scopes: { read: ['user:read', 'project:read'], write: [] },
  },
  {
    name: 'workspace',
    title: 'Workspace and query',
    description: 'List projects and run HogQL queries.',
    scopes: { read: ['user:read', 'project:read', 'query:read'], write: [] },
  },
  {
    name: 'code',
    title: 'Code',
    description: "Find PostHog flag keys and event names in the workspace's code, and the flags it uses that are stale.",
    scopes: { read: ['user:read', 'feature_flag:read', 'activity_log:read'], write: [] },
  },
] as const satisfies readonly ToolsetInfo[];

export type Toolset = (typeof TOOLSET_INFO)[number]['name'];

/** The toolset names, in order. */
export const TOOLSETS: readonly Toolset[] = TOOLSET_INFO.map((t) => t.name);

const BY_NAME = new Map<string, ToolsetInfo>(TOOLSET_INFO.map((t) => [t.name, t]));

/** The record of a toolset name, or undefined for a name that is none. */
export function toolsetInfo(name: string): ToolsetInfo | undefined {
  return BY_NAME.get(name);
}
