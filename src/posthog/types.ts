/** The shapes the PostHog client takes and gives: requests, answers, list pages, the project. */

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestLog {
  method: HttpMethod;
  /** Path only, never the query string's values that could hold personal data, never headers. */
  path: string;
  status?: number;
  durationMs: number;
  attempt: number;
  /** Set when the attempt failed without an HTTP status. */
  error?: string;
}

export interface PostHogClientOptions {
  apiKey: string;
  /** "us", "eu", or an instance URL. Defaults to US cloud. */
  host?: string;
  /** Overrides the capture / flags host derived from `host`. */
  ingestionHost?: string;
  /** The active project. When omitted, the key's current project from /api/users/@me/. */
  projectId?: number | string;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt for retryable failures. Default 3. */
  maxRetries?: number;
  /** Base delay for exponential backoff. Default 300 ms. */
  retryBaseMs?: number;
  /** The longest a request may wait out 429s (all its waits added up) before we report it. Default 60 s. */
  maxRetryWaitMs?: number;
  /** How many requests may be in flight at once. Default 8. */
  maxConcurrent?: number;
  /** Called once per attempt, for logs. */
  onRequest?: (log: RequestLog) => void;
  userAgent?: string;
}

export interface RequestOptions {
  method: HttpMethod;
  /** A path starting with `/` (resolved against the app or ingestion host). */
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  signal?: AbortSignal;
  /** What this request does, in words: "list feature flags". Used in error messages. */
  action: string;
  /** What a 404 is about: "feature flag 12". */
  object?: string;
  /** Send to the ingestion host without the personal key. */
  ingestion?: boolean;
  /**
   * Whether repeating the request after a 5xx / timeout / reset is safe. GET, PUT and PATCH are
   * safe by default; a POST is only when the caller says so (capture with a uuid, read-only queries).
   */
  retrySafe?: boolean;
  /**
   * The request changes nothing even though it is not a GET (flag evaluation, queries). Any other
   * non-GET is a change: when its answer is lost, the error says the outcome is unknown.
   */
  readOnly?: boolean;
  /** Statuses (besides 2xx) that are answers rather than errors, e.g. 302 for OAuth redirects. */
  acceptStatus?: number[];
  /**
   * Extra headers for an ingestion request (capture v1's project token and SDK headers), or a function
   * of the attempt number (1 for the first) for headers that change per attempt. Ignored on the app
   * host, so they can never carry or replace the personal API key.
   */
  headers?: RequestHeaders | ((attempt: number) => RequestHeaders);
  /**
   * The MCP session an MCP proxy request belongs to (`Mcp-Session-Id`, which PostHog's proxy passes
   * to the upstream server). The only extra header the app host gets: it carries no credential.
   */
  mcpSessionId?: string;
}

export type RequestHeaders = Record<string, string>;

export interface ApiResponse<T = unknown> {
  status: number;
  data: T;
  headers: Record<string, string>;
}

/** What `list()` takes besides the path suffix. */
export interface ListOptions {
  limit?: number;
  offset?: number;
  query?: RequestOptions['query'];
  signal?: AbortSignal;
  action: string;
  paginated?: boolean;
  object?: string;
}

export interface Page<T> {
  results: T[];
  /** The total, when PostHog gives one. */
  count?: number;
  hasMore: boolean;
  /** The offset to ask for next, when hasMore. */
  nextOffset?: number;
}

export interface ProjectSummary {
  id: number;
  name: string;
  organization?: string;
  apiToken?: string;
}

export interface ProjectContext {
  projectId: number;
  projectName?: string;
  /** The project API token (phc_…) used for capture and flag evaluation. */
  apiToken?: string;
  user?: { email?: string; name?: string; uuid?: string; distinctId?: string };
  organizationId?: string;
}
