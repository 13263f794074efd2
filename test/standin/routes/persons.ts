/**
 * Persons: dual-routed, scope `person`, ClickHouse ("analytics") throttle.
 *
 * - list: `{results, next, previous}` with no `count` (unless `include_total`), newest first,
 *   `next` iff a full page came back; filters `distinct_id`, `email`, `search`, `properties`.
 *   Rows have `id` = the person's UUID.
 * - retrieve: numeric pk or UUID; `id` is the numeric pk there. A distinct_id gets PostHog's 400.
 * - delete: 202, empty body.
 *
 * Persons live in the shared store (../analytics.ts); the seed adds identified customers through
 * `$identify` events so persons and events stay consistent.
 */
import { type Ctx, notFound, r, type Router, validation } from '../core';
import { intParam } from '../crud';
import { ingestEvent, personsTable } from '../analytics';
import { isoDaysAgo, type Row, type State, type Team } from '../state';
import type { RouteGroup } from './types';

const OPTS = { prefix: 'dual' as const, scope: 'person', throttle: 'analytics' as const };
const DEFAULT_PAGE_LIMIT = 100;
const UUID_RE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** PostHog's default person display properties, then the first distinct id. */
const DISPLAY_PROPERTIES = ['email', 'Email', 'name', 'Name', 'username', 'Username', 'UserName'];

