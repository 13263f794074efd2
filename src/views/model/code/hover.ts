/**
 * The Markdown of the editor's hovers: a flag key (status, rollout in words, variants, payload,
 * experiments, last change, command links) and a captured event (7-day volume and sparkline).
 * Plain text building, no `vscode`: the glue wraps it in a trusted MarkdownString.
 */
import { COMMANDS } from '../../../ids';
import { md, type Row } from '../node';
import type { FlagDetail, LinkedExperiment, Loaded } from './flagDetails';
import type { FlagStatus } from './flagStatus';
import type { VolumeAnswer } from './eventVolume';
import { formatCount, sparkline } from './sparkline';

/** The commands a hover links to (VS Code runs them with the JSON arguments in the link). */
export const HOVER_COMMANDS = [
  COMMANDS.flagsToggle,
  COMMANDS.flagsCreate,
  COMMANDS.findFlagReferences,
  COMMANDS.openInPostHog,
  COMMANDS.signIn,
];

export function commandLink(title: string, command: string, args: unknown[] = [], tooltip?: string): string {
  const uri = `command:${command}${args.length ? `?${encodeURIComponent(JSON.stringify(args))}` : ''}`;
  return `[${title}](${uri}${tooltip ? ` "${tooltip.replace(/"/g, "'")}"` : ''})`;
}

const PAYLOAD_MAX_CHARS = 400;
const PAYLOAD_MAX_LINES = 12;

/** A payload (PostHog stores JSON-encoded strings) pretty-printed and clipped. */
export function prettyPayload(raw: unknown): string {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
  }
  let text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  let lines = text.split('\n');
  let clipped = false;
  if (lines.length > PAYLOAD_MAX_LINES) {
    lines = lines.slice(0, PAYLOAD_MAX_LINES);
    clipped = true;
  }
  text = lines.join('\n');
  if (text.length > PAYLOAD_MAX_CHARS) {
    text = text.slice(0, PAYLOAD_MAX_CHARS);
    clipped = true;
  }
  return clipped ? `${text}\n…` : text;
}

