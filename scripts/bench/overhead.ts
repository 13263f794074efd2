/**
 * 1. Tool-call overhead: list_dashboards through MCP (in-memory, stdio, loopback HTTP) against the
 *    same HTTP request made directly with axios (the floor), interleaved in one run.
 * 2. Cold start: spawn posthog-mcp → initialize → tools/list answered.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import axios from 'axios';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { createPostHogMcpServer } from '../../src/mcp/server';
import { ALL_TOOLS } from '../../src/mcp/tools';
import type { Standin } from '../../test/standin/server';

/** What the overhead section needs of a stand-in (it runs in its own process there). */
export type StandinAddress = Pick<Standin, 'url' | 'key' | 'projectId'>;
import { ROOT, type Reps, median, now, percentile, round, startChild, stopChild, timeInterleaved } from './lib';

export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface OverheadResult {
  direct_ms_p50: number;
  direct_ms_p95: number;
  inmemory_ms_p50: number;
  inmemory_ms_p95: number;
  stdio_ms_p50: number;
  http_ms_p50: number;
  /** Not in the JSON: extra context for the table. */
  extra: {
    stdio_ms_p95: number;
    http_ms_p95: number;
    pipe_echo_ms_p50: number;
    http_echo_ms_p50: number;
    http_node_ms_p50: number;
    n: number;
  };
}

function textOf(result: unknown): string {
  const content = (result as { content?: Array<{ type: string; text?: string }> }).content ?? [];
  return content.map((c) => c.text ?? '').join('');
}

function assertOk(label: string, result: unknown): void {
  if ((result as { isError?: boolean }).isError) throw new Error(`${label}: list_dashboards failed: ${textOf(result).slice(0, 300)}`);
}

/** Starts `posthog-mcp --http` and resolves with its URL once it listens. */
async function startHttpCli(standin: StandinAddress, token: string) {
  const child = startChild(process.execPath, [CLI, '--http', '--port', '0'], {
    env: { ...process.env, POSTHOG_API_KEY: standin.key, POSTHOG_HOST: standin.url, POSTHOG_MCP_TOKEN: token },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`posthog-mcp --http did not start: ${err}`)), 15_000);
    const onData = (c: Buffer) => {
      err += c.toString('utf8');
      const m = /listening on (\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        // From here on its log lines (one per call) are read and dropped, so the pipe never fills.
        child.stderr!.off('data', onData);
        child.stderr!.resume();
        resolve(m[1]);
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`posthog-mcp --http exited (${code}): ${err}`)));
  });
  return { child, url };
}

