/**
 * Hostile input: property-based fuzzing (fast-check) of EVERY tool's input schema, through the
 * real MCP SDK client and server, against the stand-in.
 *
 * Arguments are generated from each tool's published JSON schema, then spoiled: wrong types,
 * missing fields, unknown keys, 100 kB strings, huge / negative / fractional numbers, deep nesting,
 * own `__proto__` / `constructor` keys, and path characters (`../`, `?`, `#`, `%2F`, …) in every
 * string, ids included. Arguments travel as JSON (round-tripped), as over stdio or HTTP.
 *
 * For every call: an answer comes back (a result, never a hang or a crash); an error result is a
 * short message without a stack trace; every request the tool made has a path whose segments are
 * intact (no `.`/`..`/empty segment, no `?`/`#`, well-formed percent-encoding, and any segment
 * holding a generated marker holds the whole generated string, i.e. it did not escape its segment),
 * checked both as the client built it and as the stand-in received it; no prototype was polluted;
 * no unhandled rejection. The number of generated cases is reported.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { startHarness, type CallOutcome, type Harness } from '../helpers/harness';
import { ALL_TOOLS } from '../../src/mcp/tools';
import type { RequestLog } from '../../src/posthog/client';
import { mcpOAuthThrottle } from '../standin/routes/mcpStore';

const RUNS_PER_TOOL = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const MARK = 'ZZMARK';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = {
  type?: string | string[];
  enum?: Json[];
  format?: string;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  maxLength?: number;
};

// ---------------------------------------------------------------- arbitraries

const PATH_TRICKS = [
  '../',
  '../../',
  '..',
  '.',
  '/',
  '//',
  '?',
  '?x=1&limit=1000',
  '#',
  '#frag',
  '%2F',
  '%2f',
  '%',
  '%25',
  '%2e%2e',
  '..%2F',
  '\\',
  '@',
  ':',
  ';',
  ' ',
  '%00',
  '\u0000',
  '\n',
  '\u202e',
  '😀',
];
/** A string with a marker and path characters around it: if it escapes its segment, the marker shows it. */
const pathHostile = fc
  .tuple(
    fc.array(fc.constantFrom(...PATH_TRICKS), { maxLength: 3 }),
    fc.nat(9999),
    fc.array(fc.constantFrom(...PATH_TRICKS), { maxLength: 3 }),
  )
  .map(([pre, n, post]) => `${pre.join('')}${MARK}${n}${post.join('')}`);
/** Path characters with no marker at all ("..", "/", "%2F"): caught by the dot/empty-segment rules. */
const pureTricks = fc.constantFrom('..', '.', '../', '../..', '/', '//', '?', '#', '%2F', '%', '..%2F..', '%2e%2e', '%2e');
const BIG = 'x'.repeat(100_000);
const bigStrings = fc.constantFrom(BIG, `${MARK}1${'../'.repeat(33_000)}`, '€'.repeat(40_000));
const anyString = fc.oneof(
  { weight: 4, arbitrary: pathHostile },
  { weight: 2, arbitrary: pureTricks },
  { weight: 1, arbitrary: bigStrings },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', 'a', 'null', 'undefined', '0', '-1', 'NaN', '1e999', 'true', '{}', '[]') },
);
const anyNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: 1, max: 60 }), // ids that exist in the stand-in
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    -(2 ** 31),
    2 ** 31,
    2 ** 53,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    1e21,
    1e308,
    -1e308,
    5e-324,
    Infinity,
    -Infinity,
  ),
  fc.double({ noNaN: true }),
);
function nest(depth: number, kind: 'object' | 'array'): Json {
  let v: Json = kind === 'object' ? { leaf: MARK } : [MARK];
  for (let i = 0; i < depth; i++) v = kind === 'object' ? { a: v } : [v];
  return v;
}
const deep = fc
  .tuple(fc.integer({ min: 20, max: 3_000 }), fc.constantFrom<'object' | 'array'>('object', 'array'))
  .map(([d, k]) => nest(d, k));
