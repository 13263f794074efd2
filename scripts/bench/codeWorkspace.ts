/**
 * A generated workspace for the code-scan bench: `files` source files in the scanner's six
 * languages (about `linesPerFile` lines each), ordinary code with PostHog SDK calls sprinkled in
 * (about one line in 20), comments, strings and same-named calls of other libraries. Deterministic:
 * the same arguments give the same tree, byte for byte.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The call names grep looks for: the same names the scanner's rules match. */
export const GREP_PATTERN =
  'isFeatureEnabled|getFeatureFlag|getFeatureFlagPayload|useFeatureFlag[A-Za-z]*|PostHogFeature|isEnabled|getFlag|capture|feature_enabled|get_feature_flag|is_feature_enabled|FeatureFlagPayload|Capture';

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = 'ts' | 'tsx' | 'js' | 'py' | 'go' | 'rb' | 'php';
const MIX: [Lang, number][] = [
  ['ts', 0.28],
  ['tsx', 0.1],
  ['js', 0.14],
  ['py', 0.2],
  ['go', 0.1],
  ['rb', 0.1],
  ['php', 0.08],
];

interface Style {
  header: string[];
  filler: (n: number, r: () => number) => string;
  call: (key: string, r: () => number) => string;
  footer: string[];
}

const pick = <T>(xs: readonly T[], r: () => number): T => xs[Math.floor(r() * xs.length)];

const JS: Style = {
  header: [
    "import posthog from 'posthog-js'",
    "import { useFeatureFlagEnabled } from 'posthog-js/react'",
    "import { format } from './util'",
    '',
  ],
  filler: (n, r) =>
    pick(
      [
        `  const value${n} = format(input${n}, { width: ${n}, label: 'row ${n}' })`,
        `  // recompute the totals when the filter changes (${n})`,
        `  if (items.length > ${n}) { items = items.slice(0, ${n}) }`,
        `  const url${n} = \`/api/items/\${id}/page/${n}\``,
        `  result.push({ id: ${n}, name: "item-${n}", tags: ['a', 'b'] })`,
        `  /* a block comment mentioning posthog.capture('not-a-call-${n}') */`,
        `  logger.info('processed', ${n}, /\\d+-${n}/.test(name))`,
        `  total += prices[${n} % prices.length] * quantity`,
      ],
      r,
    ),
  call: (key, r) =>
    pick(
      [
        `  posthog.capture('${key}_clicked', { n: 1 })`,
        `  if (posthog.isFeatureEnabled('${key}')) enable()`,
        `  const v = posthog.getFeatureFlag("${key}")`,
        `  const on = useFeatureFlagEnabled('${key}')`,
        `  telemetry.capture('${key}_local')`,
      ],
      r,
    ),
  footer: ['}'],
};

const PY: Style = {
  header: ['import posthog', 'from .util import fmt', '', ''],
  filler: (n, r) =>
    pick(
      [
        `    value_${n} = fmt(data["k${n}"], width=${n})`,
        `    # recompute the totals when the filter changes (${n})`,
        `    if len(items) > ${n}:\n        items = items[:${n}]`,
        `    url = f"/api/items/{item_id}/page/${n}"`,
        `    result.append({"id": ${n}, "name": 'item-${n}'})`,
        `    """posthog.capture('not-a-call-${n}', distinct_id='x')"""`,
        `    total += prices[${n} % len(prices)] * quantity`,
      ],
      r,
    ),
  call: (key, r) =>
    pick(
      [
        `    posthog.capture("${key}_done", distinct_id=user_id)`,
        `    if posthog.feature_enabled("${key}", user_id): enable()`,
        `    v = posthog.get_feature_flag('${key}', user_id)`,
        `    posthog.capture(user_id, '${key}_legacy')`,
      ],
      r,
    ),
  footer: ['    return result'],
};

