/**
 * The project's event definitions (list_event_definitions, every page), loaded once like the flag
 * list: event-name completion with 30-day volume, and the "close to a known event" diagnostic.
 */
import { describeError } from '../../../posthog/errors';
import { asPage, type ToolRunner } from '../base';
import { Emitter } from '../events';
import type { Row } from '../node';

export interface EventDefinition {
  name: string;
  /** Events in the last 30 days, when PostHog says (older PostHog versions; often null). */
  volume?: number;
  lastSeen?: string;
}

export type EventDefinitionsState =
  | { status: 'idle' | 'loading' | 'signedOut' }
  | { status: 'error'; error: string }
  | { status: 'loaded'; events: ReadonlyMap<string, EventDefinition> };

const PAGE = 100;
const MAX_PAGES = 50;

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** One row of list_event_definitions, whatever its PostHog version calls the volume. */
export function eventDefinitionOf(r: Row): EventDefinition | undefined {
  if (typeof r.name !== 'string' || !r.name) return undefined;
  const lastSeen = r.last_seen ?? r.last_seen_at;
  return {
    name: r.name,
    volume: num(r.volume) ?? num(r.volume_30_day),
    lastSeen: typeof lastSeen === 'string' ? lastSeen : undefined,
  };
}

export class EventDefinitions {
  private current: EventDefinitionsState = { status: 'idle' };
  private inFlight: Promise<EventDefinitionsState> | undefined;
  private generation = 0;
  private readonly changed = new Emitter<EventDefinitionsState>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly options: { tools: ToolRunner; isSignedIn: () => boolean; ready?: PromiseLike<unknown> }) {}

  get state(): EventDefinitionsState {
    return this.current;
  }

  /** Loads once; a failed load is tried again by the next caller. */
  get(): Promise<EventDefinitionsState> {
    if (this.inFlight) return this.inFlight;
    if (this.current.status === 'loaded' || this.current.status === 'signedOut') return Promise.resolve(this.current);
    const generation = ++this.generation;
    this.current = { status: 'loading' };
    const run = this.load().then((state) => {
      if (generation !== this.generation) return this.current;
      this.inFlight = undefined;
      this.current = state;
      this.changed.fire(state);
      return state;
    });
    this.inFlight = run;
    return run;
  }

  reset(): void {
    this.generation++;
    this.inFlight = undefined;
    this.current = { status: 'idle' };
    this.changed.fire(this.current);
  }

  private async load(): Promise<EventDefinitionsState> {
    await this.options.ready;
    if (!this.options.isSignedIn()) return { status: 'signedOut' };
    try {
      const events = new Map<string, EventDefinition>();
      let offset = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const data = asPage<Row>(await this.options.tools.run('list_event_definitions', { limit: PAGE, offset }));
        for (const r of data.results) {
          const d = eventDefinitionOf(r);
          if (d) events.set(d.name, d);
        }
        if (!data.has_more || data.results.length === 0) break;
        offset = data.next_offset ?? offset + data.results.length;
      }
      return { status: 'loaded', events };
    } catch (err) {
      return { status: 'error', error: describeError(err) };
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
