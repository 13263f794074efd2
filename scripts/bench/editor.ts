/**
 * The editor features from cache: hover on a flag key and completion of flag keys, on a 2,000-line
 * TypeScript file with 200 flag references and a project of 2,000 flags, everything already
 * loaded (what a person's second hover or keystroke costs). Measured beside a floor in the same
 * run: a Map lookup and a template string, the least any answer could cost. Medians and p95 after a warm-up.
 */
import { keySlotAt, scanSource } from '../../src/code';
import { flagCompletions } from '../../src/views/model/code/completion';
import { keySlotNear } from '../../src/views/model/code/keySlot';
import type { CachedFlag, FlagCacheState } from '../../src/views/model/code/flagCache';
import { flagStatus } from '../../src/views/model/code/flagStatus';
import { flagHoverMarkdown } from '../../src/views/model/code/hover';
import { now, percentile, round } from './lib';

export interface EditorResult {
  floor_ms_p95: number;
  hover_ms_p95: number;
  completion_ms_p95: number;
  flags: number;
  lines: number;
}

export function measureEditor(n: number): EditorResult {
  const flags = new Map<string, CachedFlag>();
  for (let i = 0; i < 2000; i++) {
    const key = `flag-${i}`;
    flags.set(key, { id: i, key, active: i % 3 !== 0, rollout: `${i % 100}%`, url: `https://us.posthog.com/project/1/feature_flags/${i}` });
  }
  const state: FlagCacheState = { status: 'loaded', flags, deleted: new Set() };
  const lines = ["import posthog from 'posthog-js';"];
  for (let i = 1; i < 2000; i++)
    lines.push(i % 10 === 0 ? `  if (posthog.isFeatureEnabled('flag-${i}')) render(${i});` : `  const v${i} = compute(${i}) + ${i};`);
  const text = lines.join('\n');
  const file = 'bench.ts';
  const scan = scanSource(text, file); // the document's scan, cached per version by the glue
  const target = scan.references[100];
  const detail = {
    ok: true as const,
    value: {
      filters: { groups: [{ properties: [], rollout_percentage: 50 }] },
      updated_at: new Date().toISOString(),
      last_modified_by: 'Ada',
    },
  };
  const experiments = { ok: true as const, value: [] };
  const slotAt = text.indexOf("'flag-1000'") + 3;

  const floor: number[] = [];
  const hover: number[] = [];
  const completion: number[] = [];
  let sink = 0;
  // The first rounds compile the scanner and the renderers: measured after a warm-up, like every other row.
  const warmup = Math.max(20, Math.floor(n / 5));
  for (let i = 0; i < warmup + n; i++) {
    if (i === warmup) floor.length = hover.length = completion.length = 0;
    let t = now();
    const f = flags.get(target.key);
    sink += `${f?.key} ${f?.rollout}`.length;
    floor.push(now() - t);

    t = now();
    const ref = scan.references.find((r) => target.start >= r.start - 1 && target.start <= r.end + 1)!;
    sink += flagHoverMarkdown({ key: ref.key, status: flagStatus(state, ref.key), detail, experiments }).length;
    hover.push(now() - t);

    t = now();
    const slot = keySlotNear({ keySlotAt }, text, file, slotAt);
    if (slot) sink += flagCompletions(state).length;
    completion.push(now() - t);
  }
  if (sink < 0) console.log(sink);
  return {
    floor_ms_p95: round(percentile(floor, 95), 4),
    hover_ms_p95: round(percentile(hover, 95), 3),
    completion_ms_p95: round(percentile(completion, 95), 3),
    flags: flags.size,
    lines: lines.length,
  };
}
