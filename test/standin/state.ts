/**
 * The stand-in's in-memory data: users, keys, organizations, projects, and one table per
 * resource per project. Tables hand out ids like PostHog's (integers from 1, or UUIDs).
 */
import { randomUUID } from 'node:crypto';

/**
 * A stored or received JSON document. The stand-in mimics PostHog's schemaless REST API: its
 * routes (some 9,000 lines) read and write fields of rows and request bodies freely, as PostHog's
 * serializers do, and the tests read them back the same way. Typing every resource would rewrite
 * the stand-in rather than describe it, so this one alias is deliberately open.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above: PostHog's JSON, read field by field
export type Doc = any;

export type Row = Record<string, Doc>;

export interface User {
  id: number;
  uuid: string;
  distinct_id: string;
  first_name: string;
  last_name: string;
  email: string;
  /** The project the user has open. */
  currentTeamId: number;
}

export interface ApiKey {
  key: string;
  label: string;
  userId: number;
  /** e.g. ['*'] or ['feature_flag:read', 'dashboard:write'] */
  scopes: string[];
}

export interface Team {
  id: number;
  uuid: string;
  name: string;
  api_token: string;
  organization: string;
  timezone: string;
}

export class Table<T extends Row = Row> {
  private seq = 0;
  readonly rows = new Map<string, T>();
  constructor(private readonly idKind: 'int' | 'uuid' = 'int') {}

  nextId(): number | string {
    return this.idKind === 'uuid' ? randomUUID() : ++this.seq;
  }

  insert(row: Omit<T, 'id'> & { id?: number | string }): T {
    const id = row.id ?? this.nextId();
    if (typeof id === 'number' && id > this.seq) this.seq = id;
    const full = { ...row, id } as unknown as T;
    this.rows.set(String(id), full);
    return full;
  }

  get(id: string | number): T | undefined {
    return this.rows.get(String(id));
  }

  all(): T[] {
    return [...this.rows.values()];
  }

  remove(id: string | number): boolean {
    return this.rows.delete(String(id));
  }

  find(pred: (row: T) => boolean): T | undefined {
    for (const r of this.rows.values()) if (pred(r)) return r;
    return undefined;
  }
}

export class State {
  readonly organization = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: 'Hedgebox Inc.', slug: 'hedgebox' };
  readonly users = new Map<number, User>();
  readonly keys = new Map<string, ApiKey>();
  readonly teams = new Map<number, Team>();
  private readonly tables = new Map<string, Table>();

  /** Per-project table, created on first use. */
  table<T extends Row = Row>(teamId: number, name: string, idKind: 'int' | 'uuid' = 'int'): Table<T> {
    const k = `${teamId}:${name}`;
    let t = this.tables.get(k);
    if (!t) {
      t = new Table(idKind);
      this.tables.set(k, t);
    }
    return t as Table<T>;
  }

  /** Global (cross-project) table, e.g. MCP templates. */
  global<T extends Row = Row>(name: string, idKind: 'int' | 'uuid' = 'int'): Table<T> {
    return this.table<T>(0, name, idKind);
  }

  teamByToken(token: string): Team | undefined {
    for (const t of this.teams.values()) if (t.api_token === token) return t;
    return undefined;
  }

  userBasic(user: User) {
    return {
      id: user.id,
      uuid: user.uuid,
      distinct_id: user.distinct_id,
      first_name: user.first_name,
      last_name: user.last_name,
      email: user.email,
      is_email_verified: true,
      hedgehog_config: null,
      role_at_organization: 'engineering',
    };
  }

  teamBasic(team: Team) {
    return {
      id: team.id,
      uuid: team.uuid,
      organization: team.organization,
      project_id: team.id,
      api_token: team.api_token,
      name: team.name,
      completed_snippet_onboarding: true,
      has_completed_onboarding_for: { product_analytics: true },
      ingested_event: true,
      is_demo: false,
      timezone: team.timezone,
      access_control: false,
    };
  }
}

/** ISO time, `daysAgo` days before a fixed "now" so demo data looks recent. */
export function isoDaysAgo(daysAgo: number, hour = 10): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

export function nowIso(): string {
  return new Date().toISOString();
}
