/**
 * The JSON-RPC messages in a Server-Sent Events body (an MCP Streamable HTTP answer): each event's
 * `data:` lines joined, parsed; events that are not JSON (keep-alives, comments) are skipped.
 */
export function sseMessages(text: string): unknown[] {
  const out: unknown[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''))
      .join('\n');
    if (!data.trim()) continue;
    try {
      out.push(JSON.parse(data));
    } catch {
      /* not a message */
    }
  }
  return out;
}
