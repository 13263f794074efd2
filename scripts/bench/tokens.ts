/**
 * 4. Agent token cost: tools/list bytes (all tools, per toolset) of our server and of
 *    @posthog/agent-toolkit's tools served by an McpServer in the same run, and the response
 *    bytes of comparable calls on the same stand-in data.
 *
 * The toolkit is pointed at the stand-in through a small loopback adapter that fills two gaps of
 * the stand-in (and only those), both recorded in the report:
 *   - GET /api/personal_api_keys/@current (the toolkit reads the key's scopes; the stand-in has
 *     no such route): answered as PostHog answers it for an all-access key.
 *   - dashboard tiles carry `order` in PostHog's DashboardTileSerializer; the stand-in omits it
 *     and the toolkit's response schema requires it: the adapter adds the tile's index.
 *   - list envelopes' `next` / `previous` links: the stand-in writes the host as "standin", PostHog
 *     writes its own; the adapter writes its own (the toolkit follows `next` for flags).
 * Everything else passes through unchanged.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { PostHogAgentToolkit, getToolsFromContext } from '@posthog/agent-toolkit/tools';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { fromTable } from '../../src/mcp/render';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { TOOLSETS, type Toolset } from '../../src/mcp/tool';
import type { Standin } from '../../test/standin/server';
import { bytes } from './lib';

/** Our toolset → the toolkit's feature with the same subject. */
const PEER_FEATURE: Partial<Record<Toolset, string>> = {
  feature_flags: 'flags',
  dashboards: 'dashboards',
  experiments: 'experiments',
  insights: 'insights',
  events: 'events',
  workspace: 'workspace',
};

export interface ToolsetBytes {
  toolset: string;
  ours_tools: number;
  ours_bytes: number;
  peer_feature?: string;
  toolkit_tools?: number;
  toolkit_bytes?: number;
}

export interface ToolBytes {
  name: string;
  bytes: number;
  description: number;
  schema: number;
}

export interface ResponseRow {
  what: string;
  ours_bytes: number;
  toolkit_bytes: number | null;
  /** Not in the JSON. */
  ours_call: string;
  toolkit_call: string;
  rows?: { ours: number; toolkit: number };
  /** Our bytes with a list's rows as objects instead of a table. */
  oursAsObjects: number;
  note?: string;
}

/** Bytes of the same answer with its rows as objects (what the table form saves). */
function asObjectsBytes(text: string): number {
  try {
    const parsed = JSON.parse(text) as unknown;
    const objects = fromTable(parsed);
    return objects === parsed ? bytes(text) : bytes(JSON.stringify(objects));
  } catch {
    return bytes(text);
  }
}

export interface TokensResult {
  tools_list: { ours_tools: number; ours_bytes: number; toolkit_tools: number; toolkit_bytes: number };
  /** The toolkit's list exactly as the SDK's McpServer served it (with $schema and execution). */
  toolkitAsServed: number;
  oursBreakdown: ListBreakdown;
  toolsets: ToolsetBytes[];
  largestOurs: ToolBytes[];
  largestToolkit: ToolBytes[];
  responses: ResponseRow[];
  adapterRequests: string[];
  toolkitUnanswered: string[];
}

/** A connected in-memory client that records the raw JSON of every result it receives. */
async function connect(
  server: Server | McpServer,
): Promise<{ client: Client; raw: Map<string | number, string>; close: () => Promise<void> }> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(clientSide);
  const raw = new Map<string | number, string>();
  const original = clientSide.onmessage!;
  clientSide.onmessage = (m: JSONRPCMessage) => {
    if ('id' in m && 'result' in m) raw.set(m.id, JSON.stringify(m.result));
    original(m);
  };
  return {
    client,
    raw,
    close: async () => {
      await client.close().catch(() => undefined);
      await server.close().catch(() => undefined);
    },
  };
}

/**
 * The SDK's McpServer adds `$schema` to every input schema and `execution: {taskSupport}` to every
 * tool; neither is the toolkit's content and our Server sends neither, so they are taken out of
 * the toolkit's side to compare like for like (this makes the comparison harder on us).
 */
