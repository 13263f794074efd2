/**
 * posthog-python calls: `feature_enabled`, `get_feature_flag`, `get_feature_flag_payload` (key first
 * or `key=`), and `capture` in both signatures: before 6.0 `capture(distinct_id, event, ...)`, since
 * 6.0 `capture(event, distinct_id=...)`, or `event=` as a keyword. The file must name PostHog
 * (`import posthog`, `from posthog import Posthog`, a `posthog` client).
 */
import { type Token } from '../lex/token';
import { Constants, looksConstant } from './constants';
import { mentionsPostHog, otherLibraryReceiver } from './gate';
import { isId, isOp, receiverOf, slotOf, splitArgs, type NameReader, type Slot } from './slots';

const FLAG_CALLS = new Set([
  'feature_enabled',
  'is_feature_enabled',
  'get_feature_flag',
  'get_feature_flag_payload',
  'get_feature_flag_result',
  'get_remote_config_payload',
]);

/** `name=` (not `==`) at the start of an argument. */
const keyword: NameReader = (tokens, from, to) =>
  to - from >= 3 && tokens[from].type === 'id' && isOp(tokens[from + 1], '=') ? { name: tokens[from].value, value: from + 2 } : undefined;

export function pythonSlots(tokens: Token[]): Slot[] {
  if (!mentionsPostHog(tokens)) return [];
  const constants = collectConstants(tokens);
  const ownMethods = new Set(tokens.filter((t, i) => t.type === 'id' && isId(tokens[i - 1], 'def')).map((t) => t.value));
  const slots: Slot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id' || !isOp(tokens[i + 1], '(')) continue;
    const isFlag = FLAG_CALLS.has(t.value);
    if (!isFlag && t.value !== 'capture') continue;
    const receiver = receiverOf(tokens, i);
    if (isId(tokens[i - 1], 'def') || otherLibraryReceiver(receiver)) continue;
    // self.capture(...) where this file defines capture: the project's own method, not the SDK's.
    if ((receiver === 'self' || receiver === 'cls') && ownMethods.has(t.value)) continue;
    const { args } = splitArgs(tokens, i + 1, keyword);
    const named = args.find((a) => a.name === (isFlag ? 'key' : 'event'));
    const positional = args.filter((a) => a.name === undefined && !isOp(tokens[a.from], '*') && !isOp(tokens[a.from], '**'));
    // capture: one positional argument is the event (6.0+); two or more, the second (distinct_id first).
    const arg = named ?? (isFlag ? positional[0] : positional.length >= 2 ? positional[1] : positional[0]);
    if (!arg) continue;
    const slot = slotOf(isFlag ? 'flag' : 'event', t.value, tokens, arg.value, arg.to, constants);
    if (slot) slots.push(slot);
  }
  return slots;
}

/** `NAME = "literal"` on its own line (module or class level; CONSTANT_CASE, as PEP 8 writes constants). */
function collectConstants(tokens: Token[]): Constants {
  const constants = new Constants();
  let owner = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id' || !t.newlineBefore) continue;
    if (t.value === 'class' && tokens[i + 1]?.type === 'id') owner = tokens[i + 1].value;
    if (!looksConstant(t.value)) continue;
    let eq = i + 1;
    if (isOp(tokens[eq], ':')) while (eq < tokens.length && eq < i + 8 && !isOp(tokens[eq], '=')) eq++;
    const v = tokens[eq + 1];
    if (!isOp(tokens[eq], '=') || v?.type !== 'str') continue;
    const next = tokens[eq + 2];
    if (next && !next.newlineBefore && !isOp(next, ';')) continue;
    constants.define(t.value, v);
    if (owner) constants.define(`${owner}.${t.value}`, v);
  }
  return constants;
}
