/**
 * Request bodies on the ingestion host (capture v0 and v1, `/flags`, `/decide`), decoded as
 * PostHog's Rust services decode them (`rust/capture/src/payload/decompression.rs`,
 * `rust/capture/src/v1/context.rs`; see docs/posthog-compat.md):
 *
 * - `Content-Encoding: gzip | deflate | br | zstd` (what the SDKs send: posthog-node gzips every
 *   `/batch/` and v1 body by default); any other encoding is 415 on v1 and 400 on v0;
 * - `?compression=gzip | gzip-js` (gzip is also recognised by its magic bytes), `lz64 | lz-string`
 *   (lz-string's base64 form, posthog-js), `base64 | b64`;
 * - form bodies (`application/x-www-form-urlencoded`) with `data=` (base64 or JSON) and an optional
 *   `compression` field;
 * - a payload that is still base64 after that is base64-decoded once more (legacy paths).
 *
 * The app API (`/api/…`) is not decoded here: Django reads plain JSON.
 */
import type http from 'node:http';
import zlib from 'node:zlib';
import LZString from 'lz-string';

export const V1_CAPTURE_PATH = /^\/i\/v1\/(analytics|ai)\/events\/?$/;

export interface DecodedBody {
  text: string;
  /** The answer when the body cannot be decoded (status and body as the service sends them). */
  failure?: { status: number; body: unknown };
}

/** Bodies of these paths are decoded here; the rest (app API, control API) are read as UTF-8. */
export function isIngestionPath(path: string): boolean {
  return !path.startsWith('/api/') && !path.startsWith('/_standin');
}

const GZIP_MAGIC = [0x1f, 0x8b];
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

function zstdDecompress(bytes: Buffer): Buffer {
  // Node 22.15+ ships zstd; on older Node the stand-in says so instead of guessing.
  const zstd = (zlib as unknown as { zstdDecompressSync?: (b: Buffer) => Buffer }).zstdDecompressSync;
  if (!zstd) throw new Error('zstd is not available in this Node version');
  return zstd(bytes);
}

function decodeContentEncoding(bytes: Buffer, encoding: string): Buffer {
  switch (encoding) {
    case '':
    case 'identity':
      return bytes;
    case 'gzip':
    case 'x-gzip':
      return zlib.gunzipSync(bytes);
    case 'deflate':
      return zlib.inflateSync(bytes);
    case 'br':
      return zlib.brotliDecompressSync(bytes);
    case 'zstd':
      return zstdDecompress(bytes);
    default:
      throw new UnsupportedEncoding(encoding);
  }
}

class UnsupportedEncoding extends Error {
  constructor(readonly encoding: string) {
    super(`unsupported Content-Encoding: ${encoding}`);
  }
}

const isGzip = (b: Buffer) => b.length > 2 && b[0] === GZIP_MAGIC[0] && b[1] === GZIP_MAGIC[1];

function fromBase64(text: string): string {
  return Buffer.from(text.replace(/\s/g, ''), 'base64').toString('utf8');
}

/** v0's `compression` hint (query or form field) applied to a body. */
function decompressV0(bytes: Buffer, compression: string): string {
  if (compression === 'gzip' || compression === 'gzip-js' || isGzip(bytes)) return zlib.gunzipSync(bytes).toString('utf8');
  const text = bytes.toString('utf8');
  if (compression === 'lz64' || compression === 'lz-string') {
    const out = LZString.decompressFromBase64(text.trim());
    if (!out) throw new Error('invalid lz-string payload');
    return out;
  }
  if (compression === 'base64' || compression === 'b64') return fromBase64(text);
  return text;
}

/** A payload that is not JSON yet but is base64 (legacy `data=` forms) is decoded once more. */
function maybeBase64(text: string): string {
  const t = text.trim();
  if (!t || t.startsWith('{') || t.startsWith('[') || !BASE64.test(t)) return text;
  const decoded = fromBase64(t).trim();
  return decoded.startsWith('{') || decoded.startsWith('[') ? decoded : text;
}

function decodeV0(bytes: Buffer, query: URLSearchParams, headers: http.IncomingHttpHeaders): string {
  let compression = (query.get('compression') ?? '').toLowerCase();
  const type = String(headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(bytes.toString('utf8'));
    compression = (form.get('compression') ?? compression).toLowerCase();
    const data = form.get('data') ?? '';
    if (compression === 'lz64' || compression === 'lz-string') return decompressV0(Buffer.from(data), compression);
    return maybeBase64(data);
  }
  return maybeBase64(decompressV0(bytes, compression));
}

const v1Error = (status: number, error: string, description: string) => ({
  status,
  body: { error, error_description: description, error_uri: null },
});

/** Decodes an ingestion request body; never throws. */
export function decodeIngestionBody(path: string, query: URLSearchParams, headers: http.IncomingHttpHeaders, raw: Buffer): DecodedBody {
  const v1 = V1_CAPTURE_PATH.test(path);
  const encoding = String(headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  let bytes: Buffer;
  try {
    bytes = decodeContentEncoding(raw, encoding);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof UnsupportedEncoding) {
      return {
        text: '',
        failure: v1 ? v1Error(415, 'unsupported_encoding', message) : { status: 400, body: `Failed to decode request: ${message}` },
      };
    }
    return {
      text: '',
      failure: v1 ? v1Error(400, 'request_decoding_error', message) : { status: 400, body: `Failed to decode request: ${message}` },
    };
  }
  if (v1) {
    // v1 is plain JSON after Content-Encoding: no query hints, no forms.
    const text = bytes.toString('utf8');
    if (!text.trim()) return { text }; // the route answers empty_body (a GET must still get its 405)
    try {
      JSON.parse(text);
    } catch (e) {
      return { text, failure: v1Error(400, 'request_parsing_error', e instanceof Error ? e.message : String(e)) };
    }
    return { text };
  }
  try {
    return { text: decodeV0(bytes, query, headers) };
  } catch (e) {
    return { text: '', failure: { status: 400, body: `Failed to decode request: ${e instanceof Error ? e.message : String(e)}` } };
  }
}
