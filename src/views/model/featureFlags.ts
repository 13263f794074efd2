/** The Feature Flags view: flags with an active/inactive icon, their rollout summary, filter by key. */
import { COMMANDS, TREE_ITEMS } from '../../ids';
import { OPERATOR_WORDS } from '../../posthog/operators';
import { rolloutSummary } from '../../posthog/rollout';
import { TreeModel, asPage, type HoverDetail, type ModelOptions } from './base';
import { referenceNode, refsDescription, type CodeReferenceSource } from './codeRefs';
import { md, oneLine, str, type NodeDesc, type Row, type TreeNode } from './node';

export interface FlagRow extends Row {
  id: number;
  key: string;
  name?: string;
  active: boolean;
  /** Who gets it, in words (list rows); a flag from get/create/update has `filters` instead. */
  rollout?: string;
  tags?: string[];
  url?: string;
  filters?: Row;
}

/** A flag's rollout in words, from its row or its filters. */
export function flagRollout(f: FlagRow): string | undefined {
  return str(f.rollout) ?? (f.filters && typeof f.filters === 'object' ? rolloutSummary(f.filters) : undefined);
}

export const FLAG_KEY_PATTERN = /^[a-zA-Z0-9_-]+$/;

/** Why a flag key would be refused, or undefined when it is fine. */
export function flagKeyProblem(key: string): string | undefined {
  if (!key.trim()) return 'Enter a key, for example new-onboarding-flow.';
  if (key.length > 400) return 'The key is too long (400 characters at most).';
  if (!FLAG_KEY_PATTERN.test(key)) return 'Only letters, numbers, hyphens (-) and underscores (_) are allowed.';
  return undefined;
}

/** Why a rollout percentage would be refused, or undefined when it is fine. Empty means 100. */
export function rolloutProblem(text: string): string | undefined {
  if (!text.trim()) return undefined;
  const n = Number(text.trim().replace(/%$/, ''));
  if (!Number.isFinite(n) || n < 0 || n > 100) return 'Enter a percentage from 0 to 100.';
  return undefined;
}

export class FeatureFlagsModel extends TreeModel<FlagRow> {
  readonly view = 'featureFlags' as const;
  protected readonly noun = 'feature flags';
  protected readonly commands = { refresh: COMMANDS.flagsRefresh, loadMore: COMMANDS.flagsLoadMore };
  private searchText = '';
  /** References per flag key in the workspace, read once per index change. */
  private refCounts: Map<string, number> | undefined;
  private stopFollowingCode: (() => void) | undefined;

  constructor(
    options: ModelOptions,
    /** The workspace's code, when the host has some: each flag shows and expands to its references. */
    private readonly code?: CodeReferenceSource,
  ) {
    super(options);
    // The counts follow the code without asking PostHog again.
    this.stopFollowingCode = code?.onDidChange(() => {
      this.refCounts = undefined;
      this.rebuildItems();
    });
  }

  override dispose(): void {
    this.stopFollowingCode?.();
    super.dispose();
  }

  /** How many references to `key` the workspace has (undefined without a workspace index). */
  referenceCount(key: string): number | undefined {
    if (!this.code) return undefined;
    this.refCounts ??= this.code.counts('flag');
    return this.refCounts.get(key) ?? 0;
  }

  /** The key filter ('' for none). */
  get search(): string {
    return this.searchText;
  }

  setSearch(text: string | undefined): void {
    const next = (text ?? '').trim();
    if (next === this.searchText) return;
    this.searchText = next;
    this.root.reset(false); // a new filter starts from its first page
    this.refresh();
  }

  protected async fetchRoot(req: { offset: number; limit: number; signal: AbortSignal }) {
    const args: Row = { limit: req.limit, offset: req.offset };
    if (this.searchText) args.search = this.searchText;
    return asPage<FlagRow>(await this.options.tools.run('list_feature_flags', args, { signal: req.signal }));
  }

  protected keyOf(f: FlagRow): string {
    return String(f.id);
  }

