// Corpus file: written for the scanner tests, modelled on dashboard components gated by flags with
// UPPER_CASE keys and payload hooks. No third-party code is copied.
import React, { useEffect, useState } from 'react'
import { useFeatureFlagEnabled, useFeatureFlagPayload, useFeatureFlagVariantKey } from 'posthog-js/react'

interface Banner {
  title: string
  href: string
}

export function StatsDisplay({ loading }: { loading: boolean }) {
  const statsEnabled = useFeatureFlagEnabled('STATS_DISPLAY') // @ph flag STATS_DISPLAY
  const layout = useFeatureFlagVariantKey('stats-layout') // @ph flag stats-layout
  const banner = useFeatureFlagPayload('stats-banner') as Banner | undefined // @ph flag stats-banner
  const [mounted, setMounted] = useState(false)
  useEffect(() => setMounted(true), [])
  if (!mounted || loading || !statsEnabled) return null
  return (
    <section className={layout === 'compact' ? 'stats compact' : 'stats'}>
      {banner ? <a href={banner.href}>{banner.title}</a> : null}
      <p>Don't refresh: numbers update live.</p>
    </section>
  )
}
