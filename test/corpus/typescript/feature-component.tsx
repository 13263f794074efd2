// Corpus file: written for the scanner tests, modelled on apps that gate UI with <PostHogFeature>.
// No third-party code is copied.
import { PostHogFeature, useFeatureFlagEnabled } from 'posthog-js/react'
import { NewOnboarding, OldOnboarding } from './onboarding'

const FLAGS = {
  ONBOARDING_V2: 'onboarding-v2',
  SIDEBAR: 'collapsible-sidebar',
} as const

export function Onboarding() {
  return (
    <PostHogFeature flag={FLAGS.ONBOARDING_V2} match={true} fallback={<OldOnboarding />}> {/* @ph flag onboarding-v2 const */}
      <NewOnboarding />
    </PostHogFeature>
  )
}

export function Shell({ children }: { children: React.ReactNode }) {
  const collapsible = useFeatureFlagEnabled(FLAGS.SIDEBAR) // @ph flag collapsible-sidebar const
  return (
    <div>
      <PostHogFeature
        flag="shell-announcement" // @ph flag shell-announcement
        match="test"
      >
        <aside>New: keyboard shortcuts</aside>
      </PostHogFeature>
      {collapsible ? <nav className="collapsible" /> : <nav />}
      {children}
    </div>
  )
}
