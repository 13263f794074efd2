/** The order every result list uses: by file (code-unit order, the same on every machine), line, column. */
export function byPosition(a: { file: string; line: number; column: number }, b: { file: string; line: number; column: number }): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}
