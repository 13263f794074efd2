/**
 * Capture v1: `POST /i/v1/analytics/events` (and `/i/v1/ai/events`, same contract), as
 * PostHog's Rust capture serves it (`rust/capture/src/v1/{context,constants,error}.rs`,
 * `rust/capture/src/v1/analytics/{types,process,response}.rs`). posthog-python 8 sends only here,
 * posthog-node with `POSTHOG_CAPTURE_MODE=v1`.
 *
 * - The project token is `Authorization: Bearer <token>`; the SDK headers are required
 *   (`PostHog-Sdk-Info`, `PostHog-Attempt`, `PostHog-Request-Id`, `PostHog-Request-Timestamp`,
 *   `User-Agent`) and `Content-Type` must be JSON (else 415). Errors are JSON
 *   `{error, error_description, error_uri}`.
 * - Whole-batch 400s: empty batch, bad `created_at`, an event uuid missing, invalid or repeated,
 *   a non-string `session_id` / `window_id`. Everything else is judged per event in a 200:
 *   `{"results": {"<uuid>": {"result": "ok" | "warning" | "drop", "details"?}}}`.
 * - As on v0, the token's format is checked, not its project: an unknown project's events are
 *   answered `ok` and dropped.
 * Bodies arrive decoded (`Content-Encoding`): ../ingestionBody.ts.
 */
import { type Ctx, HttpError, r } from '../core';
import { ingestEvent, type IncomingEvent } from '../analytics';
import type { Row, State } from '../state';
import { switches } from '../switches';
import type { RouteGroup } from './types';

const INGESTION = { prefix: 'root' as const, auth: false, throttle: 'none' as const };
const MAX_NAME = 200;
const MAX_DISTINCT_ID = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_FUTURE_MS = 23 * 3_600_000;
/** Distinct ids PostHog accepts but will not build a person for (person processing off). */
const JUNK_DISTINCT_IDS = new Set([
  'anonymous',
  'guest',
  'distinctid',
  'distinct_id',
  'id',
  'not_authenticated',
  'email',
  'undefined',
  'true',
  'false',
  'null',
  '0',
  'nan',
  'none',
  '[object object]',
]);
const REQUIRED_HEADERS = ['user-agent', 'posthog-sdk-info', 'posthog-attempt', 'posthog-request-id', 'posthog-request-timestamp'];

/** What a v1 request's headers said (the token is the project's public phc_ token), for tests to check. */
export interface V1Request {
  token: string;
  sdkInfo: string;
  userAgent: string;
  attempt: number;
  requestId: string;
  requestTimestamp: string;
  /** The uuids of its batch, when it had one. */
  uuids: string[];
}

const v1RequestsByState = new WeakMap<State, V1Request[]>();

/** The v1 requests whose headers passed the checks, oldest first. */
export function v1Requests(state: State): V1Request[] {
  let list = v1RequestsByState.get(state);
  if (!list) v1RequestsByState.set(state, (list = []));
  return list;
}

type Result = { result: 'ok' | 'warning' | 'drop'; details?: string };

const fail = (status: number, error: string, description: string) =>
  new HttpError(status, { error, error_description: description, error_uri: null });

const isObject = (v: unknown): v is Row => !!v && typeof v === 'object' && !Array.isArray(v);

