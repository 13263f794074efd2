/**
 * Is this file PostHog code, and is this receiver someone else's? A same-named method of another
 * library (Optimizely's `isFeatureEnabled`, LaunchDarkly, Unleash, a project's `telemetry.capture`)
 * is not a PostHog call: a file counts only when its code (not its comments) names PostHog, through
 * an import, a require, `usePostHog()`, the `posthog` global or a client it built.
 */
import { type Token } from '../lex/token';

const POSTHOG = /posthog/i;

/** Receivers that belong to other analytics or flag libraries, even in a file that also uses PostHog. */
const OTHER_LIBRARY =
  /^(?:optimizely\w*|ld\w*client|launchdarkly\w*|ldClient|unleash\w*|statsig\w*|growthbook\w*|gb|flagsmith\w*|split\w*|splitClient|configcat\w*|mixpanel\w*|amplitude\w*|segment\w*|rudder\w*|heap|telemetry\w*|sentry|Sentry|datadog\w*|ddRum|newrelic|bugsnag\w*|honeybadger\w*|rollbar\w*|appInsights|insights|logger|console|gtag|ga|fbq|intercom\w*|hotjar|plausible|umami|fathom|pendo|fullstory|FS|logrocket|LogRocket)$/i;

export function otherLibraryReceiver(receiver: string): boolean {
  return receiver !== '' && receiver !== ')' && !POSTHOG.test(receiver) && OTHER_LIBRARY.test(receiver);
}

/** An identifier naming PostHog in code, or an import/require of a posthog package. */
export function mentionsPostHog(tokens: Token[], importSources: readonly string[] = []): boolean {
  for (const t of tokens) if (t.type === 'id' && POSTHOG.test(t.value)) return true;
  return importSources.some((s) => POSTHOG.test(s));
}
