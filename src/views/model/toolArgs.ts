/**
 * "PostHog: Run Tool…": turns a tool's JSON input schema into questions, and what a person types
 * into the typed arguments the tool takes. Free of `vscode`: the prompts live in src/vscode.
 */

export type ArgKind = 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';

export interface ArgSpec {
  name: string;
  kind: ArgKind;
  required: boolean;
  description?: string;
  /** For 'enum': the allowed values, in their JSON types. */
  values?: Array<string | number | boolean>;
  /** Ask in a password box, never echo. */
  secret: boolean;
  /** For 'string': "uuid", "uri", "date-time"… */
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  /** For 'json': what the value must be. */
  jsonType?: 'object' | 'array' | 'any';
  /** For arrays of strings: a comma-separated list is accepted too. */
  stringItems?: boolean;
  /** The example shown as placeholder. */
  placeholder?: string;
}

export type Coerced = { ok: true; value: unknown; skip?: false } | { ok: true; skip: true } | { ok: false; error: string };

type Schema = Record<string, unknown>;

const SECRET_NAME = /(^|_)(api_key|secret|client_secret|token|password)$/i;

function typesOf(s: Schema): string[] {
  if (Array.isArray(s.type)) return (s.type as string[]).filter((t) => t !== 'null');
  if (typeof s.type === 'string') return [s.type];
  return [];
}

/** Unwraps `anyOf: [X, {type: null}]` (optional / nullable) to X. */
function unwrap(s: Schema): Schema {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = s[key];
    if (Array.isArray(list)) {
      const nonNull = (list as Schema[]).filter((x) => !(x && x.type === 'null'));
      if (nonNull.length === 1) return { ...unwrap(nonNull[0]), description: s.description ?? nonNull[0].description };
    }
  }
  return s;
}

