/** Finding the key slot at the cursor cheaply enough for every keystroke. */
import type { KeySlot } from '../../../code/types';

/** Every SDK name a key slot can follow (issue 12 §1): no completion is looked for away from one. */
const SLOT_CALLS =
  /isFeatureEnabled|getFeatureFlag|getFeatureFlagPayload|useFeatureFlag|PostHogFeature|isEnabled|getFlag|feature_enabled|get_feature_flag|is_feature_enabled|FeatureFlagPayload|Key\s*:|capture|Capture|Event\s*:|event/;
/** How far before the cursor the call's name may be (a multi-line call's key on a later line). */
const SLOT_LOOKBEHIND = 400;

/**
 * The key slot at the cursor, without scanning the whole document on every keystroke: nothing
 * unless an SDK name is near before the cursor, and the text scanned ends with the cursor's line
 * (what follows cannot make it a slot).
 */
export function keySlotNear(
  scanner: { keySlotAt(text: string, file: string, offset: number): KeySlot | undefined },
  text: string,
  file: string,
  offset: number,
): KeySlot | undefined {
  if (!SLOT_CALLS.test(text.slice(Math.max(0, offset - SLOT_LOOKBEHIND), offset))) return undefined;
  const lineEnd = text.indexOf('\n', offset);
  const upToLine = lineEnd < 0 ? text : text.slice(0, lineEnd);
  if (offset <= WINDOW_AFTER_HEAD) return scanner.keySlotAt(upToLine, file, offset);
  // Deep in a long file: the head (where the SDK is imported) and the lines just before the
  // cursor, both cut at line starts, stand for the whole; offsets are mapped back.
  const headEnd = upToLine.lastIndexOf('\n', HEAD_CHARS) + 1;
  const windowStart = upToLine.lastIndexOf('\n', offset - SLOT_LOOKBEHIND * 4) + 1;
  if (windowStart <= headEnd) return scanner.keySlotAt(upToLine, file, offset);
  const shift = windowStart - headEnd;
  const slot = scanner.keySlotAt(upToLine.slice(0, headEnd) + upToLine.slice(windowStart), file, offset - shift);
  return slot && { ...slot, start: slot.start + shift, end: slot.end + shift };
}

/** The file's first characters (imports), and how far in a file is scanned whole. */
const HEAD_CHARS = 6_000;
const WINDOW_AFTER_HEAD = 12_000;
