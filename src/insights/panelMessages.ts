/**
 * What the insight and dashboard webview pages and the extension say to each other. The page's
 * messages are input like any other: the extension parses each with these zod schemas and drops
 * what does not match. The page imports only the types (zod stays out of the page bundle), and so
 * does the panels' glue: it parses through dist/core.js (`loadCore()`), keeping zod out of activation.
 */
import { z } from 'zod';
import type { ChartModel } from './chart';

export const INTERVALS = ['hour', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** The date range presets the page offers, as PostHog writes relative dates. */
export const DATE_PRESETS = [
  { value: '-24h', label: 'Last 24 hours' },
  { value: '-7d', label: 'Last 7 days' },
  { value: '-30d', label: 'Last 30 days' },
  { value: '-90d', label: 'Last 90 days' },
] as const;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isoDay = z
  .string()
  .regex(ISO_DAY, 'a date as YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'a real date');

/** A preset, or a custom range of two days (from no later than to). */
export const dateRangeSchema = z.union([
  z.object({ preset: z.enum(DATE_PRESETS.map((p) => p.value) as [string, ...string[]]) }).strict(),
  z
    .object({ from: isoDay, to: isoDay })
    .strict()
    .refine((r) => r.from <= r.to, 'the start of the range is after its end'),
]);
export type DateRange = z.infer<typeof dateRangeSchema>;

export const insightPageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('refresh') }).strict(),
  z.object({ type: z.literal('setDateRange'), range: dateRangeSchema }).strict(),
  z.object({ type: z.literal('setInterval'), interval: z.enum(INTERVALS) }).strict(),
  z.object({ type: z.literal('save') }).strict(),
  z.object({ type: z.literal('openInPostHog') }).strict(),
]);
export type InsightPageMessage = z.infer<typeof insightPageMessage>;

export const dashboardPageMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('refresh') }).strict(),
  z.object({ type: z.literal('openInsight'), insightId: z.number().int().positive() }).strict(),
  z.object({ type: z.literal('openInPostHog'), insightId: z.number().int().positive().optional() }).strict(),
]);
export type DashboardPageMessage = z.infer<typeof dashboardPageMessage>;

/** A page message, or undefined for anything else (logged and dropped by the caller). */
export function parseInsightMessage(raw: unknown): InsightPageMessage | undefined {
  const r = insightPageMessage.safeParse(raw);
  return r.success ? r.data : undefined;
}

export function parseDashboardMessage(raw: unknown): DashboardPageMessage | undefined {
  const r = dashboardPageMessage.safeParse(raw);
  return r.success ? r.data : undefined;
}

// --- extension -> page ----------------------------------------------------------------------------

export interface InsightViewState {
  insight: { id: number; name: string; description?: string; url?: string };
  status: 'loading' | 'ready' | 'error';
  chart?: ChartModel;
  /** Goes up with each new chart: the page redraws only then. */
  revision: number;
  /** ISO time PostHog computed the result. */
  computedAt?: string;
  cached?: boolean;
  error?: string;
  range?: DateRange;
  interval?: Interval;
  /** Whether the interval control applies (trends, stickiness, lifecycle). */
  hasInterval: boolean;
  /** The range or interval differs from the saved insight: "Save to insight" is offered. */
  changed: boolean;
  saving?: boolean;
}

export interface DashboardTileState {
  tileId: number;
  /** 'insight' tiles carry a chart (or an error); 'text' tiles their markdown. */
  type: 'insight' | 'text';
  insightId?: number;
  name?: string;
  description?: string;
  text?: string;
  status: 'loading' | 'ready' | 'error';
  chart?: ChartModel;
  computedAt?: string;
  error?: string;
  /** The tile's place on PostHog's 12-column grid. */
  layout?: { x: number; y: number; w: number; h: number };
}

export interface DashboardViewState {
  dashboard: { id: number; name: string; description?: string; url?: string };
  status: 'loading' | 'ready' | 'error';
  error?: string;
  tiles: DashboardTileState[];
}

export type InsightHostMessage = { type: 'state'; state: InsightViewState };
export type DashboardHostMessage = { type: 'state'; state: DashboardViewState } | { type: 'tile'; tile: DashboardTileState };
