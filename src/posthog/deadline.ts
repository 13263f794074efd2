/**
 * One tool call's total time budget. MCP clients and VS Code give up on a request after 60 s with a
 * generic "request timed out"; a call that ends itself first can say what timed out instead.
 *
 * The deadline reaches the client as the call's AbortSignal: every request, lookup and wait already
 * takes that signal. The client finds the deadline behind a signal with deadlineOf(), to tell a
 * deadline from the caller's cancellation and to start no wait that would end past it.
 */
export class CallDeadline {
  /** Aborts when the budget runs out or the caller cancels, whichever comes first. */
  readonly signal: AbortSignal;
  /** Epoch ms when the budget runs out. */
  readonly expiresAt: number;
  private readonly controller = new AbortController();
  private readonly timer?: ReturnType<typeof setTimeout>;
  private reached = false;

  constructor(
    /** The whole budget, for messages ("within the 45 s this call may take"). */
    readonly budgetMs: number,
    private readonly caller?: AbortSignal,
  ) {
    this.signal = this.controller.signal;
    this.expiresAt = Date.now() + budgetMs;
    byCallSignal.set(this.signal, this);
    if (caller?.aborted) {
      this.controller.abort(caller.reason);
      return;
    }
    // AbortSignal.any and AbortSignal.timeout would do this, but could not tell which one fired
    // once both have (and AbortSignal.any needs Node 20.3; we allow 20.0).
    caller?.addEventListener('abort', this.onCallerAbort, { once: true });
    this.timer = setTimeout(() => {
      if (this.signal.aborted) return; // cancelled first: that stays a cancellation
      this.reached = true;
      this.controller.abort(new Error('The call deadline was reached.'));
    }, budgetMs);
  }

  /** Whether the budget ran out (rather than the caller cancelling). */
  get expired(): boolean {
    return this.reached;
  }

  remainingMs(now = Date.now()): number {
    return this.expiresAt - now;
  }

  /** The call is over: stop the timer and stop listening to the caller. */
  dispose(): void {
    clearTimeout(this.timer);
    this.caller?.removeEventListener('abort', this.onCallerAbort);
  }

  private readonly onCallerAbort = (): void => {
    if (this.reached) return;
    clearTimeout(this.timer);
    this.controller.abort(this.caller?.reason);
  };
}

const byCallSignal = new WeakMap<AbortSignal, CallDeadline>();

/** The deadline whose signal this is; none for a plain signal (a request made outside a tool call). */
export function deadlineOf(signal: AbortSignal | undefined): CallDeadline | undefined {
  return signal ? byCallSignal.get(signal) : undefined;
}

/** "45", "1.5": seconds for a message. */
export function secondsText(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}
