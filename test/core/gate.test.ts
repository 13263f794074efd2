/**
 * The request gate on fake timers: the concurrency limit (first come, first served), the shared
 * 429 pause (queued requests included), and cancellation while queued or paused.
 */
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { PostHogError } from '../../src/posthog/errors';
import { RequestGate } from '../../src/posthog/gate';
import { sleep } from '../../src/posthog/sleep';

/** Lets settled promises run their callbacks (setImmediate is not faked). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Starts take() and records when it has a slot. */
function taker(gate: RequestGate, signal?: AbortSignal) {
  const state: { taken: boolean; error?: PostHogError } = { taken: false };
  const done = gate.take(signal).then(
    () => void (state.taken = true),
    (err: PostHogError) => void (state.error = err),
  );
  return Object.assign(state, { done });
}

beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 1_000_000 }));
afterEach(() => mock.timers.reset());

describe('request gate', { concurrency: false }, () => {
  it('lets maxConcurrent requests in, then one per release, in order', async () => {
    const gate = new RequestGate(2);
    const [a, b, c, d] = [taker(gate), taker(gate), taker(gate), taker(gate)];
    await settle();
    assert.deepEqual([a.taken, b.taken, c.taken, d.taken], [true, true, false, false]);
    gate.release();
    await settle();
    assert.deepEqual([c.taken, d.taken], [true, false], 'the first queued goes first');
    gate.release();
    await settle();
    assert.equal(d.taken, true);
  });

  it('a 429 pause holds new requests until it is over', async () => {
    const gate = new RequestGate(8);
    gate.pause(1_000);
    const a = taker(gate);
    mock.timers.tick(999);
    await settle();
    assert.equal(a.taken, false);
    mock.timers.tick(1);
    await settle();
    assert.equal(a.taken, true);
  });

  it('a longer pause stands when a shorter one is asked for', async () => {
    const gate = new RequestGate(8);
    gate.pause(1_000);
    gate.pause(200);
    const a = taker(gate);
    mock.timers.tick(500);
    await settle();
    assert.equal(a.taken, false);
    mock.timers.tick(500);
    await settle();
    assert.equal(a.taken, true);
  });

  it('a pause that began while a request was queued is waited out, its slot given back meanwhile', async () => {
    const gate = new RequestGate(1);
    const a = taker(gate);
    await settle();
    const b = taker(gate);
    await settle();
    assert.deepEqual([a.taken, b.taken], [true, false]);
    gate.pause(500); // a's answer was a 429
    gate.release(); // a is done: b gets the slot, sees the pause and gives it back
    await settle();
    assert.equal(b.taken, false);
    const c = taker(gate);
    await settle();
    assert.equal(c.taken, false, 'nobody holds the slot, but the pause holds c too');
    mock.timers.tick(500);
    await settle();
    assert.deepEqual([b.taken, c.taken], [true, false], 'after the pause b has the one slot again, c waits for it');
    gate.release();
    await settle();
    assert.equal(c.taken, true);
  });

  it('cancelled while queued: rejected and out of the queue', async () => {
    const gate = new RequestGate(1);
    taker(gate);
    const controller = new AbortController();
    const b = taker(gate, controller.signal);
    const c = taker(gate);
    await settle();
    controller.abort();
    await settle();
    assert.equal(b.error?.kind, 'cancelled');
    assert.equal(b.error?.message, 'Cancelled before the request was sent.');
    gate.release();
    await settle();
    assert.equal(c.taken, true, 'the slot goes to the next one still waiting');
  });

  it('cancelled during a pause, or before asking: the wording says which', async () => {
    const gate = new RequestGate(1);
    gate.pause(10_000);
    const controller = new AbortController();
    const a = taker(gate, controller.signal);
    await settle();
    controller.abort();
    await settle();
    assert.equal(a.error?.message, 'Cancelled while waiting to retry.');
    const b = taker(gate, controller.signal);
    await settle();
    assert.equal(b.error?.message, 'Cancelled before the request was sent.');
  });
});

describe('sleep', { concurrency: false }, () => {
  it('waits the time given', async () => {
    let done = false;
    const p = sleep(300).then(() => (done = true));
    mock.timers.tick(299);
    await settle();
    assert.equal(done, false);
    mock.timers.tick(1);
    await p;
  });

  it("a cancellation rejects at once with PostHogError 'cancelled'", async () => {
    const controller = new AbortController();
    const p = sleep(60_000, controller.signal);
    controller.abort();
    await assert.rejects(
      p,
      (err) => err instanceof PostHogError && err.kind === 'cancelled' && err.message === 'Cancelled while waiting to retry.',
    );
    await assert.rejects(sleep(1, AbortSignal.abort()), { kind: 'cancelled' });
  });
});
