/**
 * posthog-js, posthog-js/react, posthog-node and posthog-react-native calls in JavaScript and
 * TypeScript (JSX/TSX too). A file counts as PostHog code when it imports or requires a posthog
 * package or names `posthog`/`PostHog` (`usePostHog()`, the `posthog` global); in any other file a
 * same-named method (Optimizely's `isFeatureEnabled`, a project's `telemetry.capture`) is not ours.
 */
import { type Token } from '../lex/token';
import { Constants } from './constants';
import { isId, isOp, matchingClose, receiverOf, slotOf, splitArgs, WINDOW_BREAK, windowCut, type NameReader, type Slot } from './slots';
import { otherLibraryReceiver, mentionsPostHog } from './gate';

/** Flag calls whose first argument is the key. */
const FLAG_CALLS = new Set([
  'isFeatureEnabled',
  'getFeatureFlag',
  'getFeatureFlagPayload',
  'getFeatureFlagResult',
  'useFeatureFlagEnabled',
  'useFeatureFlagVariantKey',
  'useFeatureFlagPayload',
  'useFeatureFlag',
  'useFeatureFlagWithPayload',
  'useFeatureFlagResult',
  // posthog-node: the payload of a remote config flag, by its key
  'getRemoteConfigPayload',
]);
/** posthog-node 5: methods of the snapshot `evaluateFlags()` returns. */
const SNAPSHOT_CALLS = new Set(['isEnabled', 'getFlag', 'getFlagPayload']);

/** `name:` or `'name':` at the start of an object literal entry. */
const objectKey: NameReader = (tokens, from, to) => {
  const t = tokens[from];
  if (to - from >= 3 && (t.type === 'id' || t.type === 'str') && isOp(tokens[from + 1], ':')) return { name: t.value, value: from + 2 };
  return undefined;
};

/** `NAME =` at the start of an enum member. */
const enumKey: NameReader = (tokens, from, to) => {
  const t = tokens[from];
  if (to - from >= 3 && (t.type === 'id' || t.type === 'str') && isOp(tokens[from + 1], '=')) return { name: t.value, value: from + 2 };
  return undefined;
};

export function javascriptSlots(tokens: Token[]): Slot[] {
  if (!mentionsPostHog(tokens, importSources(tokens))) return [];
  const constants = collectConstants(tokens);
  const snapshots = snapshotNames(tokens);
  const slots: Slot[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id') continue;
    const name = t.value;
    if (name === 'PostHogFeature' && isOp(tokens[i - 1], '<')) {
      const slot = featureComponentSlot(tokens, i, constants);
      if (slot) slots.push(slot);
      continue;
    }
    const isFlag = FLAG_CALLS.has(name);
    const isSnapshot = SNAPSHOT_CALLS.has(name);
    if (!isFlag && !isSnapshot && name !== 'capture') continue;
    const open = openParen(tokens, i + 1);
    if (open < 0 || isDefinition(tokens, i, open)) continue;
    const receiver = receiverOf(tokens, i);
    if (otherLibraryReceiver(receiver)) continue;
    if (isSnapshot && !(snapshots.has(receiver) || (receiver === ')' && chainHasEvaluateFlags(tokens, i)))) continue;
    const first = splitArgs(tokens, open, undefined, tokens.length, 1).args[0];
    if (!first) continue;
    if (name === 'capture') {
      const slot = isOp(tokens[first.from], '{')
        ? eventProperty(tokens, first.from, constants)
        : slotOf('event', name, tokens, first.from, first.to, constants);
      if (slot) slots.push(slot);
      continue;
    }
    const slot = slotOf('flag', name, tokens, first.from, first.to, constants);
    if (slot) slots.push(slot);
  }
  return slots;
}

/** posthog-node's `capture({ distinctId, event: '...' })`. */
function eventProperty(tokens: Token[], open: number, constants: Constants): Slot | undefined {
  const { args } = splitArgs(tokens, open, objectKey, tokens.length, 'event');
  const event = args.find((a) => a.name === 'event');
  if (event) return slotOf('event', 'capture', tokens, event.value, event.to, constants);
  // `{ distinctId, event }`: the shorthand names the key, so that is where it is.
  const shorthand = args.find((a) => a.to - a.from === 1 && isId(tokens[a.from], 'event'));
  if (shorthand) return slotOf('event', 'capture', tokens, shorthand.from, shorthand.to, constants);
  return { kind: 'event', call: 'capture', at: tokens[open] };
}

