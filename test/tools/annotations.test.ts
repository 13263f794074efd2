import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hasNullNoise } from '../helpers/noise';
import { startHarness, type Harness } from '../helpers/harness';
import { describeRefusals } from '../helpers/refusals';
import { withLinks } from '../helpers/links';
import type { ListAnswer, StandinError } from '../helpers/answers';

interface AnnotationAnswer {
  id: number;
  content: string;
  date_marker: string;
  scope: string;
  url: string;
  created_by: string;
  creation_type: string;
  dashboard_name?: string;
}

/** The stand-in's own answer: an annotation, or PostHog's error body. */
type RawAnnotation = AnnotationAnswer & StandinError;

describe('annotations tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const table = (pid = 1) => h.standin.state.table(pid, 'annotations');
  /** What project 1 sees: its own live annotations plus the organization-wide ones of other projects. */
  const visibleIn1 = () =>
    [
      ...table(1).all(),
      ...table(2)
        .all()
        .filter((a) => a.scope === 'organization'),
    ].filter((a) => !a.deleted);
  const raw = <T = RawAnnotation>(method: string, path: string, body?: unknown) => h.raw<T>(method, path, body);

  it('list_annotations: newest date first, deleted ones hidden, organization-wide ones from other projects included', async () => {
    assert.ok(
      table(1)
        .all()
        .some((a) => a.deleted),
      'the seed has a deleted annotation',
    );
    const out = await h.call<ListAnswer<AnnotationAnswer>>('list_annotations', { limit: 100 });
    if (!out.isError) out.data = withLinks(out.data);
    assert.equal(out.isError, false, out.text);
    assert.equal(out.data.count, visibleIn1().length);
    assert.equal(out.data.next_offset, undefined, 'no next page');
    const dates = out.data.results.map((a) => a.date_marker);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const ids = new Set(out.data.results.map((a) => a.id));
    for (const a of table(1)
      .all()
      .filter((x) => x.deleted))
      assert.ok(!ids.has(a.id), 'deleted annotation listed');
    const orgWide = table(2)
      .all()
      .find((a) => a.scope === 'organization')!;
    assert.ok(ids.has(orgWide.id), "another project's organization-wide annotation is listed");
    for (const a of out.data.results) assert.match(a.url, new RegExp(`/project/1/data-management/annotations/${a.id}$`));
    assert.ok(!hasNullNoise(out.text));
  });

  it('list_annotations pages with our default of 25 (PostHog would send 1000) and reports the next offset', async () => {
    const out = await h.call<ListAnswer<AnnotationAnswer>>('list_annotations', { limit: 5, offset: 5 });
    assert.equal(out.data.results.length, 5);
    assert.equal(out.data.next_offset, 10);
    const req = h.standin.requestsTo('/api/projects/1/annotations', 'GET').at(-1)!;
    assert.deepEqual([req.query.limit, req.query.offset], ['5', '5']);
    await h.call<ListAnswer<AnnotationAnswer>>('list_annotations', {});
    assert.equal(h.standin.requestsTo('/api/projects/1/annotations', 'GET').at(-1)!.query.limit, '25');
  });

  it('list_annotations searches the text', async () => {
    const out = await h.list<AnnotationAnswer>('list_annotations', { search: 'incident' });
    const expected = visibleIn1().filter((a) => /incident/i.test(a.content));
    assert.ok(expected.length >= 2);
    assert.deepEqual(out.results.map((a) => a.id).sort(), expected.map((a) => a.id).sort());
    assert.equal(h.standin.requestsTo('/api/projects/1/annotations', 'GET').at(-1)!.query.search, 'incident');
  });

  it('create_annotation defaults to a project-wide note by a person, and it can then be read back', async () => {
    const out = await h.json<AnnotationAnswer>('create_annotation', { content: 'Launched dark mode', date_marker: '2025-03-04T15:30:00Z' });
    assert.deepEqual(h.standin.requestsTo('/api/projects/1/annotations', 'POST').at(-1)!.body, {
      content: 'Launched dark mode',
      date_marker: '2025-03-04T15:30:00Z',
      scope: 'project',
      creation_type: 'USR',
    });
    const row = table(1).get(out.id)!;
    assert.equal(row.content, 'Launched dark mode');
    assert.equal(row.scope, 'project');
    assert.equal(out.date_marker, '2025-03-04T15:30:00Z');
    assert.equal(out.created_by, 'Ada Lovelace');
    assert.match(out.url, new RegExp(`/project/1/data-management/annotations/${out.id}$`));

    const got = await h.call<AnnotationAnswer>('get_annotation', { annotation_id: out.id });
    assert.equal(got.data.content, 'Launched dark mode');
  });

  it('create_annotation on a dashboard names the dashboard; a dashboard not in the project is refused by PostHog', async () => {
    const dashboard = h.standin.state
      .table(1, 'dashboards')
      .all()
      .find((d) => !d.deleted)!;
    const ok = await h.json<AnnotationAnswer>('create_annotation', {
      content: 'Reworked tiles',
      date_marker: '2025-03-05',
      scope: 'dashboard',
      dashboard_id: dashboard.id,
      creation_type: 'GIT',
    });
    assert.equal(ok.dashboard_name, dashboard.name);
    assert.equal(ok.creation_type, 'GIT');
    assert.equal(ok.date_marker, '2025-03-05T00:00:00Z');

    const before = table(1).all().length;
    const bad = await h.error('create_annotation', {
      content: 'Nowhere',
      date_marker: '2025-03-05',
      dashboard_id: 987654,
    });
    assert.match(bad, /Dashboard not found\./);
    assert.match(bad, /'dashboard_id'/);
    assert.equal(table(1).all().length, before, 'nothing was created');
  });

  it('get_annotation of a missing or deleted annotation says it was not found', async () => {
    const missing = await h.error('get_annotation', { annotation_id: 999999 });
    assert.match(missing, /annotation 999999 was not found/);
    const deleted = table(1)
      .all()
      .find((a) => a.deleted)!;
    const out = await h.call<AnnotationAnswer>('get_annotation', { annotation_id: deleted.id });
    assert.equal(out.isError, true, 'PostHog hides deleted annotations from retrieve');
    assert.match(out.text, new RegExp(`annotation ${deleted.id} was not found`));
  });

  it('update_annotation sends only the given fields', async () => {
    const created = await h.call<AnnotationAnswer>('create_annotation', { content: 'Deploy 3.0', date_marker: '2025-04-01T08:00:00Z' });
    const id = created.data.id;
    const out = await h.call<AnnotationAnswer>('update_annotation', { annotation_id: id, content: 'Deploy 3.0 (rolled back)' });
    assert.equal(out.isError, false, out.text);
    assert.deepEqual(h.standin.requestsTo(`/api/projects/1/annotations/${id}/`, 'PATCH').at(-1)!.body, {
      content: 'Deploy 3.0 (rolled back)',
    });
    assert.equal(table(1).get(id)!.content, 'Deploy 3.0 (rolled back)');
    assert.equal(table(1).get(id)!.date_marker, '2025-04-01T08:00:00Z', 'omitted fields are untouched');

    const moved = await h.call<AnnotationAnswer>('update_annotation', {
      annotation_id: id,
      date_marker: '2025-04-02T09:15:00+02:00',
      scope: 'organization',
    });
    assert.equal(moved.data.date_marker, '2025-04-02T07:15:00Z');
    assert.equal(moved.data.scope, 'organization');

    const missing = await h.call<AnnotationAnswer>('update_annotation', { annotation_id: 999999, content: 'x' });
    assert.match(missing.text, /annotation 999999 was not found/);
  });

  describeRefusals('bad input is rejected before anything is sent', () => h, [
    ['create_annotation', { content: 'x', date_marker: 'yesterday' }, /date_marker/],
    ['create_annotation', { content: 'x', date_marker: '2025-02-30' }, /date_marker/],
    ['create_annotation', { content: '', date_marker: '2025-01-01' }, /content/],
    ['create_annotation', { content: 'x'.repeat(401), date_marker: '2025-01-01' }, /content/],
    ['create_annotation', { content: 'x', date_marker: '2025-01-01', scope: 'recording' }, /scope/],
    ['create_annotation', { content: 'x', date_marker: '2025-01-01', scope: 'dashboard' }, /needs dashboard_id/],
    ['create_annotation', { date_marker: '2025-01-01' }, /'content' is required/],
    ['update_annotation', { annotation_id: 1 }, /at least one of/],
    ['list_annotations', { limit: 1000 }, /limit/],
  ]);

  it('stand-in: scope rules, DELETE 405, soft delete and restore, default page of 1000', async () => {
    const recording = await raw('POST', '/api/projects/1/annotations/', {
      content: 'x',
      date_marker: '2025-01-01T00:00:00Z',
      scope: 'recording',
    });
    assert.equal(recording.status, 400);
    assert.equal(recording.json.detail, 'Recording scope is deprecated');
    const tagless = await raw('POST', '/api/projects/1/annotations/', { content: 'x', scope: 'tag' });
    assert.deepEqual(
      [tagless.status, tagless.json.attr, tagless.json.detail],
      [400, 'tags', "At least one tag is required when scope is 'tag'."],
    );
    const tagged = await raw('POST', '/api/projects/1/annotations/', { content: 'x', scope: 'tag', tags: ['web'] });
    assert.equal(tagged.status, 201);
    const stray = await raw('POST', '/api/projects/1/annotations/', { content: 'x', scope: 'project', tags: ['web'] });
    assert.equal(stray.json.detail, "Tags can only be set when scope is 'tag'.");
    const badScope = await raw('GET', '/api/projects/1/annotations/?scope=everywhere');
    assert.deepEqual([badScope.status, badScope.json.detail], [400, 'Invalid scope: everywhere']);

    const id = tagged.json.id;
    const del = await raw('DELETE', `/api/projects/1/annotations/${id}/`);
    assert.deepEqual([del.status, del.text], [405, '']);
    assert.equal((await raw('PATCH', `/api/projects/1/annotations/${id}/`, { deleted: true })).status, 200);
    assert.equal((await raw('GET', `/api/projects/1/annotations/${id}/`)).status, 404);
    assert.equal((await raw('PATCH', `/api/projects/1/annotations/${id}/`, { deleted: false })).status, 200, 'restored by PATCH');
    assert.equal((await raw('GET', `/api/projects/1/annotations/${id}/`)).status, 200);

    const all = await raw<{ results: AnnotationAnswer[]; count: number; next: string | null }>('GET', '/api/projects/1/annotations/');
    assert.equal(all.json.results.length, all.json.count, 'no limit: PostHog returns up to 1000');
    assert.equal(all.json.next, null);
  });

  it('stand-in: annotations on a soft-deleted dashboard are hidden; organization-wide ones show in every project', async () => {
    const dashboard = h.standin.state
      .table(1, 'dashboards')
      .all()
      .find((d) => !d.deleted)!;
    const made = await h.call<AnnotationAnswer>('create_annotation', {
      content: 'Only on this dashboard',
      date_marker: '2025-05-01',
      scope: 'dashboard',
      dashboard_id: dashboard.id,
    });
    dashboard.deleted = true;
    try {
      const hidden = await h.call<AnnotationAnswer>('get_annotation', { annotation_id: made.data.id });
      assert.equal(hidden.isError, true);
    } finally {
      dashboard.deleted = false;
    }
    assert.equal((await h.call<AnnotationAnswer>('get_annotation', { annotation_id: made.data.id })).isError, false);

    const org = await h.call<AnnotationAnswer>('create_annotation', {
      content: 'Company-wide outage',
      date_marker: '2025-05-02',
      scope: 'organization',
    });
    const other = await raw<{ results: AnnotationAnswer[] }>('GET', '/api/projects/2/annotations/');
    assert.ok(
      other.json.results.some((a) => a.id === org.data.id),
      'visible from project 2',
    );
    const local = await h.call<AnnotationAnswer>('create_annotation', { content: 'Only project 1', date_marker: '2025-05-02' });
    assert.ok(!other.json.results.some((a) => a.id === local.data.id));
    assert.notEqual(org.data.id, local.data.id);
    const ids2 = table(2)
      .all()
      .map((a) => a.id);
    assert.ok(!ids2.includes(local.data.id), 'annotation ids are unique across projects');
  });
});