function normalizeSdkArtefacts(result: { tools: Array<Record<string, unknown>> }): { tools: Array<Record<string, unknown>> } {
  return {
    ...result,
    tools: result.tools.map((t) => {
      const { execution: _execution, ...rest } = t;
      const schema = { ...(rest.inputSchema as Record<string, unknown>) };
      delete schema.$schema;
      return { ...rest, inputSchema: schema };
    }),
  };
}

/** Bytes of the raw tools/list result, and per-tool sizes. */
async function toolsList(c: { client: Client; raw: Map<string | number, string> }, normalize = false) {
  const before = new Set(c.raw.keys());
  const listed = await c.client.listTools();
  const id = [...c.raw.keys()].find((k) => !before.has(k));
  let rawText = id !== undefined ? c.raw.get(id)! : JSON.stringify(listed);
  const asServed = bytes(rawText);
  let parsed = JSON.parse(rawText) as { tools: Array<Record<string, unknown>> };
  if (normalize) {
    parsed = normalizeSdkArtefacts(parsed);
    rawText = JSON.stringify(parsed);
  }
  const perTool: ToolBytes[] = parsed.tools.map((t) => ({
    name: String(t.name),
    bytes: bytes(JSON.stringify(t)),
    description: bytes(String(t.description ?? '')),
    schema: bytes(JSON.stringify(t.inputSchema ?? {})),
  }));
  return { tools: parsed.tools.length, bytes: bytes(rawText), asServed, perTool, parsed };
}

/** Where our tools/list bytes go, and what registry-level trims would save (measured, not applied). */
export interface ListBreakdown {
  descriptions: number;
  titles: number;
  inputSchemas: number;
  propertyDescriptions: number;
  annotations: number;
  additionalProperties: number;
  stringLimits: number;
  /** tools/list bytes with annotations reduced to non-default hints and no duplicated title. */
  withLeanAnnotations: number;
  /** ...and without `additionalProperties: false`. */
  withLeanAnnotationsNoAdditional: number;
}

const HINT_DEFAULTS: Record<string, boolean> = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true };

function leanAnnotations(a: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const readOnly = a.readOnlyHint === true;
  for (const [k, v] of Object.entries(a)) {
    if (k === 'title') continue; // the tool's own title says it
    if (k in HINT_DEFAULTS && v === HINT_DEFAULTS[k]) continue; // the MCP default
    if (readOnly && (k === 'destructiveHint' || k === 'idempotentHint')) continue; // meaningful only when not read-only
    out[k] = v;
  }
  return out;
}

function stripKey(o: unknown, key: string): unknown {
  if (Array.isArray(o)) return o.map((v) => stripKey(v, key));
  if (o && typeof o === 'object')
    return Object.fromEntries(
      Object.entries(o)
        .filter(([k]) => k !== key)
        .map(([k, v]) => [k, stripKey(v, key)]),
    );
  return o;
}

function breakdown(parsed: { tools: Array<Record<string, unknown>> }): ListBreakdown {
  let propertyDescriptions = 0;
  let additionalProperties = 0;
  let stringLimits = 0;
  const walk = (o: unknown, inProperties: boolean) => {
    if (Array.isArray(o)) return o.forEach((v) => walk(v, false));
    if (!o || typeof o !== 'object') return;
    for (const [k, v] of Object.entries(o)) {
      if (!inProperties && k === 'description' && typeof v === 'string')
        propertyDescriptions += bytes(JSON.stringify({ description: v })) - 1;
      if (!inProperties && k === 'additionalProperties') additionalProperties += bytes(JSON.stringify({ [k]: v })) - 1;
      if (!inProperties && (k === 'maxLength' || k === 'minLength' || k === 'maxItems' || k === 'minItems'))
        stringLimits += bytes(JSON.stringify({ [k]: v })) - 1;
      walk(v, k === 'properties' && !inProperties);
    }
  };
  let descriptions = 0;
  let titles = 0;
  let inputSchemas = 0;
  let annotations = 0;
  for (const t of parsed.tools) {
    descriptions += bytes(JSON.stringify(t.description ?? ''));
    titles += bytes(JSON.stringify(t.title ?? ''));
    inputSchemas += bytes(JSON.stringify(t.inputSchema ?? {}));
    annotations += bytes(JSON.stringify(t.annotations ?? {}));
    walk(t.inputSchema, false);
  }
  const lean = {
    tools: parsed.tools.map((t): Record<string, unknown> => ({
      ...t,
      annotations: leanAnnotations((t.annotations ?? {}) as Record<string, unknown>),
    })),
  };
  const leanNoAdditional = { tools: lean.tools.map((t) => ({ ...t, inputSchema: stripKey(t.inputSchema, 'additionalProperties') })) };
  return {
    descriptions,
    titles,
    inputSchemas,
    propertyDescriptions,
    annotations,
    additionalProperties,
    stringLimits,
    withLeanAnnotations: bytes(JSON.stringify(lean)),
    withLeanAnnotationsNoAdditional: bytes(JSON.stringify(leanNoAdditional)),
  };
}

