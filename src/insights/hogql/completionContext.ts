/**
 * What to complete at the cursor in a HogQL statement, from the text alone: a table after FROM or
 * JOIN, the columns of `table.` / `alias.` / `person.`, property keys after `properties.`, event
 * names inside the string of `event = '…'`, or the general list (keywords, functions, the columns
 * of the tables in FROM). The provider fills these in from the schema and the definitions.
 */
import { type Region, scanRegions, splitStatements, statementAt } from './statements';

export interface FromTable {
  table: string;
  alias?: string;
}

export type CompletionContext =
  | { kind: 'none' }
  | { kind: 'tables'; prefix: string }
  | { kind: 'columns'; path: string[]; prefix: string; from: FromTable[] }
  | { kind: 'properties'; scope: 'event' | 'person'; prefix: string }
  | { kind: 'eventName'; prefix: string }
  | { kind: 'general'; prefix: string; from: FromTable[] };

const NOT_ALIASES = new Set([
  'where',
  'group',
  'order',
  'limit',
  'offset',
  'having',
  'on',
  'using',
  'join',
  'inner',
  'left',
  'right',
  'full',
  'cross',
  'outer',
  'any',
  'all',
  'array',
  'union',
  'settings',
  'sample',
  'final',
  'prewhere',
  'window',
  'asof',
  'semi',
  'anti',
]);

/** The tables a statement reads, with their aliases (`FROM events e`, `JOIN persons AS p`). */
export function fromTables(statement: string): FromTable[] {
  const out: FromTable[] = [];
  const re = /\b(?:from|join)\s+([A-Za-z_][\w.]*)(?:\s+(?:as\s+)?([A-Za-z_]\w*))?/gi;
  for (const m of statement.matchAll(re)) {
    const alias = m[2] && !NOT_ALIASES.has(m[2].toLowerCase()) ? m[2] : undefined;
    out.push(alias ? { table: m[1], alias } : { table: m[1] });
  }
  return out;
}

export function completionContext(document: string, offset: number): CompletionContext {
  const statement = statementAt(splitStatements(document), offset);
  // The statement's own text around the cursor: from its start (or the document's) to the cursor.
  const start = statement && statement.start <= offset ? statement.start : 0;
  const before = document.slice(start, offset);
  const from = fromTables(statement?.text ?? before);

  // The region of a character placed at the cursor: inside an unclosed string or comment, or code.
  const probe = `${before}\u0000`;
  let region = 'code' as Region;
  let stringStart = -1;
  let previous = 'code' as Region;
  scanRegions(probe, (i, r) => {
    if (r === 'string' && previous !== 'string') stringStart = i;
    previous = r;
    if (i === before.length) region = r;
  });
  if (region === 'comment') return { kind: 'none' };
  if (region === 'string') {
    if (before[stringStart] !== "'") return { kind: 'none' };
    const lead = before.slice(0, stringStart);
    const prefix = before.slice(stringStart + 1);
    if (/\bevent\s*(=|==|!=|<>)\s*$/i.test(lead) || /\bevent\s+(not\s+)?in\s*\(\s*('[^']*'\s*,\s*)*$/i.test(lead))
      return { kind: 'eventName', prefix };
    return { kind: 'none' };
  }

  const chain = /((?:[A-Za-z_$][\w$]*\.)+)([A-Za-z_$][\w$]*)?$/.exec(before);
  if (chain) {
    const path = chain[1].slice(0, -1).split('.');
    const prefix = chain[2] ?? '';
    const last = path[path.length - 1].toLowerCase();
    if (last === 'properties') {
      const owner = path[path.length - 2]?.toLowerCase();
      return { kind: 'properties', scope: owner === 'person' || owner === 'persons' ? 'person' : 'event', prefix };
    }
    return { kind: 'columns', path, prefix, from };
  }
  const word = /([A-Za-z_$][\w$]*)?$/.exec(before);
  const prefix = word?.[1] ?? '';
  const lead = before.slice(0, before.length - prefix.length);
  if (/\b(from|join)\s+$/i.test(lead)) return { kind: 'tables', prefix };
  return { kind: 'general', prefix, from };
}
