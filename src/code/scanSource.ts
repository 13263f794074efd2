/**
 * One source text's PostHog references: the language from the file's extension, its lexer (no
 * comments, strings as strings), its rules (which calls, which argument), then positions.
 */
import { languageOf } from './languages';
import { LineIndex } from './lineIndex';
import { type Token } from './lex/token';
import { type Slot, windowCut } from './rules/slots';
import { type CodeReference, type DynamicReference, type KeySlot, type SourceScan } from './types';

/** Every PostHog flag and event reference in `text`; `file` names it in the results and picks the language. */
export function scanSource(text: string, file: string): SourceScan {
  const support = languageOf(file);
  if (!support || !support.candidate.test(text)) return { references: [], dynamic: [] };
  windowCut.hit = false;
  let slots = support.slots(support.lex(text, windowsOf(text)));
  // A key that is not a literal may be a constant defined outside the windows, and a call may run
  // past its window: then read the whole file.
  if (windowCut.hit || slots.some((s) => !s.literal)) slots = support.slots(support.lex(text));
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
        key: detached(slot.literal.value),
        file,
        line,
        column,
        call: detached(slot.call),
        language,
        start: slot.literal.contentStart,
        end: slot.literal.contentEnd,
      };
      if (slot.via) {
        const use = lines.position(slot.via.start);
        ref.constant = { name: detached(slot.via.value), line: use.line, column: use.column };
      }
      references.push(ref);
    } else {
      const { line, column } = lines.position(slot.at.start);
      dynamic.push({ kind: slot.kind, file, line, column, call: detached(slot.call), language });
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

/** Call names, their receivers' and hooks' neighbours, and every mention of PostHog (the file's gate). */
const INTEREST =
  /isFeatureEnabled|getFeatureFlag|useFeatureFlag|PostHogFeature|isEnabled|getFlag|evaluateFlags|RemoteConfigPayload|remote_config_payload|capture|feature_enabled|get_feature_flag|FeatureFlagPayload|Capture|posthog/gi;
/**
 * How far around a match tokens are kept: a receiver before a call name, its first arguments after
 * it (a list running past the window makes the rules read the whole file: windowCut; the first
 * token past a window is kept too, see Cursor). A mention of PostHog inside a string is a module
 * path (`from '../lib/posthog'`, `require("posthog-node")`): its window starts before the string's
 * opening quote, where the import is. Wider windows cost tokens: in the bench's workspace, calling
 * PostHog every 20 lines, 100/500 kept four fifths of all text, 40/160 with 100 before every
 * mention half of it.
 */
const BEFORE = 40;
const AFTER = 80;
const POSTHOG_AFTER = 16;
/** How far back on its line a mention's opening quote is looked for. */
const QUOTE_LOOKBACK = 200;

/**
 * The stretches of text worth tokenizing: around each call name and each mention of PostHog.
 * The lexer still reads every character (so comments and strings are never mistaken for code),
 * but keeps tokens only inside these, which is most of a scan's cost in a large file.
 */
function windowsOf(text: string): number[] {
  const out: number[] = [];
  INTEREST.lastIndex = 0;
  for (let m = INTEREST.exec(text); m; m = INTEREST.exec(text)) {
    const mention = m[0].length === 7 && m[0].toLowerCase() === 'posthog';
    const start = Math.max(0, (mention ? quoteBefore(text, m.index) : m.index) - BEFORE);
    const end = m.index + m[0].length + (mention ? POSTHOG_AFTER : AFTER);
    if (out.length && start <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], end);
    else out.push(start, end);
  }
  return out;
}

/** The offset of the last quote before `at` on its line (a string `at` may be in), else `at`. */
function quoteBefore(text: string, at: number): number {
  for (let i = at - 1, stop = Math.max(0, at - QUOTE_LOOKBACK); i >= stop; i--) {
    const c = text.charCodeAt(i);
    if (c === 39 /* ' */ || c === 34 /* " */ || c === 96 /* ` */) return i;
    if (c === 10 /* \n */) return at;
  }
  return at;
}

/**
 * A string cut from the file's text, copied. V8 keeps a slice of 13 characters or more as a view
 * into the whole text, so an index holding keys and call names would hold every file it read.
 */
function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Offset of a literal's opening quote (past a prefix such as Python's f or r). */
function openingQuote(text: string, t: Token): number {
  for (let i = t.start; i < t.contentStart; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') return i;
  }
  return t.start;
}
