/**
 * The entry of dist/core.js: what the extension loads on first use (the first tree fetch, tool
 * call or sign-in check), not at activation. The PostHog client (axios), the ToolRegistry, every
 * tool definition and zod. The glue imports only types from here and calls `loadCore()`.
 */
export { PostHogClient } from '../posthog/client';
export { ToolInputError, ToolRegistry, parseToolsets, redact } from '../mcp/registry';
export { ALL_TOOLS } from '../mcp/tools';
export { warnOnFirstScope403, warnOnceAboutScopes } from './scopeWarning';
export { pageMessage as hogqlPageMessage } from '../insights/hogql/protocol';
export { parseDashboardMessage, parseInsightMessage } from '../insights/panelMessages';
