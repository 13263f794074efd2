/**
 * The names the MCP App view and the server agree on (the MCP Apps extension, SEP-1865): the view's
 * `ui://` resource, its MIME type, and the `_meta` key of a tool result that carries the whole
 * data for the view (the text and structuredContent stay compact for the agent).
 */
export const MCP_APP_URI = 'ui://posthog/insight-chart.html';
export const MCP_APP_MIME = 'text/html;profile=mcp-app';
export const MCP_APP_RESULT_KEY = 'posthog.com/result';
