/**
 * Reads a VS Code `when` clause far enough to list what it refers to: each context key, and the
 * value it is compared with (`view == posthog.dashboards`, `viewItem =~ /^posthog\.flag\./`).
 * Grammar: https://code.visualstudio.com/api/references/when-clause-contexts
 */

export interface WhenReference {
  key: string;
  /** The comparison, when there is one: ==, !=, =~, <, in, not in … */
  op?: string;
  /** The compared value (quotes removed), or for `=~` the regular expression. */
  value?: string | RegExp;
}

const COMPARISONS = new Set(['==', '===', '!=', '!==', '=~', '<', '<=', '>', '>=']);

// Operators (longest first), a quoted string, or a bare word (a key or a value).
const TOKEN = /\s*(&&|\|\||===|!==|==|!=|=~|<=|>=|<|>|!|\(|\)|'(?:[^'\\]|\\.)*'|[^\s!&|=<>()']+)/y;
// A regular expression literal, read only right after `=~`.
const REGEX = /\s*\/((?:[^/\\]|\\.)+)\/([dgimsuy]*)/y;

/** The references in a when clause; throws on what it cannot read (an unknown token, a bad regex). */
export function whenReferences(clause: string): WhenReference[] {
  const tokens = tokenize(clause);
  const refs: WhenReference[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isOperator(t) || t === 'true' || t === 'false') continue;
    const next = tokens[i + 1];
    if (typeof next === 'string' && COMPARISONS.has(next)) {
      const value = tokens[i + 2];
      if (value === undefined || (typeof value === 'string' && isOperator(value))) throw new Error(`nothing after "${String(next)}"`);
      refs.push({ key: t as string, op: next, value: unquote(value) });
      i += 2;
    } else if (next === 'in' || (next === 'not' && tokens[i + 2] === 'in')) {
      const op = next === 'in' ? 'in' : 'not in';
      const at = i + (op === 'in' ? 2 : 3);
      refs.push({ key: t as string, op, value: unquote(tokens[at]) });
      i = at;
    } else {
      refs.push({ key: t as string });
    }
  }
  return refs;
}

function tokenize(clause: string): Array<string | RegExp> {
  const out: Array<string | RegExp> = [];
  let at = 0;
  while (at < clause.length) {
    if (/^\s*$/.test(clause.slice(at))) break;
    if (out[out.length - 1] === '=~') {
      REGEX.lastIndex = at;
      const m = REGEX.exec(clause);
      if (!m) throw new Error(`no regular expression after "=~" at ${at}`);
      out.push(new RegExp(m[1], m[2]));
      at = REGEX.lastIndex;
      continue;
    }
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(clause);
    if (!m) throw new Error(`cannot read "${clause.slice(at).trim()}"`);
    out.push(m[1]);
    at = TOKEN.lastIndex;
  }
  return out;
}

function isOperator(t: string | RegExp | undefined): boolean {
  return typeof t === 'string' && (t === '&&' || t === '||' || t === '!' || t === '(' || t === ')' || COMPARISONS.has(t));
}

function unquote(v: string | RegExp | undefined): string | RegExp | undefined {
  return typeof v === 'string' && v.startsWith("'") ? v.slice(1, -1).replace(/\\(.)/g, '$1') : v;
}
