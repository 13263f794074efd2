/** The shapes the governed gateway works with: installations as PostHog states them, and the tools it offers. */
import type { McpProxyClient } from './proxyClient';

export type InstallationStatus = 'ready' | 'disabled' | 'needs_reauth' | 'pending_oauth' | 'unavailable';

export interface GatewayInstallation {
  id: string;
  name: string;
  /** The tool-name prefix in a multi-installation gateway. */
  slug: string;
  status: InstallationStatus;
  /** What is wrong and what to do, when status is not ready. */
  problem?: string;
  proxy: McpProxyClient;
  /** tool name → approval_state, as PostHog has it. */
  approvals: Map<string, string>;
}

/** An upstream `tools/list` entry (only what we pass on). */
export interface UpstreamToolInfo {
  name: string;
  title?: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

export interface GatewayTool {
  /** The name agents call it by (prefixed in a multi-installation gateway). */
  name: string;
  upstreamName: string;
  installation: GatewayInstallation;
  state: 'approved' | 'needs_approval';
  upstream: UpstreamToolInfo;
}

/** Asks the person whether a needs-approval tool may be approved and run. */
export type ConfirmApproval = (tool: string, server: string) => Promise<boolean>;
