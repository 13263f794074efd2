/**
 * The Stale Flags view: the flags the workspace's code references that PostHog reports fully
 * rolled out, off for everyone, deleted or unknown, and the flags no code references (older than
 * 30 days), from one `list_stale_flags` call. Groups → flags → references. Each flag offers a
 * cleanup prompt for Copilot; one with no reference left can be deleted in PostHog.
 */
import { COMMANDS, TREE_ITEMS } from '../../ids';
import { TreeModel, type ModelOptions } from './base';
import { referenceNode, refsDescription, type CodeReferenceSource } from './codeRefs';
import type { ListPage } from './paged';
import { md, str, type NodeDesc, type Row, type TreeNode } from './node';

export type StaleStatus = 'fully_rolled_out' | 'inactive' | 'deleted' | 'unknown' | 'unreferenced';

export interface StaleReference {
  file: string;
  line: number;
  column: number;
  key: string;
  call: string;
}

export interface StaleFlag extends Row {
  key: string;
  status: StaleStatus;
  /** The flag's id in PostHog (absent for an unknown key). */
  id?: number;
  references: StaleReference[];
  /** The variant every user gets, for a fully rolled-out multivariate flag. */
  variant?: string;
  /** Why PostHog's state makes it stale, in a sentence (from list_stale_flags). */
  reason?: string;
}

export interface StaleGroup extends Row {
  status: StaleStatus;
  flags: StaleFlag[];
}

/** The groups, in the order the view shows them, with their titles. */
export const STALE_GROUPS: ReadonlyArray<{ status: StaleStatus; label: string; icon: string; hint: string }> = [
  {
    status: 'fully_rolled_out',
    label: 'Fully rolled out',
    icon: 'pass-filled',
    hint: 'On for everyone: the code can keep the enabled branch.',
  },
  { status: 'inactive', label: 'Off for everyone', icon: 'circle-slash', hint: 'Disabled in PostHog: every user gets false.' },
  { status: 'deleted', label: 'Deleted', icon: 'trash', hint: 'Deleted in PostHog: every user gets false.' },
  {
    status: 'unknown',
    label: 'Unknown',
    icon: 'question',
    hint: 'No flag with this key in this project: a typo, or a flag of another project.',
  },
  {
    status: 'unreferenced',
    label: 'Unreferenced in code (>30 days)',
    icon: 'circle-large-outline',
    hint: 'Flags older than 30 days that no code in the workspace references.',
  },
];

const STATUSES = new Set<string>(STALE_GROUPS.map((g) => g.status));

/**
 * Reads `list_stale_flags`'s answer into the groups: each referenced stale flag
 * (`results: [{key, status, reason, id?, references: ["file:line:column"]}]`; active ones are not
 * stale) and the unreferenced flags (rows with a key and id, or keys).
 */
export function staleGroups(data: unknown): StaleGroup[] {
  const o = (data ?? {}) as Row;
  const flags: StaleFlag[] = [];
  const list = Array.isArray(o.flags) ? o.flags : Array.isArray(o.stale) ? o.stale : Array.isArray(o.results) ? o.results : [];
  for (const item of list as Row[]) {
    const key = str(item?.key);
    const status = str(item?.status);
    if (!key || !status || !STATUSES.has(status)) continue;
    flags.push({
      ...item,
      key,
      status: status as StaleStatus,
      id: flagId(item),
      references: referencesOf(item.references, key),
      reason: str(item.reason),
      // list_stale_flags names a rolled-out variant in its reason: 'Everyone gets the variant "test"'.
      variant: str(item.variant) ?? /\bvariant "([^"]+)"/.exec(str(item.reason) ?? '')?.[1],
    });
  }
  for (const item of Array.isArray(o.unreferenced) ? (o.unreferenced as unknown[]) : []) {
    const row = typeof item === 'string' ? { key: item } : ((item ?? {}) as Row);
    const key = str(row.key);
    if (!key) continue;
    flags.push({ ...row, key, status: 'unreferenced', id: flagId(row), references: [] });
  }
  return STALE_GROUPS.map((g) => ({ status: g.status, flags: flags.filter((f) => f.status === g.status) })).filter((g) => g.flags.length);
}

