/**
 * The tool catalog as markdown (docs/tools.md), made from the registry: the same names, titles,
 * descriptions, annotations and JSON Schemas that tools/list gives an agent. A pure function, so
 * the writer (scripts/docs/tools.ts) and the staleness test (test/docs/toolsDoc.test.ts) share it.
 */
import type { JsonSchemaTool, ToolRegistry } from '../../src/mcp/registry';
import type { ToolDefinition, Toolset } from '../../src/mcp/tool';
import { toolsetInfo } from '../../src/mcp/toolsets';

type JsonSchema = Record<string, unknown>;

/** What the generator reads of a registry: the tools in catalog order, and each one's tools/list entry. */
export type ToolCatalog = Pick<ToolRegistry, 'list' | 'describe'>;

export const TOOLS_DOC_PATH = 'docs/tools.md';

/** A toolset as the document names it: its title from src/mcp/toolsets.ts, then the name `--toolsets` takes. */
export function toolsetHeading(toolset: Toolset): string {
  const title = toolsetInfo(toolset)?.title;
  return title ? `${title} (\`${toolset}\`)` : `\`${toolset}\``;
}

export function renderToolsDoc(catalog: ToolCatalog): string {
  const groups = groupByToolset(catalog.list());
  const count = [...groups.values()].reduce((n, tools) => n + tools.length, 0);
  const lines = [
    '# Tool catalog',
    '',
    '<!-- Generated from the registry (src/mcp/tools/) by `npm run docs:tools`; do not edit by hand. -->',
    '',
    `${count} tools in ${groups.size} toolsets, in catalog order: the names, titles, descriptions, annotations and`,
    'arguments an agent reads in `tools/list`. The same handlers serve the VS Code views and commands.',
    'Annotations: **read-only** changes nothing in PostHog; otherwise the tool **changes** data, and may be',
    '**destructive** (changes or removes what exists) and **idempotent** (repeating the same call changes nothing more).',
    'Key scopes: what a personal API key needs for the toolset (PostHog → Settings → Personal API keys); a `:write`',
    'scope also grants `:read`, and `*` (all access) grants everything.',
    '',
    ...[...groups].map(([toolset, tools]) => `- ${toolsetHeading(toolset)}: ${tools.map((t) => `\`${t.name}\``).join(', ')}`),
  ];
  for (const [toolset, tools] of groups) {
    const description = toolsetInfo(toolset)?.description;
    lines.push('', `## ${toolsetHeading(toolset)}`, '', ...(description ? [description, ''] : []), scopesLine(toolset));
    for (const tool of tools) lines.push('', ...toolSection(catalog.describe(tool)));
  }
  return `${lines.join('\n')}\n`;
}

/** The personal API key scopes a toolset needs (src/mcp/toolsets.ts), in one line. */
export function scopesLine(toolset: Toolset): string {
  const scopes = toolsetInfo(toolset)?.scopes;
  if (!scopes) return '';
  const list = (xs: readonly string[]) => xs.map((x) => `\`${x}\``).join(', ');
  const write = scopes.write.length ? `; the tools that change data also ${list(scopes.write)}` : '';
  return `Key scopes: ${list(scopes.read)}${write}.`;
}

/** Tools by toolset, both in catalog order (the order of src/mcp/tools/index.ts). */
function groupByToolset(tools: readonly ToolDefinition[]): Map<Toolset, ToolDefinition[]> {
  const groups = new Map<Toolset, ToolDefinition[]>();
  for (const tool of tools) groups.set(tool.toolset, [...(groups.get(tool.toolset) ?? []), tool]);
  return groups;
}

function toolSection(tool: JsonSchemaTool): string[] {
  const lines = [`### \`${tool.name}\`: ${tool.title}`, '', oneLine(tool.description), '', `*${annotationWords(tool.annotations)}.*`];
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((tool.inputSchema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0) return [...lines, '', 'No arguments.'];
  lines.push('', '| argument | type | required | description |', '| --- | --- | --- | --- |');
  for (const name of names) {
    const schema = properties[name];
    const description = typeof schema.description === 'string' ? schema.description : '';
    lines.push(`| \`${name}\` | ${cell(typeWords(schema))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(description)} |`);
  }
  return lines;
}

export function annotationWords(a: JsonSchemaTool['annotations']): string {
  if (a.readOnlyHint) return 'Read-only';
  return ['Changes data', a.destructiveHint ? 'destructive' : 'not destructive', a.idempotentHint ? 'idempotent' : 'not idempotent'].join(
    ', ',
  );
}

/** A JSON Schema's type in a few words: `integer (1–100)`, `string (uuid)`, `string[]`, `integer or string`. */
export function typeWords(schema: JsonSchema): string {
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeWords).join(' or ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (Array.isArray(schema.enum)) return `one of ${schema.enum.map((v) => String(v)).join(', ')}`;
  const type = typeof schema.type === 'string' ? schema.type : 'any';
  if (type === 'array') return `${typeWords((schema.items ?? {}) as JsonSchema)}[]`;
  if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    return `object of ${typeWords(schema.additionalProperties as JsonSchema)}`;
  }
  if (type === 'string' && typeof schema.format === 'string') return `string (${schema.format})`;
  if (type === 'integer' || type === 'number') {
    const range = bounds(schema);
    return range ? `${type} (${range})` : type;
  }
  return type;
}

function bounds(schema: JsonSchema): string | undefined {
  const { minimum: min, maximum: max, exclusiveMinimum: above } = schema;
  if (typeof min === 'number' && typeof max === 'number') return `${min}–${max}`;
  if (typeof above === 'number') return `> ${above}`;
  if (typeof min === 'number') return `≥ ${min}`;
  if (typeof max === 'number') return `≤ ${max}`;
  return undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Text safe inside a markdown table cell. */
function cell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|');
}