/** Objects whose own keys try to reach a prototype once parsed. */
const protoObjects = fc.constantFrom<Json>(
  JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"__proto__": {"polluted": "yes"}, "name": "x", "key": "x"}'),
  JSON.parse('{"toString": "x", "valueOf": 1, "hasOwnProperty": "no", "prototype": {}}'),
);
const hostileKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$set', '', MARK),
);
const anyLeaf: fc.Arbitrary<Json> = fc.oneof(anyString, anyNumber, fc.boolean(), fc.constant(null));
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 5, arbitrary: anyLeaf },
  { weight: 1, arbitrary: fc.array(anyLeaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(hostileKey, anyLeaf, { maxKeys: 4 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: protoObjects },
);

function typesOf(s: Schema): string[] {
  return s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
}

/** Values of the schema's own shape, hostile inside it. */
function fromSchema(s: Schema, depth = 0): fc.Arbitrary<Json> {
  if (s.enum) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...s.enum) }, { weight: 1, arbitrary: anyString });
  if (s.anyOf) return fc.oneof(...s.anyOf.map((x) => fromSchema(x, depth)));
  const t = typesOf(s);
  const arbs: fc.Arbitrary<Json>[] = [];
  if (t.includes('string')) {
    if (s.format === 'uuid') arbs.push(fc.oneof({ weight: 2, arbitrary: fc.uuid() }, { weight: 1, arbitrary: anyString }));
    else if (s.format === 'date-time')
      arbs.push(
        fc.oneof(
          fc.date({ min: new Date(0), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
          anyString,
        ),
      );
    else if (s.format === 'uri')
      arbs.push(
        fc.oneof(
          fc.webUrl(),
          pathHostile.map((p) => `http://127.0.0.1:9/${p}`),
          anyString,
        ),
      );
    else arbs.push(anyString);
  }
  if (t.includes('integer') || t.includes('number')) arbs.push(anyNumber);
  if (t.includes('boolean')) arbs.push(fc.boolean());
  if (t.includes('null')) arbs.push(fc.constant(null));
  if (t.includes('array')) arbs.push(fc.array(s.items && depth < 3 ? fromSchema(s.items, depth + 1) : anyValue, { maxLength: 4 }));
  if (t.includes('object')) {
    if (s.properties && depth < 3) {
      const shape: Record<string, fc.Arbitrary<Json>> = {};
      for (const [k, v] of Object.entries(s.properties))
        shape[k] = fc.oneof({ weight: 3, arbitrary: fromSchema(v, depth + 1) }, { weight: 1, arbitrary: anyValue });
      arbs.push(fc.record(shape, { requiredKeys: [] }) as fc.Arbitrary<Json>);
    }
    arbs.push(fc.dictionary(hostileKey, anyValue, { maxKeys: 5 }) as fc.Arbitrary<Json>, protoObjects, deep);
  }
  return arbs.length ? fc.oneof(...arbs) : anyValue;
}

const OMIT = '\u0000omit\u0000';
/** A tool's arguments: its fields (any may be missing or of the wrong type) plus, sometimes, hostile extra keys. */
function argsFor(schema: Schema): fc.Arbitrary<Record<string, Json>> {
  const required = new Set(schema.required ?? []);
  const fields: Record<string, fc.Arbitrary<Json>> = {};
  for (const [k, v] of Object.entries(schema.properties ?? {})) {
    const value = fc.oneof({ weight: 6, arbitrary: fromSchema(v) }, { weight: 1, arbitrary: anyValue });
    // Required fields are usually there (so handlers are reached), sometimes missing.
    fields[k] = required.has(k) ? fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: fc.constant(OMIT) }) : value;
  }
  const extra = fc.oneof(
    { weight: 6, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '"__proto__": {"polluted": "yes"}',
        '"constructor": {"prototype": {"polluted": "yes"}}',
        '"unknown_field": 1',
        `"${MARK}": "../x"`,
      ),
    },
  );
  return fc.tuple(fc.record(fields, { requiredKeys: [...required] }), extra).map(([args, more]) => {
    for (const [k, v] of Object.entries(args)) if (v === OMIT) delete (args as Record<string, Json>)[k];
    // Through JSON, as the wire carries it (an own "__proto__" key stays a key, Infinity becomes null).
    const json = JSON.stringify(args);
    const text = more ? (json === '{}' ? `{${more}}` : `{${more},${json.slice(1)}`) : json;
    return JSON.parse(text) as Record<string, Json>;
  });
}

