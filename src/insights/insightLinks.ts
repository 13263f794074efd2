/**
 * Insight links in tool results, and the extension's own insight URI: which text is an insight
 * (a PostHog insight URL, or a `short_id` field's value) and which insight an
 * `…://<extension id>/insight?id=<id or short_id>` link names. Plain text in, plain data out: the
 * VS Code glue (src/vscode/insights/insightLinks.ts) turns these into links and opens the panel.
 */

/** An insight by its numeric id or its short id (the one in its PostHog URL). */
export type InsightTarget = { id: number } | { shortId: string };

/** PostHog's `generate_short_id`: 8 characters of [A-Za-z0-9]. */
const SHORT_ID = /^[A-Za-z0-9]{8}$/;
const MAX_ID = 2 ** 31 - 1;

/** The URI path the extension's URI handler opens an insight for. */
export const INSIGHT_URI_PATH = '/insight';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** A link's insight id, checked like any input: a positive integer or a short id. */
export function parseInsightId(raw: string | null | undefined): Parsed<InsightTarget> {
  const v = (raw ?? '').trim();
  if (!v) return { ok: false, error: 'The link names no insight: add ?id=<insight id or short id>.' };
  if (/^\d+$/.test(v)) {
    const id = Number(v);
    if (id >= 1 && id <= MAX_ID) return { ok: true, value: { id } };
  } else if (SHORT_ID.test(v)) return { ok: true, value: { shortId: v } };
  const shown = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return {
    ok: false,
    error: `"${shown}" is not an insight id: the link needs a numeric id (like 42) or an insight's 8-character short id (like aB3dE6fG, from its PostHog URL).`,
  };
}

/** The insight an extension URI (`path`, `query` as vscode.Uri gives them) names. */
export function parseInsightUri(path: string, query: string): Parsed<InsightTarget> {
  if (path.replace(/\/+$/, '') !== INSIGHT_URI_PATH) {
    return {
      ok: false,
      error: `PostHog cannot open "${path || '/'}": the extension's links open an insight, as /insight?id=<id or short id>.`,
    };
  }
  return parseInsightId(new URLSearchParams(query).get('id'));
}

/** The command argument that opens this insight (posthog.insights.open). */
export function insightCommandArg(t: InsightTarget): { insight_id: number } | { short_id: string } {
  return 'id' in t ? { insight_id: t.id } : { short_id: t.shortId };
}

export interface InsightLink {
  /** Offsets in the text: the URL, or the short id inside its quotes. */
  start: number;
  end: number;
  target: InsightTarget;
}

// `https://us.posthog.com/project/1/insights/aB3dE6fG` (or `/edit`, `?…`): any host, since PostHog is self-hosted too.
const INSIGHT_URL = /\bhttps?:\/\/[^\s"'<>()]+?\/project\/\d+\/insights\/([A-Za-z0-9]+)(?=[/?#"'\s<>),]|$)[^\s"'<>()]*/g;
// `"short_id": "aB3dE6fG"` (an insight's) and `"insight_short_id": "…"` (an annotation's insight).
const SHORT_ID_FIELD = /"(?:insight_)?short_id"\s*:\s*"([A-Za-z0-9]{8})"/g;

/** Every insight link in a text (a tool result's JSON), in order. */
export function findInsightLinks(text: string): InsightLink[] {
  const out: InsightLink[] = [];
  for (const m of text.matchAll(INSIGHT_URL)) {
    const target = parseInsightId(m[1]);
    if (target.ok) out.push({ start: m.index, end: m.index + m[0].length, target: target.value });
  }
  for (const m of text.matchAll(SHORT_ID_FIELD)) {
    const start = m.index + m[0].lastIndexOf(m[1]);
    out.push({ start, end: start + m[1].length, target: { shortId: m[1] } });
  }
  return out.sort((a, b) => a.start - b.start);
}
