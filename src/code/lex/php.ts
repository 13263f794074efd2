/**
 * PHP tokens: `//`, `#` and `/* *\/` comments (`#[` starts an attribute, not a comment); '...'
 * (no substitution) and "..." (a `$var` or `{$...}` marks it interpolated); heredocs and nowdocs
 * (<<<ID, <<<'ID', <<<"ID") skipped as one string. `$variables` are identifiers. Text outside
 * `<?php ... ?>` is HTML and skipped.
 */
import { Cursor, fastForward, isDigit, isIdPart, isIdStart } from './scanner';
import { type Token } from './token';

const OPS = ['::', '=>', '->', '?->', '===', '!==', '==', '!=', '<=', '>=', '&&', '||', '??', '...'];
/** Comments and strings start at these; `?>` leaves PHP, `<?` and `<<<` (a heredoc) start something. */
const SKIP = fastForward('/#\'"', '$\\', '?<', (text, i) => {
  const next = text.charCodeAt(i + 1);
  return text.charCodeAt(i) === 63 ? next === 62 : next === 63 || next === 60;
});

export function lexPhp(text: string, windows?: readonly number[]): Token[] {
  const cur = new Cursor(text, windows, SKIP);
  // Before the first <?php is inline HTML.
  const open = text.indexOf('<?');
  cur.pos = open < 0 ? text.length : open;
  while (!cur.done) {
    cur.fastForward();
    if (cur.skipSpace()) continue;
    const c = cur.code();
    if (c === 63 /* ? */ && cur.code(1) === 62 /* > */) {
      const next = text.indexOf('<?', cur.pos + 2);
      cur.pos = next < 0 ? text.length : next;
      continue;
    }
    if (c === 60 /* < */ && cur.code(1) === 63) {
      cur.pos += cur.startsWith('<?php') ? 5 : cur.startsWith('<?=') ? 3 : 2;
      continue;
    }
    if ((c === 47 && cur.code(1) === 47) || (c === 35 && cur.code(1) !== 91)) {
      skipLineComment(cur);
      continue;
    }
    if (c === 47 && cur.code(1) === 42) {
      cur.pos += 2;
      cur.skipPast('*/');
      continue;
    }
    if (c === 39 /* ' */) {
      cur.pushQuoted(cur.pos, cur.pos + 1, "'", { singleLine: false, escapes: true });
      continue;
    }
    if (c === 34 /* " */) {
      cur.pushQuoted(cur.pos, cur.pos + 1, '"', { singleLine: false, escapes: true, interpolation: (i) => variableEnd(text, i) });
      continue;
    }
    if (c === 60 && cur.startsWith('<<<')) {
      const h = /^<<<[ \t]*(["']?)([A-Za-z_]\w*)\1\r?\n/.exec(text.slice(cur.pos, cur.pos + 80));
      if (h) {
        skipHeredoc(cur, h[0].length, h[2]);
        continue;
      }
    }
    if (c === 36 /* $ */ && isIdStart(cur.code(1))) {
      cur.pushIdent();
      continue;
    }
    if (isIdStart(c) || c === 92 /* \ namespace */) {
      cur.pushIdent(92);
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

/** A line comment ends at the line's end or at `?>`. */
function skipLineComment(cur: Cursor): void {
  const { text } = cur;
  const nl = text.indexOf('\n', cur.pos);
  const close = text.indexOf('?>', cur.pos);
  const end = nl < 0 ? text.length : nl;
  cur.pos = close >= 0 && close < end ? close : end;
}

/** At `$name` or `{$` inside a double-quoted string: past the substitution's start. */
function variableEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 36 && isIdStart(text.charCodeAt(i + 1))) {
    let j = i + 1;
    while (j < text.length && isIdPart(text.charCodeAt(j))) j++;
    return j;
  }
  if (c === 123 && text.charCodeAt(i + 1) === 36) {
    const close = text.indexOf('}', i);
    return close < 0 ? text.length : close + 1;
  }
  return -1;
}

function skipHeredoc(cur: Cursor, headerLength: number, id: string): void {
  const { text } = cur;
  const start = cur.pos;
  let i = start + headerLength;
  const terminator = new RegExp(`^[ \\t]*${id}\\b`);
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const line = text.slice(i, nl < 0 ? text.length : nl);
    if (terminator.test(line)) {
      i += line.indexOf(id) + id.length;
      break;
    }
    i = nl < 0 ? text.length : nl + 1;
  }
  cur.pos = i;
  cur.push('str', '', start, i).interpolated = true;
}