/** `<PostHogFeature flag="key" ...>`: the `flag` attribute. */
function featureComponentSlot(tokens: Token[], i: number, constants: Constants): Slot | undefined {
  let depth = 0;
  for (let j = i + 1; j < tokens.length; j++) {
    const t = tokens[j];
    if (t.type === 'op') {
      if (t.value === WINDOW_BREAK) {
        windowCut.hit = true;
        return undefined;
      }
      if (t.value === '{') depth++;
      else if (t.value === '}') depth--;
      else if (depth === 0 && (t.value === '>' || t.value === '<')) return undefined;
      continue;
    }
    if (depth === 0 && isId(t, 'flag') && isOp(tokens[j + 1], '=')) {
      const from = j + 2;
      const to = isOp(tokens[from], '{') ? matchingClose(tokens, from) + 1 : from + 1;
      return slotOf('flag', 'PostHogFeature', tokens, from, Math.min(to, tokens.length), constants);
    }
  }
  return undefined;
}

/** Index of the `(` after a call name, past TypeScript type arguments (`useFeatureFlagPayload<Banner>(`); -1 if not a call. */
function openParen(tokens: Token[], j: number): number {
  if (isOp(tokens[j], '(')) return j;
  if (!isOp(tokens[j], '<')) return -1;
  let depth = 0;
  for (let k = j; k < tokens.length && k < j + 40; k++) {
    const v = tokens[k].value;
    if (tokens[k].type !== 'op') continue;
    if (v === '<') depth++;
    else if (v === '>' && --depth === 0) return isOp(tokens[k + 1], '(') ? k + 1 : -1;
    else if (v === ';' || v === '{' || v === ')') return -1;
  }
  return -1;
}

/** `function capture(...)`, a method `capture(event) {`, or a declared signature: not a call. */
function isDefinition(tokens: Token[], i: number, open: number): boolean {
  const prev = tokens[i - 1];
  if (isId(prev, 'function') || isId(prev, 'def')) return true;
  if (isOp(prev, '.') || isOp(prev, '?.')) return false;
  const after = tokens[matchingClose(tokens, open) + 1];
  // What follows the `)` lies past the window: read the whole file to know.
  if (isOp(after, WINDOW_BREAK)) windowCut.hit = true;
  // `capture(event) {` only defines; `capture(event: string): void` starts a line and has a return
  // type; after a modifier (`async getFeatureFlag(key: string): Promise<...> {`, `public
  // getFeatureFlagResult(...): R;`, an overload) a return type or a `;` declares it too.
  if (isOp(after, '{')) return true;
  if (prev?.type === 'id' && MODIFIERS.has(prev.value)) return isOp(after, ':') || isOp(after, ';');
  return isOp(after, ':') && tokens[i].newlineBefore;
}

/** Words that come before a method's name in a class body. */
const MODIFIERS = new Set(['async', 'static', 'public', 'private', 'protected', 'override', 'abstract', 'declare', 'get', 'set']);

/** Names given the snapshot from `evaluateFlags(...)`: `const flags = await posthog.evaluateFlags(...)`. */
function snapshotNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isId(tokens[i], 'evaluateFlags')) continue;
    for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
      if (isOp(tokens[j], '=') && tokens[j - 1]?.type === 'id') {
        names.add(tokens[j - 1].value);
        break;
      }
      if (isOp(tokens[j], ';') || isOp(tokens[j], '{') || isOp(tokens[j], '}')) break;
    }
  }
  return names;
}

/** `(await posthog.evaluateFlags(...)).isEnabled(`: the call before the method is evaluateFlags. */
function chainHasEvaluateFlags(tokens: Token[], i: number): boolean {
  for (let j = i - 2, n = 0; j >= 0 && n < 30; j--, n++) {
    if (isId(tokens[j], 'evaluateFlags')) return true;
    if (isOp(tokens[j], ';')) return false;
  }
  return false;
}

