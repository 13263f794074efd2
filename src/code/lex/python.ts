/**
 * Python tokens: `#` comments; strings with their prefixes (r, b, u, f and pairs), '...' and "..."
 * on one line, '''...''' and """...""" across lines; an f-string with a `{...}` field is
 * interpolated (`{{` is a literal brace).
 */
import { Cursor, fastForward, isDigit, isIdStart } from './scanner';
import { type Token } from './token';

const OPS = ['**=', '//=', '==', '!=', '<=', '>=', '->', ':=', '**', '//'];
/** Comments and strings start at these (a prefix such as rb is the word before the quote). */
const SKIP = fastForward('#\'"', '');

export function lexPython(text: string, windows?: readonly number[]): Token[] {
  const cur = new Cursor(text, windows, SKIP);
  while (!cur.done) {
    cur.fastForward();
    if (cur.skipSpace()) continue;
    const c = cur.code();
    if (c === 35 /* # */) {
      cur.skipLine();
      continue;
    }
    if (c === 92 /* \ line continuation */) {
      cur.pos++;
      continue;
    }
    if (c === 39 || c === 34) {
      pushPythonString(cur, cur.pos, '');
      continue;
    }
    if (isIdStart(c)) {
      const prefix = stringPrefix(text, cur.pos);
      if (prefix) {
        pushPythonString(cur, cur.pos, prefix);
        continue;
      }
      cur.pushIdent();
      continue;
    }
    if (isDigit(c)) {
      cur.pushNumber();
      continue;
    }
    cur.pushOp(OPS);
  }
  return cur.tokens;
}

/** The string prefix (e.g. "rb", "f") at i when a quote follows it, else ''. */
function stringPrefix(text: string, i: number): string {
  for (let n = 1; n <= 2; n++) {
    const q = text.charCodeAt(i + n);
    if (q === 39 || q === 34) {
      const p = text.slice(i, i + n);
      return /^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(p) ? p : '';
    }
  }
  return '';
}

function pushPythonString(cur: Cursor, start: number, prefix: string): void {
  const { text } = cur;
  const q = start + prefix.length;
  const ch = text[q];
  const triple = text.startsWith(ch + ch + ch, q);
  const quote = triple ? ch + ch + ch : ch;
  const isRaw = /r/i.test(prefix);
  const isF = /f/i.test(prefix);
  cur.pushQuoted(start, q + quote.length, quote, {
    singleLine: !triple,
    // A raw string still cannot end at a backslash-escaped quote.
    escapes: true,
    raw: isRaw,
    interpolation: isF ? (i) => fieldEnd(text, i) : undefined,
    literal: isF ? (i) => (text.startsWith('{{', i) ? i + 2 : -1) : undefined,
  });
}

/** At a `{` opening an f-string field: the index after its `}`. */
function fieldEnd(text: string, i: number): number {
  if (text.charCodeAt(i) !== 123) return -1;
  const close = text.indexOf('}', i + 1);
  return close < 0 ? -1 : close + 1;
}
