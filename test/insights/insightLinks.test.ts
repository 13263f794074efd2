/** Insight links in tool results and the extension's insight URI: what is found, what is refused. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findInsightLinks, insightCommandArg, parseInsightId, parseInsightUri } from '../../src/insights/insightLinks';

const spans = (text: string) => findInsightLinks(text).map((l) => [text.slice(l.start, l.end), l.target]);

describe('insight links in a result', () => {
  it('a PostHog insight URL, on any host, with or without a trailing path', () => {
    const text = JSON.stringify(
      {
        url: 'https://us.posthog.com/project/1/insights/aB3dE6fG',
        edit: 'http://127.0.0.1:8010/project/2/insights/Zz9Yy8Xx/edit?x=1',
        numeric: 'https://eu.posthog.com/project/3/insights/42',
      },
      null,
      2,
    );
    assert.deepEqual(spans(text), [
      ['https://us.posthog.com/project/1/insights/aB3dE6fG', { shortId: 'aB3dE6fG' }],
      ['http://127.0.0.1:8010/project/2/insights/Zz9Yy8Xx/edit?x=1', { shortId: 'Zz9Yy8Xx' }],
      ['https://eu.posthog.com/project/3/insights/42', { id: 42 }],
    ]);
  });

  it('an insight short_id field (and an annotation insight_short_id): the value inside its quotes', () => {
    const text = '{\n  "id": 7,\n  "short_id": "aB3dE6fG",\n  "insight_short_id":"Qq1Ww2Ee"\n}';
    assert.deepEqual(spans(text), [
      ['aB3dE6fG', { shortId: 'aB3dE6fG' }],
      ['Qq1Ww2Ee', { shortId: 'Qq1Ww2Ee' }],
    ]);
  });

  it('not an insight: other PostHog pages, url templates, "new", odd short ids, other fields', () => {
    const text = JSON.stringify({
      flag: 'https://us.posthog.com/project/1/feature_flags/12',
      template: 'https://us.posthog.com/project/1/insights/{short_id}',
      fresh: 'https://us.posthog.com/project/1/insights/new',
      long: 'https://us.posthog.com/project/1/insights/aB3dE6fGhIj',
      short_id: 'abc',
      name: 'aB3dE6fG',
    });
    assert.deepEqual(spans(text), []);
  });
});

describe('the extension insight URI', () => {
  it('id is a numeric id or a short id', () => {
    assert.deepEqual(parseInsightUri('/insight', 'id=42'), { ok: true, value: { id: 42 } });
    assert.deepEqual(parseInsightUri('/insight/', 'id=aB3dE6fG'), { ok: true, value: { shortId: 'aB3dE6fG' } });
    assert.deepEqual(insightCommandArg({ id: 42 }), { insight_id: 42 });
    assert.deepEqual(insightCommandArg({ shortId: 'aB3dE6fG' }), { short_id: 'aB3dE6fG' });
  });

  it('a bad or missing id, or another path, is a clear error', () => {
    const error = (path: string, query: string) => {
      const r = parseInsightUri(path, query);
      assert.equal(r.ok, false);
      return r.ok ? '' : r.error;
    };
    assert.match(error('/insight', ''), /names no insight: add \?id=/);
    assert.match(error('/insight', 'id=0'), /"0" is not an insight id: .*numeric id .* 8-character short id/);
    assert.match(error('/insight', 'id=../../etc'), /is not an insight id/);
    assert.match(error('/insight', 'id=99999999999'), /is not an insight id/);
    assert.match(error('/insight', `id=${'x'.repeat(500)}`), /^"x{40}…" is not/);
    assert.match(error('/dashboard', 'id=1'), /cannot open "\/dashboard": the extension's links open an insight/);
    assert.equal(parseInsightId(' 7 ').ok, true);
  });
});
