// Corpus file: written for the scanner tests, modelled on apps that centralise their tracking calls in
// one module of small functions. No third-party code is copied.
import posthog from 'posthog-js'

export const track = {
  signupStarted: (method: string) => posthog.capture('signup_started', { method }), // @ph event signup_started
  signupCompleted: () => posthog.capture('signup_completed'), // @ph event signup_completed
  projectCreated: (id: string) => posthog.capture('project_created', { id }), // @ph event project_created
  memberInvited: (role: string) => posthog.capture("member_invited", { role }), // @ph event member_invited
  billingOpened: () => posthog.capture(`billing_opened`), // @ph event billing_opened
  planUpgraded: (plan: string) =>
    posthog.capture(
      'plan_upgraded', // @ph event plan_upgraded
      { plan },
    ),
  exportDownloaded: (format: 'csv' | 'json') => posthog.capture('export_downloaded', { format }), // @ph event export_downloaded
  searchUsed: (q: string) => posthog.capture('search_used', { length: q.length }), // @ph event search_used
  feedbackSent: (score: number) => posthog.capture('feedback_sent', { score }), // @ph event feedback_sent
  tourSkipped: (step: number) => posthog.capture('tour_skipped', { step }), // @ph event tour_skipped
  apiKeyCreated: () => posthog.capture('api_key_created'), // @ph event api_key_created
  custom: (name: string) => posthog.capture(name),
}

export const flags = {
  newNav: () => posthog.isFeatureEnabled('new-nav'), // @ph flag new-nav
  sidebar: () => posthog.getFeatureFlag('sidebar-variant'), // @ph flag sidebar-variant
  quotas: () => posthog.getFeatureFlagPayload('quota-limits'), // @ph flag quota-limits
  aiAssist: () => posthog.isFeatureEnabled('ai-assist', { send_event: false }), // @ph flag ai-assist
}