export async function measureOverhead(standin: StandinAddress, reps: Reps): Promise<OverheadResult> {
  // The floor: the same GET list_dashboards sends, straight from axios with a keep-alive agent.
  const agent = new http.Agent({ keepAlive: true });
  const direct = axios.create({ baseURL: standin.url, httpAgent: agent, headers: { Authorization: `Bearer ${standin.key}` } });
  const directCall = async () => {
    const res = await direct.get(`/api/projects/${standin.projectId}/dashboards/`, { params: { limit: 25, offset: 0 } });
    if (res.status !== 200) throw new Error(`direct: ${res.status}`);
  };

  // In-memory: the SDK client and our server in this process.
  const client = new PostHogClient({ apiKey: standin.key, host: standin.url });
  const registry = new ToolRegistry(ALL_TOOLS, () => client);
  const server = createPostHogMcpServer({ registry });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const inmem = new Client({ name: 'bench', version: '1.0.0' });
  await inmem.connect(clientSide);

  // stdio: the built posthog-mcp as a child process.
  const stdioTransport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI],
    env: { ...process.env, POSTHOG_API_KEY: standin.key, POSTHOG_HOST: standin.url } as Record<string, string>,
    stderr: 'ignore',
  });
  const stdio = new Client({ name: 'bench', version: '1.0.0' });
  await stdio.connect(stdioTransport);

  // Loopback HTTP: posthog-mcp --http as a child process.
  const token = randomBytes(24).toString('base64url');
  const httpCli = await startHttpCli(standin, token);
  const httpClient = new Client({ name: 'bench', version: '1.0.0' });
  const httpTransport = new StreamableHTTPClientTransport(new URL(httpCli.url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await httpClient.connect(httpTransport);

  // Physical floors of the two process hops: a child that echoes lines on a pipe, and a child that
  // answers a loopback POST with its body (fetch, as the SDK's HTTP client uses).
  const echo = startChild(process.execPath, ['-e', 'process.stdin.pipe(process.stdout)'], { stdio: ['pipe', 'pipe', 'ignore'] });
  let pending: (() => void) | undefined;
  let echoBuf = '';
  echo.stdout!.on('data', (c: Buffer) => {
    echoBuf += c.toString('utf8');
    if (echoBuf.endsWith('\n')) {
      echoBuf = '';
      const p = pending;
      pending = undefined;
      p?.();
    }
  });
  const line = `${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'list_dashboards', arguments: {} } })}\n`;
  const pipeEcho = () =>
    new Promise<void>((resolve) => {
      pending = resolve;
      echo.stdin!.write(line);
    });
  const httpEchoChild = startChild(
    process.execPath,
    [
      '-e',
      "const s=require('http').createServer((q,r)=>{const c=[];q.on('data',d=>c.push(d));q.on('end',()=>{const b=Buffer.concat(c);r.writeHead(200,{'content-type':'application/json','content-length':b.length});r.end(b)})});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))",
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const echoPort = await new Promise<number>((resolve) =>
    httpEchoChild.stdout!.once('data', (c: Buffer) => resolve(Number(String(c).trim()))),
  );
  const httpEcho = async () => {
    const res = await fetch(`http://127.0.0.1:${echoPort}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: line,
    });
    await res.text();
  };

  // The same tools/call POSTed with node:http into the same session, without an MCP client library:
  // what the server side costs when the client's HTTP stack is not undici's fetch.
  const nodeAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const httpUrl = new URL(httpCli.url);
  let rawId = 1_000_000;
  const nodeHttpCall = () =>
    new Promise<void>((resolve, reject) => {
      const body = JSON.stringify({
        jsonrpc: '2.0',
        id: rawId++,
        method: 'tools/call',
        params: { name: 'list_dashboards', arguments: {} },
      });
      const req = http.request(
        {
          host: httpUrl.hostname,
          port: httpUrl.port,
          path: httpUrl.pathname,
          method: 'POST',
          agent: nodeAgent,
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            Accept: 'application/json, text/event-stream',
            'Mcp-Session-Id': httpTransport.sessionId ?? '',
            'Mcp-Protocol-Version': LATEST_PROTOCOL_VERSION,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200 || text.includes('"isError":true'))
              reject(new Error(`node:http call: ${res.statusCode} ${text.slice(0, 200)}`));
            else resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const call = (c: Client, label: string) => async () => assertOk(label, await c.callTool({ name: 'list_dashboards', arguments: {} }));
  try {
    const samples = await timeInterleaved(reps, {
      direct: directCall,
      inmemory: call(inmem, 'in-memory'),
      stdio: call(stdio, 'stdio'),
      http: call(httpClient, 'http'),
      httpNode: nodeHttpCall,
      pipeEcho,
      httpEcho,
    });
    return {
      direct_ms_p50: round(median(samples.direct), 3),
      direct_ms_p95: round(percentile(samples.direct, 95), 3),
      inmemory_ms_p50: round(median(samples.inmemory), 3),
      inmemory_ms_p95: round(percentile(samples.inmemory, 95), 3),
      stdio_ms_p50: round(median(samples.stdio), 3),
      http_ms_p50: round(median(samples.http), 3),
      extra: {
        stdio_ms_p95: round(percentile(samples.stdio, 95), 3),
        http_ms_p95: round(percentile(samples.http, 95), 3),
        pipe_echo_ms_p50: round(median(samples.pipeEcho), 3),
        http_echo_ms_p50: round(median(samples.httpEcho), 3),
        http_node_ms_p50: round(median(samples.httpNode), 3),
        n: reps.n,
      },
    };
  } finally {
    await inmem.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    await stdio.close().catch(() => undefined); // ends the stdio child it spawned
    await httpClient.close().catch(() => undefined);
    await stopChild(httpCli.child);
    await stopChild(echo);
    await stopChild(httpEchoChild);
    agent.destroy();
    nodeAgent.destroy();
  }
}

/**
 * One cold start: spawn posthog-mcp, send initialize, then tools/list; the time until the
 * tools/list answer is parsed. Raw JSON lines, so no client library sits in the measurement.
 */
/** The main thread's time on a CPU and waiting for one (ns → ms), from Linux schedstat; undefined elsewhere. */
export function schedstat(pid: number | 'self'): { cpu: number; wait: number } | undefined {
  try {
    const file = pid === 'self' ? '/proc/thread-self/schedstat' : `/proc/${pid}/schedstat`;
    const [run, wait] = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
    return { cpu: run / 1e6, wait: wait / 1e6 };
  } catch {
    return undefined;
  }
}

interface ColdSample {
  wall: number;
  cpu?: number;
  wait?: number;
}

async function coldStartOnce(standin: Standin): Promise<ColdSample> {
  const t0 = now();
  const child = startChild(process.execPath, [CLI], {
    env: { ...process.env, POSTHOG_API_KEY: standin.key, POSTHOG_HOST: standin.url },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const send = (msg: unknown) => child.stdin!.write(`${JSON.stringify(msg)}\n`);
  try {
    return await new Promise<ColdSample>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error('cold start: no tools/list answer within 15 s')), 15_000);
      child.once('exit', (code) => reject(new Error(`cold start: posthog-mcp exited (${code})`)));
      child.stdout!.on('data', (c: Buffer) => {
        buf += c.toString('utf8');
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl);
          buf = buf.slice(nl + 1);
          if (!line.trim()) continue;
          const msg = JSON.parse(line) as { id?: number; result?: { tools?: unknown[] } };
          if (msg.id === 1) {
            send({ jsonrpc: '2.0', method: 'notifications/initialized' });
            send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
          } else if (msg.id === 2) {
            clearTimeout(timer);
            if (!Array.isArray(msg.result?.tools) || msg.result!.tools!.length === 0) reject(new Error('cold start: empty tools/list'));
            else {
              const wall = now() - t0;
              const st = schedstat(child.pid!);
              resolve({ wall, cpu: st?.cpu, wait: st?.wait });
            }
          }
        }
      });
      send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1.0.0' } },
      });
    });
  } finally {
    child.stdin!.end();
    await stopChild(child, 1_000);
  }
}

/** Spawning node with an empty script: the floor any Node CLI pays. */
async function nodeFloorOnce(): Promise<number> {
  const t0 = now();
  const child = startChild(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return now() - t0;
}

export interface ColdStartResult {
  p50: number;
  p95: number;
  nodeFloor: number;
  /** Main thread of posthog-mcp until tools/list was answered: on a CPU, and waiting for one. */
  cpuP50?: number;
  waitP50?: number;
}

export async function measureColdStart(standin: Standin, reps: Reps): Promise<ColdStartResult> {
  const cold: ColdSample[] = [];
  const floor: number[] = [];
  for (let i = 0; i < reps.warmup; i++) {
    await coldStartOnce(standin);
    await nodeFloorOnce();
  }
  for (let i = 0; i < reps.n; i++) {
    cold.push(await coldStartOnce(standin));
    floor.push(await nodeFloorOnce());
  }
  const cpu = cold.map((c) => c.cpu).filter((x): x is number => x !== undefined);
  const wait = cold.map((c) => c.wait).filter((x): x is number => x !== undefined);
  const walls = cold.map((c) => c.wall);
  return {
    p50: round(median(walls), 1),
    p95: round(percentile(walls, 95), 1),
    nodeFloor: round(median(floor), 1),
    cpuP50: cpu.length ? round(median(cpu), 1) : undefined,
    waitP50: wait.length ? round(median(wait), 1) : undefined,
  };
}
