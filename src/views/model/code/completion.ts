/** What completion offers in a flag call's key or capture's event argument (no `vscode`: plain items). */
import type { FlagCacheState } from './flagCache';
import { flagStatus, statusWord } from './flagStatus';
import type { EventDefinitionsState } from './eventDefinitions';
import { formatCount } from './sparkline';

export interface CompletionData {
  label: string;
  /** Shown beside the label: the flag's status, the event's 30-day volume. */
  detail: string;
  documentation?: string;
  /** Active flags and busier events first. */
  sortText: string;
}

export function flagCompletions(state: FlagCacheState): CompletionData[] {
  if (state.status !== 'loaded') return [];
  const out: CompletionData[] = [];
  for (const flag of state.flags.values()) {
    const status = flagStatus(state, flag.key);
    out.push({
      label: flag.key,
      detail: `PostHog flag · ${statusWord(status)}`,
      documentation: flag.name || undefined,
      sortText: `${flag.active ? '0' : '1'}${flag.key}`,
    });
  }
  return out;
}

export function eventCompletions(state: EventDefinitionsState): CompletionData[] {
  if (state.status !== 'loaded') return [];
  const out: CompletionData[] = [];
  const events = [...state.events.values()];
  const rank = new Map(
    [...events].sort((a, b) => (b.volume ?? -1) - (a.volume ?? -1) || a.name.localeCompare(b.name)).map((e, i) => [e.name, i]),
  );
  for (const e of events) {
    out.push({
      label: e.name,
      detail: `PostHog event · ${e.volume === undefined ? 'no 30-day volume' : `${formatCount(e.volume)} in 30 days`}`,
      documentation: e.lastSeen ? `Last seen ${e.lastSeen.slice(0, 10)}` : undefined,
      sortText: String(rank.get(e.name) ?? 0).padStart(6, '0'),
    });
  }
  return out;
}
