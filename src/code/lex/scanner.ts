/**
 * The cursor the per-language lexers share: character classes, whitespace, line comments, block
 * comments, quoted strings and the token list. Each language file adds only what differs.
 */
import { makeString, makeToken, type Token } from './token';

const NL = 10;
const CR = 13;
const BACKSLASH = 92;

export function isIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c > 127;
}

export function isIdPart(c: number): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** What push returns for a token outside every window: callers may set fields on it; nothing keeps it. */
const SKIPPED: Token = makeToken('op', '', 0, 0, false);

/**
 * What a language's lexer needs to see outside the windows (see Cursor.fastForward): the
 * characters that may open a string, comment or other construct whose inside is not code, and the
 * characters a word (identifier, number) is made of, to step back to the token before one.
 */
export interface FastForward {
  /** By character code (ASCII): 0 plain, 1 a stop, 2 a stop when `when(text, i)` says so. */
  readonly stops: Uint8Array;
  readonly when?: (text: string, i: number) => boolean;
  /** By character code (ASCII): 1 for what a word (identifier, number) may hold. */
  readonly word: Uint8Array;
}

/**
 * A FastForward stopping at each of `always`, and at each of `sometimes` when `when` agrees.
 * `wordExtra`: what a word may hold besides letters, digits and _ (JS `$`, PHP `\`, Ruby `?`).
 */
export function fastForward(always: string, wordExtra: string, sometimes = '', when?: (text: string, i: number) => boolean): FastForward {
  const stops = new Uint8Array(128);
  for (const ch of always) stops[ch.charCodeAt(0)] = 1;
  for (const ch of sometimes) stops[ch.charCodeAt(0)] = 2;
  const word = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isIdPart(c) || wordExtra.includes(String.fromCharCode(c))) word[c] = 1;
  return { stops, when, word };
}

function isSpace(c: number): boolean {
  return c === 32 || c === NL || c === 9 || c === CR || c === 12 || c === 11 || c === 0xfeff || c === 0xa0;
}

export class Cursor {
  readonly tokens: Token[] = [];
  pos = 0;
  /** A line break since the last token. */
  sawNewline = true;
  /** The previous token's type and span, emitted or not (what `/` after it means depends on it). */
  prevType: Token['type'] | '' = '';
  private prevStart = 0;
  private prevEnd = 0;
  /** Sorted, merged [start, end) pairs: only tokens starting inside one are kept; undefined keeps all. */
  private readonly windows: readonly number[] | undefined;
  private wi = 0;
  private inWindow: boolean;
  /**
   * The first token past a window's end is kept, and the break token goes in before the next one:
   * one token of look-ahead, so a rule can tell `capture(x) {` (a definition) from a call without
   * reading the whole file again.
   */
  private breakPending = false;
  /** keeps() is asked twice for some tokens (pushIdent, then push): the same start gets the same answer. */
  private lastStart = -1;
  private lastKept = false;

  constructor(
    readonly text: string,
    windows?: readonly number[],
    private readonly skip?: FastForward,
  ) {
    this.windows = windows;
    this.inWindow = windows === undefined;
  }

  /**
   * Outside every window no token is kept, so most of the text need not be tokenized: jump over a
   * stretch holding no stop character (nothing there can open a string, comment or regex), to the
   * start of its last token, which the lexer then reads so that what the stop means (`/` after a
   * word or after `)`, Ruby's `%` or `<<`) is decided as it would be had every token been read.
   * A window's first token is read the same way. Call at the top of the lexer's loop.
   */
  fastForward(): void {
    const w = this.windows;
    const skip = this.skip;
    if (w === undefined || skip === undefined || this.inWindow) return;
    const { text } = this;
    const from = this.pos;
    let k = this.wi;
    while (k < w.length && from >= w[k + 1]) k += 2;
    const limit = k < w.length ? w[k] : text.length;
    if (limit - from < 32) return;
    const { stops, when } = skip;
    let i = from;
    for (; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (c < 128 && stops[c] !== 0 && (stops[c] === 1 || when!(text, i))) break;
    }
    // Back over spaces, then over the token before them: a word, or one operator character
    // (which operator it ends does not matter: no lexer reads a longer one before a stop).
    let r = i;
    while (r > from && isSpace(text.charCodeAt(r - 1))) r--;
    if (r > from) {
      const c = text.charCodeAt(r - 1);
      if (this.isWord(c)) while (r > from && this.isWord(text.charCodeAt(r - 1))) r--;
      else r--;
    }
    this.pos = r;
  }

  private isWord(c: number): boolean {
    return c < 128 ? this.skip!.word[c] === 1 : !isSpace(c);
  }

  /** The previous token's text. */
  prevText(): string {
    return this.text.slice(this.prevStart, this.prevEnd);
  }

  /**
   * Whether a token starting at `start` is kept. Leaving a window adds a break token ("…", on a
   * new line) after the first token past it, so tokens of two windows never read as adjacent.
   */
  private keeps(start: number): boolean {
    const w = this.windows;
    if (w === undefined) return true;
    if (start === this.lastStart) return this.lastKept;
    while (this.wi < w.length && start >= w[this.wi + 1]) this.wi += 2;
    const on = this.wi < w.length && start >= w[this.wi];
    let kept = on;
    if (this.breakPending) {
      this.tokens.push(makeToken('op', '\u2026', start, start, true));
      this.breakPending = false;
    } else if (!on && this.inWindow) {
      kept = true;
      this.breakPending = true;
    }
    this.inWindow = on;
    this.lastStart = start;
    this.lastKept = kept;
    return kept;
  }

