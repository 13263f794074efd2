/**
 * posthog-go: a flag key is the `Key` of a `posthog.FeatureFlagPayload{...}` (given to
 * IsFeatureEnabled, GetFeatureFlag, GetFeatureFlagPayload), the first argument of
 * GetRemoteConfigPayload, or of IsEnabled/GetFlag/GetFlagPayload on the snapshot EvaluateFlags
 * returns; an event is the `Event` of a `posthog.Capture{...}`. The package must be imported
 * (under its own name or an alias).
 */
import { type Token } from '../lex/token';
import { Constants } from './constants';
import { isId, isOp, receiverOf, slotOf, splitArgs, type NameReader, type Slot } from './slots';

const STRUCTS: Record<string, { kind: Slot['kind']; field: string }> = {
  FeatureFlagPayload: { kind: 'flag', field: 'Key' },
  Capture: { kind: 'event', field: 'Event' },
};

/** Methods whose first argument is a flag key: the client's, and the EvaluateFlags snapshot's. */
const CLIENT_FLAG_CALLS = new Set(['GetRemoteConfigPayload']);
const SNAPSHOT_CALLS = new Set(['IsEnabled', 'GetFlag', 'GetFlagPayload']);

const field: NameReader = (tokens, from, to) =>
  to - from >= 3 && tokens[from].type === 'id' && isOp(tokens[from + 1], ':') ? { name: tokens[from].value, value: from + 2 } : undefined;

export function goSlots(tokens: Token[]): Slot[] {
  const alias = posthogImport(tokens);
  if (!alias) return [];
  const constants = collectConstants(tokens);
  const snapshots = snapshotNames(tokens);
  const slots: Slot[] = [];
  for (let i = 2; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'id' && isOp(tokens[i - 1], '.') && isOp(tokens[i + 1], '(')) {
      const snapshot = SNAPSHOT_CALLS.has(t.value) && snapshots.has(receiverOf(tokens, i));
      if (!snapshot && !CLIENT_FLAG_CALLS.has(t.value)) continue;
      const first = splitArgs(tokens, i + 1, undefined, tokens.length, 1).args[0];
      const slot = first && slotOf('flag', t.value, tokens, first.from, first.to, constants);
      if (slot) slots.push(slot);
      continue;
    }
    const struct = t.type === 'id' ? STRUCTS[t.value] : undefined;
    if (!struct || !isOp(tokens[i - 1], '.') || !isId(tokens[i - 2], alias) || !isOp(tokens[i + 1], '{')) continue;
    const call = `${alias}.${t.value}`;
    const { args } = splitArgs(tokens, i + 1, field, tokens.length, struct.field);
    const arg = args.find((a) => a.name === struct.field);
    const slot = arg ? slotOf(struct.kind, call, tokens, arg.value, arg.to, constants) : { kind: struct.kind, call, at: t };
    if (slot) slots.push(slot);
  }
  return slots;
}

/** Names given the snapshot `x, err := client.EvaluateFlags(...)` (or EvaluateFlagsWithContext) returns. */
function snapshotNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isId(tokens[i], 'EvaluateFlags') && !isId(tokens[i], 'EvaluateFlagsWithContext')) continue;
    for (let j = i - 1; j >= 1 && j >= i - 8; j--) {
      if (isOp(tokens[j], ':=') || isOp(tokens[j], '=')) {
        // `flags, err :=` or `flags :=`: the first name on the left.
        let k = j - 1;
        while (k >= 2 && isOp(tokens[k - 1], ',') && tokens[k - 2].type === 'id') k -= 2;
        if (tokens[k]?.type === 'id') names.add(tokens[k].value);
        break;
      }
      if (tokens[j].newlineBefore) break;
    }
  }
  return names;
}

/** The name posthog-go is imported under ("posthog" unless aliased), or '' when the file does not import it. */
function posthogImport(tokens: Token[]): string {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'str' && /^github\.com\/posthog\/posthog-go(?:\/v\d+)?$/i.test(t.value)) {
      const prev = tokens[i - 1];
      return prev?.type === 'id' && prev.value !== 'import' && !t.newlineBefore ? prev.value : 'posthog';
    }
  }
  return '';
}

/** `const NAME = "x"`, `const NAME Type = "x"`, and the same inside `const ( ... )`. */
function collectConstants(tokens: Token[]): Constants {
  const constants = new Constants();
  for (let i = 0; i < tokens.length; i++) {
    if (!isId(tokens[i], 'const')) continue;
    if (isOp(tokens[i + 1], '(')) {
      for (let j = i + 2; j < tokens.length && !isOp(tokens[j], ')'); j++) defineAt(constants, tokens, j);
    } else defineAt(constants, tokens, i + 1);
  }
  return constants;
}

function defineAt(constants: Constants, tokens: Token[], j: number): void {
  const name = tokens[j];
  if (name?.type !== 'id') return;
  const eq = isOp(tokens[j + 1], '=') ? j + 1 : isOp(tokens[j + 2], '=') && tokens[j + 1].type === 'id' ? j + 2 : -1;
  const v = tokens[eq + 1];
  if (eq < 0 || v?.type !== 'str') return;
  const next = tokens[eq + 2];
  if (!next || next.newlineBefore || isOp(next, ';') || isOp(next, ')')) constants.define(name.value, v);
}
