/**
 * Splits a HogQL document into statements on `;` outside strings, quoted identifiers and
 * comments, so "Run Query" runs one statement and a CodeLens sits above each. Offsets are
 * UTF-16 indexes into the document (what VS Code's positionAt reads).
 */

export interface Statement {
  /** The statement's text, trimmed, without its `;`. */
  text: string;
  /** Offset of its first character in the document. */
  start: number;
  /** Offset just past its last character (before any `;`). */
  end: number;
}

/** Where each character of the document belongs: code, a string/identifier literal, or a comment. */
export type Region = 'code' | 'string' | 'comment';

/**
 * Walks the text once and calls `visit` for every character with the region it is in. Strings
 * use single quotes (escaped by \' or ''), identifiers "double quotes" or `backticks`; comments are
 * `-- …` to the end of the line and `/* … *\/` (not nested, as in PostHog's lexer).
 */
export function scanRegions(text: string, visit: (index: number, region: Region) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    const next = text[i + 1];
    if (ch === '-' && next === '-') {
      while (i < n && text[i] !== '\n') visit(i++, 'comment');
    } else if (ch === '/' && next === '*') {
      visit(i++, 'comment');
      visit(i++, 'comment');
      while (i < n && !(text[i] === '*' && text[i + 1] === '/')) visit(i++, 'comment');
      if (i < n) {
        visit(i++, 'comment');
        visit(i++, 'comment');
      }
    } else if (ch === "'" || ch === '"' || ch === '`') {
      visit(i++, 'string');
      while (i < n) {
        const c = text[i];
        if (c === '\\' && i + 1 < n) {
          visit(i++, 'string');
          visit(i++, 'string');
        } else if (c === ch && text[i + 1] === ch) {
          visit(i++, 'string');
          visit(i++, 'string');
        } else if (c === ch) {
          visit(i++, 'string');
          break;
        } else visit(i++, 'string');
      }
    } else visit(i++, 'code');
  }
}

/** Every statement with something other than comments and whitespace in it, in document order. */
export function splitStatements(text: string): Statement[] {
  const statements: Statement[] = [];
  let start = 0;
  let hasCode = false;
  const close = (end: number) => {
    if (hasCode) {
      const raw = text.slice(start, end);
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      statements.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
    }
    hasCode = false;
  };
  scanRegions(text, (i, region) => {
    if (region === 'code' && text[i] === ';') {
      close(i);
      start = i + 1;
    } else if (region !== 'comment' && !/\s/.test(text[i])) hasCode = true;
  });
  close(text.length);
  return statements;
}

/**
 * The statement "at the cursor": the one containing the offset, else the one that ends last
 * before it on the same run of text (the cursor just after a `;` or on a blank line below),
 * else the first one after it.
 */
export function statementAt(statements: Statement[], offset: number): Statement | undefined {
  let before: Statement | undefined;
  for (const s of statements) {
    if (offset >= s.start && offset <= s.end) return s;
    if (s.end < offset) before = s;
  }
  return before ?? statements.find((s) => s.start > offset);
}
