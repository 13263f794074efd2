/**
 * The governed gateway's overhead: one approved tool call through the gateway (MCP SDK client,
 * in memory → gateway server → its approval check → the proxy client → PostHog's proxy) against
 * the same proxy request made directly (one POST with the same JSON-RPC body and MCP session,
 * axios with keep-alive), interleaved in one run, against the same stand-in and the same upstream
 * MCP server (the SDK's own, on loopback). The stand-in's proxy throttle (60/min) is lifted so the
 * repetitions measure the code, not the limiter.
 */
import http from 'node:http';
import axios from 'axios';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { GatewayCatalog } from '../../src/mcp/gateway/catalog';
import { createGatewayMcpServer } from '../../src/mcp/gateway/server';
import { startStandin } from '../../test/standin/server';
import { mcpProxyThrottle } from '../../test/standin/routes/mcpProxy';
import { startUpstreamMcp } from '../../test/helpers/upstreamMcp';
import { addUpstreamInstallation } from '../../test/helpers/gatewayInstall';
import { type Reps, percentile, round, timeInterleaved } from './lib';

export interface GatewayResult {
  direct_ms_p50: number;
  direct_ms_p95: number;
  gateway_ms_p50: number;
  gateway_ms_p95: number;
  n: number;
}

export async function measureGateway(reps: Reps): Promise<GatewayResult> {
  const standin = await startStandin({ seed: 'empty', rateLimits: { crud: { limit: 1e9, windowMs: 60_000 } } });
  const throttle = mcpProxyThrottle(standin.state);
  throttle.burst = { limit: 1e9, windowMs: 60_000 };
  throttle.sustained = { limit: 1e9, windowMs: 3_600_000 };
  const upstream = await startUpstreamMcp();
  const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: { echo: 'approved' } });
  const client = new PostHogClient({ apiKey: standin.key, host: standin.url, projectId: standin.projectId });
  const registry = new ToolRegistry(ALL_TOOLS, () => client);
  const catalog = new GatewayCatalog({ registry, client: () => client, installationId: id, pollMs: 0 });
  await catalog.refresh();
  const server = createGatewayMcpServer({ catalog, registry });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const mcp = new Client({ name: 'bench', version: '1' });
  await mcp.connect(clientSide);

  // The direct path opens its own session on the upstream, through the proxy, as the gateway did.
  const direct = axios.create({
    baseURL: `${standin.url}/api/projects/${standin.projectId}/mcp_server_installations/${id}/proxy/`,
    headers: { Authorization: `Bearer ${standin.key}`, 'Content-Type': 'application/json' },
    httpAgent: new http.Agent({ keepAlive: true }),
  });
  const init = await direct.post('', {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } },
  });
  const session = String(init.headers['mcp-session-id']);
  await direct.post('', { jsonrpc: '2.0', method: 'notifications/initialized' }, { headers: { 'Mcp-Session-Id': session } });
  let n = 2;
  try {
    const times = await timeInterleaved(reps, {
      direct: async () => {
        const res = await direct.post(
          '',
          { jsonrpc: '2.0', id: n++, method: 'tools/call', params: { name: 'echo', arguments: { text: 'bench' } } },
          { headers: { 'Mcp-Session-Id': session } },
        );
        if (!JSON.stringify(res.data).includes('echo: bench')) throw new Error(`direct: ${JSON.stringify(res.data).slice(0, 200)}`);
      },
      gateway: async () => {
        const res = await mcp.callTool({ name: 'echo', arguments: { text: 'bench' } });
        if (res.isError) throw new Error(`gateway: ${JSON.stringify(res).slice(0, 200)}`);
      },
    });
    return {
      direct_ms_p50: round(percentile(times.direct, 50), 3),
      direct_ms_p95: round(percentile(times.direct, 95), 3),
      gateway_ms_p50: round(percentile(times.gateway, 50), 3),
      gateway_ms_p95: round(percentile(times.gateway, 95), 3),
      n: reps.n,
    };
  } finally {
    catalog.dispose();
    await mcp.close().catch(() => undefined);
    await upstream.close();
    await standin.close();
  }
}
