// Corpus file: written for the scanner tests, modelled on posthog-react-native screens (the
// useFeatureFlag hook and capture from usePostHog). No third-party code is copied.
import React from 'react'
import { Button, Text, View } from 'react-native'
import { useFeatureFlag, usePostHog } from 'posthog-react-native'

export function PaywallScreen() {
  const posthog = usePostHog()
  const variant = useFeatureFlag('paywall-copy') // @ph flag paywall-copy
  const annual = useFeatureFlag("annual-plan-default") // @ph flag annual-plan-default
  return (
    <View>
      <Text>{variant === 'test' ? 'Go Pro today' : 'Upgrade'}</Text>
      <Button title="Buy" onPress={() => posthog.capture('paywall_purchase_tapped', { annual })} /> {/* @ph event paywall_purchase_tapped */}
      <Button title="Close" onPress={() => posthog.capture("paywall_dismissed")} /> {/* @ph event paywall_dismissed */}
    </View>
  )
}
