/** CSV and JSON exports of a query result: what "Export CSV" / "Export JSON" in the results panel write. */

/** One cell as CSV text: RFC 4180 quoting; objects and arrays as JSON; null and undefined empty. */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading = + - @ makes spreadsheets run the cell as a formula: quote it so it stays text.
  const formula = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text);
  const needsQuotes = formula || /[",\r\n]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${(formula ? `'${text}` : text).replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: string[], rows: unknown[][]): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const row of rows) lines.push(columns.map((_c, i) => csvCell(row[i])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** An array of objects keyed by column name (a repeated name gets a _2, _3 suffix so no cell is lost). */
export function toJson(columns: string[], rows: unknown[][]): string {
  const keys = uniqueKeys(columns);
  const objects = rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

function uniqueKeys(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((c) => {
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    return n === 1 ? c : `${c}_${n}`;
  });
}

/** A row as tab-separated text, for "Copy Row" (pastes into a spreadsheet as cells). */
export function rowAsText(row: unknown[]): string {
  return row.map((v) => cellText(v).replace(/[\t\r\n]+/g, ' ')).join('\t');
}

/** How a cell shows and copies: strings as they are, objects as JSON, null as "null". */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
