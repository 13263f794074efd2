// Corpus file: written for the scanner tests, modelled on Express servers using posthog-node
// (capture with an object, flags checked per request). No third-party code is copied.
const express = require('express')
const { PostHog } = require('posthog-node')

const client = new PostHog(process.env.POSTHOG_KEY, { host: 'https://us.i.posthog.com' })
const CHECKOUT_FLAG = 'new-checkout'
const app = express()

app.post('/signup', async (req, res) => {
  client.capture({ distinctId: req.body.email, event: 'user signed up', properties: { plan: req.body.plan } }) // @ph event user signed up
  res.sendStatus(201)
})

app.get('/checkout', async (req, res) => {
  const enabled = await client.isFeatureEnabled(CHECKOUT_FLAG, req.user.id) // @ph flag new-checkout const
  const variant = await client.getFeatureFlag('checkout-copy', req.user.id) // @ph flag checkout-copy
  client.capture({
    distinctId: req.user.id,
    event: 'checkout viewed', // @ph event checkout viewed
    properties: { enabled, variant },
  })
  res.render('checkout', { enabled, variant })
})

app.post('/track', (req, res) => {
  client.capture({ distinctId: req.user.id, event: req.body.event })
  res.sendStatus(204)
})

process.on('SIGTERM', () => client.shutdown())
