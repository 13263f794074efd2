import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import { EXPECTED_DYNAMIC, EXPECTED_REFERENCES, sourceIndex } from '../helpers/codeWorkspace';
import { missingScopeBody } from '../standin/core';

interface ReferenceRow {
  kind: string;
  key: string;
  file: string;
  line: number;
  column: number;
  call: string;
  language: string;
}

interface FindAnswer {
  roots: string[];
  files: number;
  count: number;
  next_offset?: number;
  results: ReferenceRow[];
  dynamic?: string[];
}

interface StaleRow {
  key: string;
  status: string;
  reason: string;
  id?: number;
  references: string[];
}

interface StaleAnswer {
  files: number;
  referenced_flags: number;
  stale: number;
  results: StaleRow[];
  unreferenced_count: number;
  unreferenced: { key: string; id?: number }[];
}

const byPosition = (a: ReferenceRow, b: ReferenceRow) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

describe('code tools', () => {
  const index = sourceIndex();
  let h: Harness;
  before(async () => {
    h = await startHarness({ code: () => index });
  });
  after(() => h.close());

  it('find_code_references: every literal flag key and event name, with where and how it is called, and the dynamic calls', async () => {
    const out = await h.json<FindAnswer>('find_code_references', {});
    assert.deepEqual(out.roots, ['/workspace']);
    assert.equal(out.files, 3, 'app.ts, banner.tsx and jobs.py; README and node_modules are not scanned');
    assert.equal(out.count, EXPECTED_REFERENCES.length);
    assert.deepEqual([...out.results].sort(byPosition), EXPECTED_REFERENCES);
    assert.deepEqual(out.dynamic, [`flag src/app.ts:10:44 isFeatureEnabled`]);
    assert.ok(!out.results.some((r) => r.key === 'commented-out-flag'), 'nothing inside comments');
  });

  it('find_code_references by kind and key; pages with limit/offset', async () => {
    const flag = await h.json<FindAnswer>('find_code_references', { kind: 'flag', key: 'new-onboarding-flow' });
    assert.deepEqual(
      flag.results.map((r) => `${r.file}:${r.line}`),
      ['src/app.ts:5', 'src/banner.tsx:4'],
    );
    const events = await h.json<FindAnswer>('find_code_references', { kind: 'event' });
    assert.deepEqual(events.results.map((r) => r.key).sort(), ['folder_shared', 'onboarding_started']);
    assert.equal(events.dynamic, undefined, 'the dynamic call is a flag call');
    const first = await h.json<FindAnswer>('find_code_references', { limit: 2 });
    assert.equal(first.results.length, 2);
    assert.equal(first.next_offset, 2);
    const rest = await h.json<FindAnswer>('find_code_references', { limit: 100, offset: 2 });
    assert.equal(rest.results.length, EXPECTED_REFERENCES.length - 2);
    assert.equal(EXPECTED_DYNAMIC.length, 1);
    const none = await h.json<FindAnswer>('find_code_references', { key: 'no-such-key' });
    assert.deepEqual([none.count, none.results], [0, []]);
  });

  it('list_stale_flags: referenced flags that are rolled out, off, deleted or unknown, with references; old unreferenced flags', async () => {
    const before = h.standin.requestsTo('/api/projects/1/feature_flags', 'GET').length;
    const out = await h.json<StaleAnswer>('list_stale_flags', {});
    assert.deepEqual(
      out.results.map((f) => [f.key, f.status]),
      [
        ['legacy-file-viewer', 'inactive'],
        ['new-onboarding-flow', 'fully_rolled_out'],
        ['new-onbording-flow', 'unknown'],
        // Deleted before this session: PostHog's list leaves it out, its activity log tells.
        ['old-sharing-dialog', 'deleted'],
        ['public-folder-links', 'inactive'],
      ],
    );
    assert.equal(out.referenced_flags, 6, 'file-previews (50%) is referenced and active');
    assert.equal(out.stale, 5);
    const rolledOut = out.results.find((f) => f.key === 'new-onboarding-flow')!;
    assert.deepEqual(rolledOut.references, ['src/app.ts:5:32', 'src/banner.tsx:4:36']);
    assert.match(rolledOut.reason, /100%/);
    assert.equal(typeof rolledOut.id, 'number');
    assert.match(out.results.find((f) => f.key === 'public-folder-links')!.reason, /0%/);
    assert.match(out.results.find((f) => f.key === 'new-onbording-flow')!.reason, /deleted|typo/);

    // Unreferenced: the live flags older than 30 days that the code never names.
    const live = h.standin.state
      .table(1, 'feature_flags')
      .all()
      .filter((f) => !f.deleted && !f.archived);
    const cutoff = Date.now() - 30 * 86_400_000;
    const referenced = new Set(EXPECTED_REFERENCES.filter((r) => r.kind === 'flag').map((r) => r.key));
    const expected = live
      .filter((f) => !referenced.has(f.key) && Date.parse(f.created_at) < cutoff)
      .map((f) => f.key)
      .sort();
    assert.deepEqual(
      out.unreferenced.map((f) => f.key),
      expected,
    );
    assert.ok(expected.includes('dark-mode') && !expected.includes('public-folder-links'));
    assert.equal(out.unreferenced_count, expected.length);
    assert.ok(
      out.unreferenced.every((f) => typeof f.id === 'number'),
      'each with the id delete_feature_flag takes',
    );
    // All pages were read, 100 flags at a time.
    const sent = h.standin.requestsTo('/api/projects/1/feature_flags', 'GET').slice(before);
    assert.ok(sent.length >= 1 && sent.every((r) => r.query.limit === '100'));
  });

  it('list_stale_flags: a flag deleted in PostHog (by anyone) is deleted; restored, it is active again', async () => {
    const id = (await h.json<StaleAnswer>('list_stale_flags', { include_active: true })).results.find(
      (f) => f.key === 'file-previews',
    )!.id!;
    const status = async () => {
      const out = await h.json<StaleAnswer>('list_stale_flags', { include_active: true });
      const f = out.results.find((r) => r.key === 'file-previews')!;
      return [f.status, f.id, out.stale];
    };
    // Deleted in PostHog's UI, not through a tool: only the activity log knows.
    assert.equal((await h.raw('PATCH', `/api/projects/1/feature_flags/${id}/`, { deleted: true })).status, 200);
    assert.deepEqual(await status(), ['deleted', id, 6]);
    assert.equal((await h.raw('PATCH', `/api/projects/1/feature_flags/${id}/`, { deleted: false })).status, 200);
    assert.deepEqual(await status(), ['active', id, 5]);
  });

  it('list_stale_flags without activity_log:read: deleted keys read as unknown, the answer says why, the flags still come', async () => {
    h.standin.faults.add({
      path: 're:/feature_flags/activity/?$',
      status: 403,
      times: 1,
      body: missingScopeBody('activity_log:read'),
    });
    const out = await h.json<StaleAnswer & { note?: string }>('list_stale_flags', {});
    const old = out.results.find((f) => f.key === 'old-sharing-dialog')!;
    assert.equal(old.status, 'unknown');
    assert.match(old.reason, /activity log .*could not be read: .*activity_log:read/);
    assert.match(out.note ?? '', /Deleted flags show as unknown: .*activity_log:read/);
    assert.equal(out.results.find((f) => f.key === 'new-onboarding-flow')!.status, 'fully_rolled_out');
  });

  it('list_stale_flags include_active adds the active ones', async () => {
    const out = await h.json<StaleAnswer>('list_stale_flags', { include_active: true });
    assert.deepEqual(
      out.results.find((f) => f.key === 'file-previews'),
      {
        key: 'file-previews',
        status: 'active',
        reason: 'Evaluations can still differ between users',
        id: out.results.find((f) => f.key === 'file-previews')!.id,
        references: ['src/banner.tsx:5:42'],
      },
    );
  });

  it('list_stale_flags reads every page of a large project', async () => {
    const big = await startHarness({ code: () => index, scale: { flags: 250 } });
    try {
      const out = await big.json<StaleAnswer>('list_stale_flags', { unreferenced_limit: 1000 });
      assert.ok(
        out.unreferenced.some((f) => f.key === 'scale-flag-00250'),
        'the last page was read',
      );
      // By default an agent gets 100 of them, and the count of all.
      const capped = await big.json<StaleAnswer>('list_stale_flags', {});
      assert.equal(capped.unreferenced.length, 100);
      assert.equal(capped.unreferenced_count, out.unreferenced.length);
      assert.ok(big.standin.requestsTo('/api/projects/1/feature_flags', 'GET').length >= 3);
    } finally {
      await big.close();
    }
  });

  it('without code the tools say what to do, and send nothing to PostHog', async () => {
    const bare = await startHarness();
    try {
      const before = bare.standin.requests.length;
      for (const tool of ['find_code_references', 'list_stale_flags']) {
        assert.match(await bare.error(tool, {}), /no code to read: open a folder in VS Code, or start posthog-mcp in your project folder/);
      }
      assert.equal(bare.standin.requests.length, before);
    } finally {
      await bare.close();
    }
  });

  it('a PostHog error while listing flags is that error, not a list of unknown flags', async () => {
    h.standin.faults.add({
      path: 're:/feature_flags/?$',
      status: 403,
      times: 1,
      body: { type: 'authentication_error', code: 'permission_denied', detail: 'API key missing required scope feature_flag:read' },
    });
    const text = await h.error('list_stale_flags', {});
    assert.match(text, /feature_flag:read/);
    assert.doesNotMatch(text, /unknown/);
  });
});
