/**
 * Which references deserve a Problems entry, and the quick fix each offers: an unknown flag key
 * (Warning: create it, or change to the closest existing key), a deleted flag (Warning), an event
 * name that is not a known event but is close to one (Information: change to it). Only literal
 * keys are references; dynamic keys never get one. Nothing is said while the flags are loading,
 * failed to load or nobody is signed in: a guess would be wrong.
 */
import type { CodeReference } from '../../../code/types';
import { closestKey } from './closest';
import type { EventDefinitionsState } from './eventDefinitions';
import type { FlagCacheState } from './flagCache';
import { flagStatus } from './flagStatus';

export type DiagnosticCode = 'unknown-flag' | 'deleted-flag' | 'unknown-event';

export interface CodeDiagnostic {
  /** 0-based offsets of the key inside its quotes. */
  start: number;
  end: number;
  severity: 'warning' | 'information';
  code: DiagnosticCode;
  message: string;
  key: string;
  /** The closest existing key: "Change to '…'". */
  suggestion?: string;
}

export function diagnose(references: readonly CodeReference[], flags: FlagCacheState, events: EventDefinitionsState): CodeDiagnostic[] {
  const out: CodeDiagnostic[] = [];
  const flagKeys = flags.status === 'loaded' ? [...flags.flags.keys()] : [];
  const eventNames = events.status === 'loaded' ? [...events.events.keys()] : [];
  // A same-file constant used by several calls is one literal: one entry, at the literal.
  const seen = new Set<string>();
  for (const ref of references) {
    const id = `${ref.kind}:${ref.start}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const at = { start: ref.start, end: ref.end, key: ref.key };
    if (ref.kind === 'flag') {
      const status = flagStatus(flags, ref.key);
      if (status.kind === 'unknown') {
        const suggestion = closestKey(ref.key, flagKeys);
        out.push({
          ...at,
          severity: 'warning',
          code: 'unknown-flag',
          message: `Unknown feature flag '${ref.key}': no flag with this key in this PostHog project, so the code gets false.${suggestion ? ` Did you mean '${suggestion}'?` : ''}${status.deletedUnknown ? ` (It may be a deleted flag: the flags' activity log could not be read: ${status.deletedUnknown})` : ''}`,
          suggestion,
        });
      } else if (status.kind === 'deleted') {
        out.push({
          ...at,
          severity: 'warning',
          code: 'deleted-flag',
          message: `Feature flag '${ref.key}' was deleted in PostHog, so the code gets false. Remove the check or create the flag again.`,
        });
      }
    } else if (events.status === 'loaded' && !events.events.has(ref.key)) {
      const suggestion = closestKey(ref.key, eventNames);
      if (suggestion) {
        out.push({
          ...at,
          severity: 'information',
          code: 'unknown-event',
          message: `PostHog has no event '${ref.key}' in this project, but has '${suggestion}'. A typo?`,
          suggestion,
        });
      }
    }
  }
  return out;
}
