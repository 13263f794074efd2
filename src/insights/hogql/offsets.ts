/**
 * PostHog's HogQLMetadata reports error spans as code point offsets into the query (Python string
 * indexes); VS Code counts UTF-16 units. These convert one to the other, as PostHog's own editor
 * does for Monaco.
 */
export function codePointToUtf16(text: string, codePointOffset: number): number {
  let units = 0;
  let points = 0;
  for (const ch of text) {
    if (points >= codePointOffset) break;
    units += ch.length;
    points++;
  }
  return units;
}

/**
 * A metadata span as a UTF-16 [start, end) range within the text: reversed pairs are swapped (as
 * PostHog does); a missing span covers the whole text; an empty span is widened to one character
 * (or the last one at the end) so the squiggle shows.
 */
export function spanToRange(
  text: string,
  start: number | null | undefined,
  end: number | null | undefined,
): { start: number; end: number } {
  if (typeof start !== 'number' || typeof end !== 'number') return { start: 0, end: text.length };
  let a = codePointToUtf16(text, Math.max(0, Math.min(start, end)));
  let b = codePointToUtf16(text, Math.max(0, Math.max(start, end)));
  if (a === b) {
    if (b < text.length) b = a + 1;
    else if (a > 0) a = b - 1;
  }
  return { start: a, end: b };
}
