/**
 * PostHog as a tool handler asks it: `ctx.api`, bound to the client and the call's AbortSignal.
 * Paths are relative to the active project (`cohorts/7/` → `/api/projects/:id/cohorts/7/`), and the
 * error wording comes from a short noun phrase: `ctx.api.get(path, 'cohort 7')` says "get cohort 7"
 * when it fails, and "cohort 7 was not found" on a 404. Made by the registry for each call.
 */
import type { ApiResponse, HttpMethod, Page, PostHogClient, ProjectContext, RequestOptions } from '../posthog/client';
import { seg } from '../posthog/client';
import type { Row } from './values';

export { seg };

/**
 * What a request is about, for its error messages. A noun phrase ("cohort 7") is the object a 404
 * is about, and the action is the method's verb with it ("get cohort 7"); the exact words are for
 * anything else ("list collaborators of dashboard 7", or no object at all).
 */
export type About = string | { action: string; object?: string };

/** The rare extras of a request. */
export interface CallOptions {
  query?: RequestOptions['query'];
  /** Repeating it after a lost answer is safe (a POST that changes nothing more). */
  retrySafe?: boolean;
  /** It changes nothing although it is not a GET. */
  readOnly?: boolean;
  /** Statuses (besides 2xx) that are answers rather than errors. */
  acceptStatus?: number[];
}

/** What an ingestion request may add: headers (capture v1's token and SDK headers, per attempt) and statuses it reads itself. */
export type IngestOptions = Pick<CallOptions, 'query' | 'readOnly' | 'acceptStatus'> & Pick<RequestOptions, 'headers'>;

export interface ListOptions {
  limit?: number;
  offset?: number;
  query?: RequestOptions['query'];
  /** false: the endpoint gives everything at once, and the page is cut here. */
  paginated?: boolean;
}

const VERBS: Record<HttpMethod, string> = { GET: 'get', POST: 'create', PATCH: 'update', PUT: 'update', DELETE: 'delete' };

function words(method: HttpMethod, about: About): { action: string; object?: string } {
  return typeof about === 'string' ? { action: `${VERBS[method]} ${about}`, object: about } : about;
}

/** `cohorts/`, `cohorts/7/`, `cohorts/7/sharing/`: the paths of one kind of project resource, each id one segment. */
export function resourcePath(collection: string): (id?: string | number, rest?: string) => string {
  return (id, rest = '') => (id === undefined ? `${collection}/${rest}` : `${collection}/${seg(id)}/${rest}`);
}

export class ToolApi {
  constructor(
    readonly client: PostHogClient,
    readonly signal: AbortSignal,
  ) {}

  /** The active project (resolved once per client). */
  context(): Promise<ProjectContext> {
    return this.client.context(this.signal);
  }

  /** The project API token (phc_…) that ingestion requests carry. */
  projectToken(): Promise<string> {
    return this.client.projectToken(this.signal);
  }

  /** `/api/projects/:id/<suffix>`. */
  private projectPath(suffix: string): Promise<string> {
    return this.client.projectPath(suffix, this.signal);
  }

  /** The PostHog UI link of a page in the active project: `link('cohorts/7')`. */
  async link(page: string): Promise<string> {
    return (await this.links())(page);
  }

  /** A link maker for the active project, to map many rows (and a `{id}` url template) without waiting on each. */
  async links(): Promise<(page: string) => string> {
    const { projectId } = await this.context();
    return (page) => this.client.uiUrlFor(projectId, page);
  }

  /** One request to the active project; the answer with its status and headers. */
  async send<T = Row>(
    method: HttpMethod,
    path: string,
    about: About,
    opts: CallOptions & { body?: unknown } = {},
  ): Promise<ApiResponse<T>> {
    return this.client.request<T>({ method, path: await this.projectPath(path), ...opts, ...words(method, about), signal: this.signal });
  }

  async get<T = Row>(path: string, about: About, opts?: CallOptions): Promise<T> {
    return (await this.send<T>('GET', path, about, opts)).data;
  }

  /** A page of a list endpoint, PostHog's envelopes normalised; "cohorts" says "list cohorts". */
  list<T = Row>(path: string, about: About, opts: ListOptions = {}): Promise<Page<T>> {
    const { action, object } = typeof about === 'string' ? { action: `list ${about}` } : about;
    return this.client.list<T>(path, { ...opts, action, object, signal: this.signal });
  }

  /** POST that creates something: "create cohort "Beta"". A 404 is not about the new thing, so no object. */
  async create<T = Row>(path: string, body: unknown, what: string, opts?: CallOptions): Promise<T> {
    return (await this.send<T>('POST', path, { action: `create ${what}` }, { ...opts, body })).data;
  }

  /** Any other POST, in its own words. */
  async post<T = Row>(path: string, body: unknown, about: Exclude<About, string>, opts?: CallOptions): Promise<T> {
    return (await this.send<T>('POST', path, about, { ...opts, body })).data;
  }

  async patch<T = Row>(path: string, body: unknown, about: About, opts?: CallOptions): Promise<T> {
    return (await this.send<T>('PATCH', path, about, { ...opts, body })).data;
  }

  async delete<T = Row>(path: string, about: About, opts?: CallOptions): Promise<T> {
    return (await this.send<T>('DELETE', path, about, opts)).data;
  }

  /** PostHog's soft delete: PATCH `{deleted: true}`, worded "delete cohort 7". */
  softDelete<T = Row>(path: string, what: string): Promise<T> {
    return this.patch<T>(path, { deleted: true }, { action: `delete ${what}`, object: what });
  }

  /** A read-only query through `query/`: safe to repeat. */
  query<T = Row>(query: Row, action: string): Promise<T> {
    return this.post<T>('query/', { query }, { action }, { retrySafe: true, readOnly: true });
  }

  /**
   * POST to the ingestion host (`/i/v0/e/`, `/flags/`): the body carries the project token, not the
   * personal key. Safe to repeat: events carry a uuid PostHog de-duplicates by, flag evaluation reads.
   */
  async ingest<T = unknown>(path: string, body: unknown, action: string, opts: IngestOptions = {}): Promise<T> {
    return (await this.ingestAnswer<T>(path, body, action, opts)).data;
  }

  /** `ingest` with the answer's status and headers (capture v1 reads its 404s and 400s itself). */
  ingestAnswer<T = unknown>(path: string, body: unknown, action: string, opts: IngestOptions = {}): Promise<ApiResponse<T>> {
    return this.client.request<T>({
      method: 'POST',
      path,
      body,
      ...opts,
      ingestion: true,
      retrySafe: true,
      signal: this.signal,
      action,
    });
  }
}
