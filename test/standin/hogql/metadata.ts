/**
 * The stand-in's answer to `{kind: "HogQLMetadata", language: "hogQL", query}`, after PostHog's
 * posthog/hogql/metadata.py: `{query, isValid, isValidView, errors, warnings, notices}`, each
 * error `{message, start, end, fix: null}` with code point offsets into the query (end exclusive).
 * PostHog parses and prints the whole query and reports its first failure; this is a small
 * checker that reports the first of the mistakes people make most, with PostHog's wording
 * (docs/posthog-compat.md lists them):
 *   - an unterminated string, quoted identifier or comment (token recognition error);
 *   - a query that is not a SELECT (mismatched input … expecting …);
 *   - an unbalanced parenthesis;
 *   - a query that stops where more is needed ("Unexpected end of query", metadata.py's wording);
 *   - SELECT with nothing before FROM;
 *   - FROM an unknown table ("Unknown table `x`.", posthog/hogql/database/database.py);
 *   - a call to a function HogQL does not have ("Unsupported function call 'x(...)'", printer);
 *   - on a plain `FROM events` query, a field events does not have ("Unable to resolve field: x").
 * Anything else is reported valid.
 */
import { TABLES } from './schema';

interface Token {
  kind: 'word' | 'qident' | 'num' | 'str' | 'op';
  text: string;
  start: number;
  end: number;
}

interface Problem {
  message: string;
  start: number;
  end: number;
}

class Found extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

const fail = (message: string, start: number, end: number): never => {
  throw new Found({ message, start, end });
};

const KEYWORDS = new Set(
  (
    'select from where and or not group by order asc desc limit offset as interval having join inner left right full cross outer on using ' +
    'union all distinct with like ilike in between is null true false case when then else end settings any array sample final prewhere ' +
    'window over partition rows range preceding following current row unbounded nulls first last top ties fill interval second minute hour day week month quarter year ' +
    'except intersect semi anti asof lateral filter'
  ).split(' '),
);

/** HogQL's exposed functions (posthog/hogql/functions/mapping.py), the ones queries use most; case-insensitive as PostHog's lookup. */
export const FUNCTIONS = new Set(
  (
    'count countIf countDistinct uniq uniqExact uniqIf sum sumIf avg avgIf min minIf max maxIf any anyLast argMax argMin groupArray groupUniqArray ' +
    'quantile quantiles median stddevPop stddevSamp varPop varSamp corr topK histogram retention windowFunnel sequenceMatch ' +
    'now today yesterday toDate toDateTime toStartOfMinute toStartOfFiveMinutes toStartOfFifteenMinutes toStartOfHour toStartOfDay toStartOfWeek ' +
    'toStartOfMonth toStartOfQuarter toStartOfYear toStartOfInterval toMonday toYear toMonth toDayOfWeek toDayOfMonth toHour toMinute toSecond ' +
    'toUnixTimestamp toTimeZone toYYYYMM toYYYYMMDD dateDiff dateAdd dateSub dateTrunc formatDateTime parseDateTime parseDateTimeBestEffort ' +
    'toIntervalSecond toIntervalMinute toIntervalHour toIntervalDay toIntervalWeek toIntervalMonth toIntervalYear addDays addHours subtractDays subtractHours ' +
    'toString toInt toFloat toDecimal toBool toUUID toJSONString JSONExtract JSONExtractString JSONExtractInt JSONExtractFloat JSONExtractBool JSONExtractRaw JSONHas JSONLength ' +
    'lower upper length lengthUTF8 concat substring substr trim trimLeft trimRight replace replaceAll replaceOne replaceRegexpAll replaceRegexpOne ' +
    'splitByChar splitByString position positionCaseInsensitive startsWith endsWith like ilike match extract extractAll multiMatchAny ' +
    'domain domainWithoutWWW path protocol cutQueryString extractURLParameter ' +
    'if multiIf coalesce ifNull nullIf isNull isNotNull assumeNotNull toNullable and or not equals notEquals less greater lessOrEquals greaterOrEquals ' +
    'in notIn plus minus multiply divide intDiv modulo abs round floor ceil sqrt exp log log2 log10 pow greatest least ' +
    'array arrayJoin arrayMap arrayFilter arrayExists arrayAll arrayCount arraySum arraySort arrayReverse arrayDistinct arrayElement arrayConcat arraySlice ' +
    'has hasAny hasAll indexOf empty notEmpty tuple tupleElement range emptyArrayString ' +
    'row_number rank dense_rank lag lead lagInFrame leadInFrame first_value last_value nth_value ' +
    'hogql_lookupDomainType hogql_lookupPaidSourceType matchesAction sparkline lookupDomainType'
  )
    .split(' ')
    .map((f) => f.toLowerCase()),
);

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && src[i + 1] === '-') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail(`token recognition error at: '/*'`, i, src.length);
      i = end + 2;
    } else if (/[A-Za-z_$]/.test(c)) {
      const start = i;
      while (i < src.length && /[\w$]/.test(src[i])) i++;
      tokens.push({ kind: 'word', text: src.slice(start, i), start, end: i });
    } else if (/\d/.test(c)) {
      const start = i;
      while (i < src.length && /[\w.]/.test(src[i])) i++;
      tokens.push({ kind: 'num', text: src.slice(start, i), start, end: i });
    } else if (c === "'" || c === '"' || c === '`') {
      const start = i++;
      for (;;) {
        if (i >= src.length) fail(`token recognition error at: '${src.slice(start, start + 20)}'`, start, src.length);
        if (src[i] === '\\') i += 2;
        else if (src[i] === c && src[i + 1] === c) i += 2;
        else if (src[i] === c) break;
        else i++;
      }
      i++;
      tokens.push({ kind: c === "'" ? 'str' : 'qident', text: src.slice(start, i), start, end: i });
    } else {
      const two = src.slice(i, i + 2);
      const op = ['!=', '<>', '>=', '<=', '==', '||', '->', '::'].includes(two) ? two : c;
      tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  return tokens;
}

