/**
 * Go tokens: `//` and `/* *\/` comments, "..." (one line), `raw` strings (across lines) and 'r'
 * runes (so a quote inside one is not a string start).
 */
import { Cursor, fastForward, isDigit, isIdStart } from './scanner';
import { type Token } from './token';

const OPS = [':=', '==', '!=', '<=', '>=', '&&', '||', '<-', '...'];
/** Comments, strings and runes start at these. */
const SKIP = fastForward('/"`\'', '');

export function lexGo(text: string, windows?: readonly number[]): Token[] {
  const cur = new Cursor(text, windows, SKIP);
  while (!cur.done) {
    cur.fastForward();
    if (cur.skipSpace()) continue;
    const c = cur.code();
    if (c === 47 /* / */ && cur.code(1) === 47) {
      cur.skipLine();
      continue;
    }
    if (c === 47 && cur.code(1) === 42) {
      cur.pos += 2;
      cur.skipPast('*/');
      continue;
    }
    if (c === 34 /* " */) {
      cur.pushQuoted(cur.pos, cur.pos + 1, '"', { singleLine: true, escapes: true });
      continue;
    }
    if (c === 96 /* ` */) {
      cur.pushQuoted(cur.pos, cur.pos + 1, '`', { singleLine: false, escapes: false, raw: true });
      continue;
    }
    if (c === 39 /* ' rune */) {
      cur.pushQuoted(cur.pos, cur.pos + 1, "'", { singleLine: true, escapes: true }).type = 'num';
      continue;
    }
    if (isIdStart(c)) {
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
