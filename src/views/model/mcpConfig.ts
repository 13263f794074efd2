/**
 * "PostHog: Copy MCP Configuration": a ready `mcpServers` entry for the `posthog-mcp` CLI, for
 * MCP clients other than VS Code. It never holds the real key: a placeholder stands in for it.
 */
import { EU_HOST, US_HOST, normalizeHost } from '../../posthog/hosts';

export const API_KEY_PLACEHOLDER = '<your personal API key>';

export interface McpConfigInput {
  host?: string;
  projectId?: number;
  /** [] or undefined: every toolset. */
  toolsets?: readonly string[];
  readOnly?: boolean;
  /**
   * Absolute path of the posthog-mcp CLI shipped inside the extension (dist/cli.js). When given,
   * the config runs it with `node`, so it works without installing anything else; otherwise it
   * names the `posthog-mcp` command (installed with npm).
   */
  cliPath?: string;
}

export interface McpClientConfig {
  mcpServers: {
    posthog: {
      command: string;
      args: string[];
      env: Record<string, string>;
    };
  };
}

/** "us", "eu" or the instance URL, as POSTHOG_HOST takes it. */
export function hostForEnv(host?: string): string {
  let normalized: string;
  try {
    normalized = normalizeHost(host);
  } catch {
    return 'us';
  }
  if (normalized === US_HOST) return 'us';
  if (normalized === EU_HOST) return 'eu';
  return normalized;
}

export function mcpConfiguration(input: McpConfigInput): McpClientConfig {
  const args: string[] = [];
  const toolsets = (input.toolsets ?? []).filter((t) => typeof t === 'string' && t.trim());
  if (toolsets.length) args.push('--toolsets', toolsets.join(','));
  if (input.readOnly) args.push('--read-only');
  const env: Record<string, string> = { POSTHOG_API_KEY: API_KEY_PLACEHOLDER, POSTHOG_HOST: hostForEnv(input.host) };
  if (input.projectId !== undefined && Number.isInteger(input.projectId) && input.projectId > 0)
    env.POSTHOG_PROJECT_ID = String(input.projectId);
  if (input.cliPath) return { mcpServers: { posthog: { command: 'node', args: [input.cliPath, ...args], env } } };
  return { mcpServers: { posthog: { command: 'posthog-mcp', args, env } } };
}

export function mcpConfigurationText(input: McpConfigInput): string {
  return `${JSON.stringify(mcpConfiguration(input), null, 2)}\n`;
}
