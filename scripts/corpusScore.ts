/**
 * Scores the scanner over a directory laid out like this corpus (<language>/<file>, expected.json):
 * `npx tsx scripts/corpusScore.ts <dir>`. For real public code that must stay out of the repository
 * (this workplace's rules), kept and labelled elsewhere; with no argument, scores test/corpus.
 */
import { CORPUS_DIR, corpusFiles, dynamicCalls, scoreCorpus, type KindScore } from '../test/corpus/measure';

const dir = process.argv[2] ?? CORPUS_DIR;
const score = scoreCorpus(dir);
const dynamic = dynamicCalls(dir);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (name: string, s: KindScore) =>
  `${name.padEnd(7)} expected ${String(s.expected).padStart(4)}  found ${String(s.found).padStart(4)}  matched ${String(s.matched).padStart(4)}  precision ${pct(s.precision)}  recall ${pct(s.recall)}`;

const byLanguage = new Map<string, number>();
for (const f of corpusFiles(dir)) byLanguage.set(f.split('/')[0], (byLanguage.get(f.split('/')[0]) ?? 0) + 1);
const dynFound = new Set(dynamic.found);
const dynExpected = new Set(dynamic.expected);
const dynMatched = dynamic.expected.filter((d) => dynFound.has(d)).length;

const lines = [
  `${score.files} files in ${dir}: ${[...byLanguage].map(([l, n]) => `${l} ${n}`).join(', ')}`,
  row('flag', score.flag),
  row('event', score.event),
  `dynamic expected ${dynamic.expected.length}  found ${dynamic.found.length}  matched ${dynMatched}`,
  '',
  `misses (${score.misses.length}):`,
  ...score.misses.map((m) => `  ${m}`),
  `extras (${score.extras.length}):`,
  ...score.extras.map((m) => `  ${m}`),
  `dynamic missed:`,
  ...dynamic.expected.filter((d) => !dynFound.has(d)).map((d) => `  ${d}`),
  `dynamic extra:`,
  ...dynamic.found.filter((d) => !dynExpected.has(d)).map((d) => `  ${d}`),
];
process.stdout.write(`${lines.join('\n')}\n`);