export function argumentSpecs(inputSchema: Schema | undefined, secretArgs: readonly string[] = []): ArgSpec[] {
  const props = (inputSchema?.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(inputSchema?.required) ? (inputSchema!.required as string[]) : []);
  const specs: ArgSpec[] = [];
  for (const [name, raw] of Object.entries(props)) {
    const s = unwrap(raw ?? {});
    const types = typesOf(s);
    const base = {
      name,
      required: required.has(name),
      description: typeof s.description === 'string' ? s.description : undefined,
      secret: secretArgs.includes(name) || SECRET_NAME.test(name),
    };
    if (s.const !== undefined && (typeof s.const === 'string' || typeof s.const === 'number' || typeof s.const === 'boolean')) {
      specs.push({ ...base, kind: 'enum', values: [s.const] });
    } else if (Array.isArray(s.enum) && s.enum.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
      specs.push({ ...base, kind: 'enum', values: s.enum as Array<string | number | boolean> });
    } else if (types.length === 1 && types[0] === 'boolean') {
      specs.push({ ...base, kind: 'boolean', values: [true, false] });
    } else if (types.length === 1 && (types[0] === 'integer' || types[0] === 'number')) {
      specs.push({
        ...base,
        kind: types[0] as 'integer' | 'number',
        minimum:
          typeof s.minimum === 'number'
            ? s.minimum
            : typeof s.exclusiveMinimum === 'number'
              ? s.exclusiveMinimum + (types[0] === 'integer' ? 1 : Number.EPSILON)
              : undefined,
        maximum:
          typeof s.maximum === 'number'
            ? s.maximum
            : typeof s.exclusiveMaximum === 'number'
              ? s.exclusiveMaximum - (types[0] === 'integer' ? 1 : Number.EPSILON)
              : undefined,
      });
    } else if (types.length === 1 && types[0] === 'string') {
      specs.push({
        ...base,
        kind: 'string',
        format: typeof s.format === 'string' ? s.format : undefined,
        minLength: typeof s.minLength === 'number' ? s.minLength : undefined,
        maxLength: typeof s.maxLength === 'number' ? s.maxLength : undefined,
        placeholder: s.format === 'uuid' ? '00000000-0000-0000-0000-000000000000' : s.format === 'uri' ? 'https://…' : undefined,
      });
    } else if (types.length === 1 && types[0] === 'array') {
      const items = unwrap((s.items ?? {}) as Schema);
      const stringItems = typesOf(items).length === 1 && typesOf(items)[0] === 'string' && !Array.isArray(items.enum);
      specs.push({
        ...base,
        kind: 'json',
        jsonType: 'array',
        stringItems,
        placeholder: stringItems ? 'a, b, c   or   ["a", "b"]' : '[ … ]',
      });
    } else if (types.length === 1 && types[0] === 'object') {
      specs.push({ ...base, kind: 'json', jsonType: 'object', placeholder: '{ … }' });
    } else {
      specs.push({ ...base, kind: 'json', jsonType: 'any', placeholder: 'any JSON value' });
    }
  }
  // Required arguments first, each group in schema order.
  return [...specs.filter((s) => s.required), ...specs.filter((s) => !s.required)];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function range(spec: ArgSpec, n: number): string | undefined {
  if (spec.minimum !== undefined && n < spec.minimum) return `${spec.name} must be at least ${spec.minimum}.`;
  if (spec.maximum !== undefined && n > spec.maximum) return `${spec.name} must be at most ${spec.maximum}.`;
  return undefined;
}

/** Turns what was typed (or picked) into the argument's value. Empty optional answers are skipped. */
export function coerceArgument(spec: ArgSpec, raw: string | undefined): Coerced {
  const text = raw ?? '';
  if (text.trim() === '' && spec.kind !== 'string') {
    return spec.required ? { ok: false, error: `${spec.name} is required.` } : { ok: true, skip: true };
  }
  if (text === '' && spec.kind === 'string') {
    return spec.required ? { ok: false, error: `${spec.name} is required.` } : { ok: true, skip: true };
  }
  switch (spec.kind) {
    case 'string': {
      if (spec.format === 'uuid' && !UUID.test(text.trim()))
        return { ok: false, error: `${spec.name} must be a UUID (8-4-4-4-12 hex digits).` };
      if (spec.minLength !== undefined && text.length < spec.minLength)
        return { ok: false, error: `${spec.name} must be at least ${spec.minLength} characters.` };
      if (spec.maxLength !== undefined && text.length > spec.maxLength)
        return { ok: false, error: `${spec.name} must be at most ${spec.maxLength} characters.` };
      return { ok: true, value: spec.format === 'uuid' ? text.trim() : text };
    }
    case 'integer':
    case 'number': {
      const n = Number(text.trim());
      if (!Number.isFinite(n)) return { ok: false, error: `${spec.name} must be a number.` };
      if (spec.kind === 'integer' && !Number.isInteger(n)) return { ok: false, error: `${spec.name} must be a whole number.` };
      const problem = range(spec, n);
      return problem ? { ok: false, error: problem } : { ok: true, value: n };
    }
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (['true', 'yes', 'y', '1', 'on'].includes(t)) return { ok: true, value: true };
      if (['false', 'no', 'n', '0', 'off'].includes(t)) return { ok: true, value: false };
      return { ok: false, error: `${spec.name} must be true or false.` };
    }
    case 'enum': {
      const match = (spec.values ?? []).find((v) => String(v) === text.trim());
      return match === undefined
        ? { ok: false, error: `${spec.name} must be one of: ${(spec.values ?? []).join(', ')}.` }
        : { ok: true, value: match };
    }
    case 'json': {
      const t = text.trim();
      let value: unknown;
      try {
        value = JSON.parse(t);
      } catch (err) {
        if (spec.jsonType === 'array' && spec.stringItems && !t.startsWith('[')) {
          return {
            ok: true,
            value: t
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean),
          };
        }
        return { ok: false, error: `${spec.name} is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
      }
      if (spec.jsonType === 'object' && (value === null || typeof value !== 'object' || Array.isArray(value)))
        return { ok: false, error: `${spec.name} must be a JSON object: { … }.` };
      if (spec.jsonType === 'array' && !Array.isArray(value)) {
        if (spec.stringItems && typeof value === 'string') return { ok: true, value: [value] };
        return { ok: false, error: `${spec.name} must be a JSON array: [ … ].` };
      }
      return { ok: true, value };
    }
  }
}

/** Answers (by argument name; undefined = not answered) → the tool's arguments, or the problems. */
export function buildArguments(
  specs: readonly ArgSpec[],
  answers: Record<string, string | undefined>,
): { args: Record<string, unknown>; errors: string[] } {
  const args: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const spec of specs) {
    const out = coerceArgument(spec, answers[spec.name]);
    if (!out.ok) errors.push(out.error);
    else if (!out.skip) args[spec.name] = out.value;
  }
  return { args, errors };
}

/** The prompt for one argument: "flag_id (required) — The feature flag's numeric id". */
export function argumentPrompt(spec: ArgSpec): string {
  const kind =
    spec.kind === 'json'
      ? spec.jsonType === 'array'
        ? spec.stringItems
          ? 'list'
          : 'JSON array'
        : spec.jsonType === 'object'
          ? 'JSON object'
          : 'JSON'
      : spec.kind === 'enum'
        ? 'choice'
        : spec.kind;
  const need = spec.required ? 'required' : 'optional: leave empty to skip';
  return `${spec.name} (${kind}, ${need})${spec.description ? ` — ${spec.description}` : ''}`;
}

/**
 * What a confirmation shows of the arguments: `redacted` is the registry's `redact(tool, args)`
 * (the tool's secret arguments replaced, long values clipped, as in the log); whatever was asked
 * in a password box is hidden too.
 */
export function confirmationArguments(redacted: Record<string, unknown>, specs: readonly ArgSpec[]): Record<string, unknown> {
  const shown = { ...redacted };
  for (const spec of specs) if (spec.secret && spec.name in shown) shown[spec.name] = '[redacted]';
  return shown;
}
