/**
 * A newer ingestion endpoint with an older one behind it (capture v1 → `/i/v0/e/`, `/flags` →
 * `/decide/`): an older PostHog answers the newer one 404 (or 405), and from then on this host is
 * sent straight to the older one. Kept per process, as a host's version does not change under us.
 */
export class LegacyFallback {
  private readonly olderOnly = new Set<string>();

  /** `newer` resolves to undefined when the host lacks it; `older` is then used, now and for later calls. */
  async run<T>(host: string, newer: () => Promise<T | undefined>, older: () => Promise<T>): Promise<T> {
    if (!this.olderOnly.has(host)) {
      const answer = await newer();
      if (answer !== undefined) return answer;
      this.olderOnly.add(host);
    }
    return older();
  }
}
