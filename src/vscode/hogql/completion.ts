/**
 * Completion in .hogql files: tables after FROM/JOIN, a table's columns after `table.` (and
 * `alias.`, `person.`…), property keys after `properties.`, event names inside `event = '…'`,
 * keywords and functions elsewhere. The schema comes from get_hogql_schema, event names and
 * property keys from the definitions tools, each cached per project for a few minutes.
 */
import * as vscode from 'vscode';
import { completionContext } from '../../insights/hogql/completionContext';
import { columnsInScope, fieldsAt, type HogQLSchema, type SchemaField } from '../../insights/hogql/schema';
import { HOGQL_FUNCTIONS, HOGQL_KEYWORDS } from '../../insights/hogql/vocabulary';
import type { ToolRunner } from '../../views/model/base';

const TTL_MS = 5 * 60_000;

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

export class HogqlCompletion implements vscode.CompletionItemProvider {
  private readonly cache = new Map<string, Cached<unknown>>();

  constructor(
    private readonly tools: ToolRunner & { has(name: string): boolean },
    private readonly project: () => number | undefined,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Forget everything (a sign-in, sign-out or project switch). */
  reset(): void {
    this.cache.clear();
  }

  async provideCompletionItems(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const ctx = completionContext(doc.getText(), doc.offsetAt(position));
    const range = doc.getWordRangeAtPosition(position, /\$?[\w$]+/);
    const item = (label: string, kind: vscode.CompletionItemKind, detail?: string) => {
      const i = new vscode.CompletionItem(label, kind);
      if (detail) i.detail = detail;
      if (range) i.range = range;
      return i;
    };
    const fieldItem = (f: SchemaField) =>
      item(
        f.name,
        f.table ? vscode.CompletionItemKind.Reference : vscode.CompletionItemKind.Field,
        f.table ? `${f.type} → ${f.table}` : f.type,
      );
    try {
      switch (ctx.kind) {
        case 'none':
          return [];
        case 'tables':
          return (await this.schema()).tables.map((t) => item(t.name, vscode.CompletionItemKind.Class, `${t.type} table`));
        case 'columns':
          return fieldsAt(await this.schema(), ctx.path, ctx.from).map(fieldItem);
        case 'properties':
          return (await this.propertyKeys(ctx.scope)).map((k) => item(k, vscode.CompletionItemKind.Property, `${ctx.scope} property`));
        case 'eventName': {
          const names = await this.eventNames();
          const inString = doc.getWordRangeAtPosition(position, /[^'\s]+/);
          return names.map((n) => {
            const i = new vscode.CompletionItem(n, vscode.CompletionItemKind.Value);
            i.detail = 'event';
            if (inString) i.range = inString;
            return i;
          });
        }
        case 'general': {
          const schema = await this.schema().catch(() => ({ tables: [] }) as HogQLSchema);
          const items = columnsInScope(schema, ctx.from).map(fieldItem);
          for (const k of HOGQL_KEYWORDS) items.push(item(k, vscode.CompletionItemKind.Keyword));
          for (const [name, doc] of HOGQL_FUNCTIONS) {
            const f = item(name, vscode.CompletionItemKind.Function, doc);
            f.insertText = new vscode.SnippetString(`${name}($0)`);
            items.push(f);
          }
          return items;
        }
      }
    } catch (err) {
      this.log.warn(`HogQL completion could not reach PostHog: ${err instanceof Error ? err.message : String(err)}`);
      return [];
    }
  }

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const fullKey = `${this.project() ?? 'default'}:${key}`;
    const hit = this.cache.get(fullKey);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
    const value = load();
    this.cache.set(fullKey, { at: Date.now(), value });
    // A failure is not remembered: the next completion tries again.
    value.catch(() => this.cache.delete(fullKey));
    return value;
  }

  private schema(): Promise<HogQLSchema> {
    return this.cached('schema', async () => (await this.tools.run('get_hogql_schema', {})) as HogQLSchema);
  }

  private eventNames(): Promise<string[]> {
    return this.cached('events', async () => {
      if (this.tools.has('list_event_definitions')) {
        const d = (await this.tools.run('list_event_definitions', { limit: 200 })) as { results?: Array<{ name?: unknown }> };
        return (d.results ?? []).map((r) => r.name).filter((n): n is string => typeof n === 'string');
      }
      // Before the definitions tools: the project's events by volume, through HogQL.
      const d = (await this.tools.run('run_hogql_query', {
        query: 'SELECT event, count() FROM events GROUP BY event ORDER BY count() DESC LIMIT 200',
      })) as { results?: unknown[][] };
      return (d.results ?? []).map((r) => r[0]).filter((n): n is string => typeof n === 'string');
    });
  }

  private propertyKeys(scope: 'event' | 'person'): Promise<string[]> {
    return this.cached(`properties:${scope}`, async () => {
      if (!this.tools.has('list_property_definitions')) return [];
      const d = (await this.tools.run('list_property_definitions', { type: scope, limit: 200 })) as { results?: Array<{ name?: unknown }> };
      return (d.results ?? []).map((r) => r.name).filter((n): n is string => typeof n === 'string');
    });
  }
}
