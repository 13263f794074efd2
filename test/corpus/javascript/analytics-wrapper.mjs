// Corpus file: written for the scanner tests, modelled on projects that wrap posthog.capture in their
// own helper and call the helper with literal event names. No third-party code is copied.
import posthog from 'posthog-js'

function capture(event, props) {
  if (typeof window === 'undefined') return
  posthog.capture(event, props)
}

export function trackSignupStarted(method) {
  capture('signup_started', { method }) // @ph event signup_started
}

export function trackSignupCompleted(method) {
  capture('signup_completed', { method }) // @ph event signup_completed
}

export function trackSearch(query) {
  capture(`search_performed`, { length: query.length }) // @ph event search_performed
}

export function trackStep(step) {
  capture(`onboarding_step_${step}`)
}
