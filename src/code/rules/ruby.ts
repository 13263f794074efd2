/**
 * posthog-ruby: `is_feature_enabled`, `get_feature_flag`, `get_feature_flag_payload` (key first,
 * with or without parentheses) and `capture(... event: '...')` (keyword, `:event =>` or a hash
 * argument). The file must name PostHog (`require 'posthog'`, `PostHog::Client`, `$posthog`).
 */
import { type Token } from '../lex/token';
import { Constants, looksConstant } from './constants';
import { mentionsPostHog, otherLibraryReceiver } from './gate';
import { isId, isOp, receiverOf, slotOf, splitArgs, WINDOW_BREAK, windowCut, type Arg, type NameReader, type Slot } from './slots';

const FLAG_CALLS = new Set([
  'is_feature_enabled',
  'feature_enabled?',
  'get_feature_flag',
  'get_feature_flag_payload',
  'get_remote_config_payload',
]);
const BLOCK_WORDS = new Set(['do', 'if', 'unless', 'then', 'and', 'or', 'while', 'until', 'rescue']);

/** `event:`, `:event =>`, `'event' =>` at the start of a hash entry or keyword argument. */
const hashKey: NameReader = (tokens, from, to) => {
  const t = tokens[from];
  if (to - from >= 3 && t.type === 'id' && isOp(tokens[from + 1], ':')) return { name: t.value, value: from + 2 };
  if (to - from >= 4 && isOp(t, ':') && tokens[from + 1].type === 'id' && isOp(tokens[from + 2], '=>'))
    return { name: tokens[from + 1].value, value: from + 3 };
  if (to - from >= 3 && t.type === 'str' && isOp(tokens[from + 1], '=>')) return { name: t.value, value: from + 2 };
  if (to - from === 2 && t.type === 'id' && isOp(tokens[from + 1], ':')) return { name: t.value, value: to }; // Ruby 3.1 `event:` shorthand
  return undefined;
};

export function rubySlots(tokens: Token[]): Slot[] {
  if (!mentionsPostHog(tokens, requires(tokens))) return [];
  const constants = collectConstants(tokens);
  const slots: Slot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id') continue;
    const isFlag = FLAG_CALLS.has(t.value);
    if (!isFlag && t.value !== 'capture') continue;
    if (isId(tokens[i - 1], 'def') || otherLibraryReceiver(receiverOf(tokens, i))) continue;
    const args = callArgs(tokens, i);
    if (!args || args.length === 0) continue;
    let slot: Slot | undefined;
    if (isFlag) {
      const arg = args.find((a) => a.name === 'key' || a.name === 'flag_key') ?? args.find((a) => a.name === undefined);
      slot = arg ? slotOf('flag', t.value, tokens, arg.value, arg.to, constants) : undefined;
    } else {
      const entries = args.length === 1 && isOp(tokens[args[0].from], '{') ? splitArgs(tokens, args[0].from, hashKey).args : args;
      const arg = entries.find((a) => a.name === 'event');
      slot = arg
        ? slotOf('event', t.value, tokens, arg.value, arg.to, constants)
        : { kind: 'event', call: t.value, at: tokens[args[0].from] };
    }
    if (slot) slots.push(slot);
  }
  return slots;
}

/** The arguments of the call named at i: in parentheses, or without them up to the line's end. */
function callArgs(tokens: Token[], i: number): Arg[] | undefined {
  const next = tokens[i + 1];
  if (!next || next.newlineBefore) return undefined;
  if (isOp(next, '(') && next.start === tokens[i].end) return splitArgs(tokens, i + 1, hashKey).args;
  if (next.type === 'op' && !['(', '{', ':', '['].includes(next.value)) return undefined;
  if (next.type === 'id' && BLOCK_WORDS.has(next.value)) return undefined;
  let depth = 0;
  let end = i + 1;
  for (; end < tokens.length; end++) {
    const t = tokens[end];
    if (isOp(t, WINDOW_BREAK)) {
      windowCut.hit = true;
      break;
    }
    if (depth === 0 && end > i + 1 && t.newlineBefore && !isOp(tokens[end - 1], ',')) break;
    if (t.type === 'op') {
      if (t.value === '(' || t.value === '[' || t.value === '{') depth++;
      else if (t.value === ')' || t.value === ']' || t.value === '}') {
        if (depth === 0) break;
        depth--;
      }
    } else if (depth === 0 && t.type === 'id' && BLOCK_WORDS.has(t.value)) break;
  }
  return splitArgs(tokens, i, hashKey, end).args;
}

function requires(tokens: Token[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++)
    if (tokens[i].type === 'str' && (isId(tokens[i - 1], 'require') || isOp(tokens[i - 1], '('))) out.push(tokens[i].value);
  return out;
}

/** `NAME = 'x'` (Ruby constants start with a capital), `.freeze` allowed; also `Owner::NAME` inside `class/module Owner`. */
function collectConstants(tokens: Token[]): Constants {
  const constants = new Constants();
  let owner = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id') continue;
    if ((t.value === 'class' || t.value === 'module') && tokens[i + 1]?.type === 'id') owner = tokens[i + 1].value;
    if (!t.newlineBefore || !looksConstant(t.value) || !isOp(tokens[i + 1], '=')) continue;
    const v = tokens[i + 2];
    if (v?.type !== 'str') continue;
    let after = i + 3;
    if (isOp(tokens[after], '.') && isId(tokens[after + 1], 'freeze')) after += 2;
    if (tokens[after] && !tokens[after].newlineBefore && !isOp(tokens[after], ';')) continue;
    constants.define(t.value, v);
    if (owner) constants.define(`${owner}.${t.value}`, v);
  }
  return constants;
}