  /** Whether a token that started outside every window (keeps() said no) ends inside the next one. */
  private reachesWindow(end: number): boolean {
    const w = this.windows;
    return w !== undefined && this.wi < w.length && w[this.wi] < end;
  }

  private skipped(type: Token['type'], start: number, end: number): Token {
    this.prevType = type;
    this.prevStart = start;
    this.prevEnd = end;
    this.sawNewline = false;
    return SKIPPED;
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  code(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  /** Skip spaces, tabs and line breaks; true if it moved. */
  skipSpace(): boolean {
    const { text } = this;
    const from = this.pos;
    let i = this.pos;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NL) this.sawNewline = true;
      else if (c !== 32 && c !== 9 && c !== CR && c !== 12 && c !== 11 && c !== 0xfeff && c !== 0xa0) break;
    }
    this.pos = i;
    return i > from;
  }

  /** Skip to the end of the line (the line break stays for skipSpace to see). */
  skipLine(): void {
    const nl = this.text.indexOf('\n', this.pos);
    this.pos = nl < 0 ? this.text.length : nl;
  }

  /** Skip past `close`, or to the end of the text when it never comes. */
  skipPast(close: string): void {
    const at = this.text.indexOf(close, this.pos);
    const to = at < 0 ? this.text.length : at + close.length;
    if (!this.sawNewline && this.text.lastIndexOf('\n', to) >= this.pos) this.sawNewline = true;
    this.pos = to;
  }

  pushIdent(extraPart?: number): Token {
    const { text } = this;
    const start = this.pos;
    let i = start + 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isIdPart(c) && c !== extraPart) break;
    }
    this.pos = i;
    if (!this.keeps(start)) return this.skipped('id', start, i);
    return this.push('id', text.slice(start, i), start, i);
  }

  pushNumber(): void {
    const { text } = this;
    const start = this.pos;
    let i = start + 1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isIdPart(c) && c !== 46) break;
    }
    this.pos = i;
    if (!this.keeps(start)) this.skipped('num', start, i);
    else this.push('num', text.slice(start, i), start, i);
  }

  /** The longest of `ops` at the cursor, or the single character. */
  pushOp(ops: readonly string[]): void {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    for (const op of ops) {
      if (op.charCodeAt(0) === c && this.text.startsWith(op, start)) {
        this.pos += op.length;
        this.push('op', op, start, this.pos);
        return;
      }
    }
    this.pos++;
    this.push('op', this.text[start], start, this.pos);
  }

  push(type: Token['type'], value: string, start: number, end: number): Token {
    if (!this.keeps(start)) return this.skipped(type, start, end);
    this.prevType = type;
    this.prevStart = start;
    this.prevEnd = end;
    const t = makeToken(type, value, start, end, this.sawNewline);
    this.sawNewline = false;
    this.tokens.push(t);
    return t;
  }

  /**
   * A string closed by `quote` (one or more characters) starting with the cursor at `contentStart`.
   * `singleLine`: an unescaped line break ends it unterminated (what editors do, and what keeps a
   * stray apostrophe in JSX text or prose from swallowing the rest of the file).
   * `interpolation(i)`: at index i inside the string, returns the index after a substitution, or -1.
   */
  pushQuoted(
    tokenStart: number,
    contentStart: number,
    quote: string,
    opts: {
      singleLine: boolean;
      escapes: boolean;
      raw?: boolean;
      interpolation?: (i: number) => number;
      /** At index i: the index after a sequence that is literal text though it looks like a substitution (f"{{"), or -1. */
      literal?: (i: number) => number;
    },
  ): Token {
    const { text } = this;
    const q = quote.charCodeAt(0);
    const newlineBefore = this.sawNewline;
    let interpolated = false;
    let i = contentStart;
    let contentEnd = -1;
    let end = text.length;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === BACKSLASH && opts.escapes) {
        i += 2;
        continue;
      }
      if (c === q && (quote.length === 1 || text.startsWith(quote, i))) {
        contentEnd = i;
        end = i + quote.length;
        break;
      }
      if (c === NL && opts.singleLine) {
        contentEnd = i;
        end = i;
        break;
      }
      if (opts.literal) {
        const after = opts.literal(i);
        if (after >= 0) {
          i = after;
          continue;
        }
      }
      if (opts.interpolation) {
        const after = opts.interpolation(i);
        if (after >= 0) {
          interpolated = true;
          i = after;
          continue;
        }
      }
      i++;
    }
    const terminated = contentEnd >= 0 && end > contentEnd;
    if (contentEnd < 0) contentEnd = Math.min(i, text.length);
    // An interpolated string reaching into a window is kept: its substitutions are code
    // (lex/substitutions.ts), and a call inside one may be what the window is around.
    if (!this.keeps(tokenStart) && !(interpolated && this.reachesWindow(Math.min(end, text.length)))) {
      this.pos = Math.min(end, text.length);
      return this.skipped('str', tokenStart, this.pos);
    }
    this.prevType = 'str';
    this.prevStart = tokenStart;
    this.prevEnd = Math.min(end, text.length);
    const t = makeString(text, tokenStart, contentStart, contentEnd, Math.min(end, text.length), {
      interpolated,
      terminated,
      raw: opts.raw,
      newlineBefore,
    });
    this.sawNewline = false;
    this.tokens.push(t);
    this.pos = t.end;
    return t;
  }
}

/**
 * From `i` just after an opening `{`, the index after its matching `}` — skipping strings in
 * `quotes` so a brace inside one does not count. Used for substitutions (`${...}`, `#{...}`).
 */
export function skipBraced(text: string, i: number, quotes: string): number {
  let depth = 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (quotes.includes(ch)) {
      const close = text.indexOf(ch, i + 1);
      if (close < 0) return text.length;
      i = close + 1;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}
