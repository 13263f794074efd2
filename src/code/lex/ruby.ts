/**
 * Ruby tokens: `#` comments and `=begin`/`=end` blocks; '...' (no substitution), "..." and `...`
 * (a `#{...}` marks them interpolated); %q() %Q[] %w{} and friends; heredocs (<<~EOS, <<-EOS,
 * <<EOS, quoted ids) whose bodies are skipped so their text is not code. `$global`, `@ivar`.
 */
import { Cursor, fastForward, isDigit, isIdPart, isIdStart, skipBraced } from './scanner';
import { type Token } from './token';

const OPS = ['::', '=>', '==', '!=', '<=', '>=', '&&', '||', '&.', '**', '<<', '->'];
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
/** Comments, strings and %-literals start at these, heredocs at `<<`, =begin at a line's start; `$x`, `@x`, `ok?`, `save!` are words. */
const SKIP = fastForward('#\'"`%', '$@?!', '<=', (text, i) =>
  text.charCodeAt(i) === 60 ? text.charCodeAt(i + 1) === 60 : i === 0 || text.charCodeAt(i - 1) === 10,
);

export function lexRuby(text: string, windows?: readonly number[]): Token[] {
  const cur = new Cursor(text, windows, SKIP);
  /** Heredoc terminators waiting for the end of the current line. */
  let heredocs: string[] = [];
  while (!cur.done) {
    if (heredocs.length === 0) cur.fastForward();
    if (heredocs.length) {
      while (cur.code() === 32 || cur.code() === 9 || cur.code() === 13) cur.pos++;
      if (cur.code() === 10) {
        cur.pos++;
        for (const id of heredocs) skipHeredocBody(cur, id);
        heredocs = [];
        cur.sawNewline = true;
        continue;
      }
    }
    if (cur.skipSpace()) continue;
    const c = cur.code();
    if (c === 35 /* # */) {
      cur.skipLine();
      continue;
    }
    if (c === 61 /* = */ && cur.startsWith('=begin') && (cur.pos === 0 || text[cur.pos - 1] === '\n')) {
      cur.skipPast('\n=end');
      cur.skipLine();
      continue;
    }
    if (c === 39 /* ' */) {
      cur.pushQuoted(cur.pos, cur.pos + 1, "'", { singleLine: false, escapes: true });
      continue;
    }
    if (c === 34 || c === 96) {
      cur.pushQuoted(cur.pos, cur.pos + 1, text[cur.pos], { singleLine: false, escapes: true, interpolation: interpolation(text) });
      continue;
    }
    if (c === 60 /* < */ && cur.startsWith('<<')) {
      const h = /^<<([~-]?)(["'`]?)([A-Za-z_]\w*)\2/.exec(text.slice(cur.pos, cur.pos + 80));
      const prev = cur.prevType === 'op' ? cur.prevText() : cur.prevType;
      // `a << b` appends; a heredoc follows `(`, `,`, `=`, a method name or the line start.
      if (h && (h[1] || h[2] || /^[A-Z_]+$/.test(h[3])) && !(prev === 'num' || prev === 'str' || prev === ')' || prev === ']')) {
        heredocs.push(h[3]);
        const start = cur.pos;
        cur.pos += h[0].length;
        cur.push('str', '', start, cur.pos).interpolated = true;
        continue;
      }
    }
    if (c === 37 /* % */ && percentLiteral(cur)) continue;
    if (c === 36 /* $ */ || c === 64 /* @ */) {
      const start = cur.pos;
      let i = start + 1;
      if (text.charCodeAt(i) === 64) i++;
      while (i < text.length && isIdPart(text.charCodeAt(i))) i++;
      cur.pos = i;
      cur.push('id', text.slice(start, i), start, i);
      continue;
    }
    if (isIdStart(c)) {
      const t = cur.pushIdent();
      // `enabled?` / `save!` method names
      if ((cur.code() === 63 || cur.code() === 33) && cur.code(1) !== 61) {
        cur.pos++;
        t.end = cur.pos;
        t.value += text[cur.pos - 1];
      }
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

function interpolation(text: string): (i: number) => number {
  return (i) => (text.charCodeAt(i) === 35 && text.charCodeAt(i + 1) === 123 ? skipBraced(text, i + 2, '"\'') : -1);
}

/** Lines up to and including the terminator's (which <<~ and <<- let be indented; <<EOS is read as leniently). */
function skipHeredocBody(cur: Cursor, id: string): void {
  const { text } = cur;
  let i = cur.pos;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const line = text.slice(i, nl < 0 ? text.length : nl);
    i = nl < 0 ? text.length : nl + 1;
    if (line.trim() === id) break;
  }
  cur.pos = i;
}

/** %q(...) %Q[...] %w{...} %i<...> %(...): a string or word list, skipped as one string token. */
function percentLiteral(cur: Cursor): boolean {
  const { text } = cur;
  const m = /^%([qQwWiIrsx]?)([([{<|!/^])/.exec(text.slice(cur.pos, cur.pos + 3));
  if (!m) return false;
  if (!m[1] && (cur.prevType === 'id' || cur.prevType === 'num' || (cur.prevType === 'op' && cur.prevText() === ')'))) return false; // a modulo
  const open = m[2];
  const close = PAIRS[open] ?? open;
  const start = cur.pos;
  let i = start + m[0].length;
  let depth = 1;
  for (; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === close && --depth === 0) break;
    else if (ch === open && close !== open) depth++;
  }
  const contentStart = start + m[0].length;
  cur.pos = Math.min(i + 1, text.length);
  const t = cur.push('str', text.slice(contentStart, Math.min(i, text.length)), start, cur.pos);
  t.contentStart = contentStart;
  t.contentEnd = Math.min(i, text.length);
  t.terminated = i < text.length;
  // %w[] %i[] and friends are lists, never one key; %q() has no substitutions.
  t.interpolated = m[1] === 'q' ? false : m[1] === 'Q' || m[1] === '' ? t.value.includes('#{') : true;
  return true;
}
