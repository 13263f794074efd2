/**
 * Does package.json agree with the code? A pure check over the parsed manifest and the code's ids
 * (scripts/manifest/codeIds.ts): each problem names its check, where it is, and what is wrong.
 * Run by test/manifest/manifest.test.ts and `npm run check:manifest`.
 */
import type { CodeIds } from './codeIds';
import { whenReferences, type WhenReference } from './whenClause';

export const CHECKS = {
  commandsWithoutHandler: 'every contributed command has a handler',
  handlersWithoutCommand: 'every command handler is a contributed command',
  views: 'the contributed views and MCP server providers are the ones the code registers',
  references: 'menus, keybindings, viewsWelcome, activationEvents and walkthroughs name known commands and views',
  contextKeys: 'when clauses use only context keys the code sets, or VS Code’s own',
  viewItems: 'viewItem values in when clauses are ones a tree item sets',
  toolsets: 'the toolsets setting’s enum and enumDescriptions match the toolset records',
} as const;
export type CheckName = keyof typeof CHECKS;

export interface Problem {
  check: CheckName;
  /** Where in package.json: "contributes.menus.view/title[3].when". */
  where: string;
  message: string;
}

/** Context keys VS Code itself sets that a manifest may use (https://code.visualstudio.com/api/references/when-clause-contexts). */
const VSCODE_KEYS = new Set([
  'true',
  'false',
  'view',
  'viewItem',
  'viewContainer',
  'focusedView',
  'activeViewlet',
  'activePanel',
  'activeAuxiliary',
  'sideBarVisible',
  'sideBarFocus',
  'panelFocus',
  'auxiliaryBarFocus',
  'listFocus',
  'inputFocus',
  'textInputFocus',
  'editorFocus',
  'editorTextFocus',
  'editorReadonly',
  'editorLangId',
  'editorHasSelection',
  'activeEditor',
  'resource',
  'resourceScheme',
  'resourceFilename',
  'resourceExtname',
  'resourceDirname',
  'resourcePath',
  'resourceLangId',
  'isFileSystemResource',
  'explorerResourceIsFolder',
  'isWindows',
  'isMac',
  'isLinux',
  'isWeb',
  'remoteName',
  'virtualWorkspace',
  'workbenchState',
  'workspaceFolderCount',
  'inDebugMode',
  'terminalFocus',
  'notificationFocus',
]);
/** Key families: settings (`config.posthog.host`) and view visibility (`view.posthog.dashboards.visible`). */
const VSCODE_KEY_PREFIXES = ['config.', 'view.'];

export function checkManifest(manifest: unknown, ids: CodeIds): Problem[] {
  const pkg = asObject(manifest);
  const contributes = asObject(pkg.contributes);
  const problems: Problem[] = [];
  const report = (check: CheckName, where: string, message: string) => problems.push({ check, where, message });

  checkCommands(contributes, ids, report);
  checkViews(contributes, ids, report);
  for (const ref of commandAndViewReferences(pkg, contributes)) checkReference(ref, ids, report);
  for (const { where, clause } of whenClauses(contributes)) checkWhen(where, clause, ids, report);
  checkToolsets(contributes, ids, report);
  return problems;
}

type Report = (check: CheckName, where: string, message: string) => void;

function checkCommands(contributes: Obj, ids: CodeIds, report: Report): void {
  const contributed = asArray(contributes.commands).map((c) => asObject(c).command);
  contributed.forEach((id, i) => {
    if (typeof id !== 'string' || !ids.commands.includes(id))
      report('commandsWithoutHandler', `contributes.commands[${i}]`, `command "${String(id)}" has no handler in the code`);
  });
  for (const id of ids.commands)
    if (!contributed.includes(id))
      report('handlersWithoutCommand', 'contributes.commands', `the code handles "${id}" but package.json does not contribute it`);
}

function checkViews(contributes: Obj, ids: CodeIds, report: Report): void {
  const views = Object.entries(asObject(contributes.views)).flatMap(([container, list]) =>
    asArray(list).map((v, i) => ({ where: `contributes.views.${container}[${i}]`, id: asObject(v).id })),
  );
  for (const v of views)
    if (typeof v.id !== 'string' || !ids.views.includes(v.id))
      report('views', v.where, `view "${String(v.id)}" is not a view the code creates`);
  for (const id of ids.views)
    if (!views.some((v) => v.id === id))
      report('views', 'contributes.views', `the code creates view "${id}" but package.json does not contribute it`);
  const providers = asArray(contributes.mcpServerDefinitionProviders).map((p) => asObject(p).id);
  providers.forEach((id, i) => {
    if (typeof id !== 'string' || !ids.mcpProviders.includes(id))
      report(
        'views',
        `contributes.mcpServerDefinitionProviders[${i}]`,
        `MCP server provider "${String(id)}" is not one the code registers`,
      );
  });
  for (const id of ids.mcpProviders)
    if (!providers.includes(id))
      report(
        'views',
        'contributes.mcpServerDefinitionProviders',
        `the code registers MCP server provider "${id}" but package.json does not contribute it`,
      );
}