function flagId(row: Row): number | undefined {
  const id = row.id ?? row.flag_id;
  return typeof id === 'number' ? id : undefined;
}

/** References as objects (`{file, line, column, call?}`) or as `list_stale_flags` gives them, "file:line:column". */
function referencesOf(value: unknown, key: string): StaleReference[] {
  if (!Array.isArray(value)) return [];
  const out: StaleReference[] = [];
  for (const r of value as unknown[]) {
    if (typeof r === 'string') {
      const m = /^(.+):(\d+):(\d+)$/.exec(r);
      if (m) out.push({ file: m[1], line: Number(m[2]), column: Number(m[3]), key, call: '' });
    } else if (r && typeof r === 'object' && typeof (r as Row).file === 'string' && typeof (r as Row).line === 'number') {
      const o = r as Row;
      out.push({
        file: o.file as string,
        line: o.line as number,
        column: typeof o.column === 'number' ? o.column : 1,
        key: str(o.key) ?? key,
        call: str(o.call) ?? '',
      });
    }
  }
  return out;
}

/** The branch the code keeps once the flag goes, in words, for the cleanup prompt. */
export function branchToKeep(flag: Pick<StaleFlag, 'status' | 'variant'>): string {
  switch (flag.status) {
    case 'fully_rolled_out':
      return flag.variant
        ? `the branch for variant "${flag.variant}" (every user gets it): a variant check for "${flag.variant}" is always true, any other variant never`
        : 'the enabled branch (the flag is on for every user): the check is always true';
    case 'inactive':
      return 'the disabled branch (the flag is off for every user): the check is always false, and a payload is never there';
    case 'deleted':
      return 'the disabled branch (the flag was deleted in PostHog, so every user gets false)';
    case 'unknown':
      return 'the disabled branch (no flag with this key exists in the project, so every user gets false); first check the key is not a typo of an existing flag, and if it is, fix the key instead';
    default:
      return 'none: no code references it';
  }
}

/** What "Clean up with Copilot" asks: the flag, the branch to keep, and the files (with lines). */
export function cleanupPrompt(flag: Pick<StaleFlag, 'key' | 'status' | 'variant' | 'references' | 'reason'>): string {
  const byFile = new Map<string, number[]>();
  for (const r of flag.references) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r.line]);
  const files = [...byFile].map(([file, lines]) => `- ${file} (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})`);
  return [
    `Remove the PostHog feature flag "${flag.key}" from this code.${flag.reason ? ` PostHog says: ${flag.reason}.` : ''}`,
    `Keep ${branchToKeep(flag)}; delete the other branch and any code only it uses, and the flag check itself.`,
    files.length ? `It is referenced in:\n${files.join('\n')}` : 'No file references it any more.',
    'Keep behaviour otherwise unchanged, leave unrelated code alone, and tidy imports, constants and tests that only served this flag.',
  ].join('\n\n');
}

export class StaleFlagsModel extends TreeModel<StaleGroup> {
  readonly view = 'staleFlags' as const;
  protected readonly noun = 'stale flags';
  protected readonly commands = { refresh: COMMANDS.staleFlagsRefresh };

  constructor(
    options: ModelOptions,
    /** Where a reference's `file` is on disk (the live index); without it the references do not open. */
    private readonly code?: Pick<CodeReferenceSource, 'pathOf'>,
  ) {
    super(options);
  }

  /** The groups loaded (after the first fetch). */
  get groups(): StaleGroup[] {
    return this.root.items;
  }

  protected async fetchRoot(req: { offset: number; limit: number; signal: AbortSignal }): Promise<ListPage<StaleGroup>> {
    const data = await this.options.tools.run('list_stale_flags', {}, { signal: req.signal });
    const groups = staleGroups(data);
    return { results: groups, has_more: false, count: groups.length };
  }

  protected keyOf(g: StaleGroup): string {
    return g.status;
  }

