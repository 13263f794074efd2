/**
 * The MCP App view as an MCP resource (the MCP Apps extension, SEP-1865): `ui://posthog/insight-chart.html`,
 * MIME `text/html;profile=mcp-app`, the page scripts/build.mjs writes to dist/mcp-app.html. Listed
 * when a tool the server exposes declares it (src/mcp/tool.ts `ui`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MCP_APP_MIME, MCP_APP_URI } from '../insights/mcpApp';

export { MCP_APP_URI };

/** No connect, resource, frame or base-uri domains: the page loads nothing and talks only to its host. */
const UI_META = { ui: { csp: { connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] }, prefersBorder: true } };

export const MCP_APP_RESOURCE = {
  uri: MCP_APP_URI,
  name: 'insight-chart',
  title: 'PostHog insight chart',
  description: 'Draws the results of run_insight_query (insight charts) and run_hogql_query (tables) in hosts that support MCP Apps.',
  mimeType: MCP_APP_MIME,
  _meta: UI_META,
};

let cached: string | undefined;

/**
 * The page: beside the bundle that serves it (dist/cli.js, dist/server.js), or in dist/ when run
 * from source (tests under tsx, after `npm run build`).
 */
export function mcpAppHtml(): string {
  if (cached !== undefined) return cached;
  const candidates = [path.join(__dirname, 'mcp-app.html'), path.resolve(__dirname, '../../dist/mcp-app.html')];
  for (const file of candidates) {
    try {
      cached = readFileSync(file, 'utf8');
      return cached;
    } catch {
      /* try the next place */
    }
  }
  throw new Error('The chart view (mcp-app.html) is missing from this installation: run `npm run build`, or reinstall the extension.');
}

/** resources/read of the view: the whole page, with its CSP (no domains) on the content item. */
export function readMcpAppResource() {
  return { contents: [{ uri: MCP_APP_URI, mimeType: MCP_APP_MIME, text: mcpAppHtml(), _meta: UI_META }] };
}
