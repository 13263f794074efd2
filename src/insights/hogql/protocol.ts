/**
 * The messages between the HogQL results panel (src/vscode/hogql/resultsPanel.ts) and its page
 * (src/webview/results/). The page's messages are checked with `pageMessage` before the extension
 * acts on them, like any other input.
 */
import { z } from 'zod';
import type { ChartModel } from '../chart';

/** What the panel shows: a result, an error, or a query still running. */
export type ResultsState =
  | { status: 'running'; query: string }
  | { status: 'error'; query: string; error: string; elapsedMs?: number }
  | {
      status: 'done';
      query: string;
      columns: string[];
      rows: unknown[][];
      hasMore: boolean;
      elapsedMs: number;
      /** Set when the extension clipped the rows it sent. */
      truncated?: string;
      chart?: ChartModel;
    };

/** Extension → page. */
export type PanelMessage = { type: 'state'; state: ResultsState };

/** Page → extension, validated. Cells and rows are named by index into the rows last sent. */
export const pageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('copyCell'), row: z.number().int().min(0), col: z.number().int().min(0) }),
  z.object({ type: z.literal('copyRow'), row: z.number().int().min(0) }),
  z.object({ type: z.literal('export'), format: z.enum(['csv', 'json']) }),
  z.object({ type: z.literal('rerun') }),
]);
export type PageMessage = z.infer<typeof pageMessage>;
