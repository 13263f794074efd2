/** The editor features' plain logic: labels, closest key, sparkline, hover text, completion and diagnostic decisions. */
import { keySlotAt } from '../../../src/code';
import { keySlotNear } from '../../../src/views/model/code/keySlot';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeReference } from '../../../src/code/types';
import { closestKey, editDistance } from '../../../src/views/model/code/closest';
import { eventCompletions, flagCompletions } from '../../../src/views/model/code/completion';
import { diagnose } from '../../../src/views/model/code/diagnostics';
import type { EventDefinitionsState } from '../../../src/views/model/code/eventDefinitions';
import { volumeQuery, volumesFromRows } from '../../../src/views/model/code/eventVolume';
import type { CachedFlag, FlagCacheState } from '../../../src/views/model/code/flagCache';
import { flagStatus, inlineLabel } from '../../../src/views/model/code/flagStatus';
import { eventHoverMarkdown, flagHoverMarkdown, prettyPayload, rolloutSentence } from '../../../src/views/model/code/hover';
import { sparkline } from '../../../src/views/model/code/sparkline';

const flag = (key: string, active: boolean, rollout?: string, id = 1): CachedFlag => ({
  id,
  key,
  active,
  rollout,
  url: `https://ph/flags/${id}`,
});
function loaded(flags: CachedFlag[], deleted: string[] = []): FlagCacheState {
  return { status: 'loaded', flags: new Map(flags.map((f) => [f.key, f])), deleted: new Set(deleted) };
}
const STATE = loaded(
  [flag('new-nav', true, '50%', 1), flag('checkout-v2', false, '100%', 2), flag('dark-mode', true, '100%', 3)],
  ['old-banner'],
);
const EVENTS: EventDefinitionsState = {
  status: 'loaded',
  events: new Map([
    ['signed_up', { name: 'signed_up', volume: 1200 }],
    ['file_uploaded', { name: 'file_uploaded', volume: 40 }],
    ['$pageview', { name: '$pageview' }],
  ]),
};
let nextStart = 10;
function ref(kind: 'flag' | 'event', key: string, start = (nextStart += 100)): CodeReference {
  return {
    kind,
    key,
    file: 'a.ts',
    line: 1,
    column: start,
    call: kind === 'flag' ? 'isFeatureEnabled' : 'capture',
    language: 'typescript',
    start,
    end: start + key.length,
  };
}

describe('inline status labels', () => {
  it('says on with the rollout, off, unknown flag and deleted; nothing while loading or signed out', () => {
    assert.equal(inlineLabel(flagStatus(STATE, 'new-nav')), '● on · 50%');
    assert.equal(inlineLabel(flagStatus(STATE, 'checkout-v2')), '○ off');
    assert.equal(inlineLabel(flagStatus(STATE, 'nope')), '⚠ unknown flag');
    assert.equal(inlineLabel(flagStatus(STATE, 'old-banner')), 'deleted');
    assert.equal(inlineLabel(flagStatus({ status: 'loading' }, 'new-nav')), undefined);
    assert.equal(inlineLabel(flagStatus({ status: 'signedOut' }, 'new-nav')), undefined);
  });
  it('a failed load is never "unknown flag"', () => {
    const s = flagStatus({ status: 'error', error: 'PostHog is unreachable' }, 'new-nav');
    assert.equal(s.kind, 'error');
    assert.notEqual(inlineLabel(s), '⚠ unknown flag');
  });
});

describe('closest key', () => {
  it('finds a typo, ignores what is too far, and is case-aware', () => {
    assert.equal(editDistance('new-nav', 'new-navv'), 1);
    assert.equal(closestKey('new-navv', ['dark-mode', 'new-nav', 'checkout-v2']), 'new-nav');
    assert.equal(closestKey('chekout-v2', ['dark-mode', 'new-nav', 'checkout-v2']), 'checkout-v2');
    assert.equal(closestKey('billing', ['dark-mode', 'new-nav']), undefined);
    assert.equal(closestKey('New-Nav', ['new-nav', 'new-na']), 'new-nav');
  });
});

