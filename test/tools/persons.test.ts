import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasNullNoise } from '../helpers/noise';
import { startHarness, type Harness } from '../helpers/harness';
import { ingestEvent, personsTable } from '../standin/analytics';
import { PostHogError } from '../../src/posthog/errors';
import type { ListAnswer } from '../helpers/answers';

/** A list_persons row: the UUID as id, and only the properties a person set. */
interface PersonRow {
  id: string;
  name?: string;
  email?: string;
  properties?: Record<string, unknown>;
  url: string;
}

interface PersonAnswer {
  id: number;
  uuid: string;
  name: string;
  distinct_ids: string[];
  properties: Record<string, unknown>;
  url: string;
}

/** PostHog's own persons list, as the stand-in serves it. */
interface RawPersons {
  results: Array<{ id: string; uuid: string }>;
  count?: number;
  next?: string | null;
}

describe('persons tools', () => {
  let h: Harness;
  const persons = () => personsTable(h.standin.state, 1).all();
  /** Newest first, as PostHog orders them. */
  const newestFirst = () => persons().sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)) || b.id - a.id);

  before(async () => {
    h = await startHarness();
    // A person whose distinct id needs encoding in links.
    ingestEvent(h.standin.state, h.standin.team(1), {
      event: '$identify',
      distinct_id: 'user/42 ünïcode@example.com',
      timestamp: new Date().toISOString(),
      properties: { $set: { email: 'encoded@example.com', name: 'Encoded Person', plan: 'pro' } },
    });
  });
  after(() => h.close());

  it('list_persons: newest first, no count (PostHog gives none), paging by next_offset, links per person', async () => {
    const first = await h.list<PersonRow>('list_persons', { limit: 3 });
    assert.equal(first.count, undefined, 'PostHog does not count persons');
    assert.equal(first.has_more, true);
    assert.equal(first.next_offset, 3);
    const expected = newestFirst();
    assert.deepEqual(
      first.results.map((p) => p.id),
      expected.slice(0, 3).map((p) => p.uuid),
    );
    assert.equal(first.results[0].url, `${h.standin.url}/project/1/person/${encodeURIComponent('user/42 ünïcode@example.com')}`);

    const second = await h.call<ListAnswer<PersonRow>>('list_persons', { limit: 3, offset: 3 });
    assert.deepEqual(
      second.data.results.map((p) => p.id),
      expected.slice(3, 6).map((p) => p.uuid),
    );

    const last = await h.call<ListAnswer<PersonRow>>('list_persons', { limit: 100, offset: expected.length - 1 });
    assert.equal(last.data.next_offset, undefined, 'no next page');
    assert.equal(last.data.results.length, 1);
    const req = h.standin.requestsTo('/persons', 'GET').at(-1)!;
    assert.equal(req.query.limit, '100');
    assert.equal(req.query.offset, String(expected.length - 1));
  });

  it("list_persons shows name, email and custom properties, not PostHog's $ properties", async () => {
    const out = await h.call<ListAnswer<PersonRow>>('list_persons', { distinct_id: 'hbx-grace' });
    assert.equal(out.isError, false, out.text);
    assert.equal(out.data.results.length, 1);
    const grace = out.data.results[0];
    assert.equal(grace.name, 'Grace Hopper');
    assert.equal(grace.email, 'grace@navalcomputing.org');
    assert.equal(grace.properties?.plan, 'enterprise');
    assert.equal(grace.properties?.$initial_referring_domain, undefined);
    assert.ok(!hasNullNoise(out.text), 'no null noise');
  });

  it("list_persons by distinct_id matches any of the person's ids; an unknown id finds nobody", async () => {
    const merged = persons().find((p) => (p.distinct_ids as string[]).length > 1)!;
    const other = (merged.distinct_ids as string[])[1];
    const out = await h.call<ListAnswer<PersonRow>>('list_persons', { distinct_id: other });
    assert.deepEqual(
      out.data.results.map((p) => p.id),
      [merged.uuid],
    );
    assert.equal(h.standin.requestsTo('/persons', 'GET').at(-1)!.query.distinct_id, other);

    const none = await h.call<ListAnswer<PersonRow>>('list_persons', { distinct_id: 'nobody-has-this-id' });
    assert.equal(none.isError, false);
    assert.deepEqual(none.data.results, []);
    assert.equal(none.data.next_offset, undefined, 'no next page');
  });

  it('list_persons search matches an email fragment or an exact distinct_id', async () => {
    const byEmail = await h.call<ListAnswer<PersonRow>>('list_persons', { search: 'NAVALCOMPUTING', limit: 100 });
    const expected = newestFirst().filter((p) =>
      String(p.properties.email ?? '')
        .toLowerCase()
        .includes('navalcomputing'),
    );
    assert.ok(expected.length >= 1);
    assert.deepEqual(
      byEmail.data.results.map((p) => p.id),
      expected.map((p) => p.uuid),
    );
    const byId = await h.call<ListAnswer<PersonRow>>('list_persons', { search: 'hbx-alan' });
    assert.deepEqual(
      byId.data.results.map((p) => p.email),
      ['alan@bletchley.co.uk'],
    );
    const partialId = await h.call<ListAnswer<PersonRow>>('list_persons', { search: 'hbx-ala' });
    assert.ok(!partialId.data.results.some((p) => p.email === 'alan@bletchley.co.uk'), 'distinct ids match exactly only');
  });

  it('list_persons filters by person properties, sent JSON-encoded as PostHog expects', async () => {
    const out = await h.list<PersonRow>('list_persons', { properties: [{ key: 'plan', value: 'enterprise' }], limit: 100 });
    const expected = newestFirst()
      .filter((p) => p.properties.plan === 'enterprise')
      .map((p) => p.uuid);
    assert.ok(expected.length >= 2);
    assert.deepEqual(
      out.results.map((p) => p.id),
      expected,
    );
    const sent = JSON.parse(h.standin.requestsTo('/persons', 'GET').at(-1)!.query.properties);
    assert.deepEqual(sent, [{ key: 'plan', value: 'enterprise', type: 'person' }]);

    const combined = await h.call<ListAnswer<PersonRow>>('list_persons', {
      properties: [
        { key: 'email', value: '.co.uk', operator: 'icontains' },
        { key: 'plan', value: ['pro', 'starter'] },
      ],
    });
    const expectedCombined = newestFirst()
      .filter(
        (p) =>
          String(p.properties.email ?? '')
            .toLowerCase()
            .includes('.co.uk') && ['pro', 'starter'].includes(p.properties.plan),
      )
      .map((p) => p.properties.email);
    assert.ok(expectedCombined.includes('alan@bletchley.co.uk'));
    assert.deepEqual(
      combined.data.results.map((p) => p.email),
      expectedCombined,
    );

    const unset = await h.call<ListAnswer<PersonRow>>('list_persons', {
      properties: [{ key: 'company', operator: 'is_not_set' }],
      limit: 100,
    });
    assert.ok(unset.data.results.length > 0);
    assert.ok(unset.data.results.every((p) => p.properties?.company === undefined));
  });

  it('list_persons: a filter without a value is rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const out = await h.error('list_persons', { properties: [{ key: 'plan', operator: 'exact' }] });
    assert.match(out, /needs a value/);
    const badOp = await h.error('list_persons', {
      properties: [{ key: 'plan', value: 'x', operator: 'sounds_like' }],
    });
    assert.match(badOp, /operator/);
    assert.equal(h.standin.requests.length, before);
  });

  it("list_persons: PostHog's own rejection of a filter reaches the caller", async () => {
    const out = await h.error('list_persons', {
      properties: [{ key: 'email', value: '([unclosed', operator: 'regex' }],
    });
    assert.match(out, /Could not list persons: PostHog rejected the request \(400\)/);
    assert.match(out, /Invalid regular expression/);
  });

  it('get_person by numeric id and by UUID returns every property and both ids', async () => {
    const grace = persons().find((p) => p.properties.email === 'grace@navalcomputing.org')!;
    const byPk = await h.json<PersonAnswer>('get_person', { person_id: grace.id });
    assert.equal(byPk.id, grace.id);
    assert.equal(byPk.uuid, grace.uuid);
    assert.equal(byPk.name, 'Grace Hopper');
    assert.deepEqual(byPk.distinct_ids, grace.distinct_ids);
    assert.equal(byPk.properties.$initial_referring_domain, grace.properties.$initial_referring_domain, 'all properties');
    assert.equal(byPk.url, `${h.standin.url}/project/1/person/${grace.distinct_ids[0]}`);

    const byUuid = await h.call<PersonAnswer>('get_person', { person_id: grace.uuid });
    assert.equal(byUuid.data.id, grace.id);
    assert.equal(h.standin.requestsTo(`/persons/${grace.uuid}`, 'GET').length, 1);

    const digits = await h.call<PersonAnswer>('get_person', { person_id: String(grace.id) });
    assert.equal(digits.data.uuid, grace.uuid);
  });

  it('get_person of a missing person says which person was not found', async () => {
    const out = await h.error('get_person', { person_id: 999999 });
    assert.match(out, /person 999999 was not found/);
  });

  it('get_person with a distinct_id points to list_persons and sends nothing', async () => {
    const before = h.standin.requests.length;
    const out = await h.error('get_person', { person_id: 'hbx-grace' });
    assert.match(out, /list_persons with distinct_id/);
    assert.equal(h.standin.requests.length, before);
  });

  it("stand-in: retrieve by distinct_id is PostHog's 400, and persons are served under /api/environments/ too", async () => {
    await assert.rejects(
      h.client.request({ method: 'GET', path: '/api/projects/1/persons/hbx-grace/', action: 'get person hbx-grace' }),
      (err: unknown) =>
        err instanceof PostHogError &&
        err.status === 400 &&
        err.message.includes(
          'The ID provided does not look like a personID. If you are using a distinctId, please use /persons?distinct_id=hbx-grace instead.',
        ),
    );
    const env = await h.client.request<RawPersons>({
      method: 'GET',
      path: '/api/environments/1/persons/',
      query: { email: 'alan@bletchley.co.uk' },
      action: 'list persons',
    });
    assert.equal(env.data.results.length, 1);
    assert.equal(typeof env.data.results[0].id, 'string', 'list rows carry the UUID as id');
    assert.ok(!('count' in env.data));
    const total = await h.client.request<RawPersons>({
      method: 'GET',
      path: '/api/projects/1/persons/',
      query: { include_total: 'true', limit: 1 },
      action: 'list persons',
    });
    assert.equal(total.data.count, persons().length);
    assert.ok(total.data.next);
    await assert.rejects(
      h.client.request({ method: 'GET', path: '/api/projects/1/persons/', query: { properties: 'not json' }, action: 'list persons' }),
      /Properties are unparsable!/,
    );
  });

  it('stand-in: DELETE of a person answers 202 and removes the person', async () => {
    const victim = persons().find((p) => p.properties.email === 'encoded@example.com')!;
    const res = await h.client.request({ method: 'DELETE', path: `/api/projects/1/persons/${victim.uuid}/`, action: 'delete person' });
    assert.equal(res.status, 202);
    assert.equal(personsTable(h.standin.state, 1).get(victim.id), undefined);
    const out = await h.call<PersonAnswer>('get_person', { person_id: victim.uuid });
    assert.match(out.text, /was not found/);
  });

  it('project 2 has its own, smaller set of persons', async () => {
    const other = personsTable(h.standin.state, 2).all();
    assert.ok(other.length > 0 && other.length < persons().length);
    const res = await h.client.request<RawPersons>({
      method: 'GET',
      path: '/api/projects/2/persons/',
      query: { limit: 100 },
      action: 'list persons',
    });
    assert.deepEqual(new Set(res.data.results.map((p) => p.uuid)), new Set(other.map((p) => p.uuid)));
  });
});
