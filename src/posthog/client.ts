/**
 * The PostHog REST client. Knows nothing of VS Code or MCP.
 *
 * - Personal API key as `Authorization: Bearer`, never logged.
 * - Every request has a timeout and can be cancelled with an AbortSignal (exchange.ts).
 * - 429 is waited out as Retry-After (or the "Expected available in N seconds" detail) says,
 *   within a cap, and pauses every other request on this client meanwhile (retryPolicy.ts, gate.ts).
 * - 5xx, timeouts and network failures are retried with backoff only where repeating is safe.
 * - Inside a tool call, the call's deadline bounds all of it (deadline.ts).
 *
 * This class ties those together; each job lives in its own file.
 */
import { errorFromAnswer, isSuccess, readAnswer } from './answer';
import { deadlineOf } from './deadline';
import { PostHogError } from './errors';
import { HttpExchange, headersFor, type AttemptOutcome } from './exchange';
import { RequestGate } from './gate';
import { ingestionHostFor, normalizeHost } from './hosts';
import { pageOf } from './pages';
import { ProjectContextCache, fetchMe, fetchProjects, parseProjectId, type Send } from './projectContext';
import { isChange, isRetrySafe } from './requestSafety';
import { decide, wasNeverSent, type RetryLimits } from './retryPolicy';
import { sleep } from './sleep';
import { cancelledInFlight, deadlineReached, throttledPastDeadline, transportError } from './transportErrors';
import type {
  ApiResponse,
  ListOptions,
  Page,
  PostHogClientOptions,
  ProjectContext,
  ProjectSummary,
  RequestLog,
  RequestOptions,
} from './types';

export type {
  ApiResponse,
  HttpMethod,
  ListOptions,
  Page,
  PostHogClientOptions,
  ProjectContext,
  ProjectSummary,
  RequestLog,
  RequestOptions,
} from './types';
export { pageFromBody } from './pages';
export { seg } from './pathSegment';
export { sleep } from './sleep';

export class PostHogClient {
  readonly host: string;
  readonly ingestionHost: string;
  private readonly apiKey: string;
  private readonly timeoutMs: number;
  private readonly limits: RetryLimits;
  private readonly onRequest?: (log: RequestLog) => void;
  private readonly exchange: HttpExchange;
  private readonly gate: RequestGate;
  private readonly project: ProjectContextCache;
  /** Lookups go through `this.request` as called at the time, so a wrapped `request` sees them. */
  private readonly send: Send = (opts) => this.request(opts);

  constructor(options: PostHogClientOptions) {
    if (!options.apiKey || !options.apiKey.trim()) {
      throw new PostHogError({ kind: 'config', message: 'No PostHog personal API key was given. Sign in, or set POSTHOG_API_KEY.' });
    }
    this.apiKey = options.apiKey.trim();
    this.host = normalizeHost(options.host);
    this.ingestionHost = options.ingestionHost ? normalizeHost(options.ingestionHost) : ingestionHostFor(this.host);
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.limits = {
      maxRetries: options.maxRetries ?? 3,
      retryBaseMs: options.retryBaseMs ?? 300,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 60_000,
    };
    this.onRequest = options.onRequest;
    this.exchange = new HttpExchange(options.userAgent ?? 'posthog-vscode-mcp', this.timeoutMs);
    this.gate = new RequestGate(Math.max(1, options.maxConcurrent ?? 8));
    this.project = new ProjectContextCache(this.send, parseProjectId(options.projectId));
  }

  /** The app host's UI link for a path inside the active project ("feature_flags/12"). */
  async uiUrl(path: string): Promise<string> {
    const { projectId } = await this.context();
    return this.uiUrlFor(projectId, path);
  }

  /** Same as uiUrl, for when the project id is already known. */
  uiUrlFor(projectId: number, path: string): string {
    return `${this.host}/project/${projectId}/${path.replace(/^\//, '')}`;
  }

  /** The active project, resolved once and cached. */
  context(signal?: AbortSignal): Promise<ProjectContext> {
    return this.project.context(signal);
  }

  /** The signed-in user and their current project, straight from /api/users/@me/. */
  me(signal?: AbortSignal): Promise<Record<string, unknown>> {
    return fetchMe(this.send, signal);
  }

  /** The project API token for capture and flag evaluation. */
  projectToken(signal?: AbortSignal): Promise<string> {
    return this.project.projectToken(signal);
  }

  /** `/api/projects/{id}/<suffix>` for the active project. */
  async projectPath(suffix: string, signal?: AbortSignal): Promise<string> {
    const { projectId } = await this.context(signal);
    return `/api/projects/${projectId}/${suffix.replace(/^\//, '')}`;
  }

  /** Projects the key can see (the current organization's), with the active one marked by the caller. */
  listProjects(signal?: AbortSignal): Promise<ProjectSummary[]> {
    return fetchProjects(this.send, signal);
  }

