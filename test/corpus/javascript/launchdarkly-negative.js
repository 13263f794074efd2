// Corpus negative: written for the scanner tests. LaunchDarkly and a home-grown telemetry client with
// capture(): no PostHog SDK in sight, so nothing here is a reference.
import * as LaunchDarkly from 'launchdarkly-js-client-sdk'
import { telemetry } from './telemetry'

const ldClient = LaunchDarkly.initialize('client-side-id', { key: 'anon' })

export async function showNewNav() {
  await ldClient.waitForInitialization()
  const on = ldClient.variation('new-nav', false)
  telemetry.capture('nav_shown', { on })
  return on
}

export function isFeatureEnabled(flag) {
  return ldClient.variation(flag, false)
}

export const legacy = isFeatureEnabled('legacy-mode')
