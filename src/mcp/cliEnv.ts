/** What both posthog-mcp commands (the server and the gateway) read from the environment, and how they stop on bad input. */
import { PostHogClient } from '../posthog/client';
import { describeError } from '../posthog/errors';

export function fail(message: string): never {
  process.stderr.write(`posthog-mcp: ${message}\n`);
  process.exit(2);
}

/** A duration in ms from the environment, or undefined when unset; anything unusable stops the start. */
export function millisecondsFromEnv(name: string, example: number): number | undefined {
  const raw = process.env[name]?.trim();
  if (!raw) return undefined;
  const ms = Number(raw);
  // setTimeout turns NaN, <= 0 and anything past 2^31-1 ms into 1 ms: every request would time out.
  if (!(Number.isFinite(ms) && ms >= 1 && ms <= 2_147_483_647)) {
    fail(`${name} must be a number of milliseconds between 1 and 2147483647 (e.g. ${example}), got "${raw}".`);
  }
  return ms;
}

/** The PostHog client from POSTHOG_API_KEY, POSTHOG_HOST…; stops the start with the reason when it cannot be made. */
export function clientFromEnv(opts: { verbose: boolean; log: (line: string) => void }): PostHogClient {
  const apiKey = process.env.POSTHOG_API_KEY;
  if (!apiKey || !apiKey.trim()) {
    fail('POSTHOG_API_KEY is not set. Create a personal API key in PostHog (Settings → Personal API keys) and set POSTHOG_API_KEY to it.');
  }
  const timeoutMs = millisecondsFromEnv('POSTHOG_TIMEOUT_MS', 30_000);
  try {
    return new PostHogClient({
      apiKey,
      host: process.env.POSTHOG_HOST,
      ingestionHost: process.env.POSTHOG_INGESTION_HOST || undefined,
      projectId: process.env.POSTHOG_PROJECT_ID || undefined,
      timeoutMs,
      onRequest: opts.verbose ? (r) => opts.log(`${r.method} ${r.path} → ${r.status ?? r.error} ${r.durationMs}ms`) : undefined,
    });
  } catch (err) {
    fail(describeError(err));
  }
}