  protected itemNode(f: FlagRow): NodeDesc {
    const state = f.active ? 'Active' : 'Inactive';
    const rollout = flagRollout(f);
    const refs = this.referenceCount(f.key);
    const refsText = refs ? refsDescription(refs) : undefined;
    return {
      id: `flag:${f.id}`,
      kind: 'flag',
      label: f.key,
      description: [refsText, rollout].filter(Boolean).join(' · '),
      collapsible: refs ? 'collapsed' : undefined,
      // Built when read: the view fetches the full one on hover (resolveTooltip).
      tooltip: () => flagTooltip(f),
      icon: f.active
        ? { id: 'circle-large-filled', color: 'testing.iconPassed' }
        : { id: 'circle-large-outline', color: 'disabledForeground' },
      contextValue: f.active ? TREE_ITEMS.activeFlag : TREE_ITEMS.inactiveFlag,
      url: str(f.url),
      accessibilityLabel: `${f.key}, ${state.toLowerCase()}${rollout ? `, ${rollout}` : ''}${refsText ? `, ${refsText} in the workspace` : ''}`,
      data: f,
    };
  }

  /** A flag's references in the workspace (from the live index: no tool call). */
  protected override fetchChildren(parent: TreeNode): Promise<Row[]> {
    const key = (parent.data as FlagRow | undefined)?.key;
    return Promise.resolve(key && this.code ? (this.code.references({ kind: 'flag', key }) as unknown as Row[]) : []);
  }

  protected override childNodes(parent: TreeNode, rows: Row[]): NodeDesc[] {
    const code = this.code;
    return rows.map((r) => {
      const ref = r as unknown as { file: string; line: number; column: number; key: string; call: string };
      return referenceNode(parent.id, ref, code?.pathOf(ref.file));
    });
  }

  protected override childrenEmptyLabel(): string {
    return 'No references left in the workspace';
  }

  protected emptyLabel(): string {
    return this.searchText
      ? `No feature flags matching "${this.searchText}" in ${this.projectLabel}`
      : `No feature flags in ${this.projectLabel}`;
  }

  protected override emptyExtras(): Partial<TreeNode> {
    return this.searchText
      ? { tooltip: 'Click to change the filter.', command: { command: COMMANDS.flagsFilter, title: 'Filter' } }
      : { tooltip: 'Create one with the + button above.', command: { command: COMMANDS.flagsCreate, title: 'Create Feature Flag' } };
  }

  /** The full tooltip, with the flag's release conditions (one get_feature_flag call). */
  protected override hoverDetail(node: TreeNode): HoverDetail | undefined {
    if (node.kind !== 'flag') return undefined;
    const f = node.data as FlagRow;
    return {
      tool: 'get_feature_flag',
      args: { flag_id: f.id },
      tooltip: (row, problem) =>
        problem
          ? `${flagTooltip(f)}\n\n---\n\n$(error) Could not load the release conditions: ${md(problem)}`
          : flagTooltip(row as FlagRow),
    };
  }

  // ----- actions -----

  /** Turns the flag on or off (update_feature_flag with only `active`). */
  async setActive(flag: { id: number }, active: boolean, signal?: AbortSignal): Promise<FlagRow> {
    return (await this.options.tools.run('update_feature_flag', { flag_id: flag.id, active }, { signal })) as FlagRow;
  }

  async toggle(flag: { id: number; active: boolean }, signal?: AbortSignal): Promise<FlagRow> {
    return this.setActive(flag, !flag.active, signal);
  }

  async create(
    input: { key: string; name?: string; rollout_percentage?: number; active?: boolean },
    signal?: AbortSignal,
  ): Promise<FlagRow> {
    const args: Row = { key: input.key };
    if (input.name) args.name = input.name;
    if (input.rollout_percentage !== undefined) args.rollout_percentage = input.rollout_percentage;
    if (input.active !== undefined) args.active = input.active;
    return (await this.options.tools.run('create_feature_flag', args, { signal })) as FlagRow;
  }

