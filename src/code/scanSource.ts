/**
 * One source text's PostHog references: the language from the file's extension, its lexer (no
 * comments, strings as strings), its rules (which calls, which argument), then positions.
 */
import { languageOf } from './languages';
import { LineIndex } from './lineIndex';
import { type Token } from './lex/token';
import { type Slot } from './rules/slots';
import { type CodeReference, type DynamicReference, type KeySlot, type SourceScan } from './types';

/** Every PostHog flag and event reference in `text`; `file` names it in the results and picks the language. */
export function scanSource(text: string, file: string): SourceScan {
  const support = languageOf(file);
  if (!support || !support.candidate.test(text)) return { references: [], dynamic: [] };
  const slots = support.slots(support.lex(text));
  const references: CodeReference[] = [];
  const dynamic: DynamicReference[] = [];
  if (slots.length === 0) return { references, dynamic };
  const lines = new LineIndex(text);
  const { language } = support;
  for (const slot of slots) {
    if (slot.literal) {
      const { line, column } = lines.position(openingQuote(text, slot.literal));
      const ref: CodeReference = {
        kind: slot.kind,
        key: slot.literal.value,
        file,
        line,
        column,
        call: slot.call,
        language,
        start: slot.literal.contentStart,
        end: slot.literal.contentEnd,
      };
      if (slot.via) {
        const use = lines.position(slot.via.start);
        ref.constant = { name: slot.via.value, line: use.line, column: use.column };
      }
      references.push(ref);
    } else {
      const { line, column } = lines.position(slot.at.start);
      dynamic.push({ kind: slot.kind, file, line, column, call: slot.call, language });
    }
  }
  references.sort((a, b) => a.line - b.line || a.column - b.column || (a.constant?.line ?? 0) - (b.constant?.line ?? 0));
  dynamic.sort((a, b) => a.line - b.line || a.column - b.column);
  return { references, dynamic };
}

/**
 * The string-literal slot around `offset` where a flag key or event name goes, while it is being
 * typed (the literal may be unterminated): what completion needs. Undefined anywhere else.
 */
export function keySlotAt(text: string, file: string, offset: number): KeySlot | undefined {
  const support = languageOf(file);
  if (!support) return undefined;
  const slots: Slot[] = support.slots(support.lex(text));
  for (const slot of slots) {
    const w = slot.written;
    if (!w || w.interpolated || offset < w.contentStart || offset > w.contentEnd) continue;
    return { kind: slot.kind, call: slot.call, prefix: text.slice(w.contentStart, offset), start: w.contentStart, end: w.contentEnd };
  }
  return undefined;
}

/** Offset of a literal's opening quote (past a prefix such as Python's f or r). */
function openingQuote(text: string, t: Token): number {
  for (let i = t.start; i < t.contentStart; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') return i;
  }
  return t.start;
}
