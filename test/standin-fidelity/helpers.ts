/** A stand-in and a raw JSON request with a given key, for the fidelity tests (no tools involved). */
import { startStandin, type Standin, type StandinOptions } from '../standin/server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests assert on arbitrary JSON answers
type Json = any;

export interface Api {
  s: Standin;
  call(method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; json: Json; text: string }>;
  /** `/api/projects/{pid}/` + path. */
  project(path: string): string;
}

export async function startApi(options: StandinOptions = {}): Promise<Api> {
  const s = await startStandin(options);
  return {
    s,
    project: (path) => `/api/projects/${s.projectId}/${path}`,
    async call(method, path, body, key = s.key) {
      const res = await fetch(s.url + path, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text };
    },
  };
}
