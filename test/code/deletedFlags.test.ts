/** Deleted flag keys from the flags' activity log (newest entry first, as PostHog lists it). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deletedFlagsFromActivity, type FlagActivityEntry } from '../../src/code/deletedFlags';

const entry = (item: number, activity: string, name: string, at: string, email = 'ada@hedgebox.net'): FlagActivityEntry => ({
  item_id: String(item),
  activity,
  detail: { name },
  created_at: at,
  user: { first_name: '', last_name: '', email },
});

describe('deletedFlagsFromActivity', () => {
  it('a flag whose newest entry is "deleted" is deleted: key, id, when, by whom', () => {
    const out = deletedFlagsFromActivity([
      entry(7, 'deleted', 'old-banner', '2026-01-02T00:00:00Z'),
      entry(7, 'created', 'old-banner', '2025-01-01T00:00:00Z'),
    ]);
    assert.deepEqual(out, [{ key: 'old-banner', id: 7, deleted_at: '2026-01-02T00:00:00Z', deleted_by: 'ada@hedgebox.net' }]);
  });

  it('restored after its deletion, or never deleted: not deleted', () => {
    const out = deletedFlagsFromActivity([
      entry(7, 'restored', 'back-again', '2026-01-03T00:00:00Z'),
      entry(7, 'deleted', 'back-again', '2026-01-02T00:00:00Z'),
      entry(8, 'updated', 'still-live', '2026-01-01T00:00:00Z'),
    ]);
    assert.deepEqual(out, []);
  });

  it('a key created again as a new flag, or listed live now, is not deleted', () => {
    const log = [
      entry(9, 'created', 'reused', '2026-01-03T00:00:00Z'),
      entry(7, 'deleted', 'reused', '2026-01-02T00:00:00Z'),
      entry(6, 'deleted', 'listed', '2026-01-01T00:00:00Z'),
    ];
    assert.deepEqual(
      deletedFlagsFromActivity(log).map((f) => f.key),
      ['listed'],
    );
    assert.deepEqual(deletedFlagsFromActivity(log, new Set(['listed'])), []);
  });

  it('a flag renamed before it was deleted is deleted under its last key only', () => {
    const out = deletedFlagsFromActivity([
      entry(5, 'deleted', 'new-name', '2026-01-02T00:00:00Z'),
      entry(5, 'updated', 'new-name', '2026-01-01T00:00:00Z'),
      entry(5, 'created', 'old-name', '2025-01-01T00:00:00Z'),
    ]);
    assert.deepEqual(
      out.map((f) => f.key),
      ['new-name'],
    );
  });

  it('entries without an item or a name are skipped, not fatal', () => {
    assert.deepEqual(deletedFlagsFromActivity([{ activity: 'deleted' }, { activity: 'deleted', item_id: 3, detail: null }]), []);
  });
});