function isObject(v: unknown): v is Row {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Who gets the flag, in a sentence: "50% of all users", "100% of users matching 2 conditions", "nobody". */
export function rolloutSentence(filters: unknown): string {
  const f = isObject(filters) ? filters : {};
  const groups: unknown[] = Array.isArray(f.groups) ? f.groups : [{ properties: Array.isArray(f.properties) ? f.properties : [] }];
  if (groups.length === 0) return 'nobody (no release conditions)';
  const one = (g: unknown): string => {
    const r = isObject(g) ? g : {};
    const pct = typeof r.rollout_percentage === 'number' ? r.rollout_percentage : 100;
    const n = Array.isArray(r.properties) ? r.properties.length : 0;
    const variant = typeof r.variant === 'string' ? ` (variant "${r.variant}")` : '';
    return `${pct}% of ${n ? `users matching ${n} condition${n === 1 ? '' : 's'}` : 'all users'}${variant}`;
  };
  if (groups.length === 1) return one(groups[0]);
  return `${groups.length} condition sets: ${groups.map(one).join('; ')}`;
}

function variantsOf(filters: Row): Array<{ key: string; pct: number }> {
  const mv = isObject(filters.multivariate) ? filters.multivariate : {};
  const vs = Array.isArray(mv.variants) ? mv.variants : [];
  return vs.filter(isObject).map((v) => ({ key: String(v.key), pct: typeof v.rollout_percentage === 'number' ? v.rollout_percentage : 0 }));
}

/** "2 hours ago", "3 days ago", or the date: the last change. */
export function ago(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return iso;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return 'just now';
  const units: Array<[number, string]> = [
    [60, 'minute'],
    [3600, 'hour'],
    [86400, 'day'],
  ];
  if (s >= 30 * 86400) return new Date(t).toISOString().slice(0, 10);
  let out = '';
  for (const [size, word] of units) {
    const n = Math.floor(s / size);
    if (n >= 1) out = `${n} ${word}${n === 1 ? '' : 's'} ago`;
  }
  return out;
}

export interface FlagHoverInput {
  key: string;
  status: FlagStatus;
  /** Read on hover for a known flag; undefined when not asked (unknown/deleted/error). */
  detail?: Loaded<FlagDetail>;
  experiments?: Loaded<LinkedExperiment[]>;
  now?: number;
}

export function flagHoverMarkdown(input: FlagHoverInput): string {
  const { key, status } = input;
  const title = `**PostHog flag** \`${key.replace(/`/g, "'")}\``;
  const find = commandLink('Find references', COMMANDS.findFlagReferences, [key], 'Every place the workspace checks this flag');
  switch (status.kind) {
    case 'signedOut':
      return `${title}\n\nSigned out of PostHog: sign in to see this flag's status. ${commandLink('Sign In', COMMANDS.signIn)}`;
    case 'loading':
      return `${title}\n\nLoading the project's feature flags…`;
    case 'error':
      return `${title}\n\n$(error) Could not load the feature flags: ${md(status.error)}\n\nHover again to retry.`;
    case 'unknown':
      return [
        `${title} — $(warning) unknown flag`,
        'No feature flag with this key in this project: the code gets false (or its fallback).',
        ...(status.deletedUnknown
          ? [
              `$(info) Status unknown: it may be a deleted flag, but the flags' activity log could not be read: ${md(status.deletedUnknown)}`,
            ]
          : []),
        `${commandLink('Create feature flag', COMMANDS.flagsCreate, [key])} · ${find}`,
      ].join('\n\n');
    case 'deleted':
      return [
        `${title} — $(trash) deleted`,
        'This flag was deleted in PostHog: the code gets false (or its fallback). Remove the check, or create the flag again.',
        `${commandLink('Create feature flag', COMMANDS.flagsCreate, [key])} · ${find}`,
      ].join('\n\n');
  }
  const flag = status.flag;
  const on = status.kind === 'on';
  const parts = [`${title} — ${on ? '$(circle-large-filled) on' : '$(circle-large-outline) off'}${flag.name ? ` · ${md(flag.name)}` : ''}`];
  const d = input.detail;
  const facts: string[] = [];
  if (d?.ok) {
    facts.push(`**Rollout:** ${on ? rolloutSentence(d.value.filters) : `off for everyone (when on: ${rolloutSentence(d.value.filters)})`}`);
    const variants = variantsOf(d.value.filters);
    if (variants.length) facts.push(`**Variants:** ${variants.map((v) => `\`${v.key}\` ${v.pct}%`).join(' · ')}`);
    if (d.value.last_modified_by || d.value.updated_at) {
      const when = d.value.updated_at ? ago(d.value.updated_at, input.now) : '';
      facts.push(
        `**Last change:** ${[when, d.value.last_modified_by ? `by ${md(d.value.last_modified_by)}` : ''].filter(Boolean).join(' ')}`,
      );
    }
  } else {
    facts.push(`**Rollout:** ${on ? (flag.rollout ?? 'on') : 'off for everyone'}`);
    if (d && !d.ok) facts.push(`$(error) Could not load the flag's details: ${md(d.error)}`);
  }
  const ex = input.experiments;
  if (ex?.ok && ex.value.length) {
    facts.push(
      `**Experiments:** ${ex.value.map((e) => `${e.url ? `[${md(e.name)}](${e.url})` : md(e.name)}${e.status ? ` (${e.status})` : ''}`).join(', ')}`,
    );
  } else if (ex && !ex.ok) facts.push(`$(error) Could not load experiments: ${md(ex.error)}`);
  parts.push(facts.join('  \n'));
  if (d?.ok && isObject(d.value.filters.payloads) && Object.keys(d.value.filters.payloads).length) {
    const payloads = Object.entries(d.value.filters.payloads);
    parts.push(
      payloads
        .map(
          ([k, v]) =>
            `**Payload${payloads.length > 1 || k !== 'true' ? ` (${k})` : ''}:**\n\`\`\`json\n${prettyPayload(v).replace(/```/g, '`‵`')}\n\`\`\``,
        )
        .join('\n\n'),
    );
  }
  const links = [
    commandLink(
      on ? 'Disable…' : 'Enable…',
      COMMANDS.flagsToggle,
      [{ key, id: flag.id }],
      on ? 'Turn this flag off (asks first)' : 'Turn this flag on (asks first)',
    ),
    flag.url ? commandLink('Open in PostHog', COMMANDS.openInPostHog, [flag.url]) : undefined,
    find,
  ].filter(Boolean);
  parts.push(links.join(' · '));
  return parts.join('\n\n');
}

/** An event's hover: its 7-day volume and sparkline, or why it is not known. */
export function eventHoverMarkdown(event: string, answer: VolumeAnswer | undefined, signedIn: boolean): string {
  const title = `**PostHog event** \`${event.replace(/`/g, "'")}\``;
  if (!signedIn) return `${title}\n\nSigned out of PostHog: sign in to see this event's volume. ${commandLink('Sign In', COMMANDS.signIn)}`;
  if (!answer) return `${title}\n\nLoading the last 7 days…`;
  if (answer.status === 'error') return `${title}\n\n$(error) Could not load the event's volume: ${md(answer.error)}`;
  const { total, days } = answer.volume;
  if (total === 0) return `${title}\n\nNo events in the last 7 days.`;
  return `${title}\n\n${formatCount(total)} event${total === 1 ? '' : 's'} in the last 7 days  \n\`${sparkline(days)}\` (daily, oldest first)`;
}

/** CodeLens text on a capture call: "1,234 events · 7d ▁▃▅█▂▁▁". */
export function volumeLensText(answer: VolumeAnswer | undefined): string | undefined {
  if (!answer) return undefined;
  if (answer.status === 'error') return '$(warning) event volume unavailable';
  const { total, days } = answer.volume;
  return `${formatCount(total)} event${total === 1 ? '' : 's'} in 7 days ${sparkline(days)}`;
}
