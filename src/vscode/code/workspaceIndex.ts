/**
 * The live index of the workspace's PostHog calls (src/code/liveIndex.ts) wired to VS Code: a full
 * scan of every workspace folder in the background (scanTree yields: no task over a few ms), then
 * kept current from the open documents' text (debounced while typing, at once on save) and from
 * the disk (created, changed, deleted, renamed files, through a FileSystemWatcher).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { LiveCodeIndex } from '../../code/liveIndex';
import { fsPromises } from '../nodeLazy';
import type { WorkspaceScanner } from './scanner';

/** Typing pauses this long before the document is rescanned. */
const EDIT_DEBOUNCE_MS = 300;
/** Like scanTree: bigger files are not scanned. */
const MAX_FILE_BYTES = 1_000_000;

function folderRoots(): string[] {
  return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
}

export class WorkspaceIndex extends LiveCodeIndex implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly workspaceScanner: WorkspaceScanner,
    log?: vscode.LogOutputChannel,
  ) {
    super(workspaceScanner, folderRoots());
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.subscriptions.push(
      watcher,
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.setRoots(folderRoots())),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.scheduleDocument(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((doc) => this.updateDocument(doc)),
      // Closed without saving: the disk has the truth again.
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === 'file') void this.updateFromDisk(doc.uri);
      }),
      watcher.onDidCreate((uri) => void this.updateFromDisk(uri)),
      watcher.onDidChange((uri) => void this.updateFromDisk(uri)),
      watcher.onDidDelete((uri) => {
        this.cancelPending(uri.fsPath);
        if (!this.rulesChanged(uri)) this.removePath(uri.fsPath);
      }),
    );
    void this.ready.then(() => {
      for (const [root, message] of this.errors) log?.warn(`Could not scan ${root} for PostHog calls: ${message}`);
    });
  }

  private scheduleDocument(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file') return;
    const key = doc.uri.fsPath;
    const timer = this.pending.get(key);
    if (timer) clearTimeout(timer);
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.updateDocument(doc);
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /** Drops the debounced rescans of a deleted file or of the files under a deleted folder. */
  private cancelPending(deleted: string): void {
    for (const [file, timer] of this.pending) {
      if (file === deleted || file.startsWith(deleted + path.sep)) {
        clearTimeout(timer);
        this.pending.delete(file);
      }
    }
  }

  /** Rescans an open document from its text (what the person sees, saved or not). */
  updateDocument(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || doc.isClosed) return;
    // A saved document whose file is gone (deleted beside the editor) is not code any more.
    if (!doc.isDirty && !existsSync(doc.uri.fsPath)) return;
    const text = doc.getText();
    if (text.length > MAX_FILE_BYTES) return;
    this.updateFile(doc.uri.fsPath, text);
  }

  /** A .gitignore was written or deleted: what is ignored changed, so its folder is scanned again. */
  private rulesChanged(uri: vscode.Uri): boolean {
    if (uri.scheme !== 'file' || !uri.path.endsWith('/.gitignore')) return false;
    const at = this.locate(uri.fsPath);
    if (!at) return true;
    this.workspaceScanner.forgetRules();
    void this.rescanRoot(at.root);
    return true;
  }

  /** A file changed on disk (or a folder appeared): rescans it unless an open, edited document has newer text. */
  private async updateFromDisk(uri: vscode.Uri): Promise<void> {
    if (uri.scheme !== 'file' || !this.locate(uri.fsPath) || this.rulesChanged(uri)) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open?.isDirty) return;
    try {
      const st = await fsPromises().stat(uri.fsPath);
      if (st.isDirectory()) {
        await this.addFolder(uri.fsPath);
        return;
      }
      if (!st.isFile() || st.size > MAX_FILE_BYTES) return;
      const bytes = await fsPromises().readFile(uri.fsPath);
      if (bytes.includes(0)) return; // binary
      this.updateFile(uri.fsPath, bytes.toString('utf8'));
    } catch {
      // Gone again (a temp file) or unreadable: what the index had for it goes.
      this.removePath(uri.fsPath);
    }
  }

  override dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    for (const s of this.subscriptions) s.dispose();
    super.dispose();
  }
}
