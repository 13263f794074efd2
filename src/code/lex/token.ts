/**
 * The token stream every language's lexer produces: identifiers, strings, numbers and operators,
 * with comments dropped. The rules (src/code/rules/) match SDK calls on tokens, so a call name in a
 * comment or inside a string is never seen as a call.
 */

export type TokenType = 'id' | 'str' | 'num' | 'op';

export interface Token {
  type: TokenType;
  /** id: the name; op: the operator text; str: the contents, simple escapes undone; num: the digits. */
  value: string;
  /** 0-based offsets of the whole token (a string's quotes and prefix included). */
  start: number;
  end: number;
  /** str: 0-based offsets of the contents inside the quotes (for an unterminated string, up to where it stops). */
  contentStart: number;
  contentEnd: number;
  /** str: holds a substitution (`${x}`, f"{x}", "#{x}", "$x"), so its value is not a key. */
  interpolated: boolean;
  /** str: the closing quote was found. */
  terminated: boolean;
  /** A line break between the previous token and this one (Ruby's calls without parentheses end there). */
  newlineBefore: boolean;
}

export function makeToken(type: TokenType, value: string, start: number, end: number, newlineBefore: boolean): Token {
  return { type, value, start, end, contentStart: start, contentEnd: end, interpolated: false, terminated: true, newlineBefore };
}

export function makeString(
  text: string,
  start: number,
  contentStart: number,
  contentEnd: number,
  end: number,
  flags: { interpolated: boolean; terminated: boolean; raw?: boolean; newlineBefore: boolean },
): Token {
  const raw = text.slice(contentStart, contentEnd);
  return {
    type: 'str',
    value: flags.raw || !raw.includes('\\') ? raw : unescapeSimple(raw),
    start,
    end,
    contentStart,
    contentEnd,
    interpolated: flags.interpolated,
    terminated: flags.terminated,
    newlineBefore: flags.newlineBefore,
  };
}

/** Undo the escapes a flag key or event name could plausibly hold (quotes, backslash, \n, \t). */
function unescapeSimple(raw: string): string {
  return raw.replace(/\\(.)/gs, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}
