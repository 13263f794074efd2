import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PostHogClient } from '../../src/posthog/client';
import { ToolRegistry } from '../../src/mcp/registry';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { startHarness, type Harness } from '../helpers/harness';

interface EventDefinitionRow {
  name: string;
  volume_30_day?: number;
  last_seen_at?: string;
}

interface PropertyDefinitionRow {
  name: string;
  property_type?: string;
}

interface RawList<T> {
  count: number;
  count_is_capped?: boolean;
  next: string | null;
  results: T[];
}

describe('event and property definitions', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const events = () => h.standin.state.table(1, 'events').all();
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

  it('list_event_definitions: every event the project received, recent first, with its 30-day volume and last seen', async () => {
    const names = new Set(events().map((e) => e.event));
    const out = await h.list<EventDefinitionRow>('list_event_definitions', { limit: 100 });
    assert.equal(out.count, names.size);
    assert.deepEqual(new Set(out.results.map((r) => r.name)), names);
    const days = out.results.map((r) => r.last_seen_at!.slice(0, 10));
    assert.deepEqual(days, [...days].sort().reverse(), 'most recently seen day first');
    const since = daysAgo(30);
    for (const r of out.results) {
      const expected = events().filter((e) => e.event === r.name && e.timestamp >= since).length;
      assert.equal(r.volume_30_day, expected, `volume of ${r.name}`);
    }
  });

  it('list_event_definitions: captured events appear; old ones count 0 for volume', async () => {
    await h.json('capture_event', { distinct_id: 'defs-1', event: 'definitions_probe_event' });
    const old = daysAgo(60);
    await h.json('capture_event', { distinct_id: 'defs-1', event: 'definitions_old_event', timestamp: old });
    const out = await h.list<EventDefinitionRow>('list_event_definitions', { search: 'definitions probe' });
    assert.deepEqual(
      out.results.map((r) => [r.name, r.volume_30_day]),
      [['definitions_probe_event', 1]],
    );
    const oldOut = await h.list<EventDefinitionRow>('list_event_definitions', { search: 'definitions_old' });
    assert.equal(oldOut.results[0].volume_30_day, 0);
    assert.equal(oldOut.results[0].last_seen_at, old);
  });

  it('list_event_definitions pages with limit and offset', async () => {
    const first = await h.list<EventDefinitionRow>('list_event_definitions', { limit: 2 });
    assert.equal(first.results.length, 2);
    assert.equal(first.next_offset, 2);
    const second = await h.list<EventDefinitionRow>('list_event_definitions', { limit: 2, offset: 2 });
    assert.notDeepEqual(
      second.results.map((r) => r.name),
      first.results.map((r) => r.name),
    );
    const sent = h.standin.requestsTo('/api/projects/1/event_definitions', 'GET').at(-1)!;
    assert.equal(sent.query.limit, '2');
    assert.equal(sent.query.offset, '2');
  });

  it('list_event_definitions without query:read still lists, saying why volume is missing', async () => {
    const key = 'phx_definitions_without_query_read';
    h.standin.state.keys.set(key, { key, label: 'no-query', userId: 1, scopes: ['user:read', 'event_definition:read'] });
    const client = new PostHogClient({ apiKey: key, host: h.standin.url, retryBaseMs: 5, timeoutMs: 5_000 });
    const registry = new ToolRegistry(ALL_TOOLS, () => client);
    const out = (await registry.run('list_event_definitions', { limit: 5 })) as {
      results: EventDefinitionRow[];
      volume_unavailable?: string;
    };
    assert.equal(out.results.length, 5);
    assert.equal(out.results[0].volume_30_day, undefined);
    assert.match(out.volume_unavailable ?? '', /query:read/);
  });

  it('the stand-in serves event_definitions as PostHog does: search terms, event_type, ordering, std list', async () => {
    const all = await h.raw<RawList<{ name: string; id: string }>>('GET', '/api/projects/1/event_definitions/?limit=500');
    assert.equal(all.status, 200);
    assert.equal(all.json.count_is_capped, false);
    const custom = await h.raw<RawList<{ name: string }>>('GET', '/api/projects/1/event_definitions/?event_type=event_custom&limit=500');
    assert.ok(custom.json.results.every((r) => !r.name.startsWith('$')));
    const ours = await h.raw<RawList<{ name: string }>>('GET', '/api/projects/1/event_definitions/?event_type=event_posthog&limit=500');
    assert.ok(ours.json.results.length > 0 && ours.json.results.every((r) => r.name.startsWith('$')));
    assert.equal(custom.json.count + ours.json.count, all.json.count);
    const byName = await h.raw<RawList<{ name: string }>>('GET', '/api/projects/1/event_definitions/?ordering=name&limit=500');
    const names = byName.json.results.map((r) => r.name);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
    );
    const bad = await h.raw<{ attr: string }>('GET', '/api/projects/1/event_definitions/?event_type=action');
    assert.equal(bad.status, 400);
    assert.equal(bad.json.attr, 'event_type');
    // The id is stable across requests (a definition is a row in PostHog).
    const again = await h.raw<RawList<{ name: string; id: string }>>('GET', '/api/projects/1/event_definitions/?limit=500');
    assert.deepEqual(
      again.json.results.map((r) => r.id),
      all.json.results.map((r) => r.id),
    );
  });

  it('list_property_definitions: event properties with their type, and those seen on given events first-class', async () => {
    await h.json('capture_event', {
      distinct_id: 'defs-2',
      event: 'definitions_typed',
      properties: { plan_seats: 4, trial: true, renew_on: '2027-01-01' },
    });
    const typed = await h.list<PropertyDefinitionRow>('list_property_definitions', { event_names: ['definitions_typed'] });
    // The capture tool adds $lib and $lib_version; the rest are the event's own.
    assert.deepEqual(
      typed.results.filter((r) => !r.name.startsWith('$lib')).map((r) => [r.name, r.property_type]),
      [
        ['plan_seats', 'Numeric'],
        ['renew_on', 'DateTime'],
        ['trial', 'Boolean'],
      ],
    );
    const sent = h.standin.requestsTo('/api/projects/1/property_definitions', 'GET').at(-1)!;
    assert.equal(sent.query.event_names, '["definitions_typed"]');
    assert.equal(sent.query.type, 'event');

    const all = await h.list<PropertyDefinitionRow>('list_property_definitions', { limit: 100 });
    const names = all.results.map((r) => r.name);
    assert.ok(names.includes('$current_url') || names.includes('plan_seats'));
    for (const hidden of ['distinct_id', '$set', '$set_once']) assert.ok(!names.includes(hidden), `${hidden} is never listed`);
    assert.deepEqual(
      names,
      [...names].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('list_property_definitions: person and group properties', async () => {
    const persons = await h.list<PropertyDefinitionRow>('list_property_definitions', { type: 'person', search: 'email' });
    assert.deepEqual(
      persons.results.map((r) => r.name),
      ['email'],
    );
    const groups = h.standin.state.table(1, 'groups').all();
    if (groups.length) {
      const out = await h.list<PropertyDefinitionRow>('list_property_definitions', { type: 'group', group_type_index: 0 });
      const first = groups[0].group_type;
      const expected = new Set(groups.filter((g) => g.group_type === first).flatMap((g) => Object.keys(g.properties ?? {})));
      assert.deepEqual(new Set(out.results.map((r) => r.name)), expected);
    }
    assert.match(await h.error('list_property_definitions', { type: 'group' }), /group_type_index/);
    assert.match(await h.error('list_property_definitions', { type: 'person', event_names: ['x'] }), /event_names goes with type event/);
    const raw = await h.raw<{ attr: string }>('GET', '/api/projects/1/property_definitions/?type=group');
    assert.equal(raw.status, 400);
    assert.equal(raw.json.attr, 'group_type_index');
  });
});
