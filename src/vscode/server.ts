/**
 * The entry of dist/server.js: the MCP SDK Server and the loopback Streamable HTTP transport,
 * loaded only when VS Code asks the provider to start the MCP server.
 */
export { createPostHogMcpServer } from '../mcp/server';
export { serveHttp } from '../mcp/transports/http';
export { GatewayCatalog } from '../mcp/gateway/catalog';
export { createGatewayMcpServer } from '../mcp/gateway/server';
