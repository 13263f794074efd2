/**
 * The axios instance the exchange sends with. A module of its own that exchange.ts loads with
 * import() on the first request: axios touches Node's lazily loaded web globals (undici) and
 * brings Node's http stack, so `posthog-mcp` answers initialize and tools/list without them (cold
 * start) and the extension loads core.js faster. The bundles inline it, still loaded on first use.
 */
import axios, { type AxiosInstance } from 'axios';
import http from 'node:http';
import https from 'node:https';

export function createAxios(userAgent: string): AxiosInstance {
  return axios.create({
    adapter: 'http', // Node's http: the bundles leave axios's fetch adapter out (scripts/build.mjs)
    timeout: 0, // the exchange's own timer, so a timeout can be told apart from a cancellation
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(d: unknown) => d],
    validateStatus: () => true,
    maxContentLength: 50 * 1024 * 1024,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 32 }),
    httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 32 }),
    headers: { 'User-Agent': userAgent, Accept: 'application/json' },
  });
}
