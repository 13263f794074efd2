import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flagState, fullyRolledOut, isStale, staleReport, type PostHogFlag } from '../../src/code/stale';
import type { CodeReference } from '../../src/code/types';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T12:00:00Z');
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();

const everyone = (pct: number | null = 100, properties: unknown[] = []) => ({ groups: [{ properties, rollout_percentage: pct }] });
const email = [{ key: 'email', type: 'person', value: '@acme.com', operator: 'icontains' }];
const variants = (...split: [string, number][]) => ({ variants: split.map(([key, rollout_percentage]) => ({ key, rollout_percentage })) });

function ref(key: string, file = 'src/app.ts', line = 1, kind: 'flag' | 'event' = 'flag'): CodeReference {
  return { kind, key, file, line, column: 10, call: 'isFeatureEnabled', language: 'typescript', start: 0, end: key.length };
}

describe('flag status as PostHog reports it (flag_status.py)', () => {
  it('fully rolled out: active, a condition set at 100% without properties', () => {
    assert.equal(flagState({ key: 'a', active: true, filters: everyone(100) }).status, 'fully_rolled_out');
    // Another, narrower condition set does not matter: the 100% one already gives it to everyone.
    assert.equal(
      flagState({
        key: 'a',
        filters: {
          groups: [
            { properties: email, rollout_percentage: 10 },
            { properties: [], rollout_percentage: 100 },
          ],
        },
      }).status,
      'fully_rolled_out',
    );
    // Legacy flags with no filters at all are everyone's.
    assert.equal(flagState({ key: 'a', filters: {} }).status, 'fully_rolled_out');
  });

  it('active: partial rollout, properties, or a null rollout (PostHog compares with == 100)', () => {
    assert.equal(flagState({ key: 'a', filters: everyone(50) }).status, 'active');
    assert.equal(flagState({ key: 'a', filters: everyone(100, email) }).status, 'active');
    assert.equal(flagState({ key: 'a', filters: everyone(null) }).status, 'active');
  });

  it('multivariate: rolled out only when one variant is always served', () => {
    const split = { ...everyone(100), multivariate: variants(['control', 50], ['test', 50]) };
    assert.equal(flagState({ key: 'a', filters: split }).status, 'active');
    const oneAt100 = { ...everyone(100), multivariate: variants(['control', 0], ['test', 100]) };
    assert.deepEqual(flagState({ key: 'a', filters: oneAt100 }), {
      status: 'fully_rolled_out',
      reason: 'Everyone gets the variant "test"',
    });
    const override = {
      groups: [{ properties: [], rollout_percentage: 100, variant: 'control' }],
      multivariate: variants(['control', 50], ['test', 50]),
    };
    assert.match(fullyRolledOut(override)!, /"control"/);
    const narrow = { ...everyone(100, email), multivariate: variants(['control', 0], ['test', 100]) };
    assert.equal(flagState({ key: 'a', filters: narrow }).status, 'active');
    // An empty multivariate object is a boolean flag, as Python reads `{}`.
    assert.equal(flagState({ key: 'a', filters: { ...everyone(100), multivariate: {} } }).status, 'fully_rolled_out');
  });

  it('inactive: switched off, no condition sets, or every set at 0%', () => {
    assert.equal(flagState({ key: 'a', active: false, filters: everyone(100) }).status, 'inactive');
    assert.equal(flagState({ key: 'a', filters: { groups: [] } }).status, 'inactive');
    assert.equal(
      flagState({
        key: 'a',
        filters: {
          groups: [
            { properties: email, rollout_percentage: 0 },
            { properties: [], rollout_percentage: 0 },
          ],
        },
      }).status,
      'inactive',
    );
  });

  it('deleted before anything else; unknown when there is no such flag', () => {
    assert.equal(flagState({ key: 'a', deleted: true, active: true, filters: everyone(50) }).status, 'deleted');
    assert.equal(flagState(undefined).status, 'unknown');
    assert.equal(isStale('active'), false);
    for (const s of ['fully_rolled_out', 'inactive', 'deleted', 'unknown'] as const) assert.equal(isStale(s), true);
  });
});

describe('staleReport', () => {
  const flags: PostHogFlag[] = [
    { id: 1, key: 'new-nav', filters: everyone(100), created_at: ago(100) },
    { id: 2, key: 'beta-search', filters: everyone(20), created_at: ago(100) },
    { id: 3, key: 'forgotten', filters: everyone(20), created_at: ago(45) },
    { id: 4, key: 'brand-new', filters: everyone(20), created_at: ago(3) },
    { id: 5, key: 'old-dialog', deleted: true, filters: everyone(100), created_at: ago(400) },
    { id: 6, key: 'kill-switch', active: false, filters: everyone(100), created_at: ago(200) },
  ];

  it('every referenced flag key once, in key order, with its status, id and references', () => {
    const refs = [
      ref('new-nav', 'src/a.ts', 3),
      ref('beta-search'),
      ref('new-nav', 'src/b.ts', 9),
      ref('typo-flag'),
      ref('old-dialog'),
      ref('kill-switch'),
      ref('new-nav', 'src/c.ts', 1, 'event'),
    ];
    const report = staleReport(refs, flags, NOW);
    assert.deepEqual(
      report.referenced.map((f) => [f.key, f.status, f.id, f.references.length]),
      [
        ['beta-search', 'active', 2, 1],
        ['kill-switch', 'inactive', 6, 1],
        ['new-nav', 'fully_rolled_out', 1, 2],
        ['old-dialog', 'deleted', 5, 1],
        ['typo-flag', 'unknown', undefined, 1],
      ],
    );
    assert.deepEqual(
      report.referenced.find((f) => f.key === 'new-nav')!.references.map((r) => r.file),
      ['src/a.ts', 'src/b.ts'],
    );
  });

  it('unreferenced: live flags no code references, created over 30 days ago', () => {
    const report = staleReport([ref('new-nav'), ref('beta-search')], flags, NOW);
    assert.deepEqual(
      report.unreferenced.map((f) => f.key),
      ['forgotten', 'kill-switch'],
    );
  });

  it('a live flag wins over a deleted one with the same key (PostHog lets a key be reused)', () => {
    const report = staleReport(
      [ref('reused')],
      [
        { key: 'reused', deleted: true, id: 1 },
        { key: 'reused', id: 2, filters: everyone(30) },
      ],
      NOW,
    );
    assert.deepEqual([report.referenced[0].status, report.referenced[0].id], ['active', 2]);
  });
});
