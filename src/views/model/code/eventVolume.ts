/**
 * 7-day event volume for the events the visible files capture: ONE HogQL query per refresh for all
 * of them (grouped by event and day), cached for a few minutes; never one request per call.
 */
import { describeError } from '../../../posthog/errors';
import type { ToolRunner } from '../base';
import type { Row } from '../node';

export interface EventVolume {
  /** Events in the last 7 × 24 hours. */
  total: number;
  /** Per UTC day, oldest first, the last one today. */
  days: number[];
}

export type VolumeAnswer = { status: 'loaded'; volume: EventVolume } | { status: 'error'; error: string };

/** The tool caps a query's rows at 1,000: 8 calendar days (7 × 24 hours spans 8) × 124 events fit. */
export const MAX_EVENTS_PER_QUERY = 124;
const DAY_MS = 86_400_000;

function hogqlString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The batched query: every event, per day, over the last 7 days. */
export function volumeQuery(events: readonly string[]): string {
  return (
    `SELECT event, toDate(timestamp) AS d, count() FROM events WHERE event IN (${events.map(hogqlString).join(', ')}) ` +
    'AND timestamp > now() - INTERVAL 7 DAY GROUP BY event, d'
  );
}

/** The query's rows as each event's volume (events without a row have none: 0). */
export function volumesFromRows(events: readonly string[], rows: unknown[], now: number): Map<string, EventVolume> {
  const out = new Map<string, EventVolume>(events.map((e) => [e, { total: 0, days: [0, 0, 0, 0, 0, 0, 0] }]));
  const today = Math.floor(now / DAY_MS);
  for (const row of rows) {
    if (!Array.isArray(row) || row.length < 3) continue;
    const [event, day, count] = row as [unknown, unknown, unknown];
    const v = typeof event === 'string' ? out.get(event) : undefined;
    const n = Number(count);
    if (!v || !Number.isFinite(n)) continue;
    v.total += n;
    const d = Math.floor(Date.parse(`${String(day).slice(0, 10)}T00:00:00Z`) / DAY_MS);
    const index = 6 - (today - d);
    if (index >= 0 && index <= 6) v.days[index] += n;
  }
  return out;
}

export interface EventVolumeOptions {
  tools: ToolRunner;
  now?: () => number;
  /** How long an answer stays fresh. Default 5 minutes. */
  ttlMs?: number;
}

export class EventVolumeCache {
  private readonly answers = new Map<string, { at: number; answer: VolumeAnswer }>();
  private inFlight: { names: Set<string>; done: Promise<void> } | undefined;

  constructor(private readonly options: EventVolumeOptions) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** What is cached for an event (fresh or not), without a request. */
  get(event: string): VolumeAnswer | undefined {
    return this.answers.get(event)?.answer;
  }

  /**
   * Makes sure every event has a fresh answer: at most one query for all that lack one (those
   * another refresh is already fetching are waited for, not asked again).
   */
  async ensure(events: Iterable<string>): Promise<void> {
    const ttl = this.options.ttlMs ?? 5 * 60_000;
    const now = this.now();
    const wanted = [...new Set(events)];
    const pending = this.inFlight;
    const stale = wanted.filter((e) => !pending?.names.has(e) && !(now - (this.answers.get(e)?.at ?? -Infinity) < ttl));
    const waits: Array<Promise<void>> = pending && wanted.some((e) => pending.names.has(e)) ? [pending.done] : [];
    if (stale.length) {
      const batch = stale.slice(0, MAX_EVENTS_PER_QUERY);
      const done = this.fetch(batch).finally(() => {
        if (this.inFlight?.done === done) this.inFlight = undefined;
      });
      this.inFlight = { names: new Set(batch), done };
      waits.push(done);
    }
    await Promise.all(waits);
  }

  /** Project switch or sign-out: forget every answer. */
  clear(): void {
    this.answers.clear();
    this.inFlight = undefined;
  }

  private async fetch(events: string[]): Promise<void> {
    const at = this.now();
    try {
      const data = (await this.options.tools.run('run_hogql_query', { query: volumeQuery(events), limit: 1000 })) as Row;
      const volumes = volumesFromRows(events, Array.isArray(data.results) ? data.results : [], at);
      for (const [event, volume] of volumes) this.answers.set(event, { at, answer: { status: 'loaded', volume } });
    } catch (err) {
      const error = describeError(err);
      for (const e of events) this.answers.set(e, { at, answer: { status: 'error', error } });
    }
  }
}