export function personDisplayName(p: Row): string {
  const props = (p.properties ?? {}) as Row;
  for (const k of DISPLAY_PROPERTIES) {
    const v = props[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  const ids = (p.distinct_ids ?? []) as string[];
  return ids[0] ?? String(p.uuid);
}

/** SerializedPerson, as the list returns it (`id` is the UUID). */
function listRow(p: Row): Row {
  return {
    type: 'person',
    id: p.uuid,
    uuid: p.uuid,
    name: personDisplayName(p),
    distinct_ids: [...((p.distinct_ids ?? []) as string[])],
    properties: { ...((p.properties ?? {}) as Row) },
    created_at: p.created_at,
    last_seen_at: p.last_seen_at ?? null,
    is_identified: !!p.is_identified,
    matched_recordings: [],
    value_at_data_point: null,
  };
}

/** PersonSerializer, as retrieve returns it (`id` is the numeric pk). */
function detailRow(p: Row): Row {
  return {
    id: p.id,
    name: personDisplayName(p),
    distinct_ids: [...((p.distinct_ids ?? []) as string[])],
    properties: { ...((p.properties ?? {}) as Row) },
    created_at: p.created_at,
    uuid: p.uuid,
    last_seen_at: p.last_seen_at ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Property filters (the subset of PostHog's operators that make sense on person properties)

const OPERATORS = new Set([
  'exact',
  'is_not',
  'icontains',
  'not_icontains',
  'regex',
  'not_regex',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_set',
  'is_not_set',
  'is_date_exact',
  'is_date_before',
  'is_date_after',
]);

type Predicate = (p: Row) => boolean;

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function str(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

function safeRegex(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw validation(`Invalid regular expression: ${source}`, 'properties');
  }
}

function leafPredicate(f: Row): Predicate {
  const type = f.type ?? 'person';
  if (type !== 'person') {
    throw validation(`The stand-in filters persons on person properties only; filter type '${str(type)}' is not supported.`, 'properties');
  }
  if (typeof f.key !== 'string' || !f.key) throw validation('Property filter is missing a key.', 'properties');
  const key = f.key;
  // Legacy person filters default to "exact" (PostHog sets it before running the ActorsQuery).
  const operator = (f.operator ?? 'exact') as string;
  if (!OPERATORS.has(operator)) throw validation(`"${operator}" is not a valid choice.`, 'properties', 'invalid_choice');
  const values = asList(f.value);
  const get = (p: Row) => ((p.properties ?? {}) as Row)[key];
  const has = (p: Row) => {
    const v = get(p);
    return v !== undefined && v !== null;
  };
  switch (operator) {
    case 'exact':
      return (p) => has(p) && values.some((v) => str(v) === str(get(p)));
    case 'is_not':
      return (p) => !has(p) || values.every((v) => str(v) !== str(get(p)));
    case 'icontains':
      return (p) => has(p) && str(get(p)).toLowerCase().includes(str(f.value).toLowerCase());
    case 'not_icontains':
      return (p) => !has(p) || !str(get(p)).toLowerCase().includes(str(f.value).toLowerCase());
    case 'regex': {
      const re = safeRegex(str(f.value));
      return (p) => has(p) && re.test(str(get(p)));
    }
    case 'not_regex': {
      const re = safeRegex(str(f.value));
      return (p) => !has(p) || !re.test(str(get(p)));
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const target = num(f.value);
      return (p) => {
        const v = num(get(p));
        if (v === undefined || target === undefined) return false;
        return operator === 'gt' ? v > target : operator === 'gte' ? v >= target : operator === 'lt' ? v < target : v <= target;
      };
    }
    case 'is_set':
      return has;
    case 'is_not_set':
      return (p) => !has(p);
    default: {
      // Dates: compare calendar days (exact) or instants (before / after).
      const target = Date.parse(str(f.value));
      if (!Number.isFinite(target)) throw validation(`"${str(f.value)}" is not a valid date.`, 'properties');
      return (p) => {
        const v = Date.parse(str(get(p)));
        if (!has(p) || !Number.isFinite(v)) return false;
        if (operator === 'is_date_exact') return new Date(v).toISOString().slice(0, 10) === new Date(target).toISOString().slice(0, 10);
        return operator === 'is_date_before' ? v < target : v > target;
      };
    }
  }
}

/** A list of filters (AND), or a property group `{type: AND|OR, values: [...]}`. */
function propertyPredicate(spec: unknown): Predicate {
  if (Array.isArray(spec)) {
    const parts = spec.map((s) => propertyPredicate(s));
    return (p) => parts.every((fn) => fn(p));
  }
  if (spec && typeof spec === 'object') {
    const o = spec as Row;
    if ((o.type === 'AND' || o.type === 'OR') && Array.isArray(o.values)) {
      const parts = (o.values as unknown[]).map((s) => propertyPredicate(s));
      return o.type === 'AND' ? (p) => parts.every((fn) => fn(p)) : (p) => parts.length === 0 || parts.some((fn) => fn(p));
    }
    return leafPredicate(o);
  }
  throw validation('Properties are unparsable!');
}

function parseProperties(raw: string | null): Predicate | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw validation('Properties are unparsable!');
  }
  return propertyPredicate(parsed);
}

function searchMatches(p: Row, term: string): boolean {
  const t = term.toLowerCase();
  const props = (p.properties ?? {}) as Row;
  if (typeof props.email === 'string' && props.email.toLowerCase().includes(t)) return true;
  if (typeof props.name === 'string' && props.name.toLowerCase().includes(t)) return true;
  if (((p.distinct_ids ?? []) as string[]).includes(term)) return true;
  return String(p.uuid).toLowerCase() === t;
}

function absoluteUrl(ctx: Ctx, offset: number, limit: number): string {
  const q = new URLSearchParams(ctx.query);
  q.set('limit', String(limit));
  q.set('offset', String(offset));
  return `http://standin${ctx.path}?${q.toString()}`;
}

/** Looks a person up by numeric pk or UUID; anything else is PostHog's "not a personID" 400. */
function findPerson(ctx: Ctx): Row {
  const raw = ctx.params.id;
  const table = personsTable(ctx.state, ctx.team.id);
  let person: Row | undefined;
  if (/^\d+$/.test(raw)) person = table.get(Number(raw));
  else if (UUID_RE.test(raw)) {
    const wanted = raw.replace(/-/g, '').toLowerCase();
    person = table.find((p) => String(p.uuid).replace(/-/g, '').toLowerCase() === wanted);
  } else {
    throw validation(
      `The ID provided does not look like a personID. If you are using a distinctId, please use /persons?distinct_id=${raw} instead.`,
    );
  }
  if (!person) throw notFound();
  return person;
}

function list(ctx: Ctx) {
  const limit = intParam(ctx, 'limit', DEFAULT_PAGE_LIMIT) || DEFAULT_PAGE_LIMIT;
  const offset = intParam(ctx, 'offset', 0, Number.MAX_SAFE_INTEGER);
  const byProps = parseProperties(ctx.query.get('properties'));
  const distinctId = ctx.query.get('distinct_id');
  const email = ctx.query.get('email');
  const search = ctx.query.get('search');

  let rows = personsTable(ctx.state, ctx.team.id).all();
  if (distinctId) rows = rows.filter((p) => ((p.distinct_ids ?? []) as string[]).includes(distinctId));
  if (email) rows = rows.filter((p) => ((p.properties ?? {}) as Row).email === email);
  if (search) rows = rows.filter((p) => searchMatches(p, search));
  if (byProps) rows = rows.filter(byProps);
  rows.sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)) || Number(b.id) - Number(a.id));

  const page = rows.slice(offset, offset + limit);
  return {
    results: page.map(listRow),
    next: page.length >= limit ? absoluteUrl(ctx, offset + limit, limit) : null,
    previous: offset - limit >= 0 ? absoluteUrl(ctx, offset - limit, limit) : null,
    ...(ctx.query.has('include_total') ? { count: rows.length } : {}),
  };
}