  async delete(flag: { id: number }, signal?: AbortSignal): Promise<Row> {
    return (await this.options.tools.run('delete_feature_flag', { flag_id: flag.id }, { signal })) as Row;
  }
}

export function flagTooltip(f: FlagRow): string {
  const lines = [`**${md(f.key)}** — ${f.active ? '$(circle-large-filled) Active' : '$(circle-large-outline) Inactive'}`];
  if (str(f.name)) lines.push('', md(f.name));
  const rollout = flagRollout(f);
  if (rollout) lines.push('', `Rollout: ${md(rollout)}`);
  if (f.filters && typeof f.filters === 'object') {
    const conditions = describeFilters(f.filters);
    if (conditions.length) lines.push('', ...conditions);
  }
  const tags = Array.isArray(f.tags) ? f.tags : [];
  if (tags.length) lines.push('', `Tags: ${tags.map((t) => `\`${String(t).replace(/`/g, "'")}\``).join(' ')}`);
  lines.push('', `Flag ${f.id}`);
  return lines.join('\n');
}

const OPERATORS = OPERATOR_WORDS;

function value(v: unknown): string {
  if (Array.isArray(v)) return v.map(value).join(' or ');
  if (typeof v === 'string') return `"${oneLine(v, 60)}"`;
  return oneLine(JSON.stringify(v), 60);
}

/** One property filter in words: `email contains "@acme.com"`, `in cohort 4`. */
export function describeProperty(p: Row): string {
  const op = str(p.operator) ?? 'exact';
  if (p.type === 'cohort') return `${op === 'not_in' ? 'not in' : 'in'} cohort ${value(p.value).replace(/"/g, '')}`;
  if (p.type === 'flag') return `flag ${value(p.key)} ${OPERATORS[op] ?? op} ${value(p.value)}`;
  const key = str(p.key) ?? '?';
  if (op === 'is_set' || op === 'is_not_set') return `${key} ${OPERATORS[op]}`;
  return `${key} ${OPERATORS[op] ?? op.replace(/_/g, ' ')} ${value(p.value)}`;
}

/** The release conditions, variants and payloads of a flag's `filters`, as Markdown lines. */
export function describeFilters(filters: Row): string[] {
  const out: string[] = [];
  const groups = Array.isArray(filters.groups) ? (filters.groups as Row[]) : undefined;
  const who = typeof filters.aggregation_group_type_index === 'number' ? 'groups' : 'users';
  if (groups) {
    if (groups.length === 0) out.push('**Release conditions:** none (served to nobody)');
    else {
      out.push('**Release conditions**', '');
      groups.forEach((g, i) => {
        const rollout = typeof g.rollout_percentage === 'number' ? g.rollout_percentage : 100;
        const props = Array.isArray(g.properties) ? (g.properties as Row[]) : [];
        const where = props.length ? ` where ${props.map((p) => md(describeProperty(p))).join(' and ')}` : '';
        const variant = str(g.variant) ? ` → variant \`${String(g.variant).replace(/`/g, "'")}\`` : '';
        out.push(`${i + 1}. ${rollout}% of ${props.length ? `matching ${who}` : `all ${who}`}${where}${variant}`);
      });
    }
  }
  const variants = Array.isArray((filters.multivariate as Row | undefined)?.variants)
    ? ((filters.multivariate as Row).variants as Row[])
    : [];
  if (variants.length) {
    out.push(
      '',
      `**Variants:** ${variants.map((v) => `\`${String(v.key).replace(/`/g, "'")}\` ${typeof v.rollout_percentage === 'number' ? `${v.rollout_percentage}%` : ''}`.trim()).join(' · ')}`,
    );
  }
  const payloads = filters.payloads && typeof filters.payloads === 'object' ? Object.keys(filters.payloads as Row) : [];
  if (payloads.length) out.push('', `**Payloads for:** ${payloads.map((k) => `\`${k.replace(/`/g, "'")}\``).join(', ')}`);
  return out;
}
