/**
 * The scanner as the editor features use it (src/code/index.ts, injected so tests and the glue
 * share one seam), and each open document's scan kept per version: hover, inlay hints, CodeLens
 * and diagnostics all read the same scan without scanning again.
 */
import type * as vscode from 'vscode';
import type { CodeReference, KeySlot, SourceScan } from '../../code/types';
import { keySlotNear } from '../../views/model/code/keySlot';

export interface CodeScanner {
  scanSource(text: string, file: string): SourceScan;
  keySlotAt(text: string, file: string, offset: number): KeySlot | undefined;
}

/** The VS Code language ids the scanner reads (package.json's onLanguage activation lists the same). */
export const CODE_LANGUAGE_IDS = ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'ruby', 'php'];

export const CODE_SELECTOR: vscode.DocumentSelector = CODE_LANGUAGE_IDS.flatMap((language) => [
  { language, scheme: 'file' },
  { language, scheme: 'untitled' },
]);

/** The file name the scanner decides the language from (an untitled document has only its language id). */
export function fileNameOf(doc: vscode.TextDocument): string {
  if (doc.uri.scheme === 'file') return doc.uri.fsPath;
  const ext: Record<string, string> = {
    javascript: '.js',
    javascriptreact: '.jsx',
    typescript: '.ts',
    typescriptreact: '.tsx',
    python: '.py',
    go: '.go',
    ruby: '.rb',
    php: '.php',
  };
  return `${doc.uri.path || 'untitled'}${ext[doc.languageId] ?? ''}`;
}

const MAX_SCANNED_CHARS = 1_000_000;

export class DocumentScans {
  private readonly scans = new Map<string, { version: number; scan: SourceScan }>();

  constructor(private readonly scanner: CodeScanner) {}

  /** The document's scan, scanned again only when its version changed. Files over 1 MB are not scanned. */
  get(doc: vscode.TextDocument): SourceScan {
    const id = doc.uri.toString();
    const hit = this.scans.get(id);
    if (hit && hit.version === doc.version) return hit.scan;
    const text = doc.getText();
    const scan = text.length > MAX_SCANNED_CHARS ? { references: [], dynamic: [] } : this.scanner.scanSource(text, fileNameOf(doc));
    this.scans.set(id, { version: doc.version, scan });
    return scan;
  }

  forget(doc: vscode.TextDocument): void {
    this.scans.delete(doc.uri.toString());
  }

  /** The reference whose string literal (quotes included) holds the offset. */
  referenceAt(doc: vscode.TextDocument, offset: number): CodeReference | undefined {
    return this.get(doc).references.find((r) => offset >= r.start - 1 && offset <= r.end + 1);
  }

  keySlotAt(doc: vscode.TextDocument, offset: number): KeySlot | undefined {
    return keySlotNear(this.scanner, doc.getText(), fileNameOf(doc), offset);
  }
}
