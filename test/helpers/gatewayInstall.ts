/**
 * Puts an installation pointing at a test upstream MCP server straight into the stand-in's state
 * (install_custom refuses loopback URLs, as PostHog does), with its tools and their approval states.
 */
import { randomUUID } from 'node:crypto';
import { installationsTable } from '../standin/routes/mcpStore';
import type { Standin } from '../standin/server';
import { nowIso, type Row } from '../standin/state';
import { UPSTREAM_TOOLS } from './upstreamMcp';

export const INSTALLATION_TOKEN = 'lin_api_installation_secret_token_9f8e7d';

export interface InstallOptions {
  url: string;
  name?: string;
  /** tool name → approval state; tools not named are needs_approval. */
  approvals?: Record<string, string>;
  enabled?: boolean;
  authType?: 'api_key' | 'oauth';
  /** oauth: no access token yet. */
  pendingOauth?: boolean;
  needsReauth?: boolean;
  projectId?: number;
}

export function addUpstreamInstallation(standin: Standin, o: InstallOptions): string {
  const now = nowIso();
  const authType = o.authType ?? 'api_key';
  const sensitive: Row =
    authType === 'api_key' ? { api_key: INSTALLATION_TOKEN } : o.pendingOauth ? {} : { access_token: INSTALLATION_TOKEN };
  if (o.needsReauth) sensitive.needs_reauth = true;
  const id = randomUUID();
  installationsTable(standin.state, o.projectId ?? standin.projectId).insert({
    id,
    team_id: o.projectId ?? standin.projectId,
    user_id: 1,
    scope: 'personal',
    template_id: null,
    display_name: o.name ?? 'Linear',
    url: o.url,
    description: '',
    auth_type: authType,
    is_enabled: o.enabled ?? true,
    sensitive_configuration: sensitive,
    tools: UPSTREAM_TOOLS.map((t) => ({
      id: randomUUID(),
      tool_name: t.name,
      display_name: t.title,
      description: t.description,
      input_schema: t.inputSchema,
      approval_state: o.approvals?.[t.name] ?? 'needs_approval',
      removed_at: null,
      last_seen_at: now,
      created_at: now,
      updated_at: now,
    })),
    upstream_tools: structuredClone(UPSTREAM_TOOLS),
    created_at: now,
    updated_at: now,
  });
  return id;
}

/** The stored row, to flip states from a test as another PostHog user would. */
export function installationRow(standin: Standin, id: string, projectId = standin.projectId): Row {
  return installationsTable(standin.state, projectId).get(id)!;
}

export function setApproval(standin: Standin, id: string, tool: string, state: string): void {
  const t = (installationRow(standin, id).tools as Row[]).find((x) => x.tool_name === tool)!;
  t.approval_state = state;
}
