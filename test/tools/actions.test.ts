import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasNullNoise } from '../helpers/noise';
import { startHarness, type Harness } from '../helpers/harness';
import { describeRefusals } from '../helpers/refusals';
import { withLinks } from '../helpers/links';
import type { ListAnswer, StandinError } from '../helpers/answers';

interface ActionStep {
  event?: string;
  url?: string;
  selector?: string;
}

interface ActionAnswer {
  id: number;
  name: string;
  url: string;
  steps: ActionStep[];
  matches: string;
  created_by: string;
  deleted?: boolean;
}

describe('actions tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const table = () => h.standin.state.table(1, 'actions');
  const live = () =>
    table()
      .all()
      .filter((a) => !a.deleted);
  const raw = <T = StandinError>(method: string, path: string, body?: unknown) => h.raw<T>(method, path, body);

  it('list_actions pages the unpaginated upstream list itself, newest calculation first, without deleted actions', async () => {
    assert.ok(
      table()
        .all()
        .some((a) => a.deleted),
      'the seed has a deleted action',
    );
    const first = await h.call<ListAnswer<ActionAnswer>>('list_actions', { limit: 4 });
    if (!first.isError) first.data = withLinks(first.data);
    assert.equal(first.isError, false, first.text);
    assert.equal(first.data.count, live().length);
    assert.equal(first.data.has_more, true);
    assert.equal(first.data.next_offset, 4);
    assert.equal(first.data.results.length, 4);
    const req = h.standin.requestsTo('/api/projects/1/actions', 'GET').at(-1)!;
    assert.equal(req.query.limit, undefined, 'PostHog does not page actions: no limit is sent');
    assert.equal(req.query.offset, undefined);

    const rest = await h.call<ListAnswer<ActionAnswer>>('list_actions', { offset: 4, limit: 100 });
    if (!rest.isError) rest.data = withLinks(rest.data);
    assert.equal(rest.data.next_offset, undefined, 'no next page');
    assert.equal(rest.data.next_offset, undefined);
    const all = [...first.data.results, ...rest.data.results];
    assert.deepEqual(
      all.map((a) => a.id).sort((x, y) => x - y),
      live()
        .map((a) => a.id)
        .sort((x, y) => x - y),
    );

    const times = all.map((a) => table().get(a.id)!.last_calculated_at as string);
    assert.deepEqual(times, [...times].sort().reverse(), 'ordered by -last_calculated_at');
    for (const a of all) assert.match(a.url, new RegExp(`^${h.standin.url}/project/1/data-management/actions/${a.id}$`));
    assert.ok(!hasNullNoise(first.text), 'no null noise');
  });

  it('create_action stores the steps, sends only what was given, and describes what the action matches', async () => {
    const steps = [
      { event: '$pageview', url: '/checkout', url_matching: 'contains' },
      { event: '$autocapture', selector: 'button.buy', text: 'Buy now' },
    ];
    const out = await h.json<ActionAnswer>('create_action', {
      name: 'Started checkout',
      description: 'Reached checkout',
      tags: ['revenue'],
      steps,
    });
    const row = table().get(out.id)!;
    assert.equal(row.name, 'Started checkout');
    assert.equal(row.steps.length, 2);
    assert.equal(row.steps[0].url, '/checkout');
    assert.equal(row.steps[1].selector, 'button.buy');
    assert.deepEqual(h.standin.requestsTo('/api/projects/1/actions', 'POST').at(-1)!.body, {
      name: 'Started checkout',
      description: 'Reached checkout',
      tags: ['revenue'],
      steps,
    });
    assert.equal(out.matches, 'pageview with url contains "/checkout" OR autocapture with element "button.buy", text exact "Buy now"');
    assert.deepEqual(out.steps, steps);
    assert.equal(out.created_by, 'Ada Lovelace');
    assert.match(out.url, /\/project\/1\/data-management\/actions\/\d+$/);

    const listed = await h.call<ListAnswer<ActionAnswer>>('list_actions', { limit: 100 });
    assert.ok(
      listed.data.results.some((a) => a.id === out.id),
      'a new action is listed',
    );
  });

  it('create_action with a name already in use: PostHog names the existing action', async () => {
    const existing = live()[0];
    const before = table().all().length;
    const out = await h.error('create_action', { name: existing.name, steps: [{ event: 'anything' }] });
    assert.match(out, new RegExp(`This project already has an action with this name, ID ${existing.id}`));
    assert.match(out, /'name'/);
    assert.equal(table().all().length, before, 'nothing was created');
  });

  it('get_action returns the steps; a deleted action is still readable and says so; a missing one is not found', async () => {
    const a = live().find((x) => x.steps.length > 0)!;
    const out = await h.json<ActionAnswer>('get_action', { action_id: a.id });
    assert.equal(out.name, a.name);
    assert.equal(out.steps.length, a.steps.length);
    assert.equal(out.deleted, undefined);

    const gone = table()
      .all()
      .find((x) => x.deleted)!;
    const deleted = await h.call<ActionAnswer>('get_action', { action_id: gone.id });
    assert.equal(deleted.isError, false, deleted.text);
    assert.equal(deleted.data.deleted, true);

    const missing = await h.error('get_action', { action_id: 999999 });
    assert.match(missing, /action 999999 was not found/);
  });

  it('update_action sends only the given fields and replaces the steps', async () => {
    const created = await h.call<ActionAnswer>('create_action', {
      name: 'Opened settings',
      description: 'Keep me',
      steps: [{ event: '$pageview', url: '/settings' }],
    });
    const id = created.data.id;
    const renamed = await h.call('update_action', { action_id: id, name: 'Opened account settings' });
    assert.equal(renamed.isError, false, renamed.text);
    assert.deepEqual(h.standin.requestsTo(`/api/projects/1/actions/${id}/`, 'PATCH').at(-1)!.body, { name: 'Opened account settings' });
    assert.equal(table().get(id)!.description, 'Keep me', 'omitted fields are untouched');
    assert.equal(table().get(id)!.steps.length, 1);

    const restepped = await h.json<ActionAnswer>('update_action', { action_id: id, steps: [{ event: 'opened_settings' }] });
    assert.deepEqual(
      table()
        .get(id)!
        .steps.map((s: ActionStep) => s.event),
      ['opened_settings'],
    );
    assert.equal(restepped.matches, '"opened_settings"');
    assert.equal(table().get(id)!.name, 'Opened account settings');

    const clash = await h.error('update_action', { action_id: id, name: live().find((a) => a.id !== id)!.name });
    assert.match(clash, /already has an action with this name/);
    assert.equal(table().get(id)!.name, 'Opened account settings', 'a refused update changes nothing');

    const missing = await h.call('update_action', { action_id: 999999, name: 'x' });
    assert.match(missing.text, /action 999999 was not found/);
  });

  describeRefusals(
    'bad input is rejected before anything is sent',
    () => h,
    [
      ['create_action', { name: 'No steps', steps: [] }, /steps/],
      ['create_action', { name: 'Empty step', steps: [{}] }, /steps\[0\] matches nothing/],
      ['create_action', { name: 'Typo', steps: [{ event: 'x', url_match: 'exact' }] }, /url_match/],
      ['create_action', { name: 'Bad matching', steps: [{ url: '/x', url_matching: 'startswith' }] }, /url_matching/],
      ['create_action', { name: '   ', steps: [{ event: 'x' }] }, /name/],
      ['create_action', { steps: [{ event: 'x' }] }, /'name' is required/],
      ['update_action', { action_id: 1 }, /at least one of/],
      ['update_action', { action_id: -4, name: 'x' }, /action_id/],
      ['get_action', { action_id: '1; drop' }, /action_id/],
    ],
    { saysNothingWasSent: true },
  );

  it('stand-in: DELETE answers 405 with an empty body; a soft delete hides the action from the list and frees its name', async () => {
    const created = await h.call<ActionAnswer>('create_action', { name: 'Temporary', steps: [{ event: 'temp' }] });
    const id = created.data.id;
    const del = await raw('DELETE', `/api/projects/1/actions/${id}/`);
    assert.equal(del.status, 405);
    assert.equal(del.text, '');
    assert.equal(table().get(id)!.deleted, false);

    const soft = await raw('PATCH', `/api/projects/1/actions/${id}/`, { deleted: true });
    assert.equal(soft.status, 200);
    const list = await raw<{ count: number; results: ActionAnswer[] }>('GET', '/api/projects/1/actions/');
    // ActionViewSet.list (products/actions/backend/api/action.py) answers {count, results}, no next/previous.
    assert.deepEqual(Object.keys(list.json).sort(), ['count', 'results'], 'the actions list is `{count, results}`');
    assert.equal(list.json.count, list.json.results.length);
    assert.ok(!list.json.results.some((a) => a.id === id));

    const again = await h.call('create_action', { name: 'Temporary', steps: [{ event: 'temp' }] });
    assert.equal(again.isError, false, 'a deleted action does not hold its name');
    const restore = await raw('PATCH', `/api/projects/1/actions/${id}/`, { deleted: false });
    assert.equal(restore.status, 400, 'restoring into a taken name is refused');
    assert.equal(restore.json.code, 'unique');

    const blank = await raw('POST', '/api/projects/1/actions/', { name: '' });
    assert.equal(blank.status, 400);
    assert.deepEqual([blank.json.code, blank.json.attr], ['blank', 'name']);
    const badStep = await raw('POST', '/api/projects/1/actions/', { name: 'Bad step', steps: [{ url: 'x', url_matching: 'nope' }] });
    assert.deepEqual([badStep.json.code, badStep.json.attr], ['invalid_choice', 'steps__0__url_matching']);
  });

  it('project 2 has its own actions', async () => {
    const out = await raw<{ results: ActionAnswer[] }>('GET', '/api/projects/2/actions/');
    assert.equal(out.status, 200);
    const names = out.json.results.map((a) => a.name);
    assert.ok(names.length > 0 && names.length < live().length);
  });
});