  protected itemNode(g: StaleGroup): NodeDesc {
    const info = STALE_GROUPS.find((x) => x.status === g.status)!;
    return {
      id: `stale:${g.status}`,
      kind: 'staleGroup',
      label: info.label,
      description: String(g.flags.length),
      tooltip: `**${md(info.label)}**: ${g.flags.length} flag${g.flags.length === 1 ? '' : 's'}\n\n${md(info.hint)}`,
      icon: { id: info.icon },
      contextValue: TREE_ITEMS.staleGroup,
      collapsible: 'expanded',
      accessibilityLabel: `${info.label}, ${g.flags.length} flag${g.flags.length === 1 ? '' : 's'}`,
      data: g,
    };
  }

  protected override fetchChildren(parent: TreeNode): Promise<Row[]> {
    if (parent.kind === 'staleGroup') return Promise.resolve((parent.data as StaleGroup).flags);
    if (parent.kind === 'staleFlag') return Promise.resolve((parent.data as StaleFlag).references as unknown as Row[]);
    return Promise.resolve([]);
  }

  protected override childNodes(parent: TreeNode, rows: Row[]): NodeDesc[] {
    if (parent.kind === 'staleGroup') return (rows as StaleFlag[]).map((f) => this.flagNode(parent.id, f));
    return (rows as unknown as StaleReference[]).map((r) => referenceNode(parent.id, r, this.code?.pathOf(r.file)));
  }

  private flagNode(parentId: string, f: StaleFlag): NodeDesc {
    const refs = f.references.length;
    // Deleting is offered only for a flag that exists in PostHog and that no code reads any more.
    const deletable = refs === 0 && f.status !== 'unknown' && f.status !== 'deleted';
    const where = refs ? refsDescription(refs) : 'no references';
    const lines = [`**${md(f.key)}**`, '', md(f.reason ?? STALE_GROUPS.find((g) => g.status === f.status)?.hint ?? '')];
    if (refs) lines.push('', `Keep ${md(branchToKeep(f))}.`, '', '"Clean up with Copilot" asks Copilot to remove it from the code.');
    else if (deletable) lines.push('', 'No code references it: "Delete in PostHog" removes it.');
    return {
      id: `${parentId}/flag:${f.key}`,
      kind: 'staleFlag',
      label: f.key,
      description: f.status === 'unreferenced' ? undefined : where,
      tooltip: lines.join('\n'),
      icon: { id: 'symbol-boolean' },
      contextValue: deletable ? TREE_ITEMS.staleFlagDeletable : TREE_ITEMS.staleFlag,
      collapsible: refs ? 'collapsed' : undefined,
      accessibilityLabel: `${f.key}, ${where}`,
      data: f,
    };
  }

  protected override childrenEmptyLabel(): string {
    return 'No references left in the workspace';
  }

  protected emptyLabel(): string {
    return `No stale flags in ${this.projectLabel}`;
  }

  // ----- actions -----

  /** The flag's id in PostHog: from the stale list, else looked up by key (exact match). */
  async flagId(flag: Pick<StaleFlag, 'key' | 'id'>, signal?: AbortSignal): Promise<number | undefined> {
    if (flag.id !== undefined) return flag.id;
    const data = (await this.options.tools.run('list_feature_flags', { search: flag.key, limit: 100 }, { signal })) as Row;
    const rows = Array.isArray(data?.results) ? (data.results as Row[]) : [];
    const hit = rows.find((r) => r.key === flag.key);
    return typeof hit?.id === 'number' ? hit.id : undefined;
  }

  /** Deletes the flag in PostHog (delete_feature_flag); the registry's change event refreshes the views. */
  async delete(flag: Pick<StaleFlag, 'key' | 'id'>, signal?: AbortSignal): Promise<Row> {
    const id = await this.flagId(flag, signal);
    if (id === undefined)
      throw new Error(`There is no feature flag "${flag.key}" in ${this.projectLabel} to delete: refresh the Stale Flags view.`);
    return (await this.options.tools.run('delete_feature_flag', { flag_id: id }, { signal })) as Row;
  }
}
