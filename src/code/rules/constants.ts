/**
 * Same-file string constants (`const FLAG = 'new-nav'`, `FLAG = "x"`, `define('FLAG', 'x')`, an
 * object or enum member `Flags.NEW_NAV`): each language's rule collects them, and a key written as
 * one of these names resolves to its literal. A name defined twice with different values resolves
 * to nothing (dynamic): the scanner never guesses.
 */
import { type Token } from '../lex/token';
import { windowCut } from './slots';

const CONSTANT_CASE = /^[A-Z][A-Z0-9_]*$/;
const QUALIFIERS = new Set(['self', 'static', 'this', 'cls']);

export class Constants {
  private readonly byPath = new Map<string, Token | null>();
  /** Names whose definition holds only if nothing else in the file assigns them (a `var`). */
  private readonly needWholeFile = new Set<string>();

  /**
   * `wholeFile`: the name is a constant only because nothing in the file assigns it again; an
   * assignment may lie outside the lexing windows, so a key resolved through it makes the scan
   * read the whole file (windowCut) before it is trusted.
   */
  define(path: string, literal: Token, options: { wholeFile?: boolean } = {}): void {
    if (literal.type !== 'str' || literal.interpolated || !literal.terminated) return;
    if (options.wholeFile) this.needWholeFile.add(path);
    const had = this.byPath.get(path);
    if (had === undefined) this.byPath.set(path, literal);
    else if (had !== null && had.value !== literal.value) this.byPath.set(path, null);
  }

  get size(): number {
    return this.byPath.size;
  }

  /** The literal a name path refers to: the full path, then without `self`/`this`, then a CONSTANT_CASE last segment (a class constant). */
  resolve(parts: string[]): Token | undefined {
    const path = parts.join('.');
    const full = this.byPath.get(path);
    if (full && this.needWholeFile.has(path)) windowCut.hit = true;
    if (full !== undefined) return full ?? undefined;
    if (parts.length > 1 && QUALIFIERS.has(parts[0])) return this.resolve(parts.slice(1));
    const last = parts[parts.length - 1];
    if (parts.length > 1 && CONSTANT_CASE.test(last)) return this.byPath.get(last) ?? undefined;
    return undefined;
  }
}

export const looksConstant = (name: string): boolean => CONSTANT_CASE.test(name);
