/** A flag key's status in the active project, and the few words the editor shows beside it. */
import type { CachedFlag, FlagCacheState } from './flagCache';

export type FlagStatus =
  | { kind: 'on' | 'off'; flag: CachedFlag }
  | { kind: 'deleted' }
  /** `deletedUnknown`: the activity log could not be read, so a deleted flag would look like this too. */
  | { kind: 'unknown'; deletedUnknown?: string }
  /** Not known: the flags are loading, could not be loaded (the error), or nobody is signed in. */
  | { kind: 'loading' | 'signedOut' }
  | { kind: 'error'; error: string };

export function flagStatus(state: FlagCacheState, key: string): FlagStatus {
  if (state.status === 'loading' || state.status === 'signedOut') return { kind: state.status };
  if (state.status === 'error') return { kind: 'error', error: state.error };
  const flag = state.flags.get(key);
  if (flag) return { kind: flag.active ? 'on' : 'off', flag };
  if (state.deleted.has(key)) return { kind: 'deleted' };
  return state.deletedUnknown ? { kind: 'unknown', deletedUnknown: state.deletedUnknown } : { kind: 'unknown' };
}

/**
 * The inline label at a reference: "● on · 50%", "○ off", "⚠ unknown flag", "deleted". Nothing
 * while loading or signed out (a label that says nothing is noise on every line).
 */
export function inlineLabel(status: FlagStatus): string | undefined {
  switch (status.kind) {
    case 'on':
      return `● on${status.flag.rollout ? ` · ${status.flag.rollout}` : ''}`;
    case 'off':
      return '○ off';
    case 'unknown':
      return '⚠ unknown flag';
    case 'deleted':
      return 'deleted';
    case 'error':
      return '⚠ flags not loaded';
    default:
      return undefined;
  }
}

/** The status in a word, for completion details and accessibility. */
export function statusWord(status: FlagStatus): string {
  switch (status.kind) {
    case 'on':
      return status.flag.rollout ? `on · ${status.flag.rollout}` : 'on';
    case 'off':
      return 'off';
    case 'deleted':
      return 'deleted';
    case 'unknown':
      return 'unknown flag';
    case 'error':
      return 'could not load flags';
    case 'signedOut':
      return 'signed out';
    default:
      return 'loading';
  }
}
