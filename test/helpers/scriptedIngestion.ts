/**
 * A scripted capture v1 host on 127.0.0.1 for the per-event answers the stand-in never gives on
 * its own (`drop: billing_limit_exceeded`, `retry: not_persisted`, rust/capture/src/v1/analytics/response.rs):
 * each request's one event is answered with what `verdict` returns for the request's number (from 1).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedRequest {
  uuid: string;
  createdAt: string;
  attempt: string;
  requestId: string;
  authorization: string;
}

export interface ScriptedIngestion {
  url: string;
  requests: ScriptedRequest[];
  close(): Promise<void>;
}

export async function startScriptedIngestion(verdict: (n: number) => { result: string; details?: string }): Promise<ScriptedIngestion> {
  const requests: ScriptedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { created_at: string; batch: Array<{ uuid: string }> };
      const uuid = body.batch[0].uuid;
      const h = (name: string) => String(req.headers[name] ?? '');
      requests.push({
        uuid,
        createdAt: body.created_at,
        attempt: h('posthog-attempt'),
        requestId: h('posthog-request-id'),
        authorization: h('authorization'),
      });
      const answer = verdict(requests.length);
      // As PostHog does (response.rs `BatchResponse::into_response`): any `retry` adds Retry-After: 1.
      res.writeHead(200, { 'Content-Type': 'application/json', ...(answer.result === 'retry' ? { 'Retry-After': '1' } : {}) });
      res.end(JSON.stringify({ results: { [uuid]: answer } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
