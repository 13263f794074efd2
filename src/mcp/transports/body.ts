/**
 * Reads a POST's JSON body up to MAX_BODY_BYTES, declared or streamed. Read here rather than by
 * the SDK transport because routing must see it first: an initialize without a session id opens
 * a session, and a body over the limit is refused before any session is made for it.
 */
import type http from 'node:http';
import type { Refusal } from './reply';

export const MAX_BODY_BYTES = 4 * 1024 * 1024;

const TOO_LARGE: Refusal = {
  status: 413,
  code: -32600,
  message: `Request body too large: the limit is ${MAX_BODY_BYTES / (1024 * 1024)} MB.`,
  // The rest of an oversized body is not read: the connection cannot carry another request.
  headers: { Connection: 'close' },
};
const NOT_JSON: Refusal = { status: 400, code: -32700, message: 'Parse error: the body is not valid JSON.' };

/** The parsed body, or why it is refused. */
export async function readJsonBody(req: http.IncomingMessage): Promise<{ body: unknown } | { refusal: Refusal }> {
  const raw = await readCapped(req);
  if (raw === undefined) return { refusal: TOO_LARGE };
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { refusal: NOT_JSON };
  }
}

/** The body's bytes, or undefined once it is past the limit (the rest is drained, not kept). */
function readCapped(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > MAX_BODY_BYTES) {
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
