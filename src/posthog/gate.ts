/**
 * One client's gate to PostHog: at most maxConcurrent requests in flight, and after a 429 a pause
 * that every request of the client waits out, queued ones included.
 */
import { sleep } from './sleep';
import { cancelledBeforeSending } from './transportErrors';

export class RequestGate {
  /** Epoch ms until which nothing is sent. */
  private pausedUntil = 0;
  private inFlight = 0;
  /** Requests waiting for a slot, first come first served. */
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly maxConcurrent: number) {}

  /** PostHog said to wait (429): hold every request until waitMs from now (a longer pause stands). */
  pause(waitMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + waitMs);
  }

  /**
   * Waits out a 429 pause, then takes a slot; give it back with release(). A pause that began while
   * this request was queued for a slot is waited out too (the slot is given back meanwhile):
   * sending it anyway would only earn another 429 and use up one of its attempts.
   */
  async take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelledBeforeSending();
    for (;;) {
      const pause = this.pausedUntil - Date.now();
      if (pause > 0) await sleep(pause, signal);
      await this.acquire(signal);
      if (this.pausedUntil <= Date.now()) return;
      this.release();
    }
  }

  /** How long the current 429 pause still holds requests (0: none). */
  pauseLeftMs(): number {
    return Math.max(0, this.pausedUntil - Date.now());
  }

  release(): void {
    this.inFlight--;
    const next = this.waiting.shift();
    if (next) next();
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (this.inFlight < this.maxConcurrent) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.inFlight++;
        resolve();
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(cancelledBeforeSending());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }
}
