/**
 * "PostHog: Run Tool…": pick any tool, answer its arguments (asked from its JSON schema), see
 * the result in a read-only JSON document. With `(toolName, args)` it runs without prompts.
 */
import * as vscode from 'vscode';
import type { ToolRegistry } from '../mcp/registry';
import type { ToolDefinition } from '../mcp/tool';
import { argumentPrompt, argumentSpecs, coerceArgument, confirmationArguments, type ArgSpec } from '../views/model/toolArgs';
import { toolsetInfo } from '../mcp/toolsets';
import { loadCore } from './lazy';
import { BACK, askPick, askText, type PickItem } from './prompts';
import type { ResultDocuments } from './results';
import { confirm, showError, withProgress } from './ui';

export interface RunToolDeps {
  registry: ToolRegistry;
  results: ResultDocuments;
}

export async function runToolCommand(deps: RunToolDeps, toolName?: unknown, args?: unknown): Promise<unknown> {
  const { registry } = deps;
  if (typeof toolName === 'string' && !registry.get(toolName)) {
    const err = new Error(`There is no PostHog tool named "${toolName}".`);
    if (args !== undefined) throw err;
    void showError(err);
    return undefined;
  }
  const tool = typeof toolName === 'string' ? registry.get(toolName)! : await pickTool(registry);
  if (!tool) return undefined;
  if (args !== undefined && args !== null && typeof args === 'object' && !Array.isArray(args)) {
    // Automation: no prompts, errors go to the caller.
    const data = await registry.run(tool.name, args);
    await deps.results.show(tool.name, data);
    return data;
  }
  const asked = await askArguments(registry, tool);
  if (!asked) return undefined;
  const { values: answers, specs } = asked;
  if (tool.annotations.destructiveHint) {
    const ok = await confirm(
      `Run "${tool.title}"?`,
      `This tool changes or deletes data in PostHog.\n\n${JSON.stringify(confirmationArguments(loadCore().redact(tool, answers), specs), null, 2)}`,
      'Run',
    );
    if (!ok) return undefined;
  }
  return execute(deps, tool, answers);
}

async function execute(deps: RunToolDeps, tool: ToolDefinition, args: Record<string, unknown>): Promise<unknown> {
  try {
    const data = await withProgress(`PostHog: running ${tool.title}…`, (signal) => deps.registry.run(tool.name, args, { signal }), {
      notification: true,
    });
    await deps.results.show(tool.name, data);
    return data;
  } catch (err) {
    void showError(err, { retry: () => execute(deps, tool, args) });
    return undefined;
  }
}

async function pickTool(registry: ToolRegistry): Promise<ToolDefinition | undefined> {
  const items: Array<PickItem<ToolDefinition>> = [];
  let group = '';
  for (const tool of registry.tools) {
    if (tool.toolset !== group) {
      group = tool.toolset;
      items.push({ label: toolsetInfo(group)?.title ?? group, kind: vscode.QuickPickItemKind.Separator });
    }
    items.push({
      label: tool.title,
      description: tool.name,
      detail: tool.description,
      iconPath: new vscode.ThemeIcon(tool.annotations.readOnlyHint ? 'eye' : tool.annotations.destructiveHint ? 'warning' : 'add'),
      value: tool,
    });
  }
  const chosen = await askPick({
    title: 'PostHog: Run Tool',
    placeholder: 'Pick a tool (type to filter by name or what it does)',
    items,
    matchOnDetail: true,
  });
  return chosen && chosen !== BACK ? chosen.value : undefined;
}

/** Asks each argument in turn (required first); Back goes to the previous one. */
async function askArguments(
  registry: ToolRegistry,
  tool: ToolDefinition,
): Promise<{ values: Record<string, unknown>; specs: ArgSpec[] } | undefined> {
  const specs = argumentSpecs(registry.describe(tool).inputSchema, tool.secretArgs ?? []);
  const raw: Record<string, string | undefined> = {};
  const values: Record<string, unknown> = {};
  let i = 0;
  while (i < specs.length) {
    const spec = specs[i];
    const answer = await askOne(tool, spec, i + 1, specs.length, raw[spec.name]);
    if (answer === undefined) return undefined;
    if (answer === BACK) {
      i = Math.max(0, i - 1);
      continue;
    }
    raw[spec.name] = answer;
    const coerced = coerceArgument(spec, answer);
    if (!coerced.ok) continue; // validated in the box already; ask again
    if (coerced.skip) delete values[spec.name];
    else values[spec.name] = coerced.value;
    i++;
  }
  return { values, specs };
}

async function askOne(
  tool: ToolDefinition,
  spec: ArgSpec,
  step: number,
  total: number,
  previous?: string,
): Promise<string | typeof BACK | undefined> {
  const title = `${tool.title}: ${spec.name}`;
  if (spec.kind === 'enum' || spec.kind === 'boolean') {
    const items: Array<PickItem<string>> = (spec.values ?? []).map((v) => ({
      label: String(v),
      value: String(v),
      picked: String(v) === previous,
    }));
    if (!spec.required) items.push({ label: 'Skip', description: 'leave this argument out', value: '' });
    const chosen = await askPick({ title, step, totalSteps: total, placeholder: argumentPrompt(spec), items, active: previous });
    if (chosen === BACK || chosen === undefined) return chosen;
    return chosen.value ?? '';
  }
  return askText({
    title,
    step,
    totalSteps: total,
    prompt: argumentPrompt(spec),
    placeholder: spec.placeholder,
    value: spec.secret ? '' : previous,
    password: spec.secret,
    validate: (v) => {
      const c = coerceArgument(spec, v);
      return c.ok ? undefined : c.error;
    },
  });
}