  /**
   * GET a list endpoint of the active project and normalise PostHog's envelopes
   * (std `{count,next,results}`, `{results}` only, `{results,next}` without count, plain array).
   * Endpoints that are not paginated upstream are paged here.
   */
  async list<T = Record<string, unknown>>(suffix: string, opts: ListOptions): Promise<Page<T>> {
    const limit = opts.limit ?? 100;
    const offset = opts.offset ?? 0;
    const paginated = opts.paginated !== false;
    const path = await this.projectPath(suffix, opts.signal);
    const query = paginated ? { ...opts.query, limit, offset } : opts.query;
    const res = await this.request<unknown>({ method: 'GET', path, query, signal: opts.signal, action: opts.action, object: opts.object });
    return pageOf<T>(res.data, { offset, limit, paginated });
  }

  /**
   * One HTTP exchange with retries, timeout and cancellation. Inside a tool call the signal carries
   * the call's deadline (deadline.ts): no wait starts that would end past it, and running out of it
   * is reported as what timed out, not as a cancellation.
   */
  async request<T = unknown>(opts: RequestOptions): Promise<ApiResponse<T>> {
    const progress = { unconfirmed: false };
    try {
      return await this.requestWithRetries<T>(opts, progress);
    } catch (err) {
      const deadline = deadlineOf(opts.signal);
      if (deadline?.expired && err instanceof PostHogError && err.kind === 'cancelled') {
        throw deadlineReached({
          action: opts.action,
          change: isChange(opts),
          unconfirmed: progress.unconfirmed,
          budgetMs: deadline.budgetMs,
        });
      }
      throw err;
    }
  }

  private async requestWithRetries<T>(opts: RequestOptions, progress: Progress): Promise<ApiResponse<T>> {
    const host = opts.ingestion ? this.ingestionHost : this.host;
    const deadlineAt = deadlineOf(opts.signal)?.expiresAt;
    const policy = { method: opts.method, retrySafe: opts.retrySafe, limits: this.limits, deadlineAt };
    let throttledSoFarMs = 0; // waited out for 429s so far
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.attempt(opts, host, attempt, progress);
      if ('status' in outcome && isSuccess(outcome.status, opts.acceptStatus)) return readAnswer<T>(outcome, opts);
      if ('networkCode' in outcome && opts.signal?.aborted) throw cancelledInFlight(opts.action);
      const decision = decide({ ...policy, attempt, outcome, throttledSoFarMs, random: Math.random(), now: Date.now() });
      if (decision.kind === 'fail') throw this.failure(opts, host, outcome, attempt + 1);
      if (decision.kind === 'throttle') {
        throttledSoFarMs += decision.waitMs;
        this.gate.pause(decision.waitMs); // the next attempt (and every other request) waits it out in the gate
      } else {
        await sleep(decision.waitMs, opts.signal);
      }
    }
  }

  /** One attempt: a slot from the gate, the exchange, a log line. */
  private async attempt(opts: RequestOptions, host: string, attempt: number, progress: Progress): Promise<AttemptOutcome> {
    const { method, path, query, body, signal } = opts;
    const apiKey = opts.ingestion ? undefined : this.apiKey; // the ingestion host takes the project token instead
    // A 429 pause (another request's) longer than this call has left: say so now instead of waiting past the deadline.
    const deadline = deadlineOf(signal);
    const pause = this.gate.pauseLeftMs();
    if (deadline && pause > 0 && pause >= deadline.remainingMs()) throw throttledPastDeadline(opts.action, pause);
    const headers = opts.ingestion ? headersFor(opts.headers, attempt + 1) : undefined; // never beside the personal key
    await this.gate.take(signal);
    const started = Date.now();
    let outcome: AttemptOutcome;
    try {
      outcome = await this.exchange.send({
        method,
        url: host + path,
        query,
        body,
        apiKey,
        headers,
        mcpSessionId: opts.mcpSessionId,
        signal,
      });
    } finally {
      this.gate.release();
    }
    // No answer (cut off, the deadline included) or a 5xx: PostHog may have acted on it. A 429 or other 4xx: it did not.
    if ('networkCode' in outcome ? !wasNeverSent(outcome) : outcome.status >= 500) progress.unconfirmed = true;
    if (this.onRequest) this.onRequest(requestLog(opts, attempt, Date.now() - started, outcome));
    return outcome;
  }

  /** The error for the last attempt, once the retry policy gives up. */
  private failure(opts: RequestOptions, host: string, outcome: AttemptOutcome, attempts: number): PostHogError {
    const retrySafe = isRetrySafe(opts.method, opts.retrySafe);
    if ('status' in outcome)
      return errorFromAnswer(outcome, {
        action: opts.action,
        object: opts.object,
        host,
        path: opts.path,
        retrySafe,
        method: opts.method,
        change: isChange(opts),
      });
    return transportError(outcome, { action: opts.action, host, change: isChange(opts), attempts, timeoutMs: this.timeoutMs });
  }
}

/** What one request's attempts so far leave open. */
interface Progress {
  /** An attempt went out and got no answer, or a 5xx: a change may have been applied. */
  unconfirmed: boolean;
}

/** The log line for one attempt: method, path (no query, no headers), status or error, timing. */
function requestLog(opts: RequestOptions, attempt: number, durationMs: number, outcome: AttemptOutcome): RequestLog {
  const log: RequestLog = {
    method: opts.method,
    path: opts.path,
    status: 'status' in outcome ? outcome.status : undefined,
    durationMs,
    attempt,
  };
  if ('networkCode' in outcome) log.error = outcome.timedOut ? 'timeout' : outcome.networkCode;
  return log;
}
