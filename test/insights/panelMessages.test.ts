/**
 * The insight and dashboard pages' messages are input: what the extension accepts from a page, and
 * what it drops (a page compromised or out of date must not reach a tool with odd arguments).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDashboardMessage, parseInsightMessage } from '../../src/insights/panelMessages';
import { rangeOverrides } from '../../src/insights/rangeOverrides';
import { describeRange } from '../../src/vscode/insights/describeRange';
import { inParallel } from '../../src/vscode/insights/runQuery';

describe('insight page messages', () => {
  it('accepts the controls the page has', () => {
    assert.deepEqual(parseInsightMessage({ type: 'setDateRange', range: { preset: '-30d' } }), {
      type: 'setDateRange',
      range: { preset: '-30d' },
    });
    assert.deepEqual(parseInsightMessage({ type: 'setDateRange', range: { from: '2026-01-01', to: '2026-01-31' } }), {
      type: 'setDateRange',
      range: { from: '2026-01-01', to: '2026-01-31' },
    });
    assert.deepEqual(parseInsightMessage({ type: 'setInterval', interval: 'week' }), { type: 'setInterval', interval: 'week' });
    for (const type of ['ready', 'refresh', 'save', 'openInPostHog']) assert.deepEqual(parseInsightMessage({ type }), { type });
  });

  it('drops a range, interval or message the page does not offer', () => {
    const bad: unknown[] = [
      { type: 'setDateRange', range: { preset: '-3650d' } },
      { type: 'setDateRange', range: { preset: "-7d'; DROP" } },
      { type: 'setDateRange', range: { from: '2026-02-30', to: '2026-03-01' } },
      { type: 'setDateRange', range: { from: '2026-03-01', to: '2026-02-01' } },
      { type: 'setDateRange', range: { from: '2026-01-01' } },
      { type: 'setDateRange', range: { preset: '-7d', from: '2026-01-01' } },
      { type: 'setInterval', interval: 'minute' },
      { type: 'save', query: { kind: 'HogQLQuery' } },
      { type: 'runTool', name: 'delete_insight' },
      { type: 'openInPostHog', url: 'https://evil.example' },
      'refresh',
      null,
      undefined,
      [],
    ];
    for (const m of bad) assert.equal(parseInsightMessage(m), undefined, JSON.stringify(m));
  });

  it('turns a range into run_insight_query overrides', () => {
    assert.deepEqual(rangeOverrides({ preset: '-24h' }), { date_from: '-24h' });
    assert.deepEqual(rangeOverrides({ from: '2026-01-01', to: '2026-01-31' }), { date_from: '2026-01-01', date_to: '2026-01-31' });
    assert.equal(describeRange({ preset: '-90d' }), 'the last 90 days');
    assert.equal(describeRange({ from: '2026-01-01', to: '2026-01-31' }), 'the range 2026-01-01 to 2026-01-31');
  });
});

describe('dashboard page messages', () => {
  it('accepts refresh and a tile opening its insight by numeric id', () => {
    assert.deepEqual(parseDashboardMessage({ type: 'openInsight', insightId: 7 }), { type: 'openInsight', insightId: 7 });
    assert.deepEqual(parseDashboardMessage({ type: 'refresh' }), { type: 'refresh' });
    assert.deepEqual(parseDashboardMessage({ type: 'openInPostHog', insightId: 7 }), { type: 'openInPostHog', insightId: 7 });
  });

  it('drops anything else', () => {
    for (const m of [
      { type: 'openInsight', insightId: '7' },
      { type: 'openInsight', insightId: -1 },
      { type: 'openInsight' },
      { type: 'openInPostHog', url: 'javascript:alert(1)' },
      { type: 'setDateRange', range: { preset: '-7d' } },
    ])
      assert.equal(parseDashboardMessage(m), undefined, JSON.stringify(m));
  });
});

describe('tiles computed a few at a time', () => {
  it('never runs more than the cap at once, and runs every tile', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await inParallel([1, 2, 3, 4, 5, 6, 7, 8, 9], 4, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5 + (n % 3) * 5));
      running--;
      done.push(n);
    });
    assert.equal(peak, 4);
    assert.deepEqual(
      done.sort((a, b) => a - b),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
  });
});
