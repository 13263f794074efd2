/** `posthog-mcp refs` without --json: what a person reads in a terminal or a CI log. */
import type { TreeScan } from '../code/types';
import type { RefsJson } from './refsCommand';
import type { StaleAnswer } from './tools/code';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Rows as aligned columns, two spaces apart; the last column is not padded. */
export function columns(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

function skippedLine(scan: TreeScan): string {
  const parts = Object.entries(scan.skipped)
    .filter(([reason, n]) => reason !== 'ignored' && n)
    .map(([reason, n]) => `${n} ${reason.replace('_', ' ')}`);
  return parts.length ? ` (skipped: ${parts.join(', ')})` : '';
}

export function formatRefsTable(out: RefsJson, scan: TreeScan, stale?: StaleAnswer): string {
  const flags = out.references.filter((r) => r.kind === 'flag').length;
  let text =
    `${plural(out.references.length, 'reference')} (${plural(flags, 'flag reference')}, ${plural(out.references.length - flags, 'event reference')})` +
    ` and ${plural(out.dynamic.length, 'dynamic call')} in ${plural(out.files, 'file')} under ${out.root}${skippedLine(scan)}\n`;
  if (out.references.length) {
    text +=
      '\n' +
      columns([['KIND', 'KEY', 'WHERE', 'CALL'], ...out.references.map((r) => [r.kind, r.key, `${r.file}:${r.line}:${r.column}`, r.call])]);
  }
  if (out.dynamic.length) {
    text += '\nDynamic keys (not a literal, so not checked):\n';
    text += columns(out.dynamic.map((d) => [d.kind, `${d.file}:${d.line}:${d.column}`, d.call]));
  }
  if (stale) {
    text += `\nFlags in PostHog (${stale.stale} of ${plural(stale.referenced_flags, 'referenced flag')} stale):\n`;
    if (stale.results.length) {
      text += columns([
        ['STATUS', 'KEY', 'USES', 'WHY'],
        ...stale.results.map((f) => [f.status, f.key, String(f.references.length), f.reason]),
      ]);
    }
    text += stale.unreferenced.length
      ? `\nUnreferenced (in PostHog over 30 days, used by no code here): ${stale.unreferenced.map((f) => f.key).join(', ')}\n`
      : '\nUnreferenced: none\n';
  }
  return text;
}
