/**
 * Code inside a string's substitutions is code: `f"{posthog.feature_enabled('x', uid)}"`,
 * `"#{posthog.is_feature_enabled('x', uid)}"`, `` `${posthog.getFeatureFlag('x')}` `` are real
 * calls (the SDKs' own examples print flags this way). After a language's lexer has run, each kept
 * interpolated string gets its substitutions' tokens right behind it, in parentheses so a comma
 * inside never splits the arguments around the string.
 */
import { skipBraced } from './scanner';
import { makeToken, type Token } from './token';

export interface Substitutions {
  /** Whether this interpolated string token's substitutions are code (e.g. only f-strings in Python). */
  holds(text: string, t: Token): boolean;
  /** Inside the string at i: the length of a substitution's opener (`${`, `#{`, `{`), or 0. */
  opener(text: string, i: number): number;
  /** Inside the string at i: the length of a literal sequence that only looks like an opener (f"{{"), or 0. */
  literal?(text: string, i: number): number;
}

type Lexer = (text: string) => Token[];

export function withSubstitutions(tokens: Token[], text: string, subs: Substitutions, lex: Lexer): Token[] {
  if (!tokens.some((t) => t.type === 'str' && t.interpolated)) return tokens;
  const out: Token[] = [];
  for (const t of tokens) {
    out.push(t);
    if (t.type !== 'str' || !t.interpolated || !subs.holds(text, t)) continue;
    for (let i = t.contentStart; i < t.contentEnd;) {
      const skip = subs.literal?.(text, i) ?? 0;
      if (skip) {
        i += skip;
        continue;
      }
      const open = subs.opener(text, i);
      if (!open) {
        i += text.charCodeAt(i) === 92 /* \ */ ? 2 : 1;
        continue;
      }
      const from = i + open;
      const end = Math.min(skipBraced(text, from, '\'"`'), t.contentEnd);
      const inner = lex(text.slice(from, end - 1));
      if (inner.length) {
        out.push(makeToken('op', '(', from, from, false));
        for (const s of inner) out.push(shift(s, from));
        out.push(makeToken('op', ')', end - 1, end - 1, false));
      }
      i = end;
    }
  }
  return out;
}

function shift(t: Token, by: number): Token {
  return {
    ...t,
    start: t.start + by,
    end: t.end + by,
    contentStart: t.contentStart + by,
    contentEnd: t.contentEnd + by,
    newlineBefore: false,
  };
}

/** Python: the `{...}` fields of an f-string (`{{` is a brace). */
export const PYTHON_SUBSTITUTIONS: Substitutions = {
  holds: (text, t) => /f/i.test(text.slice(t.start, t.contentStart).replace(/["']/g, '')),
  opener: (text, i) => (text.charCodeAt(i) === 123 ? 1 : 0),
  literal: (text, i) => (text.startsWith('{{', i) || text.startsWith('}}', i) ? 2 : 0),
};

/** Ruby: `#{...}` in "..." and `...`. */
export const RUBY_SUBSTITUTIONS: Substitutions = {
  holds: (text, t) => text[t.start] === '"' || text[t.start] === '`',
  opener: (text, i) => (text.startsWith('#{', i) ? 2 : 0),
};

/** JavaScript/TypeScript: `${...}` in a template literal. */
export const TEMPLATE_SUBSTITUTIONS: Substitutions = {
  holds: (text, t) => text[t.start] === '`',
  opener: (text, i) => (text.startsWith('${', i) ? 2 : 0),
};
