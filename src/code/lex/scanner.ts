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

export class Cursor {
  readonly tokens: Token[] = [];
  pos = 0;
  /** A line break since the last token. */
  sawNewline = true;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  code(offset = 0): number {
    return this.text.charCodeAt(this.pos + offset);
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.pos);
  }

  last(): Token | undefined {
    return this.tokens[this.tokens.length - 1];
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
    this.push('num', text.slice(start, i), start, i);
  }

  /** The longest of `ops` at the cursor, or the single character. */
  pushOp(ops: readonly string[]): void {
    const start = this.pos;
    for (const op of ops) {
      if (this.text.startsWith(op, start)) {
        this.pos += op.length;
        this.push('op', op, start, this.pos);
        return;
      }
    }
    this.pos++;
    this.push('op', this.text[start], start, this.pos);
  }

  push(type: Token['type'], value: string, start: number, end: number): Token {
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
