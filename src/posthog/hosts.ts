/** PostHog hosts: US cloud, EU cloud, or a self-hosted instance. */

export const US_HOST = 'https://us.posthog.com';
export const EU_HOST = 'https://eu.posthog.com';

const INGESTION: Record<string, string> = {
  'us.posthog.com': 'https://us.i.posthog.com',
  'app.posthog.com': 'https://us.i.posthog.com',
  'eu.posthog.com': 'https://eu.i.posthog.com',
};

/**
 * Normalises what a person typed ("us", "EU", "posthog.example.com/", "https://x/") to an origin.
 * Throws a clear error for something that is not an http(s) URL.
 */
export function normalizeHost(input?: string): string {
  const raw = (input ?? '').trim();
  if (!raw || raw.toLowerCase() === 'us') return US_HOST;
  if (raw.toLowerCase() === 'eu') return EU_HOST;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(
      `"${raw}" is not a valid PostHog host. Use "us", "eu" or your instance's URL, for example https://posthog.example.com.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`"${raw}" is not a valid PostHog host: only http and https URLs are supported.`);
  }
  if (url.username || url.password) {
    throw new Error('The PostHog host must not contain a user name or password.');
  }
  // Keep a path prefix for instances served under a sub-path, drop the trailing slash.
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** The capture / flags host that goes with an app host. */
export function ingestionHostFor(host: string): string {
  const normalized = normalizeHost(host);
  const hostname = new URL(normalized).host.toLowerCase();
  return INGESTION[hostname] ?? normalized;
}

/** A short label for the host, for status bars and messages. */
export function hostLabel(host: string): string {
  const normalized = normalizeHost(host);
  if (normalized === US_HOST) return 'US cloud';
  if (normalized === EU_HOST) return 'EU cloud';
  return new URL(normalized).host;
}
