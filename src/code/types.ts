/**
 * The shapes shared by the code scanner (src/code/), the `code` tools, the `posthog-mcp refs` CLI
 * and the editor features. Nothing here imports `vscode`: the same scanner serves the editor, CI
 * and the agent.
 */

export type ReferenceKind = 'flag' | 'event';

export type CodeLanguage = 'javascript' | 'typescript' | 'python' | 'go' | 'ruby' | 'php';

/** A PostHog SDK call whose key is a string literal (or a same-file constant holding one). */
export interface CodeReference {
  kind: ReferenceKind;
  key: string;
  /** Relative to the scan root, "/" separators (for one source text: the path it was given). */
  file: string;
  /** 1-based line and column of the key's string literal (its opening quote). */
  line: number;
  column: number;
  /** The SDK method or construct, as written: "isFeatureEnabled", "useFeatureFlagEnabled", "PostHogFeature", "capture", "posthog.FeatureFlagPayload". */
  call: string;
  language: CodeLanguage;
  /** 0-based offsets of the literal's contents (inside the quotes) in the source text: what an editor range or an edit needs. */
  start: number;
  end: number;
  /**
   * When the call names a same-file constant (`isFeatureEnabled(NEW_NAV)`): the constant's name and
   * where the call uses it. line/column/start/end above are the constant's literal (what an edit changes).
   */
  constant?: { name: string; line: number; column: number };
}

/** A PostHog SDK call whose key is not a literal the scanner can resolve: reported, never guessed. */
export interface DynamicReference {
  kind: ReferenceKind;
  file: string;
  line: number;
  column: number;
  call: string;
  language: CodeLanguage;
}

/** What one source text holds. */
export interface SourceScan {
  references: CodeReference[];
  dynamic: DynamicReference[];
}

/** Why a file was not scanned: counted, never a crash. */
export type SkipReason = 'too_large' | 'binary' | 'unreadable' | 'bad_encoding' | 'symlink_loop' | 'ignored';

export interface TreeScan extends SourceScan {
  /** Absolute path of the root scanned. */
  root: string;
  /** Number of files scanned (in a supported language, not skipped). */
  files: number;
  /** Files not scanned, by reason (gitignored/node_modules/build output count as `ignored`). */
  skipped: Partial<Record<SkipReason, number>>;
}

/**
 * A string-literal slot where a flag key or event name goes, found at a cursor offset: what
 * completion needs while the person is still typing (the literal may be unterminated).
 */
export interface KeySlot {
  kind: ReferenceKind;
  call: string;
  /** What is typed so far inside the quotes, up to the cursor. */
  prefix: string;
  /** 0-based offsets of the literal's contents (may end at the cursor when unterminated). */
  start: number;
  end: number;
}

/**
 * The references of a workspace, as the `code` tools see them. The CLI's is a scan of `--root`;
 * the extension's is a live index of its workspace folders kept current as files change.
 */
export interface CodeIndex {
  /** The roots scanned (absolute paths). */
  readonly roots: readonly string[];
  /** Every reference and dynamic call under the roots; `file` relative to its root ("/" separators). */
  scan(signal?: AbortSignal): Promise<TreeScan>;
}