describe('sparkline and volumes', () => {
  it('scales to the busiest day, zero days at the floor', () => {
    assert.equal(sparkline([0, 1, 2, 4, 8, 0, 8]), '▁▂▃▅█▁█');
    assert.equal(sparkline([0, 0, 0, 0, 0, 0, 0]), '▁▁▁▁▁▁▁');
  });
  it('the batched query names every event once, quoted; rows become per-day counts ending today', () => {
    assert.equal(
      volumeQuery(['signed_up', "it's"]),
      "SELECT event, toDate(timestamp) AS d, count() FROM events WHERE event IN ('signed_up', 'it\\'s') AND timestamp > now() - INTERVAL 7 DAY GROUP BY event, d",
    );
    const now = Date.parse('2026-12-02T12:00:00Z');
    const v = volumesFromRows(
      ['a', 'b'],
      [
        ['a', '2026-12-02', 5],
        ['a', '2026-11-26', 2],
        ['a', '2026-11-25', 1],
      ],
      now,
    );
    assert.deepEqual(v.get('a'), { total: 8, days: [2, 0, 0, 0, 0, 0, 5] }, 'the partial eighth day counts in the total only');
    assert.deepEqual(v.get('b'), { total: 0, days: [0, 0, 0, 0, 0, 0, 0] });
  });
});

describe('hover text', () => {
  it('a known flag: status, rollout in words, variants with split, pretty payload, experiments, last change, links', () => {
    const text = flagHoverMarkdown({
      key: 'new-nav',
      status: flagStatus(STATE, 'new-nav'),
      detail: {
        ok: true,
        value: {
          filters: {
            groups: [{ properties: [{ key: 'email' }], rollout_percentage: 50 }],
            multivariate: {
              variants: [
                { key: 'control', rollout_percentage: 50 },
                { key: 'test', rollout_percentage: 50 },
              ],
            },
            payloads: { test: '{"color":"blue"}' },
          },
          updated_at: '2026-12-01T12:00:00Z',
          last_modified_by: 'Ada Lovelace',
        },
      },
      experiments: { ok: true, value: [{ id: 7, name: 'Nav test', status: 'running', url: 'https://ph/experiments/7' }] },
      now: Date.parse('2026-12-02T12:00:00Z'),
    });
    assert.match(text, /\$\(circle-large-filled\) on/);
    assert.match(text, /50% of users matching 1 condition/);
    assert.match(text, /`control` 50% · `test` 50%/);
    assert.match(text, /"color": "blue"/, 'the payload is pretty-printed');
    assert.match(text, /\[Nav test\]\(https:\/\/ph\/experiments\/7\) \(running\)/);
    assert.match(text, /1 day ago by Ada Lovelace/);
    assert.match(text, /command:posthog\.flags\.toggle\?/);
    assert.match(text, /command:posthog\.findFlagReferences\?/);
    assert.match(text, /Open in PostHog\]\(command:posthog\.openInPostHog/);
  });
  it('an unknown flag offers to create it; a load error shows that error, not "unknown"', () => {
    assert.match(
      flagHoverMarkdown({ key: 'nope', status: flagStatus(STATE, 'nope') }),
      /unknown flag[\s\S]*command:posthog\.flags\.create\?/,
    );
    const err = flagHoverMarkdown({ key: 'new-nav', status: flagStatus({ status: 'error', error: 'PostHog answered 500' }, 'new-nav') });
    assert.match(err, /Could not load the feature flags: PostHog answered 500/);
    assert.doesNotMatch(err, /unknown/);
    assert.match(flagHoverMarkdown({ key: 'x', status: { kind: 'signedOut' } }), /Signed out of PostHog/);
  });
  it('when the activity log could not be read, an unknown flag says it may be deleted and why', () => {
    const blind: FlagCacheState = {
      ...(STATE as Extract<FlagCacheState, { status: 'loaded' }>),
      deletedUnknown: "missing scope 'activity_log:read'",
    };
    const status = flagStatus(blind, 'nope');
    assert.equal(inlineLabel(status), '⚠ unknown flag');
    const text = flagHoverMarkdown({ key: 'nope', status });
    assert.match(
      text,
      /unknown flag[\s\S]*Status unknown: it may be a deleted flag, but the flags' activity log could not be read: missing scope 'activity\\?_log:read'/,
    );
    assert.doesNotMatch(flagHoverMarkdown({ key: 'nope', status: flagStatus(STATE, 'nope') }), /activity log/);
    // A key the log did tell about stays deleted.
    assert.equal(flagStatus(blind, 'old-banner').kind, 'deleted');
  });
  it('payloads are clipped; rollout sentences cover nobody and several sets', () => {
    const big = prettyPayload(JSON.stringify({ list: Array.from({ length: 50 }, (_, i) => i) }));
    assert.ok(big.endsWith('…') && big.split('\n').length <= 13);
    assert.equal(rolloutSentence({ groups: [] }), 'nobody (no release conditions)');
    assert.equal(
      rolloutSentence({ groups: [{ rollout_percentage: 10 }, { properties: [{}, {}], rollout_percentage: 100 }] }),
      '2 condition sets: 10% of all users; 100% of users matching 2 conditions',
    );
  });
  it('an event: total and sparkline, or the error', () => {
    assert.match(
      eventHoverMarkdown('signed_up', { status: 'loaded', volume: { total: 1234, days: [0, 0, 0, 0, 0, 0, 1234] } }, true),
      /1,234 events in the last 7 days[\s\S]*▁▁▁▁▁▁█/,
    );
    assert.match(
      eventHoverMarkdown('signed_up', { status: 'error', error: 'throttled' }, true),
      /Could not load the event's volume: throttled/,
    );
  });
});