/** The loopback adapter in front of the stand-in, for the toolkit only (see the header). */
export async function startAdapter(standin: Pick<Standin, 'url'>): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
  const seen: string[] = [];
  const target = new URL(standin.url);
  let selfUrl = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    seen.push(`${req.method} ${path}`);
    if (req.method === 'GET' && /^\/api\/personal_api_keys\/@current\/?$/.test(path)) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'bench-key',
          label: 'demo',
          value: null,
          mask_value: 'phx_...0000',
          created_at: '2025-01-01T00:00:00Z',
          last_used_at: null,
          user_id: 1,
          scopes: ['*'],
          scoped_teams: [],
          scoped_organizations: [],
        }),
      );
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
        (up) => {
          const body: Buffer[] = [];
          up.on('data', (c: Buffer) => body.push(c));
          up.on('end', () => {
            let out = Buffer.concat(body);
            // The stand-in's `next` / `previous` links name the host "standin"; PostHog's name itself.
            if (out.includes('"http://standin/')) out = Buffer.from(out.toString('utf8').split('"http://standin/').join(`"${selfUrl}/`));
            if (req.method === 'GET' && up.statusCode === 200 && /^\/api\/(projects|environments)\/[^/]+\/dashboards\/\d+\/?$/.test(path)) {
              const d = JSON.parse(out.toString('utf8')) as { tiles?: Array<Record<string, unknown>> };
              if (Array.isArray(d.tiles)) d.tiles.forEach((t, i) => (t.order ??= i));
              out = Buffer.from(JSON.stringify(d));
            }
            const headers = { ...up.headers };
            delete headers['content-length'];
            delete headers['transfer-encoding'];
            res.writeHead(up.statusCode ?? 502, { ...headers, 'content-length': String(out.length) });
            res.end(out);
          });
        },
      );
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  selfUrl = `http://127.0.0.1:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type ToolkitTool = Awaited<ReturnType<PostHogAgentToolkit['getTools']>>[number];

function toolkitServer(tools: ToolkitTool[], context: ReturnType<PostHogAgentToolkit['getContext']>): McpServer {
  const server = new McpServer({ name: 'posthog-agent-toolkit', version: '0.2.4' });
  for (const tool of tools) {
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: tool.schema.shape, annotations: tool.annotations },
      // The toolkit's handlers return a CallToolResult; errors become isError results as in PostHog's server.
      (async (params: unknown) => {
        try {
          return await tool.handler(context, params as never);
        } catch (err) {
          return { content: [{ type: 'text', text: `Error: ${err instanceof Error ? err.message : String(err)}` }], isError: true };
        }
      }) as never,
    );
  }
  return server;
}

function resultText(r: unknown): { text: string; isError: boolean } {
  const res = r as { content?: Array<{ type: string; text?: string }>; isError?: boolean };
  return {
    text: (res.content ?? [])
      .filter((c) => c.type === 'text')
      .map((c) => c.text ?? '')
      .join('\n'),
    isError: res.isError === true,
  };
}

function rowCount(text: string): number {
  try {
    const v = fromTable(JSON.parse(text)) as unknown;
    if (Array.isArray(v)) return v.length;
    if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown[] }).results))
      return (v as { results: unknown[] }).results.length;
    return 1;
  } catch {
    return 0;
  }
}

/** BENCH_DUMP=<dir>: write both sides' texts of every comparable call, to read what the bytes are. */
function dump(dir: string, what: string, ours: string, theirs: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const base = what.replace(/[^a-z0-9]+/gi, '-');
  fs.writeFileSync(path.join(dir, `${base}.ours.json`), ours);
  fs.writeFileSync(path.join(dir, `${base}.toolkit.json`), theirs);
}

export async function measureTokens(standin: Standin): Promise<TokensResult> {
  // Ours: every tool, then each toolset alone.
  const client = new PostHogClient({ apiKey: standin.key, host: standin.url });
  const registry = new ToolRegistry(ALL_TOOLS, () => client);
  const ours = await connect(createPostHogMcpServer({ registry }));
  const oursAll = await toolsList(ours);

  // The toolkit: its tools, served by an McpServer in this process.
  const adapter = await startAdapter(standin);
  const toolkit = new PostHogAgentToolkit({ posthogApiToken: standin.key, posthogApiBaseUrl: adapter.url });
  const tkContext = toolkit.getContext();
  const tkTools = await toolkit.getTools();
  if (tkTools.length === 0) throw new Error('the toolkit listed no tools (its scope check failed)');
  const theirs = await connect(toolkitServer(tkTools, tkContext));
  const theirsAll = await toolsList(theirs, true);

  const toolsets: ToolsetBytes[] = [];
  for (const ts of TOOLSETS) {
    const c = await connect(createPostHogMcpServer({ registry, toolsets: [ts] }));
    const l = await toolsList(c);
    await c.close();
    const row: ToolsetBytes = { toolset: ts, ours_tools: l.tools, ours_bytes: l.bytes };
    const feature = PEER_FEATURE[ts];
    if (feature) {
      const peerTools = await getToolsFromContext(tkContext, [feature]);
      const pc = await connect(toolkitServer(peerTools, tkContext));
      const pl = await toolsList(pc, true);
      await pc.close();
      Object.assign(row, { peer_feature: feature, toolkit_tools: pl.tools, toolkit_bytes: pl.bytes });
    }
    toolsets.push(row);
  }

  // Comparable calls on the same data. Our list calls ask for as many rows as the toolkit
  // returns (it has no paging for flags, and its other lists take the server's page), so both
  // sides carry the same rows; our default page (25) is shown too.
  const callOurs = async (name: string, args: Record<string, unknown>) => resultText(await ours.client.callTool({ name, arguments: args }));
  const callTheirs = async (name: string, args: Record<string, unknown>) =>
    resultText(await theirs.client.callTool({ name, arguments: args }));
  const dashboards = standin.state.table(standin.projectId, 'dashboards').all() as Array<Record<string, unknown>>;
  const withText = dashboards.find(
    (d) => Array.isArray(d.tiles) && (d.tiles as Array<Record<string, unknown>>).some((t) => t.text) && !d.deleted,
  );
  const insightOnly = dashboards.find(
    (d) =>
      !d.deleted &&
      Array.isArray(d.tiles) &&
      (d.tiles as Array<Record<string, unknown>>).length > 0 &&
      (d.tiles as Array<Record<string, unknown>>).every((t) => !t.text),
  );
  const flags = standin.state.table(standin.projectId, 'feature_flags').all() as Array<Record<string, unknown>>;
  const richFlag = flags.filter((f) => !f.deleted).sort((a, b) => JSON.stringify(b.filters).length - JSON.stringify(a.filters).length)[0];
  const plainFlag = flags.find((f) => !f.deleted && f.id === 1) ?? flags[0];

  const cases: Array<{ what: string; ours: [string, Record<string, unknown>]; theirs: [string, Record<string, unknown>]; list?: boolean }> =
    [
      { what: 'list flags', ours: ['list_feature_flags', { limit: 100 }], theirs: ['feature-flag-get-all', {}], list: true },
      {
        what: 'get a flag (simple)',
        ours: ['get_feature_flag', { flag_id: plainFlag.id }],
        theirs: ['feature-flag-get-definition', { flagId: plainFlag.id }],
      },
      {
        what: 'get a flag (most conditions)',
        ours: ['get_feature_flag', { flag_id: richFlag.id }],
        theirs: ['feature-flag-get-definition', { flagId: richFlag.id }],
      },
      { what: 'list dashboards', ours: ['list_dashboards', { limit: 100 }], theirs: ['dashboards-get-all', {}], list: true },
      {
        what: 'get a dashboard',
        ours: ['get_dashboard', { dashboard_id: insightOnly?.id }],
        theirs: ['dashboard-get', { dashboardId: insightOnly?.id }],
      },
      { what: 'list insights', ours: ['list_insights', { limit: 100 }], theirs: ['insights-get-all', {}], list: true },
    ];
  const responses: ResponseRow[] = [];
  for (const c of cases) {
    const [oName, oArgs] = c.ours;
    const [tName, tArgs] = c.theirs;
    const o = await callOurs(oName, oArgs);
    const t = await callTheirs(tName, tArgs);
    if (o.isError) throw new Error(`${oName} failed: ${o.text.slice(0, 300)}`);
    if (process.env.BENCH_DUMP) dump(process.env.BENCH_DUMP, c.what, o.text, t.text);
    const row: ResponseRow = {
      what: c.what,
      ours_bytes: bytes(o.text),
      toolkit_bytes: t.isError ? null : bytes(t.text),
      ours_call: `${oName} ${JSON.stringify(oArgs)}`,
      toolkit_call: `${tName} ${JSON.stringify(tArgs)}`,
      oursAsObjects: asObjectsBytes(o.text),
    };
    if (t.isError) row.note = `toolkit failed: ${t.text.slice(0, 200)}`;
    if (c.list) {
      row.rows = { ours: rowCount(o.text), toolkit: rowCount(t.text) };
      const dflt = await callOurs(oName, {});
      row.note = `${row.note ? `${row.note}; ` : ''}our default page: ${bytes(dflt.text)} B for ${rowCount(dflt.text)} rows`;
    }
    responses.push(row);
  }
  // Every flag, not just two picked ones: the sum over all of them, and how many are larger.
  {
    let oursTotal = 0;
    let theirsTotal = 0;
    let larger = 0;
    const live = flags.filter((f) => !f.deleted);
    for (const f of live) {
      const o = await callOurs('get_feature_flag', { flag_id: f.id });
      const t = await callTheirs('feature-flag-get-definition', { flagId: f.id });
      if (o.isError || t.isError) throw new Error(`get flag ${String(f.id)} failed: ${(o.isError ? o.text : t.text).slice(0, 200)}`);
      oursTotal += bytes(o.text);
      theirsTotal += bytes(t.text);
      if (bytes(o.text) > bytes(t.text)) larger++;
    }
    responses.push({
      what: `get every flag (${live.length} calls, total)`,
      ours_bytes: oursTotal,
      toolkit_bytes: theirsTotal,
      ours_call: 'get_feature_flag {flag_id} for each flag',
      toolkit_call: 'feature-flag-get-definition {flagId} for each flag',
      oursAsObjects: oursTotal,
      note: `ours larger for ${larger} of ${live.length} flags`,
    });
  }
  // Dashboards with a text tile: the toolkit's schema requires an insight on every tile.
  const toolkitUnanswered: string[] = [];
  if (withText) {
    const t = await callTheirs('dashboard-get', { dashboardId: withText.id });
    if (t.isError)
      toolkitUnanswered.push(
        `dashboard-get on dashboard ${String(withText.id)} (it has a text tile): ${t.text.replace(/\s+/g, ' ').slice(0, 160)}`,
      );
  }

  await ours.close();
  await theirs.close();
  await adapter.close();

  const adapterRequests = [...new Set(adapter.seen)];
  return {
    tools_list: { ours_tools: oursAll.tools, ours_bytes: oursAll.bytes, toolkit_tools: theirsAll.tools, toolkit_bytes: theirsAll.bytes },
    toolkitAsServed: theirsAll.asServed,
    oursBreakdown: breakdown(oursAll.parsed),
    toolsets,
    largestOurs: [...oursAll.perTool].sort((a, b) => b.bytes - a.bytes).slice(0, 8),
    largestToolkit: [...theirsAll.perTool].sort((a, b) => b.bytes - a.bytes).slice(0, 5),
    responses,
    adapterRequests,
    toolkitUnanswered,
  };
}
