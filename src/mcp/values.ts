/** The small value helpers the MCP layer shares: PostHog's JSON objects, the plain-object check, the text clipper. */

/** A JSON object as PostHog sends it (a row of a list, an answer): read field by field. */
export type Row = Record<string, unknown>;

/** An object that is not an array (nor null): a JSON object. */
export function isPlainObject(v: unknown): v is Row {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The first `max` characters and "…" when the text is longer: echoed input and long values stay short. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
