/**
 * Event ingestion (§11): `/i/v0/e`, `/e`, `/capture`, `/batch`, `/track` on the ingestion host
 * (served from the same origin here). No personal key: the project token travels in the body.
 *
 * - Bodies: one event, `{api_key, batch: [event, …]}`, or an array of events.
 * - Token from `api_key` / `token` / `$token` / `properties.token` (event or batch level); all
 *   events of one request must share it.
 * - Errors are plain text, like PostHog's Rust capture service: 401 without a token or with one no
 *   project has, 400 for an empty batch, an empty event name or a missing distinct_id. The whole
 *   request is refused when one event is bad.
 * - 200 `{"status": "Ok"}`. Events are stored through the shared store (`ingestEvent`), which
 *   de-duplicates by uuid, so a retried send with the same uuid stores one event.
 *
 * The seed writes a few hundred realistic Hedgebox events over the last 14 days (page views on
 * the marketing site and the app, sign-ups, uploads, upgrades, `$identify` with email/name/plan,
 * company groups), deterministic apart from the person UUIDs the shared store hands out.
 */
import { createHash } from 'node:crypto';
import { type Ctx, HttpError, r } from '../core';
import { ingestEvent, type IncomingEvent } from '../analytics';
import type { Row, State, Team } from '../state';
import type { RouteGroup } from './types';

const INGESTION = { prefix: 'root' as const, auth: false, throttle: 'none' as const };
export const CAPTURE_PATHS = ['/i/v0/e', '/e', '/capture', '/batch', '/track'];
const MAX_DISTINCT_ID = 200;

/** A plain-text error, as the capture service sends them. */
const text = (status: number, message: string) => new HttpError(status, message);