export const personsRoutes: RouteGroup = {
  register(router: Router) {
    router.get('persons', list, OPTS);
    router.get('persons/:id', (ctx) => detailRow(findPerson(ctx)), OPTS);
    router.delete(
      'persons/:id',
      (ctx) => {
        const person = findPerson(ctx);
        personsTable(ctx.state, ctx.team.id).remove(person.id);
        return r(202);
      },
      { ...OPTS, throttle: 'crud' },
    );
  },

  seed(state: State, team: Team) {
    const people = team.id === 1 ? CUSTOMERS : CUSTOMERS.slice(0, 2);
    people.forEach((c, i) => {
      const slug = c.email
        .split('@')[0]
        .replace(/[^a-z0-9]+/gi, '-')
        .toLowerCase();
      const uuid = `9e250000-5eed-4000-8${team.id.toString(16).padStart(3, '0')}-${(i + 1).toString(16).padStart(12, '0')}`;
      ingestEvent(state, team, {
        event: '$identify',
        distinct_id: `hbx-${slug}`,
        uuid,
        timestamp: isoDaysAgo(c.daysAgo, 9 + (i % 8)),
        properties: {
          ...(c.anonymous ? { $anon_distinct_id: `anon-${slug}` } : {}),
          $lib: 'web',
          $set: { email: c.email, name: c.name, plan: c.plan, country: c.country, company: c.company },
          $set_once: { $initial_referring_domain: c.referrer, first_seen_plan: 'free' },
        },
      });
    });
  },
};

interface Customer {
  name: string;
  email: string;
  plan: 'free' | 'starter' | 'pro' | 'enterprise';
  country: string;
  company: string;
  referrer: string;
  daysAgo: number;
  anonymous?: boolean;
}

/** Hedgebox customers with rich person properties (newest last). */
const CUSTOMERS: Customer[] = [
  {
    name: 'Grace Hopper',
    email: 'grace@navalcomputing.org',
    plan: 'enterprise',
    country: 'US',
    company: 'Naval Computing',
    referrer: 'www.google.com',
    daysAgo: 120,
    anonymous: true,
  },
  {
    name: 'Alan Turing',
    email: 'alan@bletchley.co.uk',
    plan: 'pro',
    country: 'GB',
    company: 'Bletchley Analytics',
    referrer: 'news.ycombinator.com',
    daysAgo: 96,
  },
  {
    name: 'Katherine Johnson',
    email: 'katherine@orbital.space',
    plan: 'pro',
    country: 'US',
    company: 'Orbital Mechanics',
    referrer: 'www.google.com',
    daysAgo: 75,
    anonymous: true,
  },
  {
    name: 'Linus Svensson',
    email: 'linus@fjordfiles.se',
    plan: 'starter',
    country: 'SE',
    company: 'Fjord Files',
    referrer: '$direct',
    daysAgo: 61,
  },
  {
    name: 'Marie Dubois',
    email: 'marie.dubois@atelier-photo.fr',
    plan: 'free',
    country: 'FR',
    company: 'Atelier Photo',
    referrer: 'www.bing.com',
    daysAgo: 48,
    anonymous: true,
  },
  {
    name: 'Kenji Watanabe',
    email: 'kenji@sakura-design.jp',
    plan: 'pro',
    country: 'JP',
    company: 'Sakura Design',
    referrer: 'twitter.com',
    daysAgo: 40,
  },
  {
    name: 'Amara Okafor',
    email: 'amara@lagoslegal.ng',
    plan: 'starter',
    country: 'NG',
    company: 'Lagos Legal',
    referrer: 'www.google.com',
    daysAgo: 33,
  },
  {
    name: 'Lukas Becker',
    email: 'lukas@becker-bau.de',
    plan: 'enterprise',
    country: 'DE',
    company: 'Becker Bau',
    referrer: 'www.linkedin.com',
    daysAgo: 27,
    anonymous: true,
  },
  {
    name: 'Sofia Rossi',
    email: 'sofia@studiorossi.it',
    plan: 'free',
    country: 'IT',
    company: 'Studio Rossi',
    referrer: '$direct',
    daysAgo: 19,
  },
  {
    name: 'Priya Raman',
    email: 'priya@chennaicloud.in',
    plan: 'pro',
    country: 'IN',
    company: 'Chennai Cloud',
    referrer: 'www.google.com',
    daysAgo: 12,
  },
  {
    name: 'Diego Hernández',
    email: 'diego@mercadoverde.mx',
    plan: 'free',
    country: 'MX',
    company: 'Mercado Verde',
    referrer: 'www.facebook.com',
    daysAgo: 6,
    anonymous: true,
  },
  {
    name: 'Olivia Chen',
    email: 'olivia@harbourbooks.com.au',
    plan: 'starter',
    country: 'AU',
    company: 'Harbour Books',
    referrer: 'www.google.com',
    daysAgo: 2,
  },
];
