/**
 * Who the key belongs to and which project requests go to: the active project (resolved once and
 * cached), its API token for capture and flags, and the projects the key can see.
 */
import { PostHogError } from './errors';
import { pageFromBody } from './pages';
import type { ApiResponse, ProjectContext, ProjectSummary, RequestOptions } from './types';

/** The client's `request`, so that every lookup goes through its retries, gate and logs. */
export type Send = <T>(opts: RequestOptions) => Promise<ApiResponse<T>>;

/** A configured project id as a number; undefined when none was given. Throws for a non-id. */
export function parseProjectId(input: number | string | undefined | null): number | undefined {
  if (input === undefined || input === null || String(input).trim() === '') return undefined;
  const pid = Number(input);
  if (!Number.isInteger(pid) || pid <= 0) {
    throw new PostHogError({
      kind: 'config',
      message: `"${input}" is not a valid PostHog project id: use the number from the project's URL.`,
    });
  }
  return pid;
}

/** The signed-in user and their current project, straight from /api/users/@me/. */
export async function fetchMe(send: Send, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const res = await send<Record<string, unknown>>({ method: 'GET', path: '/api/users/@me/', signal, action: 'read the signed-in user' });
  return res.data ?? {};
}

/** Projects the key can see (the current organization's). */
export async function fetchProjects(send: Send, signal?: AbortSignal): Promise<ProjectSummary[]> {
  const res = await send<unknown>({ method: 'GET', path: '/api/projects/', query: { limit: 200 }, signal, action: 'list projects' });
  return pageFromBody<Record<string, unknown>>(res.data, 0)
    .results.filter((r) => typeof r.id === 'number')
    .map((r) => ({
      id: r.id as number,
      name: typeof r.name === 'string' ? r.name : `Project ${r.id}`,
      organization: typeof r.organization === 'string' ? r.organization : undefined,
      apiToken: typeof r.api_token === 'string' ? r.api_token : undefined,
    }));
}

/** The active project and its token, each looked up once; a failed lookup is not cached. */
export class ProjectContextCache {
  private contextPromise?: Promise<ProjectContext>;
  private tokenPromise?: Promise<string>;

  constructor(
    private readonly send: Send,
    private readonly configuredProjectId?: number,
  ) {}

  context(signal?: AbortSignal): Promise<ProjectContext> {
    if (!this.contextPromise) {
      const p = this.resolve(signal);
      this.contextPromise = p;
      p.catch(() => {
        if (this.contextPromise === p) this.contextPromise = undefined; // do not cache failures
      });
    }
    return this.contextPromise;
  }

  /** The project API token for capture and flag evaluation. */
  async projectToken(signal?: AbortSignal): Promise<string> {
    const ctx = await this.context(signal);
    if (ctx.apiToken) return ctx.apiToken;
    if (!this.tokenPromise) {
      this.tokenPromise = this.fetchToken(ctx.projectId, signal);
      this.tokenPromise.catch(() => (this.tokenPromise = undefined));
    }
    return this.tokenPromise;
  }

  private async fetchToken(projectId: number, signal?: AbortSignal): Promise<string> {
    const res = await this.send<Record<string, unknown>>({
      method: 'GET',
      path: `/api/projects/${projectId}/`,
      signal,
      action: 'read the project API token',
      object: `project ${projectId}`,
    });
    const token = res.data?.api_token;
    if (typeof token !== 'string' || !token) {
      throw new PostHogError({
        kind: 'config',
        message: `Project ${projectId} has no project API token, so events and flags cannot be sent to it.`,
      });
    }
    return token;
  }

  private async resolve(signal?: AbortSignal): Promise<ProjectContext> {
    const me = await fetchMe(this.send, signal);
    const team = (me.team ?? {}) as Record<string, unknown>;
    const org = (me.organization ?? {}) as Record<string, unknown>;
    const known = { user: userFrom(me), organizationId: typeof org.id === 'string' ? org.id : undefined };
    if (this.configuredProjectId === undefined || this.configuredProjectId === team.id) {
      if (typeof team.id !== 'number') {
        throw new PostHogError({
          kind: 'config',
          message:
            'This PostHog user has no current project. Create a project in PostHog, or set a project id (POSTHOG_PROJECT_ID or the posthog.projectId setting).',
        });
      }
      return { projectId: team.id, ...projectFields(team), ...known };
    }
    // Another project than the key's current one: look it up (also checks the key can see it).
    const pid = this.configuredProjectId;
    const res = await this.send<Record<string, unknown>>({
      method: 'GET',
      path: `/api/projects/${pid}/`,
      signal,
      action: `open project ${pid}`,
      object: `project ${pid}`,
    });
    return { projectId: pid, ...projectFields(res.data ?? {}), ...known };
  }
}

function userFrom(me: Record<string, unknown>): NonNullable<ProjectContext['user']> {
  return {
    email: typeof me.email === 'string' ? me.email : undefined,
    name: [me.first_name, me.last_name].filter((x) => typeof x === 'string' && x).join(' ') || undefined,
    uuid: typeof me.uuid === 'string' ? me.uuid : undefined,
    distinctId: typeof me.distinct_id === 'string' ? me.distinct_id : undefined,
  };
}

function projectFields(project: Record<string, unknown>): Pick<ProjectContext, 'projectName' | 'apiToken'> {
  return {
    projectName: typeof project.name === 'string' ? project.name : undefined,
    apiToken: typeof project.api_token === 'string' ? project.api_token : undefined,
  };
}
