/**
 * CallDeadline on node:test's mock clock: its signal aborts exactly when the budget runs out, a
 * caller's cancellation stays a cancellation (expired stays false), and dispose stops the timer.
 */
import { describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { CallDeadline, deadlineOf, secondsText } from '../../src/posthog/deadline';

describe('CallDeadline', () => {
  it('aborts its signal when the budget runs out, not a moment before, and says it expired', () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 });
    try {
      const deadline = new CallDeadline(45_000);
      assert.equal(deadline.expiresAt, 1_045_000);
      assert.equal(deadlineOf(deadline.signal), deadline);
      mock.timers.tick(44_999);
      assert.equal(deadline.signal.aborted, false);
      assert.equal(deadline.remainingMs(), 1);
      mock.timers.tick(1);
      assert.equal(deadline.signal.aborted, true);
      assert.equal(deadline.expired, true);
      deadline.dispose();
    } finally {
      mock.timers.reset();
    }
  });

  it("the caller's cancellation aborts it too, but is not an expiry", () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      const caller = new AbortController();
      const deadline = new CallDeadline(1_000, caller.signal);
      caller.abort();
      assert.equal(deadline.signal.aborted, true);
      mock.timers.tick(5_000);
      assert.equal(deadline.expired, false, 'cancelled first: stays a cancellation');
      deadline.dispose();
    } finally {
      mock.timers.reset();
    }
  });

  it('an already-cancelled caller gives an aborted signal at once', () => {
    const caller = new AbortController();
    caller.abort();
    const deadline = new CallDeadline(1_000, caller.signal);
    assert.equal(deadline.signal.aborted, true);
    assert.equal(deadline.expired, false);
    deadline.dispose();
  });

  it('dispose stops the timer: a finished call never expires', () => {
    mock.timers.enable({ apis: ['setTimeout', 'Date'] });
    try {
      const deadline = new CallDeadline(1_000);
      deadline.dispose();
      mock.timers.tick(2_000);
      assert.equal(deadline.signal.aborted, false);
      assert.equal(deadline.expired, false);
    } finally {
      mock.timers.reset();
    }
  });

  it('a plain signal has no deadline', () => {
    assert.equal(deadlineOf(new AbortController().signal), undefined);
    assert.equal(deadlineOf(undefined), undefined);
  });

  it('words seconds for messages', () => {
    assert.equal(secondsText(45_000), '45');
    assert.equal(secondsText(1_500), '1.5');
    assert.equal(secondsText(300), '0.3');
  });
});
