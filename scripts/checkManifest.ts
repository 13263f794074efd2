/**
 * `npm run check:manifest`: prints where package.json and the code disagree (commands, views,
 * context keys, tree item values, the toolsets setting); exit 1 on any problem.
 * Usage: tsx scripts/checkManifest.ts [path/to/package.json]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHECKS, checkManifest } from './manifest/check';
import { codeIds } from './manifest/codeIds';

const file = process.argv[2] ?? path.join(__dirname, '..', 'package.json');
const problems = checkManifest(JSON.parse(readFileSync(file, 'utf8')), codeIds());
for (const [check, title] of Object.entries(CHECKS)) {
  const found = problems.filter((p) => p.check === check);
  console.log(`${found.length ? '✗' : '✓'} ${title}`);
  for (const p of found) console.log(`    ${p.where}: ${p.message}`);
}
console.log(problems.length ? `${problems.length} problem(s) in ${file}` : `${file} agrees with the code`);
process.exitCode = problems.length ? 1 : 0;