// ---------------------------------------------------------------- invariants

/** Strings (deep) in the arguments that carry the marker: the only legitimate contents of a marked segment. */
function markedStrings(v: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 50) return out;
  if (typeof v === 'string') {
    if (v.includes(MARK)) {
      out.add(v);
      out.add(v.trim());
    }
  } else if (Array.isArray(v)) {
    for (const x of v) markedStrings(x, out, depth + 1);
  } else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      markedStrings(k, out, depth + 1);
      markedStrings(x, out, depth + 1);
    }
  }
  return out;
}

/** Returns a problem with this request path, or undefined when every segment is intact. */
export function pathProblem(path: string, marked: Set<string>, opts: { raw: boolean }): string | undefined {
  if (!path.startsWith('/')) return `does not start with "/"`;
  if (opts.raw && /[?#]/.test(path)) return 'has a raw "?" or "#" (query or fragment injected into the path)';
  const segments = path.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop(); // the trailing slash
  for (const s of segments) {
    if (s === '') return 'has an empty segment ("//")';
    let decoded: string;
    try {
      decoded = decodeURIComponent(s);
    } catch {
      return `segment "${s.slice(0, 60)}" is not well-formed percent-encoding`;
    }
    if (s === '.' || s === '..' || decoded === '.' || decoded === '..') return `has a "${s}" segment`;
    if (decoded.includes(MARK) && !marked.has(decoded))
      return `segment "${decoded.slice(0, 80)}" holds only part of a generated string: it escaped its segment`;
  }
  return undefined;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;
}

const STACK = /\bat .+\(.+:\d+:\d+\)|\n\s+at /;
const baselineProto = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

function checkNoPollution(): void {
  assert.equal(Object.getOwnPropertyNames(Object.prototype).sort().join(','), baselineProto, 'Object.prototype unchanged');
  const probe = {} as Record<string, unknown>;
  assert.equal(probe.polluted, undefined, 'no polluted property on a fresh object');
  assert.equal(probe.isAdmin, undefined);
}

// ---------------------------------------------------------------- the suite

describe('hostile input: every tool, fuzzed', () => {
  let h: Harness;
  const clientLog: RequestLog[] = [];
  let unhandled = 0;
  const onUnhandled = () => unhandled++;
  const stats = {
    cases: 0,
    errors: 0,
    ok: 0,
    sent: 0,
    standin500: new Map<string, number>(),
    rpcErrors: 0,
    rpcKinds: new Map<string, number>(),
  };

  before(async () => {
    process.on('unhandledRejection', onUnhandled);
    h = await startHarness({
      rateLimits: { crud: { limit: 1_000_000, windowMs: 60_000 }, analytics: { limit: 1_000_000, windowMs: 60_000 } },
      // 429s are reported at once, not waited out: the fuzzer is not testing the rate limit.
      client: { timeoutMs: 5_000, maxRetries: 0, retryBaseMs: 1, maxRetryWaitMs: 0, onRequest: (l) => clientLog.push(l) },
    });
    const oauth = mcpOAuthThrottle(h.standin.state);
    oauth.burst.limit = oauth.sustained.limit = 1_000_000;
    await h.client.projectToken();
  });
  after(async () => {
    await h.close();
    process.off('unhandledRejection', onUnhandled);
  });

  /** One call and every invariant. */
  async function callAndCheck(tool: string, args: unknown): Promise<CallOutcome | 'rpc-error'> {
    const fromClient = clientLog.length;
    const fromStandin = h.standin.requests.length;
    let out: CallOutcome;
    try {
      out = await h.call(tool, args as Record<string, unknown>, { timeout: 20_000 });
    } catch (err) {
      // A JSON-RPC error is an answer too (e.g. arguments that are not an object); a timeout is not.
      assert.ok(err instanceof McpError && !/timed out/i.test(err.message), `${tool} answered: ${clip(String(err), 500)}`);
      stats.rpcErrors++;
      stats.cases++;
      const kind = clip(err.message.replace(/\s+/g, ' '), 120);
      stats.rpcKinds.set(kind, (stats.rpcKinds.get(kind) ?? 0) + 1);
      return 'rpc-error';
    }
    stats.cases++;
    assert.equal(typeof out.text, 'string');
    assert.ok(out.text.length > 0, `${tool} answered with some text`);
    if (out.isError) {
      stats.errors++;
      assert.doesNotMatch(out.text, STACK, `${tool}: no stack trace in ${clip(out.text, 500)}`);
      assert.ok(out.text.length < 2_000, `${tool}: a short error message (${out.text.length} chars): ${clip(out.text, 500)}`);
      assert.doesNotMatch(
        out.text,
        /xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx{200}/,
        `${tool}: the 100 kB input is not echoed back in an error`,
      );
    } else stats.ok++;
    const marked = markedStrings(args);
    for (const l of clientLog.slice(fromClient)) {
      stats.sent++;
      const problem = pathProblem(l.path, marked, { raw: true });
      assert.equal(problem, undefined, `${tool} built ${l.method} ${l.path.slice(0, 200)}: ${problem}`);
    }
    for (const r of h.standin.requests.slice(fromStandin)) {
      const problem = pathProblem(r.path, marked, { raw: false });
      assert.equal(problem, undefined, `${tool}: the stand-in received ${r.method} ${r.path.slice(0, 200)}: ${problem}`);
      if (r.status === 500) stats.standin500.set(tool, (stats.standin500.get(tool) ?? 0) + 1);
    }
    checkNoPollution();
    return out;
  }

  it('the path check itself catches an id that escaped its segment (so it can fail)', () => {
    const id = `../../${MARK}7?x=1`;
    const marked = new Set([id]);
    assert.equal(pathProblem(`/api/projects/1/persons/${encodeURIComponent(id)}/`, marked, { raw: true }), undefined);
    assert.match(pathProblem(`/api/projects/1/persons/${id}/`, marked, { raw: true }) ?? '', /raw "\?"/);
    assert.match(pathProblem('/api/projects/1/persons/../../users/@me/', new Set(), { raw: true }) ?? '', /"\.\." segment/);
    assert.match(pathProblem('/api/projects/1/persons/%2E%2E/', new Set(), { raw: true }) ?? '', /"%2E%2E" segment/);
    assert.match(pathProblem(`/api/projects/1/${MARK}7/`, marked, { raw: false }) ?? '', /escaped its segment/);
    assert.match(pathProblem('/api/projects/1/persons//', new Set(), { raw: true }) ?? '', /empty segment/);
    assert.match(pathProblem('/api/projects/1/persons/%E0%A4%A/', new Set(), { raw: true }) ?? '', /percent-encoding/);
    assert.match(pathProblem('api/x', new Set(), { raw: true }) ?? '', /start with/);
  });

  it(`covers all ${ALL_TOOLS.length} tools`, () => {
    assert.equal(ALL_TOOLS.length, 71, 'the catalog has 71 tools; fuzz them all');
  });

  for (const tool of ALL_TOOLS) {
    it(`${tool.name}: ${RUNS_PER_TOOL} generated calls are all answered, none escapes a path segment`, async () => {
      const schema = h.registry.describe(tool).inputSchema as Schema;
      const details = await fc.check(
        fc.asyncProperty(argsFor(schema), async (args) => {
          await callAndCheck(tool.name, args);
        }),
        { numRuns: RUNS_PER_TOOL, seed: SEED, endOnFailure: true },
      );
      if (details.failed) {
        // The counterexample can hold 100 kB strings: report it clipped.
        let example: string;
        try {
          example = clip(JSON.stringify(details.counterexample), 1_500);
        } catch {
          example = '(too deeply nested to print)';
        }
        const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        assert.fail(
          `${tool.name} failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}"):\n${clip(cause, 1_500)}\nCounterexample: ${example}`,
        );
      }
    });
  }

  it('path characters in every string id that reaches a path stay inside their segment', async () => {
    const installation = h.standin.state.table(1, 'mcp_installations').all()[0] as { id: string };
    const person = h.standin.state.table(1, 'persons').all()[0] as { id: number };
    const ids = [
      '../../users/@me',
      '..',
      '.',
      '../',
      '%2F..%2Fusers',
      '1?limit=100000',
      '1#x',
      '1%23x',
      '1/../2',
      'a/b',
      '%',
      '%E0%A4%A',
      '%2e%2e',
      '\\..\\',
      `${MARK}../../x`,
      `${MARK}?q=1`,
    ];
    const targets: Array<[string, (id: string) => Record<string, unknown>]> = [
      ['get_person', (id) => ({ person_id: id })],
      ['get_insight', (id) => ({ insight_id: id })],
      ['set_mcp_tool_approval', (id) => ({ installation_id: installation.id, tool_name: id, approval_state: 'approved' })],
      ['get_feature_flag', (id) => ({ flag_key: id })],
      ['check_feature_flag', (id) => ({ flag_key: id, distinct_id: id })],
      ['list_persons', (id) => ({ distinct_id: id, search: id })],
    ];
    const from = h.standin.requests.length;
    let n = 0;
    for (const [tool, make] of targets) {
      for (const id of ids) {
        const out = await callAndCheck(tool, make(id));
        assert.notEqual(out, 'rpc-error');
        n++;
      }
    }
    assert.equal(n, targets.length * ids.length);
    assert.ok(person.id > 0);
    // The traversal never reached what it aimed at (the project is resolved already, so nothing else asks for it).
    assert.deepEqual(
      h.standin.requests
        .slice(from)
        .filter((r) => r.path.startsWith('/api/users/'))
        .map((r) => r.path),
      [],
    );
  });

  it('arguments that are not an object, and a 20 000-level nesting, are answered', async () => {
    for (const args of [[], [1, 2], 'a string', 42, true]) {
      await callAndCheck('get_dashboard', args);
    }
    const out = await callAndCheck('capture_event', { distinct_id: 'deep', event: 'deep', properties: { deep: nest(20_000, 'object') } });
    assert.notEqual(out, 'rpc-error');
  });

  it('the process survived: no unhandled rejection, the server still answers, and the case count is reported', async (t) => {
    assert.equal(unhandled, 0);
    const ok = await h.call('get_dashboard', { dashboard_id: 1 });
    assert.equal(ok.isError, false, ok.text);
    const fivehundreds = [...stats.standin500].map(([k, v]) => `${k}×${v}`).join(', ') || 'none';
    const line = `fuzz: ${stats.cases} generated tool calls over ${ALL_TOOLS.length} tools (${stats.errors} error results, ${stats.ok} successes, ${stats.rpcErrors} JSON-RPC error answers), ${stats.sent} requests sent to the stand-in; stand-in 500s: ${fivehundreds}`;
    t.diagnostic(line);
    console.log(line);
    for (const [kind, n] of stats.rpcKinds) t.diagnostic(`JSON-RPC error answer ×${n}: ${kind}`);
    assert.ok(stats.cases >= ALL_TOOLS.length * RUNS_PER_TOOL);
  });
});