interface Reference {
  where: string;
  kind: 'command' | 'view' | 'mcpProvider';
  id: string;
  /** A `command:` link in Markdown may name VS Code's own commands: only ids in our namespace are checked. */
  link?: boolean;
}

function commandAndViewReferences(pkg: Obj, contributes: Obj): Reference[] {
  const refs: Reference[] = [];
  for (const [menu, items] of Object.entries(asObject(contributes.menus)))
    asArray(items).forEach((item, i) => {
      const command = asObject(item).command;
      if (command !== undefined) refs.push({ where: `contributes.menus.${menu}[${i}]`, kind: 'command', id: String(command) });
    });
  asArray(contributes.keybindings).forEach((k, i) => {
    const command = String(asObject(k).command ?? '');
    // "-id" removes a keybinding of that command.
    refs.push({ where: `contributes.keybindings[${i}]`, kind: 'command', id: command.replace(/^-/, '') });
  });
  asArray(contributes.viewsWelcome).forEach((w, i) => {
    const welcome = asObject(w);
    refs.push({ where: `contributes.viewsWelcome[${i}].view`, kind: 'view', id: String(welcome.view) });
    for (const id of commandLinks(welcome.contents))
      refs.push({ where: `contributes.viewsWelcome[${i}].contents`, kind: 'command', id, link: true });
  });
  asArray(pkg.activationEvents).forEach((e, i) => refs.push(...eventReferences(String(e), `activationEvents[${i}]`)));
  forEachStep(contributes, (step, where) => {
    for (const id of commandLinks(step.description)) refs.push({ where: `${where}.description`, kind: 'command', id, link: true });
    asArray(step.completionEvents).forEach((e, i) => refs.push(...eventReferences(String(e), `${where}.completionEvents[${i}]`)));
  });
  return refs;
}

/** `onCommand:id`, `onView:id`, `onMcpCollection:id` (activation and walkthrough completion events). */
function eventReferences(event: string, where: string): Reference[] {
  const m = /^(onCommand|onView|onMcpCollection):(.+)$/.exec(event);
  if (!m) return [];
  const kind = m[1] === 'onCommand' ? 'command' : m[1] === 'onView' ? 'view' : 'mcpProvider';
  return [{ where, kind, id: m[2] }];
}

/** The command ids of `[text](command:id)`, `(command:id?args)` and walkthroughs' `(command:toSide:id)` links. */
function commandLinks(markdown: unknown): string[] {
  return typeof markdown === 'string' ? [...markdown.matchAll(/\(command:(?:toSide:)?([^)?\s]+)/g)].map((m) => m[1]) : [];
}

function checkReference(ref: Reference, ids: CodeIds, report: Report): void {
  const known = ref.kind === 'command' ? ids.commands : ref.kind === 'view' ? ids.views : ids.mcpProviders;
  if (known.includes(ref.id)) return;
  // VS Code makes a `<view id>.focus` command for every contributed view.
  if (ref.kind === 'command' && ref.id.endsWith('.focus') && ids.views.includes(ref.id.slice(0, -'.focus'.length))) return;
  if (ref.link && !ids.commands.some((c) => sameNamespace(c, ref.id))) return;
  const what = ref.kind === 'mcpProvider' ? 'MCP server provider' : ref.kind;
  report('references', ref.where, `unknown ${what} "${ref.id}"`);
}

function sameNamespace(a: string, b: string): boolean {
  return a.split('.')[0] === b.split('.')[0];
}

function whenClauses(contributes: Obj): Array<{ where: string; clause: string }> {
  const out: Array<{ where: string; clause: string }> = [];
  const add = (where: string, clause: unknown) => {
    if (typeof clause === 'string') out.push({ where, clause });
  };
  for (const [menu, items] of Object.entries(asObject(contributes.menus)))
    asArray(items).forEach((item, i) => add(`contributes.menus.${menu}[${i}].when`, asObject(item).when));
  asArray(contributes.commands).forEach((c, i) => add(`contributes.commands[${i}].enablement`, asObject(c).enablement));
  for (const [container, list] of Object.entries(asObject(contributes.views)))
    asArray(list).forEach((v, i) => add(`contributes.views.${container}[${i}].when`, asObject(v).when));
  asArray(contributes.viewsWelcome).forEach((w, i) => add(`contributes.viewsWelcome[${i}].when`, asObject(w).when));
  asArray(contributes.keybindings).forEach((k, i) => add(`contributes.keybindings[${i}].when`, asObject(k).when));
  asArray(contributes.walkthroughs).forEach((w, i) => add(`contributes.walkthroughs[${i}].when`, asObject(w).when));
  forEachStep(contributes, (step, where) => {
    add(`${where}.when`, step.when);
    asArray(step.completionEvents).forEach((e, i) => {
      const m = /^onContext:(.+)$/.exec(String(e));
      if (m) add(`${where}.completionEvents[${i}]`, m[1]);
    });
  });
  return out;
}

