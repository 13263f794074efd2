/**
 * Code references in the tree views: what the models need from the live workspace index, and the
 * node of one reference ("src/app.tsx:12", a click opens the line). Plain TS, no `vscode`.
 */
import { COMMANDS, TREE_ITEMS } from '../../ids';
import type { ReferenceFilter } from '../../code/liveIndex';
import type { CodeReference, ReferenceKind } from '../../code/types';
import { md, type NodeDesc } from './node';

/** The live index as the views see it (src/code/liveIndex.ts implements it). */
export interface CodeReferenceSource {
  references(filter?: ReferenceFilter): CodeReference[];
  counts(kind: ReferenceKind): Map<string, number>;
  /** The absolute path of a reference's `file` (relative to its root). */
  pathOf(file: string): string | undefined;
  /** Called after the references changed; returns the unsubscribe. */
  onDidChange(listener: () => void): () => void;
}

/** What the "open reference" command takes: plain data, so a node can carry it. */
export interface ReferenceTarget {
  path: string;
  /** 1-based, like CodeReference. */
  line: number;
  column: number;
  /** Length of the key (selected when the line opens). */
  length: number;
}

export function referenceTarget(ref: Pick<CodeReference, 'file' | 'line' | 'column' | 'key'>, path: string): ReferenceTarget {
  // column is the opening quote's: the key starts one further.
  return { path, line: ref.line, column: ref.column + 1, length: ref.key.length };
}

/** "src/app.tsx:12" */
export function referenceLabel(ref: Pick<CodeReference, 'file' | 'line'>): string {
  return `${ref.file}:${ref.line}`;
}

export function refsDescription(n: number): string {
  return `${n} ${n === 1 ? 'ref' : 'refs'}`;
}

/** The node of one reference, under `parentId`; a click opens the file at the key. */
export function referenceNode(
  parentId: string,
  ref: Pick<CodeReference, 'file' | 'line' | 'column' | 'key' | 'call'>,
  path: string | undefined,
): NodeDesc {
  const label = referenceLabel(ref);
  return {
    id: `${parentId}/ref:${ref.file}:${ref.line}:${ref.column}`,
    kind: 'codeReference',
    label,
    description: ref.call,
    tooltip: `\`${md(ref.call)}\` at ${md(label)}, column ${ref.column}`,
    icon: { id: 'references' },
    contextValue: TREE_ITEMS.codeReference,
    command: path ? { command: COMMANDS.openCodeReference, title: 'Open Reference', args: [referenceTarget(ref, path)] } : undefined,
    accessibilityLabel: `${ref.call} in ${ref.file}, line ${ref.line}`,
  };
}
