// Corpus file: written for the scanner tests, modelled on React apps that read several flags in one
// hook with posthog-js/react. No third-party code is copied.
import { useFeatureFlagEnabled, usePostHog } from 'posthog-js/react'

export function useAuthFeatureFlags(): { signupGated: boolean; googleLogin: boolean; avatars: boolean; pricing: boolean } {
  const posthog = usePostHog()
  const signupGated = useFeatureFlagEnabled('signup-gated') // @ph flag signup-gated
  const googleLogin = useFeatureFlagEnabled('google-login-enabled') // @ph flag google-login-enabled
  const avatars = useFeatureFlagEnabled('avatar-enabled') // @ph flag avatar-enabled
  const pricing = useFeatureFlagEnabled('pricing-enabled') // @ph flag pricing-enabled
  if (signupGated) posthog?.capture('signup_gate_shown') // @ph event signup_gate_shown
  return { signupGated: !!signupGated, googleLogin: !!googleLogin, avatars: !!avatars, pricing: !!pricing }
}
