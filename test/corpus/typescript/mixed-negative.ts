// Corpus file: written for the scanner tests. A file that uses PostHog *and* other tools with
// same-named methods: only the PostHog calls are references.
import posthog from 'posthog-js'
import * as Sentry from '@sentry/browser'
import { telemetry } from './telemetry'
import { optimizely } from './optimizely'

export function onError(error: Error): void {
  Sentry.captureException(error)
  telemetry.capture('client_error', { message: error.message })
  posthog.capture('client_error_shown') // @ph event client_error_shown
}

export function gate(userId: string): boolean {
  const opt = optimizely.isFeatureEnabled('opt-flag', userId)
  return opt && !!posthog.isFeatureEnabled('ph-gate') // @ph flag ph-gate
}