/** Module specifiers of `import ... from 'x'`, `import 'x'`, `require('x')`, `import('x')`. */
function importSources(tokens: Token[]): string[] {
  const sources: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'str') continue;
    const p = tokens[i - 1];
    if (isId(p, 'from') || isId(p, 'import') || (isOp(p, '(') && (isId(tokens[i - 2], 'require') || isId(tokens[i - 2], 'import'))))
      sources.push(t.value);
  }
  return sources;
}

function endsExpression(t: Token | undefined): boolean {
  return t === undefined || t.newlineBefore || isOp(t, ';') || isOp(t, ',') || isOp(t, ')') || isOp(t, '}') || isId(t, 'as');
}

function collectConstants(tokens: Token[]): Constants {
  const constants = new Constants();
  let assignments: Map<string, number> | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id') continue;
    // `let` says it changes: a key in one is dynamic. A `var` is how tsc's ES5 output writes a const.
    const binding = t.value === 'const' || t.value === 'var';
    if (binding && tokens[i + 1]?.type === 'id') {
      const name = tokens[i + 1].value;
      let eq = i + 2;
      if (isOp(tokens[eq], ':')) while (eq < tokens.length && eq < i + 12 && !isOp(tokens[eq], '=')) eq++;
      if (!isOp(tokens[eq], '=')) continue;
      const v = tokens[eq + 1];
      // A `var` counts as a constant if nothing assigns it again.
      if (v?.type === 'str' && endsExpression(tokens[eq + 2])) {
        if (t.value === 'const') constants.define(name, v);
        else if ((assignments ??= assignmentCounts(tokens)).get(name) === 1) constants.define(name, v, { wholeFile: true });
      } else if (t.value === 'const' && isOp(v, '{')) defineMembers(constants, name, tokens, eq + 1, objectKey);
    } else if (t.value === 'enum' && tokens[i + 1]?.type === 'id' && isOp(tokens[i + 2], '{')) {
      defineMembers(constants, tokens[i + 1].value, tokens, i + 2, enumKey);
    }
  }
  return constants;
}

/**
 * How many times each name is assigned (`x = `, `x += `, `x ??= `, `x++`, `--x`, a declaration's
 * `=` included), in one pass: a `var` assigned once, where it is declared, is a constant.
 */
function assignmentCounts(tokens: Token[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'id' || isOp(tokens[i - 1], '.') || isOp(tokens[i - 1], '?.')) continue;
    let assigned =
      (isOp(tokens[i - 1], '+') && isOp(tokens[i - 2], '+')) ||
      (isOp(tokens[i - 1], '-') && isOp(tokens[i - 2], '-')) ||
      (isOp(tokens[i + 1], '+') && isOp(tokens[i + 2], '+')) ||
      (isOp(tokens[i + 1], '-') && isOp(tokens[i + 2], '-'));
    if (!assigned) {
      let j = i + 1;
      while (j < i + 4 && tokens[j]?.type === 'op' && COMPOUND.has(tokens[j].value)) j++;
      assigned = isOp(tokens[j], '=');
    }
    if (assigned) counts.set(t.value, (counts.get(t.value) ?? 0) + 1);
  }
  return counts;
}

/** Operator characters of a compound assignment before its `=` (`+=`, `??=`, `>>>=`...). */
const COMPOUND = new Set(['+', '-', '*', '/', '%', '&', '|', '^', '?', '<', '>']);

function defineMembers(constants: Constants, owner: string, tokens: Token[], open: number, readName: NameReader): void {
  for (const arg of splitArgs(tokens, open, readName).args) {
    const v = tokens[arg.value];
    if (arg.name && v?.type === 'str' && arg.to - arg.value === 1) constants.define(`${owner}.${arg.name}`, v);
    else if (arg.name && v?.type === 'str' && arg.to - arg.value === 3 && isId(tokens[arg.value + 1], 'as'))
      constants.define(`${owner}.${arg.name}`, v);
  }
}
