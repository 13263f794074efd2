// Corpus file: written for the scanner tests, modelled on the common Next.js pageview tracker pattern
// (usePathname + posthog.capture('$pageview')). No third-party code is copied.
'use client'
import { usePathname, useSearchParams } from 'next/navigation'
import { useEffect } from 'react'
import posthog from 'posthog-js'

export function PostHogPageview() {
  const pathname = usePathname()
  const searchParams = useSearchParams()
  useEffect(() => {
    if (!pathname) return
    const search = searchParams?.toString()
    const url = window.location.origin + pathname + (search ? `?${search}` : '')
    posthog.capture('$pageview', { $current_url: url }) // @ph event $pageview
  }, [pathname, searchParams])
  return null
}

export function trackLeave() {
  // posthog.capture('$pageleave') is sent automatically; this comment is not a call
  posthog.capture('$pageleave', { manual: true }) // @ph event $pageleave
}