function header(ctx: Ctx, name: string): string | undefined {
  const v = ctx.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Auth and the SDK headers; returns the project token and the clock skew to correct. */
function checkHeaders(ctx: Ctx): { token: string; sdk: string; skewMs: number } {
  const auth = header(ctx, 'authorization');
  if (!auth) throw fail(401, 'missing_api_token', 'the Authorization header with the project token is missing');
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  if (!m) throw fail(400, 'invalid_header_value', 'Authorization must be "Bearer <project token>"');
  const token = m[1].trim();
  const ascii = [...token].every((c) => c.charCodeAt(0) < 128);
  if (!token || token.length > 64 || !ascii || token.startsWith('phx_'))
    throw fail(401, 'invalid_api_token', 'the project token is not valid');
  const type = (header(ctx, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type && type !== 'application/json') throw fail(415, 'unsupported_media_type', `Content-Type must be application/json, not ${type}`);
  const missing = REQUIRED_HEADERS.filter((h) => !header(ctx, h));
  if (!type) missing.unshift('content-type');
  if (missing.length) throw fail(400, 'missing_required_headers', `missing required headers: ${missing.join(', ')}`);
  if (!(Number(header(ctx, 'posthog-attempt')) >= 1)) throw fail(400, 'invalid_header_value', 'PostHog-Attempt must be 1 or more');
  if (!UUID.test(header(ctx, 'posthog-request-id') ?? '')) throw fail(400, 'invalid_header_value', 'PostHog-Request-Id must be a UUID');
  const sentAt = Date.parse(header(ctx, 'posthog-request-timestamp') ?? '');
  if (Number.isNaN(sentAt)) throw fail(400, 'invalid_header_value', 'PostHog-Request-Timestamp must be an RFC 3339 time');
  return { token, sdk: header(ctx, 'posthog-sdk-info') ?? '', skewMs: Date.now() - sentAt };
}

/** The batch-level checks that refuse the whole request. */
function checkBatch(body: unknown): Row[] {
  if (body === undefined) throw fail(400, 'empty_body', 'the request body is empty');
  if (!isObject(body) || !Array.isArray(body.batch)) throw fail(400, 'request_parsing_error', 'expected {"created_at", "batch": [...]}');
  if (body.batch.length === 0) throw fail(400, 'empty_batch', 'the batch holds no event');
  if (typeof body.created_at !== 'string' || Number.isNaN(Date.parse(body.created_at)))
    throw fail(400, 'invalid_batch', 'created_at must be an RFC 3339 time');
  const seen = new Set<string>();
  for (const ev of body.batch as unknown[]) {
    if (!isObject(ev)) throw fail(400, 'request_parsing_error', 'every event must be a JSON object');
    for (const f of ['session_id', 'window_id'])
      if (ev[f] !== undefined && ev[f] !== null && typeof ev[f] !== 'string')
        throw fail(400, 'request_parsing_error', `${f} must be a string`);
    if (ev.uuid === undefined || ev.uuid === null || ev.uuid === '') throw fail(400, 'missing_event_uuid', 'an event has no uuid');
    if (typeof ev.uuid !== 'string' || !UUID.test(ev.uuid)) throw fail(400, 'invalid_event_uuid', `invalid event uuid: ${String(ev.uuid)}`);
    if (seen.has(ev.uuid.toLowerCase())) throw fail(400, 'duplicate_event_uuid', `duplicate event uuid: ${ev.uuid}`);
    seen.add(ev.uuid.toLowerCase());
  }
  return body.batch as Row[];
}

function coerceBool(v: unknown): boolean | undefined | 'invalid' {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return 'invalid';
}

/** One event: its verdict, and what to store when it is kept. */
function judge(ev: Row, sdk: string, skewMs: number): { result: Result; event?: IncomingEvent } {
  if (typeof ev.event !== 'string' || ev.event.trim() === '') return { result: { result: 'drop', details: 'missing_event_name' } };
  if (ev.event.length > MAX_NAME) return { result: { result: 'drop', details: 'event_name_too_long' } };
  const distinctId = typeof ev.distinct_id === 'string' ? ev.distinct_id : ev.distinct_id == null ? '' : String(ev.distinct_id);
  if (distinctId.trim() === '') return { result: { result: 'drop', details: 'missing_distinct_id' } };
  if (distinctId.length > MAX_DISTINCT_ID) return { result: { result: 'drop', details: 'distinct_id_too_large' } };
  const at = Date.parse(String(ev.timestamp ?? ''));
  if (Number.isNaN(at)) return { result: { result: 'drop', details: 'invalid_event_timestamp' } };
  if (ev.properties !== undefined && ev.properties !== null && !isObject(ev.properties))
    return { result: { result: 'drop', details: 'malformed_event_properties' } };
  const options = isObject(ev.options) ? ev.options : {};
  const processPerson = coerceBool(options.process_person_profile);
  const noSkew = coerceBool(options.disable_skew_correction);
  if (processPerson === 'invalid' || noSkew === 'invalid' || coerceBool(options.cookieless_mode) === 'invalid')
    return { result: { result: 'drop', details: 'invalid_options' } };

  const now = Date.now();
  let ts = noSkew === true ? at : at + skewMs;
  if (ts > now + MAX_FUTURE_MS) ts = now;
  const [lib, libVersion] = sdk.split('/');
  const properties: Row = { ...(isObject(ev.properties) ? ev.properties : {}), $lib: lib, $lib_version: libVersion ?? '' };
  if (typeof ev.session_id === 'string') properties.$session_id = ev.session_id;
  if (typeof ev.window_id === 'string') properties.$window_id = ev.window_id;
  const junk = JUNK_DISTINCT_IDS.has(distinctId.trim().toLowerCase());
  if (processPerson === false || junk) properties.$process_person_profile = false;
  return {
    result: junk ? { result: 'warning', details: 'person_processing_disabled' } : { result: 'ok' },
    event: { event: ev.event, distinct_id: distinctId, properties, timestamp: new Date(ts).toISOString(), uuid: ev.uuid as string },
  };
}

function captureV1(ctx: Ctx) {
  if (switches(ctx.state).captureV1Missing) throw new HttpError(404, 'Not Found');
  const { token, sdk, skewMs } = checkHeaders(ctx);
  const batch0 = isObject(ctx.body) && Array.isArray(ctx.body.batch) ? (ctx.body.batch as unknown[]) : [];
  v1Requests(ctx.state).push({
    token,
    sdkInfo: sdk,
    userAgent: header(ctx, 'user-agent') ?? '',
    attempt: Number(header(ctx, 'posthog-attempt')),
    requestId: header(ctx, 'posthog-request-id') ?? '',
    requestTimestamp: header(ctx, 'posthog-request-timestamp') ?? '',
    uuids: batch0.map((ev) => (isObject(ev) ? String(ev.uuid) : '')),
  });
  const batch = checkBatch(ctx.body);
  const team = ctx.state.teamByToken(token);
  const results: Record<string, Result> = {};
  for (const ev of batch) {
    const { result, event } = judge(ev, sdk, skewMs);
    results[ev.uuid as string] = result;
    if (event && team) ingestEvent(ctx.state, team, event);
  }
  return r(200, { results });
}

export const captureV1Routes: RouteGroup = {
  register(router) {
    router.post('/i/v1/analytics/events', captureV1, INGESTION);
    router.post('/i/v1/ai/events', captureV1, INGESTION);
  },
};
