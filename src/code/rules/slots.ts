/**
 * What the per-language rules share: the slot a rule finds (where a flag key or event name goes in
 * an SDK call), argument lists split at their top-level commas, and turning an argument into a
 * literal, a same-file constant or a dynamic key.
 */
import { type ReferenceKind } from '../types';
import { type Token } from '../lex/token';
import { type Constants } from './constants';

/** One key argument of a PostHog SDK call. */
export interface Slot {
  kind: ReferenceKind;
  call: string;
  /** Where the argument starts (a dynamic reference's position). */
  at: Token;
  /** The string literal holding the key (for a constant: the literal in its definition). */
  literal?: Token;
  /** The string literal written at the call itself, when there is one (what completion edits). */
  written?: Token;
  /** The constant's name at the call, when the key came through one. */
  via?: Token;
}

export interface Arg {
  /** Token indices [from, to) of the whole argument. */
  from: number;
  to: number;
  /** The keyword, property or array key naming it (`event=`, `event:`, `'event' =>`), if any. */
  name?: string;
  /** Token index where its value starts (after the name). */
  value: number;
}

/** The token between two lexing windows (src/code/lex/scanner.ts): nothing reads across it. */
export const WINDOW_BREAK = '\u2026';
/** Set when an argument list ran into a window break: the scan must be redone on all tokens. */
export const windowCut = { hit: false };

const OPEN = new Set(['(', '[', '{']);
const CLOSE = new Set([')', ']', '}']);

/** Recognises `name <sep> value` at the start of an argument; returns the value's token index. */
export type NameReader = (tokens: Token[], from: number, to: number) => { name: string; value: number } | undefined;

/**
 * The arguments of the list opened at `open` (a `(`, `[` or `{`) up to its matching close, or to
 * the end of the tokens when it is never closed (code being typed). `end`: index of the close.
 * `need`: stop once that many arguments are complete, or once the argument of that name is (a
 * rule reading only the key needs no more, and a long list after it then never runs into a
 * window's end, which would make the scan read the whole file); `end` is then the comma.
 */
export function splitArgs(
  tokens: Token[],
  open: number,
  readName?: NameReader,
  stop = tokens.length,
  need: number | string = Infinity,
): { args: Arg[]; end: number } {
  const args: Arg[] = [];
  let depth = 0;
  let from = open + 1;
  let i = open + 1;
  const add = (to: number) => {
    if (to <= from) return;
    const named = readName?.(tokens, from, to);
    args.push({ from, to, name: named?.name, value: named ? named.value : from });
  };
  for (; i < stop; i++) {
    const t = tokens[i];
    if (t.type !== 'op') continue;
    if (t.value === WINDOW_BREAK) {
      windowCut.hit = true;
      break;
    }
    if (OPEN.has(t.value)) depth++;
    else if (CLOSE.has(t.value)) {
      if (depth === 0) break;
      depth--;
    } else if (t.value === ',' && depth === 0) {
      add(i);
      from = i + 1;
      if (typeof need === 'number' ? args.length >= need : args[args.length - 1]?.name === need) return { args, end: i };
    }
  }
  add(i);
  return { args, end: i };
}

/** Index of the token closing the bracket opened at `open` (or tokens.length). */
export function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'op') continue;
    if (t.value === WINDOW_BREAK) return tokens.length;
    if (OPEN.has(t.value)) depth++;
    else if (CLOSE.has(t.value) && --depth === 0) return i;
  }
  return tokens.length;
}

export const isOp = (t: Token | undefined, value: string): boolean => t !== undefined && t.type === 'op' && t.value === value;
export const isId = (t: Token | undefined, value?: string): boolean =>
  t !== undefined && t.type === 'id' && (value === undefined || t.value === value);

/** Tokens that may wrap or trail a key without changing it: `{'x'}` in JSX, `('x')`, `'x' as const`, `'x'!`, `'x'.freeze`. */
function trim(tokens: Token[], from: number, to: number): [number, number] {
  for (;;) {
    if (
      to - from >= 3 &&
      ((isOp(tokens[from], '{') && isOp(tokens[to - 1], '}')) || (isOp(tokens[from], '(') && isOp(tokens[to - 1], ')')))
    ) {
      if (matchingClose(tokens, from) === to - 1) {
        from++;
        to--;
        continue;
      }
    }
    if (to - from >= 3 && isId(tokens[to - 2], 'as') && isId(tokens[to - 1], 'const')) {
      to -= 2;
      continue;
    }
    if (to - from >= 2 && isOp(tokens[to - 1], '!')) {
      to--;
      continue;
    }
    if (to - from >= 3 && isOp(tokens[to - 2], '.') && isId(tokens[to - 1], 'freeze')) {
      to -= 2;
      continue;
    }
    return [from, to];
  }
}

const PATH_SEPARATORS = new Set(['.', '::', '->', '?.']);

/**
 * The slot for the key held by tokens [from, to): a literal without substitutions, a same-file
 * constant (NAME, Obj.NAME, self::NAME) that holds one, or else dynamic (no `literal`).
 */
export function slotOf(
  kind: ReferenceKind,
  call: string,
  tokens: Token[],
  from: number,
  to: number,
  constants: Constants,
): Slot | undefined {
  if (to <= from) return undefined;
  const at = tokens[from];
  [from, to] = trim(tokens, from, to);
  const first = tokens[from];
  // Being typed: not a reference yet, but completion's slot.
  if (first.type === 'str' && !first.terminated) return { kind, call, at, written: first };
  if (to - from === 1 && first.type === 'str') {
    return first.interpolated ? { kind, call, at } : { kind, call, at, literal: first, written: first };
  }
  // A name path: id (sep id)*
  if (first.type === 'id' && (to - from) % 2 === 1) {
    const parts = [first.value];
    for (let i = from + 1; i < to; i += 2) {
      if (tokens[i].type !== 'op' || !PATH_SEPARATORS.has(tokens[i].value) || tokens[i + 1].type !== 'id') return { kind, call, at };
      parts.push(tokens[i + 1].value);
    }
    const literal = constants.resolve(parts);
    return literal ? { kind, call, at, literal, via: tokens[to - 1] } : { kind, call, at };
  }
  return { kind, call, at };
}

/** The receiver a method is called on: `posthog` in `posthog.capture(`, `this.posthog?.capture(`; '' when none; ')' after a call. */
export function receiverOf(tokens: Token[], i: number): string {
  const sep = tokens[i - 1];
  if (!sep || sep.type !== 'op' || !PATH_SEPARATORS.has(sep.value)) return '';
  const r = tokens[i - 2];
  if (!r) return '';
  return r.type === 'id' ? r.value : r.value === ')' || r.value === ']' ? ')' : '';
}
