import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Harness } from './harness';

/** A tool call that must be refused: the tool, its arguments, and what the refusal must say. */
export type Refusal = [tool: string, args: Record<string, unknown>, message: RegExp];

/** A subtest name for a call, short enough to read in a report: `create_action {"name":"x"}`. */
export function callName(tool: string, args: unknown): string {
  const json = JSON.stringify(args);
  return `${tool} ${json.length > 80 ? `${json.slice(0, 79)}…` : json}`;
}

/**
 * One subtest per refused call (so a failure names the case): the tool answers an error that
 * matches, and no request reached the stand-in. `saysNothingWasSent`: the error also tells the
 * agent so.
 */
export function describeRefusals(
  title: string,
  harness: () => Harness,
  cases: Refusal[],
  options: { saysNothingWasSent?: boolean } = {},
): void {
  describe(title, () => {
    for (const [tool, args, message] of cases) {
      it(callName(tool, args), async () => {
        const h = harness();
        const before = h.standin.requests.length;
        const text = await h.error(tool, args);
        assert.match(text, message);
        if (options.saysNothingWasSent) assert.match(text, /Nothing was sent/);
        assert.equal(h.standin.requests.length, before, 'nothing was sent');
      });
    }
  });
}
