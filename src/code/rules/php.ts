/**
 * posthog-php: `PostHog::isFeatureEnabled`, `PostHog::getFeatureFlag`, `PostHog::getFeatureFlagPayload`
 * (key first, or the named argument `key:`) and `PostHog::capture(['event' => '...'])` (or
 * `array(...)`). The file must name PostHog (`use PostHog\PostHog;`, `PostHog::`, a `$posthog` client).
 */
import { type Token } from '../lex/token';
import { Constants } from './constants';
import { mentionsPostHog, otherLibraryReceiver } from './gate';
import { isId, isOp, receiverOf, slotOf, splitArgs, type NameReader, type Slot } from './slots';

const FLAG_CALLS = new Set(['isFeatureEnabled', 'getFeatureFlag', 'getFeatureFlagPayload']);

/** `'event' =>` in an array, or a named argument `key:`. */
const arrayKey: NameReader = (tokens, from, to) => {
  const t = tokens[from];
  if (to - from >= 3 && t.type === 'str' && isOp(tokens[from + 1], '=>')) return { name: t.value, value: from + 2 };
  if (to - from >= 3 && t.type === 'id' && isOp(tokens[from + 1], ':')) return { name: t.value, value: from + 2 };
  return undefined;
};

export function phpSlots(tokens: Token[]): Slot[] {
  if (!mentionsPostHog(tokens)) return [];
  const constants = collectConstants(tokens);
  const slots: Slot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id' || !isOp(tokens[i + 1], '(')) continue;
    const isFlag = FLAG_CALLS.has(t.value);
    if (!isFlag && t.value !== 'capture') continue;
    if (isId(tokens[i - 1], 'function') || otherLibraryReceiver(receiverOf(tokens, i).replace(/^\$/, ''))) continue;
    const { args } = splitArgs(tokens, i + 1, arrayKey, tokens.length, isFlag ? Infinity : 1);
    if (args.length === 0) continue;
    let slot: Slot | undefined;
    if (isFlag) {
      const arg = args.find((a) => a.name === 'key') ?? args.find((a) => a.name === undefined);
      slot = arg ? slotOf('flag', t.value, tokens, arg.value, arg.to, constants) : undefined;
    } else {
      const first = args[0];
      const open = isOp(tokens[first.from], '[')
        ? first.from
        : isId(tokens[first.from], 'array') && isOp(tokens[first.from + 1], '(')
          ? first.from + 1
          : -1;
      const entry = open >= 0 ? splitArgs(tokens, open, arrayKey, tokens.length, 'event').args.find((a) => a.name === 'event') : undefined;
      slot = entry
        ? slotOf('event', t.value, tokens, entry.value, entry.to, constants)
        : { kind: 'event', call: t.value, at: tokens[first.from] };
    }
    if (slot) slots.push(slot);
  }
  return slots;
}

/** `const NAME = 'x';` (global or class constant) and `define('NAME', 'x')`. */
function collectConstants(tokens: Token[]): Constants {
  const constants = new Constants();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (
      isId(t, 'const') &&
      tokens[i + 1]?.type === 'id' &&
      isOp(tokens[i + 2], '=') &&
      tokens[i + 3]?.type === 'str' &&
      isOp(tokens[i + 4], ';')
    ) {
      constants.define(tokens[i + 1].value, tokens[i + 3]);
    } else if (
      isId(t, 'define') &&
      isOp(tokens[i + 1], '(') &&
      tokens[i + 2]?.type === 'str' &&
      isOp(tokens[i + 3], ',') &&
      tokens[i + 4]?.type === 'str' &&
      isOp(tokens[i + 5], ')')
    ) {
      constants.define(tokens[i + 2].value, tokens[i + 4]);
    }
  }
  return constants;
}