function checkWhen(where: string, clause: string, ids: CodeIds, report: Report): void {
  let refs: WhenReference[];
  try {
    refs = whenReferences(clause);
  } catch (err) {
    report('contextKeys', where, `cannot read the when clause "${clause}": ${(err as Error).message}`);
    return;
  }
  for (const ref of refs) {
    if (ref.key === 'view' && ref.value !== undefined) checkValue(ref, ids.views, 'references', 'view', where, report);
    else if (ref.key === 'viewItem' && ref.value !== undefined)
      checkValue(ref, ids.treeItems, 'viewItems', 'tree item contextValue', where, report);
    else if (!ids.contextKeys.includes(ref.key) && !VSCODE_KEYS.has(ref.key) && !VSCODE_KEY_PREFIXES.some((p) => ref.key.startsWith(p)))
      report('contextKeys', where, `context key "${ref.key}" is never set by the code (in "${clause}")`);
  }
}

/** `x == v` / `x != v`: v must be one of the known values; `x =~ /re/`: the pattern must match one. */
function checkValue(ref: WhenReference, known: readonly string[], check: CheckName, what: string, where: string, report: Report): void {
  if (ref.value instanceof RegExp) {
    const re = ref.value;
    if (!known.some((v) => re.test(v))) report(check, where, `${ref.key} =~ ${String(re)} matches no ${what}`);
  } else if ((ref.op === '==' || ref.op === '===' || ref.op === '!=' || ref.op === '!==') && !known.includes(String(ref.value))) {
    report(check, where, `unknown ${what} "${String(ref.value)}" (${ref.key} ${ref.op} ${String(ref.value)})`);
  }
}

function checkToolsets(contributes: Obj, ids: CodeIds, report: Report): void {
  const configs = Array.isArray(contributes.configuration) ? contributes.configuration : [contributes.configuration];
  const setting = configs.map((c) => asObject(asObject(c).properties)[ids.toolsetsSetting]).find((s) => s !== undefined);
  const where = `contributes.configuration.properties["${ids.toolsetsSetting}"]`;
  if (setting === undefined) {
    report('toolsets', where, `no "${ids.toolsetsSetting}" setting`);
    return;
  }
  const items = asObject(asObject(setting).items);
  const names = ids.toolsets.map((t) => t.name);
  const enumProblem = listDifference(items.enum, names);
  if (enumProblem) report('toolsets', `${where}.items.enum`, `differs from the toolsets: ${enumProblem}`);
  if (items.enumDescriptions !== undefined) {
    const descriptions = asArray(items.enumDescriptions);
    if (descriptions.length !== names.length)
      report('toolsets', `${where}.items.enumDescriptions`, `has ${descriptions.length} entries for ${names.length} toolsets`);
    else
      ids.toolsets.forEach((t, i) => {
        if (descriptions[i] !== t.description)
          report('toolsets', `${where}.items.enumDescriptions[${i}]`, `is not the description of toolset "${t.name}": "${t.description}"`);
      });
  }
}

/** What is missing, extra or out of order in a list compared with the expected one; undefined when equal. */
function listDifference(actual: unknown, expected: readonly string[]): string | undefined {
  const list = asArray(actual).map(String);
  const missing = expected.filter((x) => !list.includes(x));
  const extra = list.filter((x) => !expected.includes(x));
  const parts: string[] = [];
  if (missing.length) parts.push(`missing ${missing.join(', ')}`);
  if (extra.length) parts.push(`unknown ${extra.join(', ')}`);
  if (!parts.length && !sameList(list, expected)) parts.push(`not in the toolsets' order (${expected.join(', ')})`);
  return parts.length ? parts.join('; ') : undefined;
}

function forEachStep(contributes: Obj, visit: (step: Obj, where: string) => void): void {
  asArray(contributes.walkthroughs).forEach((w, i) =>
    asArray(asObject(w).steps).forEach((s, j) => visit(asObject(s), `contributes.walkthroughs[${i}].steps[${j}]`)),
  );
}

type Obj = Record<string, unknown>;

function asObject(v: unknown): Obj {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {};
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function sameList(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((x, i) => x === b[i]);
}