/** Tokens after which a query cannot end. */
const NEEDS_MORE = new Set([
  'select',
  'from',
  'where',
  'and',
  'or',
  'not',
  'by',
  'having',
  'on',
  'join',
  'as',
  'limit',
  'offset',
  'in',
  'like',
  'ilike',
  'between',
  'interval',
  'when',
  'then',
  'else',
  'case',
  'with',
  'union',
]);
const NEEDS_MORE_OPS = new Set([',', '=', '==', '!=', '<>', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '(', '.', '||']);

function check(src: string): void {
  const tokens = tokenize(src).filter((t, i, all) => !(t.text === ';' && i === all.length - 1));
  const lower = (t: Token | undefined) => (t?.kind === 'word' ? t.text.toLowerCase() : t?.text);
  const first = tokens[0];
  if (!first) fail('Unexpected end of query', 0, 0);
  if (!['select', 'with', '('].includes(lower(first) ?? ''))
    fail(`mismatched input '${first.text}' expecting {SELECT, WITH, '('}`, first.start, first.end);

  // Parentheses balance.
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.text === '(') open.push(t);
    else if (t.text === ')' && !open.pop()) fail(`extraneous input ')' expecting <EOF>`, t.start, t.end);
  }
  const last = tokens[tokens.length - 1];
  if (open.length || NEEDS_MORE.has(lower(last) ?? '') || (last.kind === 'op' && NEEDS_MORE_OPS.has(last.text) && last.text !== '*'))
    fail('Unexpected end of query', src.length, src.length);

  // SELECT FROM …: nothing selected.
  for (let i = 0; i + 1 < tokens.length; i++)
    if (lower(tokens[i]) === 'select' && ['from', 'where', 'group', 'order', 'limit'].includes(lower(tokens[i + 1]) ?? ''))
      fail(`no viable alternative at input '${tokens[i].text} ${tokens[i + 1].text}'`, tokens[i + 1].start, tokens[i + 1].end);

  // FROM / JOIN <table>.
  const tables: string[] = [];
  let joins = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const kw = lower(tokens[i]);
    if (kw !== 'from' && kw !== 'join') continue;
    if (kw === 'join') joins++;
    const t = tokens[i + 1];
    if (t.text === '(') continue;
    if (t.kind !== 'word' && t.kind !== 'qident') fail(`mismatched input '${t.text}' expecting an identifier`, t.start, t.end);
    let name = t.kind === 'qident' ? t.text.slice(1, -1) : t.text;
    let end = t.end;
    for (let j = i + 2; tokens[j]?.text === '.' && tokens[j + 1]?.kind === 'word'; j += 2) {
      name += `.${tokens[j + 1].text}`;
      end = tokens[j + 1].end;
    }
    if (!(name in TABLES) && !name.startsWith('system.')) fail(`Unknown table \`${name}\`.`, t.start, end);
    tables.push(name);
  }

  // Function calls.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || tokens[i + 1].text !== '(' || tokens[i - 1]?.text === '.') continue;
    const name = t.text.toLowerCase();
    if (KEYWORDS.has(name) || FUNCTIONS.has(name)) continue;
    let depth = 0;
    let end = t.end;
    for (let j = i + 1; j < tokens.length; j++) {
      if (tokens[j].text === '(') depth++;
      else if (tokens[j].text === ')' && --depth === 0) {
        end = tokens[j].end;
        break;
      }
    }
    fail(`Unsupported function call '${t.text}(...)'`, t.start, end);
  }

  // Fields of a plain `FROM events` query (no joins, subqueries or CTEs, where aliases would make this a guess).
  if (
    tables.length === 1 &&
    tables[0] === 'events' &&
    joins === 0 &&
    lower(first) === 'select' &&
    open.length === 0 &&
    tokens.filter((t) => lower(t) === 'select').length === 1
  ) {
    const aliases = new Set<string>();
    for (let i = 0; i + 1 < tokens.length; i++)
      if (lower(tokens[i]) === 'as' && tokens[i + 1].kind === 'word') aliases.add(tokens[i + 1].text);
    const fields = TABLES.events;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'word' || KEYWORDS.has(t.text.toLowerCase())) continue;
      const prev = tokens[i - 1];
      const next = tokens[i + 1];
      if (prev?.text === '.' || next?.text === '(' || lower(prev) === 'as' || lower(prev) === 'from' || lower(prev) === 'interval')
        continue;
      if (t.text in fields || aliases.has(t.text) || t.text === 'events') continue;
      // An alias without AS (`count() c`, `event e`).
      if (prev && (prev.text === ')' || ((prev.kind === 'word' || prev.kind === 'qident') && !KEYWORDS.has(prev.text.toLowerCase()))))
        continue;
      fail(`Unable to resolve field: ${t.text}`, t.start, t.end);
    }
  }
}

/** UTF-16 index → code point offset, as Python counts. */
function codePoints(src: string, index: number): number {
  return [...src.slice(0, index)].length;
}

export function hogqlMetadata(query: string) {
  const errors: Array<Problem & { fix: null }> = [];
  try {
    check(query);
  } catch (err) {
    if (!(err instanceof Found)) throw err;
    const { message, start, end } = err.problem;
    errors.push({ message, start: codePoints(query, start), end: codePoints(query, end), fix: null });
  }
  return { query, isValid: errors.length === 0, isValidView: false, errors, warnings: [], notices: [] };
}