describe('completion items', () => {
  it('flags with their status, active first; events with their 30-day volume, busiest first', () => {
    const flags = flagCompletions(STATE);
    assert.deepEqual(
      flags.map((f) => [f.label, f.detail]),
      [
        ['new-nav', 'PostHog flag · on · 50%'],
        ['checkout-v2', 'PostHog flag · off'],
        ['dark-mode', 'PostHog flag · on · 100%'],
      ],
    );
    assert.ok(flags.find((f) => f.label === 'checkout-v2')!.sortText > flags.find((f) => f.label === 'dark-mode')!.sortText);
    const events = eventCompletions(EVENTS).sort((a, b) => a.sortText.localeCompare(b.sortText));
    assert.deepEqual(
      events.map((e) => e.label),
      ['signed_up', 'file_uploaded', '$pageview'],
    );
    assert.equal(events[0].detail, 'PostHog event · 1,200 in 30 days');
    assert.equal(flagCompletions({ status: 'error', error: 'x' }).length, 0);
  });
});

describe('diagnostics', () => {
  it('unknown flag (with the closest key), deleted flag, and a near-miss event; known keys and far events say nothing', () => {
    const found = diagnose(
      [
        ref('flag', 'new-navv'),
        ref('flag', 'old-banner'),
        ref('flag', 'new-nav'),
        ref('event', 'signed_upp'),
        ref('event', 'totally_new_event'),
        ref('event', '$pageview'),
      ],
      STATE,
      EVENTS,
    );
    assert.deepEqual(
      found.map((d) => [d.code, d.key, d.severity, d.suggestion]),
      [
        ['unknown-flag', 'new-navv', 'warning', 'new-nav'],
        ['deleted-flag', 'old-banner', 'warning', undefined],
        ['unknown-event', 'signed_upp', 'information', 'signed_up'],
      ],
    );
    assert.match(found[0].message, /Unknown feature flag 'new-navv'.*Did you mean 'new-nav'\?/);
  });
  it('an unknown flag while the activity log is unreadable: still a Warning, saying it may be deleted and why', () => {
    const blind: FlagCacheState = { ...(STATE as Extract<FlagCacheState, { status: 'loaded' }>), deletedUnknown: 'PostHog answered 403' };
    const [d] = diagnose([ref('flag', 'gone-flag')], blind, EVENTS);
    assert.deepEqual([d.code, d.severity], ['unknown-flag', 'warning']);
    assert.match(d.message, /It may be a deleted flag: the flags' activity log could not be read: PostHog answered 403/);
    assert.doesNotMatch(diagnose([ref('flag', 'gone-flag')], STATE, EVENTS)[0].message, /activity log/);
  });
  it('a constant used by several calls (one literal) gets one entry', () => {
    assert.equal(diagnose([ref('flag', 'nope', 5), ref('flag', 'nope', 5)], STATE, EVENTS).length, 1);
  });
  it('nothing while flags load, fail to load, or nobody is signed in', () => {
    for (const s of [{ status: 'loading' }, { status: 'signedOut' }, { status: 'error', error: 'x' }] as FlagCacheState[]) {
      assert.deepEqual(diagnose([ref('flag', 'nope')], s, { status: 'idle' }), []);
    }
  });
});

describe('key slot near the cursor', () => {
  it('deep in a long file, finds the same slot as a whole-file scan, and none away from an SDK call', async () => {
    const lines = ["import posthog from 'posthog-js';"];
    for (let i = 0; i < 3000; i++) lines.push(`const v${i} = ${i};`);
    lines.push("if (posthog.isFeatureEnabled('new-n')) go();", 'const after = 1;');
    const text = lines.join('\n');
    const at = text.indexOf("'new-n'") + 6;
    assert.deepEqual(keySlotNear({ keySlotAt }, text, 'a.ts', at), keySlotAt(text, 'a.ts', at));
    assert.equal(keySlotNear({ keySlotAt }, text, 'a.ts', at)?.prefix, 'new-n');
    assert.equal(keySlotNear({ keySlotAt }, text, 'a.ts', text.indexOf('v1500')), undefined);
  });
});
