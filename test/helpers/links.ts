import assert from 'node:assert/strict';
import { fillUrlTemplate } from '../../src/mcp/urlTemplate';

/**
 * A list answer with each row's link filled in from its `url_template`, as an agent or the views
 * read it. Asserts the template is there when rows lack their own link, so a lost link fails.
 */
export function withLinks<T extends { results: object[]; url_template?: string }>(data: T): T {
  const rows = data.results as Array<Record<string, unknown>>;
  const missing = rows.filter((r) => typeof r.url !== 'string');
  if (missing.length) assert.equal(typeof data.url_template, 'string', 'rows without a url come with a url_template');
  return {
    ...data,
    results: rows.map((r) => (typeof r.url === 'string' ? r : { ...r, url: fillUrlTemplate(data.url_template!, r) })),
  };
}
