/**
 * JavaScript / TypeScript / JSX tokens: `//` and `/* *\/` comments, '...' and "..." (single line),
 * template literals (a `${...}` substitution marks them interpolated), regular expression literals
 * (so a quote inside one is not a string).
 */
import { Cursor, fastForward, isDigit, isIdStart, skipBraced } from './scanner';
import { type Token } from './token';

const OPS = ['?.', '=>', '...', '==', '!=', '<=', '>='];
/** After these keywords a `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORD = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);
const DIVISION_AFTER_OP = new Set([')', ']', '}']);
/** Comments, regular expressions and strings start at these; `$` and `#` belong to names. */
const SKIP = fastForward('/\'"`', '$#');

export function lexJavaScript(text: string, windows?: readonly number[]): Token[] {
  const cur = new Cursor(text, windows, SKIP);
  while (!cur.done) {
    cur.fastForward();
    if (cur.skipSpace()) continue;
    const c = cur.code();
    if (c === 47 /* / */) {
      const n = cur.code(1);
      if (n === 47) {
        cur.skipLine();
        continue;
      }
      if (n === 42) {
        cur.pos += 2;
        cur.skipPast('*/');
        continue;
      }
      if (regexAllowed(cur)) {
        skipRegex(cur);
        continue;
      }
      cur.pushOp(OPS);
      continue;
    }
    if (c === 39 || c === 34) {
      cur.pushQuoted(cur.pos, cur.pos + 1, text[cur.pos], { singleLine: true, escapes: true });
      continue;
    }
    if (c === 96 /* ` */) {
      cur.pushQuoted(cur.pos, cur.pos + 1, '`', {
        singleLine: false,
        escapes: true,
        interpolation: (i) => (text.charCodeAt(i) === 36 && text.charCodeAt(i + 1) === 123 ? skipTemplateSubstitution(text, i + 2) : -1),
      });
      continue;
    }
    if (isIdStart(c) || c === 36 /* $ */ || c === 35 /* # private */) {
      cur.pushIdent(36);
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

function regexAllowed(cur: Cursor): boolean {
  if (cur.prevType === '') return true;
  if (cur.prevType === 'id') return REGEX_AFTER_WORD.has(cur.prevText());
  if (cur.prevType === 'op') return !DIVISION_AFTER_OP.has(cur.prevText());
  return false;
}

/** A regular expression literal: to the unescaped `/` outside a class, or the line's end. */
function skipRegex(cur: Cursor): void {
  const { text } = cur;
  const start = cur.pos;
  let i = start + 1;
  let inClass = false;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '\n') break;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) {
      i++;
      while (i < text.length && /[a-z]/i.test(text[i])) i++;
      break;
    }
  }
  cur.pos = i;
  cur.push('op', '/re/', start, i);
}

/** Past the `}` closing a `${`, with nested strings and templates skipped. */
function skipTemplateSubstitution(text: string, i: number): number {
  return skipBraced(text, i, '\'"`');
}
