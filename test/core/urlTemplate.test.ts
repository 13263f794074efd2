/** One link pattern per list: rows drop a URL only when the pattern gives exactly the same link. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listResult } from '../../src/mcp/tools/common';
import { fillUrlTemplate } from '../../src/mcp/urlTemplate';
import { asPage } from '../../src/views/model/base';
import { startHarness } from '../helpers/harness';
import type { ListAnswer } from '../helpers/answers';

describe('url_template in list results', () => {
  it("drops a row's url only when the template reproduces it, and fills links back for the views", () => {
    const T = 'https://us.posthog.com/project/1/insights/{short_id}';
    const page = {
      results: [
        { id: 1, short_id: 'aB3', url: 'https://us.posthog.com/project/1/insights/aB3' },
        { id: 2, url: 'https://us.posthog.com/project/1/insights/2' },
      ],
      hasMore: false,
      count: 2,
    };
    const out = listResult(page, (r) => r, T);
    assert.equal(out.url_template, T);
    assert.deepEqual(out.results[0], { id: 1, short_id: 'aB3' }, 'derivable link dropped');
    assert.equal(
      (out.results[1] as { url?: string }).url,
      'https://us.posthog.com/project/1/insights/2',
      'a row without short_id keeps its own link',
    );
    const filled = asPage<Record<string, unknown>>(out).results;
    assert.deepEqual(
      filled.map((r) => r.url),
      ['https://us.posthog.com/project/1/insights/aB3', 'https://us.posthog.com/project/1/insights/2'],
    );
    assert.equal(fillUrlTemplate('x/{id}', { id: 'a/b' }), 'x/a%2Fb', 'values are encoded');
    assert.equal(fillUrlTemplate('x/{id}', {}), undefined);
    assert.equal(listResult(page, (r) => r).url_template, undefined, 'no template asked for, none given');
  });

  it('list_feature_flags sends one pattern instead of a URL per row (fewer tokens, same links)', async () => {
    const h = await startHarness();
    try {
      const out = await h.call<ListAnswer<{ url?: string }>>('list_feature_flags', { limit: 20 });
      assert.equal(out.data.url_template, `${h.standin.url}/project/1/feature_flags/{id}`);
      assert.ok(out.data.results.every((r) => r.url === undefined));
      assert.equal((out.text.match(/\/feature_flags\//g) ?? []).length, 1, 'the project URL appears once');
    } finally {
      await h.close();
    }
  });
});