function isObject(v: unknown): v is Row {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function tokenOf(o: Row | undefined): string | undefined {
  if (!o) return undefined;
  for (const k of ['token', 'api_key', '$token']) {
    const v = o[k];
    if (typeof v === 'string' && v !== '') return v;
  }
  const props = o.properties;
  if (isObject(props) && typeof props.token === 'string' && props.token !== '') return props.token;
  return undefined;
}

function distinctIdOf(ev: Row): string | undefined {
  const props = isObject(ev.properties) ? ev.properties : {};
  const raw = ev.distinct_id ?? ev.$distinct_id ?? props.distinct_id ?? props.$distinct_id;
  if (raw === undefined || raw === null) return undefined;
  const s = typeof raw === 'string' ? raw : typeof raw === 'object' ? JSON.stringify(raw) : String(raw);
  if (s.trim() === '') return undefined;
  return s.slice(0, MAX_DISTINCT_ID);
}

function timestampOf(ev: Row, now: number): string {
  if (typeof ev.timestamp === 'string' && ev.timestamp && !Number.isNaN(Date.parse(ev.timestamp))) {
    return new Date(Date.parse(ev.timestamp)).toISOString();
  }
  if (typeof ev.offset === 'number' && Number.isFinite(ev.offset) && ev.offset >= 0) return new Date(now - ev.offset).toISOString();
  return new Date(now).toISOString();
}

/** Parses and validates a capture request; returns the team and the events to store. */
export function parseCapture(state: State, body: unknown): { team: Team; events: IncomingEvent[] } {
  if (body === undefined || body === null) throw text(400, 'failed to decode request: empty body');
  let raw: unknown[];
  let batchToken: string | undefined;
  if (Array.isArray(body)) raw = body;
  else if (isObject(body) && Array.isArray(body.batch)) {
    raw = body.batch;
    batchToken = tokenOf(body);
  } else if (isObject(body)) raw = [body];
  else throw text(400, 'failed to parse request: expected an event, a batch or an array of events');
  if (raw.length === 0) throw text(400, 'request holds no event');
  if (!raw.every(isObject)) throw text(400, 'failed to parse request: every event must be a JSON object');
  const events = raw as Row[];

  const tokens = new Set<string>();
  if (batchToken) tokens.add(batchToken);
  for (const ev of events) {
    const t = tokenOf(ev);
    if (t) tokens.add(t);
  }
  if (tokens.size === 0) throw text(401, 'event submitted without an api_key');
  if (tokens.size > 1) throw text(400, 'batch submitted with inconsistent api_key values');
  const token = [...tokens][0];
  if (token.startsWith('phx_')) throw text(401, 'API key is not valid: a personal API key was sent instead of the project API token');
  const team = state.teamByToken(token);
  if (!team) throw text(401, 'API key is not valid: no project has this API key');

  const now = Date.now();
  const out: IncomingEvent[] = [];
  for (const ev of events) {
    if (typeof ev.event !== 'string' || ev.event.trim() === '') throw text(400, 'event submitted with an empty event name');
    const distinctId = distinctIdOf(ev);
    if (!distinctId) throw text(400, 'event submitted without a distinct_id');
    const properties = isObject(ev.properties) ? { ...ev.properties } : {};
    delete properties.token;
    out.push({
      event: ev.event,
      distinct_id: distinctId,
      properties,
      timestamp: timestampOf(ev, now),
      uuid: typeof ev.uuid === 'string' && ev.uuid !== '' ? ev.uuid : undefined,
      $set: isObject(ev.$set) ? ev.$set : undefined,
      $set_once: isObject(ev.$set_once) ? ev.$set_once : undefined,
    });
  }
  return { team, events: out };
}

function capture(ctx: Ctx) {
  const { team, events } = parseCapture(ctx.state, ctx.body);
  for (const ev of events) ingestEvent(ctx.state, team, ev);
  return r(200, { status: 'Ok' });
}

// ---------------------------------------------------------------------------------------------
// Deterministic seed helpers

/** A UUID derived from a name (same name, same UUID), shaped like a v5 UUID. */
export function seedUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A small deterministic PRNG (mulberry32), so the seed is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeedUser {
  name: string;
  email: string;
  plan: 'free' | 'starter' | 'pro' | 'enterprise';
  company?: string;
  /** Days ago they signed up; undefined: signed up before the 14-day window. */
  signedUpDaysAgo?: number;
  upgradeTo?: 'starter' | 'pro' | 'enterprise';
  /** 0..1: how often they come back. */
  activity: number;
  browser: string;
  os: string;
  referrer: string;
}

const COMPANIES: Record<string, { name: string; industry: string; plan: string; employees: number }> = {
  northwind: { name: 'Northwind Traders', industry: 'Retail', plan: 'enterprise', employees: 420 },
  'lumen-labs': { name: 'Lumen Labs', industry: 'Biotech', plan: 'pro', employees: 85 },
  pixelforge: { name: 'Pixelforge Studio', industry: 'Design', plan: 'pro', employees: 24 },
  tidewater: { name: 'Tidewater Logistics', industry: 'Logistics', plan: 'starter', employees: 130 },
};

/** Hedgebox users active in the last 14 days (the persons group seeds other, older customers). */
const USERS: SeedUser[] = [
  {
    name: 'Hannah Müller',
    email: 'hannah@northwind.example',
    plan: 'enterprise',
    company: 'northwind',
    activity: 0.85,
    browser: 'Chrome',
    os: 'Mac OS X',
    referrer: '$direct',
  },
  {
    name: 'Tom Okoro',
    email: 'tom.okoro@northwind.example',
    plan: 'enterprise',
    company: 'northwind',
    activity: 0.6,
    browser: 'Edge',
    os: 'Windows',
    referrer: '$direct',
  },
  {
    name: 'Mei Lin',
    email: 'mei@lumenlabs.example',
    plan: 'pro',
    company: 'lumen-labs',
    activity: 0.75,
    browser: 'Safari',
    os: 'Mac OS X',
    referrer: 'www.google.com',
  },
  {
    name: 'Jonas Berg',
    email: 'jonas@lumenlabs.example',
    plan: 'pro',
    company: 'lumen-labs',
    activity: 0.4,
    browser: 'Firefox',
    os: 'Linux',
    referrer: '$direct',
  },
  {
    name: 'Ana Costa',
    email: 'ana@pixelforge.example',
    plan: 'pro',
    company: 'pixelforge',
    activity: 0.7,
    browser: 'Chrome',
    os: 'Mac OS X',
    referrer: 'twitter.com',
  },
  {
    name: 'Ravi Patel',
    email: 'ravi@tidewater.example',
    plan: 'starter',
    company: 'tidewater',
    activity: 0.5,
    browser: 'Chrome',
    os: 'Windows',
    referrer: 'www.linkedin.com',
  },
  {
    name: 'Chloe Martin',
    email: 'chloe.martin@gmail.example',
    plan: 'free',
    activity: 0.3,
    browser: 'Safari',
    os: 'iOS',
    referrer: 'www.google.com',
  },
  {
    name: 'Samuel Adeyemi',
    email: 'samuel@adeyemi.example',
    plan: 'starter',
    activity: 0.45,
    browser: 'Chrome',
    os: 'Android',
    referrer: '$direct',
  },
  {
    name: 'Yuki Tanaka',
    email: 'yuki@tanaka-arch.example',
    plan: 'pro',
    activity: 0.65,
    browser: 'Chrome',
    os: 'Mac OS X',
    referrer: 'www.google.com',
  },
  {
    name: 'Elena Petrova',
    email: 'elena@petrova.example',
    plan: 'free',
    activity: 0.25,
    browser: 'Firefox',
    os: 'Windows',
    referrer: 'www.bing.com',
  },
  // Signed up inside the window.
  {
    name: 'Noah Williams',
    email: 'noah@brightpath.example',
    plan: 'free',
    signedUpDaysAgo: 13,
    upgradeTo: 'pro',
    activity: 0.7,
    browser: 'Chrome',
    os: 'Mac OS X',
    referrer: 'www.google.com',
  },
  {
    name: 'Fatima Zahra',
    email: 'fatima@atlasmedia.example',
    plan: 'free',
    signedUpDaysAgo: 12,
    activity: 0.5,
    browser: 'Chrome',
    os: 'Windows',
    referrer: 'news.ycombinator.com',
  },
  {
    name: 'Lucas Silva',
    email: 'lucas@pixelforge.example',
    plan: 'free',
    company: 'pixelforge',
    signedUpDaysAgo: 11,
    upgradeTo: 'pro',
    activity: 0.6,
    browser: 'Safari',
    os: 'Mac OS X',
    referrer: '$direct',
  },
  {
    name: 'Emma Johansson',
    email: 'emma@nordicbakery.example',
    plan: 'free',
    signedUpDaysAgo: 10,
    activity: 0.35,
    browser: 'Safari',
    os: 'iOS',
    referrer: 'www.instagram.com',
  },
  {
    name: 'Omar Haddad',
    email: 'omar@haddad-law.example',
    plan: 'free',
    signedUpDaysAgo: 9,
    upgradeTo: 'starter',
    activity: 0.55,
    browser: 'Chrome',
    os: 'Windows',
    referrer: 'www.google.com',
  },
  {
    name: 'Isabella Rossi',
    email: 'isabella@rossi-events.example',
    plan: 'free',
    signedUpDaysAgo: 8,
    activity: 0.3,
    browser: 'Chrome',
    os: 'Android',
    referrer: 'www.facebook.com',
  },
  {
    name: 'Daniel Kim',
    email: 'daniel@tidewater.example',
    plan: 'free',
    company: 'tidewater',
    signedUpDaysAgo: 7,
    activity: 0.6,
    browser: 'Edge',
    os: 'Windows',
    referrer: '$direct',
  },
  {
    name: 'Zoe Thompson',
    email: 'zoe@thompson-photo.example',
    plan: 'free',
    signedUpDaysAgo: 6,
    upgradeTo: 'pro',
    activity: 0.8,
    browser: 'Chrome',
    os: 'Mac OS X',
    referrer: 'www.google.com',
  },
  {
    name: 'Mateo García',
    email: 'mateo@garcia-studio.example',
    plan: 'free',
    signedUpDaysAgo: 5,
    activity: 0.4,
    browser: 'Firefox',
    os: 'Linux',
    referrer: 'www.reddit.com',
  },
  {
    name: 'Aisha Bello',
    email: 'aisha@lumenlabs.example',
    plan: 'free',
    company: 'lumen-labs',
    signedUpDaysAgo: 4,
    activity: 0.65,
    browser: 'Chrome',
    os: 'Mac OS X',
    referrer: '$direct',
  },
  {
    name: "Liam O'Brien",
    email: 'liam@obrien-builds.example',
    plan: 'free',
    signedUpDaysAgo: 3,
    activity: 0.5,
    browser: 'Safari',
    os: 'iOS',
    referrer: 'www.google.com',
  },
  {
    name: 'Sara Lindqvist',
    email: 'sara@lindqvist.example',
    plan: 'free',
    signedUpDaysAgo: 2,
    activity: 0.7,
    browser: 'Chrome',
    os: 'Windows',
    referrer: 'www.linkedin.com',
  },
  {
    name: 'Kwame Mensah',
    email: 'kwame@mensah-farms.example',
    plan: 'free',
    signedUpDaysAgo: 1,
    activity: 0.6,
    browser: 'Chrome',
    os: 'Android',
    referrer: 'www.google.com',
  },
  {
    name: 'Julia Novak',
    email: 'julia@novak-design.example',
    plan: 'free',
    signedUpDaysAgo: 0,
    activity: 0.5,
    browser: 'Safari',
    os: 'Mac OS X',
    referrer: 'twitter.com',
  },
];

const STAGING_USERS: SeedUser[] = [
  { name: 'QA Robot', email: 'qa+robot@hedgebox.net', plan: 'pro', activity: 0.9, browser: 'Chrome', os: 'Linux', referrer: '$direct' },
  {
    name: 'Ada Lovelace',
    email: 'ada@hedgebox.net',
    plan: 'enterprise',
    activity: 0.5,
    browser: 'Firefox',
    os: 'Mac OS X',
    referrer: '$direct',
  },
  {
    name: 'Bob Builder',
    email: 'bob@hedgebox.net',
    plan: 'free',
    signedUpDaysAgo: 3,
    activity: 0.6,
    browser: 'Chrome',
    os: 'Windows',
    referrer: '$direct',
  },
];

const MARKETING_PAGES = ['/', '/pricing', '/features', '/blog/secure-file-sharing', '/about'];
const APP_PAGES = ['/files', '/files', '/files/shared', '/account/settings', '/files/recent', '/account/billing'];
const FILE_TYPES: Array<[string, string, number]> = [
  ['application/pdf', 'pdf', 2_400_000],
  ['image/jpeg', 'jpg', 3_800_000],
  ['image/png', 'png', 1_200_000],
  ['video/mp4', 'mp4', 184_000_000],
  ['application/zip', 'zip', 56_000_000],
  ['text/plain', 'txt', 14_000],
];

const slug = (email: string) =>
  email
    .split('@')[0]
    .replace(/[^a-z0-9]+/gi, '-')
    .toLowerCase();
export const seedDistinctId = (email: string) => `hbx-${slug(email)}-${email.split('@')[1].split('.')[0]}`;

/** Seeds the project's events. Project 1 gets the full demo set, other projects a handful. */
function seedEvents(state: State, team: Team): void {
  const rand = prng(0x5eed + team.id);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const now = Date.now();
  // Day d spans (now - (d+1)·24h, now - d·24h]: nothing is ever in the future.
  const at = (daysAgo: number, minute: number) =>
    new Date(now - (daysAgo + 1) * 86_400_000 + Math.min(1439, minute) * 60_000).toISOString();
  let n = 0;
  const emit = (e: Omit<IncomingEvent, 'uuid'>) => {
    ingestEvent(state, team, { ...e, uuid: seedUuid(`standin-event:${team.id}:${n++}`) });
  };
  const host = team.id === 1 ? 'hedgebox.net' : 'staging.hedgebox.net';
  const appHost = team.id === 1 ? 'app.hedgebox.net' : 'app.staging.hedgebox.net';
  const device = (u: SeedUser) => (u.os === 'iOS' || u.os === 'Android' ? 'Mobile' : 'Desktop');
  const pageview = (distinctId: string, u: SeedUser, daysAgo: number, minute: number, hostname: string, path: string, extra: Row = {}) =>
    emit({
      event: '$pageview',
      distinct_id: distinctId,
      timestamp: at(daysAgo, minute),
      properties: {
        $current_url: `https://${hostname}${path}`,
        $host: hostname,
        $pathname: path,
        $browser: u.browser,
        $os: u.os,
        $device_type: device(u),
        $referring_domain: u.referrer,
        $lib: 'web',
        ...extra,
      },
    });

  // Anonymous visitors who never sign up.
  const visitors = team.id === 1 ? 36 : 3;
  for (let v = 0; v < visitors; v++) {
    const anon = `anon-${seedUuid(`visitor:${team.id}:${v}`).slice(0, 13)}`;
    const u: SeedUser = {
      name: '',
      email: '',
      plan: 'free',
      activity: 0,
      browser: pick(['Chrome', 'Safari', 'Firefox', 'Edge']),
      os: pick(['Mac OS X', 'Windows', 'iOS', 'Android']),
      referrer: pick(['www.google.com', '$direct', 'twitter.com', 'www.bing.com']),
    };
    const day = v % 14;
    let minute = 60 + Math.floor(rand() * 1200);
    const views = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < views; k++) {
      pageview(anon, u, day, minute, host, k === 0 ? '/' : pick(MARKETING_PAGES));
      minute += 1 + Math.floor(rand() * 6);
    }
  }

  const users = team.id === 1 ? USERS : STAGING_USERS;
  const groupsIdentified = new Set<string>();
  users.forEach((u, i) => {
    const distinctId = seedDistinctId(u.email);
    const groups = u.company && team.id === 1 ? { company: u.company } : undefined;
    const firstDay = u.signedUpDaysAgo ?? 13;
    let plan = u.plan;
    for (let day = firstDay; day >= 0; day--) {
      let minute = 420 + ((i * 37) % 300) + Math.floor(rand() * 180);
      const isSignupDay = u.signedUpDaysAgo === day;
      const isFirstDay = day === firstDay;
      const upgradeDay = u.signedUpDaysAgo !== undefined ? Math.max(0, u.signedUpDaysAgo - 3) : 0;
      const upgradesToday = !!u.upgradeTo && plan !== u.upgradeTo && day === upgradeDay;
      if (!isFirstDay && !upgradesToday && rand() > u.activity) continue;
      if (isSignupDay) {
        // Browses the marketing site anonymously, signs up, and is identified.
        const anon = `anon-${seedUuid(`signup:${team.id}:${u.email}`).slice(0, 13)}`;
        pageview(anon, u, day, minute, host, '/');
        pageview(anon, u, day, (minute += 2), host, '/pricing');
        emit({
          event: '$identify',
          distinct_id: distinctId,
          timestamp: at(day, (minute += 3)),
          properties: {
            $anon_distinct_id: anon,
            $lib: 'web',
            $set: { email: u.email, name: u.name, plan, ...(u.company ? { company: COMPANIES[u.company].name } : {}) },
            $set_once: { $initial_referring_domain: u.referrer, signup_date: at(day, minute).slice(0, 10) },
          },
        });
        emit({
          event: 'signed_up',
          distinct_id: distinctId,
          timestamp: at(day, (minute += 1)),
          properties: {
            signup_method: i % 3 === 0 ? 'google' : 'email',
            plan,
            $current_url: `https://${appHost}/signup`,
            $lib: 'web',
            ...(groups ? { $groups: groups } : {}),
          },
        });
      } else if (isFirstDay) {
        // An existing customer: identified on their first visit in the window.
        emit({
          event: '$identify',
          distinct_id: distinctId,
          timestamp: at(day, minute),
          properties: {
            $lib: 'web',
            $set: { email: u.email, name: u.name, plan, ...(u.company ? { company: COMPANIES[u.company].name } : {}) },
          },
        });
      }
      if (groups && u.company && !groupsIdentified.has(u.company)) {
        // posthog-js sends $groupidentify with the current user's distinct_id.
        groupsIdentified.add(u.company);
        const c = COMPANIES[u.company];
        emit({
          event: '$groupidentify',
          distinct_id: distinctId,
          timestamp: at(day, (minute += 1)),
          properties: {
            $group_type: 'company',
            $group_key: u.company,
            $group_set: { name: c.name, industry: c.industry, plan: c.plan, employees: c.employees },
            $lib: 'web',
          },
        });
      }
      const views = 1 + Math.floor(rand() * 3);
      for (let k = 0; k < views; k++) {
        pageview(
          distinctId,
          u,
          day,
          (minute += 2 + Math.floor(rand() * 9)),
          appHost,
          k === 0 ? '/files' : pick(APP_PAGES),
          groups ? { $groups: groups } : {},
        );
      }
      const uploads = Math.floor(rand() * (isSignupDay ? 3 : 2.4));
      for (let k = 0; k < uploads; k++) {
        const [mime, ext, size] = pick(FILE_TYPES);
        emit({
          event: 'uploaded_file',
          distinct_id: distinctId,
          timestamp: at(day, (minute += 3 + Math.floor(rand() * 15))),
          properties: {
            file_type: mime,
            file_extension: ext,
            file_size_b: Math.round(size * (0.3 + rand())),
            used_drag_and_drop: rand() < 0.4,
            $lib: 'web',
            ...(groups ? { $groups: groups } : {}),
          },
        });
      }
      if (upgradesToday && u.upgradeTo) {
        const previous = plan;
        plan = u.upgradeTo;
        pageview(distinctId, u, day, (minute += 4), appHost, '/account/billing');
        emit({
          event: 'upgraded_plan',
          distinct_id: distinctId,
          timestamp: at(day, minute + 2),
          properties: {
            plan,
            previous_plan: previous,
            billing_period: i % 2 === 0 ? 'annual' : 'monthly',
            $set: { plan },
            $lib: 'web',
            ...(groups ? { $groups: groups } : {}),
          },
        });
      }
    }
  });
}

export const eventsRoutes: RouteGroup = {
  register(router) {
    for (const p of CAPTURE_PATHS) router.post(p, capture, INGESTION);
  },
  seed(state, team) {
    seedEvents(state, team);
  },
};