const GO: Style = {
  header: ['package pkg', '', 'import (', '\t"fmt"', '\t"github.com/posthog/posthog-go"', ')', ''],
  filler: (n, r) =>
    pick(
      [
        `\tvalue${n} := fmt.Sprintf("%d-%s", ${n}, name)`,
        `\t// recompute the totals when the filter changes (${n})`,
        `\tif len(items) > ${n} {\n\t\titems = items[:${n}]\n\t}`,
        `\turl := \`/api/items/page/${n}\``,
        `\ttotal += prices[${n}%len(prices)] * quantity`,
      ],
      r,
    ),
  call: (key, r) =>
    pick(
      [
        `\t_ = client.Enqueue(posthog.Capture{DistinctId: id, Event: "${key}_done"})`,
        `\ton, _ := client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "${key}", DistinctId: id})`,
      ],
      r,
    ),
  footer: ['\treturn nil', '}'],
};

const RB: Style = {
  header: ["require 'posthog'", ''],
  filler: (n, r) =>
    pick(
      [
        `    value_${n} = fmt(data[:k${n}], width: ${n})`,
        `    # recompute the totals when the filter changes (${n})`,
        `    items = items.first(${n}) if items.size > ${n}`,
        `    url = "/api/items/#{item_id}/page/${n}"`,
        `    total += prices[${n} % prices.size] * quantity`,
      ],
      r,
    ),
  call: (key, r) =>
    pick([`    $posthog.capture(distinct_id: user.id, event: '${key}_done')`, `    $posthog.is_feature_enabled('${key}', user.id)`], r),
  footer: ['  end'],
};

const PHP: Style = {
  header: ['<?php', 'use PostHog\\PostHog;', ''],
  filler: (n, r) =>
    pick(
      [
        `    $value${n} = fmt($data['k${n}'], ${n});`,
        `    // recompute the totals when the filter changes (${n})`,
        `    if (count($items) > ${n}) { $items = array_slice($items, 0, ${n}); }`,
        `    $url = "/api/items/$itemId/page/${n}";`,
        `    $total += $prices[${n} % count($prices)] * $quantity;`,
      ],
      r,
    ),
  call: (key, r) =>
    pick(
      [`    PostHog::capture(['distinctId' => $id, 'event' => '${key}_done']);`, `    $on = PostHog::isFeatureEnabled('${key}', $id);`],
      r,
    ),
  footer: ['}'],
};

const STYLES: Record<Lang, Style> = { ts: JS, tsx: JS, js: JS, py: PY, go: GO, rb: RB, php: PHP };
const OPEN: Record<Lang, (n: number) => string> = {
  ts: (n) => `export function handler${n}(input: any, items: any[]): any {`,
  tsx: (n) => `export function Component${n}(input: any, items: any[]) {`,
  js: (n) => `export function handler${n}(input, items) {`,
  py: (n) => `def handler_${n}(data, items, user_id):`,
  go: (n) => `func Handler${n}(items []int, id string) error {`,
  rb: (n) => `  def handler_${n}(data, items, user)`,
  php: (n) => `function handler${n}($data, $items, $id) {`,
};

export interface GeneratedWorkspace {
  files: number;
  lines: number;
  bytes: number;
  calls: number;
}

/** Writes the workspace under `dir` (which should be empty). */
export function generateWorkspace(dir: string, files: number, linesPerFile: number, seed = 12): GeneratedWorkspace {
  const r = prng(seed);
  let lines = 0;
  let bytes = 0;
  let calls = 0;
  for (let f = 0; f < files; f++) {
    let x = r();
    let lang: Lang = 'ts';
    for (const [l, w] of MIX) {
      if ((x -= w) < 0) {
        lang = l;
        break;
      }
    }
    const style = STYLES[lang];
    const out: string[] = [...style.header];
    if (lang === 'rb') out.push(`class Service${f}`);
    let fn = 0;
    while (out.length < linesPerFile) {
      out.push(OPEN[lang](fn++));
      for (let i = 0; i < 12 && out.length < linesPerFile; i++) {
        if (r() < 0.05) {
          out.push(style.call(`feature-${Math.floor(r() * 400)}`, r));
          calls++;
        } else out.push(style.filler(i + fn * 13, r));
      }
      out.push(...style.footer);
    }
    if (lang === 'rb') out.push('end');
    const text = out.join('\n') + '\n';
    const rel = path.join(`pkg${f % 50}`, `mod${Math.floor(f / 50) % 20}`, `file${f}.${lang}`);
    mkdirSync(path.join(dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    lines += text.split('\n').length - 1;
    bytes += Buffer.byteLength(text);
  }
  return { files, lines, bytes, calls };
}
