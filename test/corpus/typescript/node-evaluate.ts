// Corpus file: written for the scanner tests, modelled on posthog-node 5's evaluateFlags() snapshot
// API beside the older per-flag calls. No third-party code is copied.
import { PostHog } from 'posthog-node'

const posthog = new PostHog(process.env.POSTHOG_API_KEY!, { host: process.env.POSTHOG_HOST })

export async function renderHome(distinctId: string): Promise<{ hero: string; pricing: boolean; banner: unknown }> {
  const flags = await posthog.evaluateFlags(distinctId, { personProperties: { plan: 'pro' } })
  const pricing = flags.isEnabled('pricing-v3') // @ph flag pricing-v3
  const hero = (flags.getFlag('home-hero') as string) ?? 'control' // @ph flag home-hero
  const banner = flags.getFlagPayload('home-banner') // @ph flag home-banner
  posthog.capture({ distinctId, event: 'home rendered', properties: { hero } }) // @ph event home rendered
  return { hero, pricing, banner }
}

export async function legacyCheck(distinctId: string): Promise<boolean> {
  const enabled = await posthog.isFeatureEnabled('legacy-export', distinctId) // @ph flag legacy-export
  const settings = new Map<string, boolean>()
  settings.set('x', true)
  return !!enabled && !!settings.get('x')
}
