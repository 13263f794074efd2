/**
 * Precision and recall of the scanner over the corpus (test/corpus/<language>/*, expected.json):
 * each file is scanned as the scanner would see it, and its references compared with the expected
 * ones by kind, key, file, line and column. Used by the corpus test and by `npm run bench`; every
 * function also takes another directory of the same layout: test/corpus/npm (real files from npm
 * packages, <package>/<file>), or real code kept outside the repository (scripts/corpusScore.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scanSource, type ReferenceKind } from '../../src/code';

export const CORPUS_DIR = path.join(__dirname);

export interface ExpectedReference {
  kind: ReferenceKind;
  key: string;
  file: string;
  line: number;
  column: number;
}

export interface KindScore {
  expected: number;
  found: number;
  matched: number;
  precision: number;
  recall: number;
}

export interface CorpusScore {
  files: number;
  flag: KindScore;
  event: KindScore;
  /** Expected but not found, and found but not expected: "kind key file:line:column". */
  misses: string[];
  extras: string[];
}

const id = (r: { kind: string; key: string; file: string; line: number; column: number }) =>
  `${r.kind} ${r.key} ${r.file}:${r.line}:${r.column}`;

export function corpusFiles(dir = CORPUS_DIR): string[] {
  const files: string[] = [];
  for (const lang of readdirSync(dir, { withFileTypes: true })) {
    // A directory with its own expected.json is another corpus (a held-out set), scored on its own;
    // LICENSES holds the license texts of a corpus of third-party files (test/corpus/npm), not code.
    if (!lang.isDirectory() || lang.name === 'LICENSES' || existsSync(path.join(dir, lang.name, 'expected.json'))) continue;
    for (const f of readdirSync(path.join(dir, lang.name), { withFileTypes: true })) if (f.isFile()) files.push(`${lang.name}/${f.name}`);
  }
  return files.sort();
}

interface Expected {
  references: ExpectedReference[];
  dynamic: Omit<ExpectedReference, 'key'>[];
}

const readExpected = (dir: string): Expected => JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;

export function expectedReferences(dir = CORPUS_DIR): ExpectedReference[] {
  return readExpected(dir).references;
}

/** The dynamic calls expected ("kind file:line:column"), and the ones the scanner reports. */
export function dynamicCalls(dir = CORPUS_DIR): { expected: string[]; found: string[] } {
  const key = (d: { kind: string; file: string; line: number; column: number }) => `${d.kind} ${d.file}:${d.line}:${d.column}`;
  const found = corpusFiles(dir).flatMap((f) => scanSource(readFileSync(path.join(dir, f), 'utf8'), f).dynamic.map(key));
  return { expected: readExpected(dir).dynamic.map(key).sort(), found: found.sort() };
}

export function scoreCorpus(dir = CORPUS_DIR): CorpusScore {
  const expected = expectedReferences(dir);
  const files = corpusFiles(dir);
  const found = files.flatMap((f) => scanSource(readFileSync(path.join(dir, f), 'utf8'), f).references);
  const remaining = new Map<string, number>();
  for (const e of expected) remaining.set(id(e), (remaining.get(id(e)) ?? 0) + 1);
  const extras: string[] = [];
  const matchedByKind = { flag: 0, event: 0 };
  for (const r of found) {
    const k = id(r);
    const left = remaining.get(k) ?? 0;
    if (left > 0) {
      remaining.set(k, left - 1);
      matchedByKind[r.kind]++;
    } else extras.push(k);
  }
  const misses = [...remaining].flatMap(([k, n]) => Array<string>(n).fill(k));
  const score = (kind: ReferenceKind): KindScore => {
    const e = expected.filter((x) => x.kind === kind).length;
    const f = found.filter((x) => x.kind === kind).length;
    const m = matchedByKind[kind];
    return { expected: e, found: f, matched: m, precision: f ? m / f : 1, recall: e ? m / e : 1 };
  };
  return { files: files.length, flag: score('flag'), event: score('event'), misses, extras };
}
