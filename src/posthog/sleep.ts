/** A wait that a cancellation cuts short. */
import { setTimeout as delay } from 'node:timers/promises';
import { cancelledWhileWaiting } from './transportErrors';

/** Waits ms; rejects with a 'cancelled' PostHogError as soon as the signal aborts (or at once, if it has). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await delay(ms, undefined, { signal });
  } catch (err) {
    if ((err as Error | undefined)?.name === 'AbortError') throw cancelledWhileWaiting();
    throw err;
  }
}
