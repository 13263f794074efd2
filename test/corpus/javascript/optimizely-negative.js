// Corpus negative: written for the scanner tests. A file using Optimizely's SDK, whose
// isFeatureEnabled has the same name as posthog-js's: none of these are PostHog references.
const optimizelySdk = require('@optimizely/optimizely-sdk')

const optimizely = optimizelySdk.createInstance({ sdkKey: process.env.OPTIMIZELY_SDK_KEY })

async function priceFilter(userId) {
  await optimizely.onReady()
  const enabled = optimizely.isFeatureEnabled('price_filter', userId)
  const min = optimizely.getFeatureVariableInteger('price_filter', 'min_price', userId)
  return enabled ? min : 0
}

module.exports = { priceFilter }
