/** Test helpers: a scan summarised as short strings that read like the source ("flag new-nav 3:14"). */
import { scanSource } from '../../src/code';

export function refs(text: string, file: string): string[] {
  return scanSource(text, file).references.map((r) => `${r.kind} ${r.key} ${r.line}:${r.column}`);
}

export function keys(text: string, file: string): string[] {
  return scanSource(text, file).references.map((r) => `${r.kind} ${r.key}`);
}

export function dynamic(text: string, file: string): string[] {
  return scanSource(text, file).dynamic.map((d) => `${d.kind} ${d.call} ${d.line}:${d.column}`);
}
