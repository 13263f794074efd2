// Corpus file: written for the scanner tests, modelled on a class that holds a PostHog instance and
// reports timings through this.posthog. No third-party code is copied.
import type { PostHog } from 'posthog-js'

export class DecompressionMetrics {
  private readonly timings: number[] = []

  constructor(private readonly posthog?: PostHog) {}

  record(method: 'worker' | 'main-thread', durationMs: number): void {
    this.timings.push(durationMs)
    if (!this.posthog) return
    this.posthog.capture('replay_decompression_timing', { method, duration_ms: durationMs }) // @ph event replay_decompression_timing
    if (this.timings.length % 100 === 0) {
      this.posthog.capture(
        'replay_decompression_summary', // @ph event replay_decompression_summary
        { count: this.timings.length },
      )
    }
  }

  capture(event: string): void {
    // A method of our own with the same name: a definition, not a call.
    this.posthog?.capture(event)
  }
}
