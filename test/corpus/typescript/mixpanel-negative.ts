// Corpus negative: written for the scanner tests. Mixpanel, Unleash and Statsig have calls shaped like
// PostHog's; nothing in this file imports or names PostHog, so none is a reference.
import mixpanel from 'mixpanel-browser'
import { UnleashClient } from 'unleash-proxy-client'
import Statsig from 'statsig-js'

const unleash = new UnleashClient({ url: '/proxy', clientKey: 'key', appName: 'web' })

export function onSignup(plan: string): void {
  mixpanel.track('signed_up', { plan })
  if (unleash.isEnabled('new-onboarding')) mixpanel.track('onboarding_v2')
  if (Statsig.checkGate('pricing_gate')) mixpanel.track('pricing_gate_passed')
}

class Recorder {
  capture(name: string): void {
    console.log(name)
  }
}

new Recorder().capture('recorded')
