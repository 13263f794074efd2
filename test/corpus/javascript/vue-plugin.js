// Corpus file: written for the scanner tests, modelled on Vue apps that expose posthog-js as a plugin
// and call it through this.$posthog. No third-party code is copied.
import posthog from 'posthog-js'

export default {
  install(app) {
    app.config.globalProperties.$posthog = posthog.init('phc_example', { api_host: 'https://us.i.posthog.com' })
  },
}

export const CartButton = {
  methods: {
    add(item) {
      this.$posthog.capture('cart_item_added', { sku: item.sku }) // @ph event cart_item_added
      if (this.$posthog.isFeatureEnabled('cart-upsell')) this.showUpsell = true // @ph flag cart-upsell
    },
    remove(item) {
      this.$posthog.capture('cart_item_removed', { sku: item.sku }) // @ph event cart_item_removed
    },
    checkout() {
      const variant = this.$posthog.getFeatureFlag('checkout-button-color') // @ph flag checkout-button-color
      this.$posthog.capture('checkout_started', { variant }) // @ph event checkout_started
    },
  },
  template: `<button @click="add(item)">Add</button>`,
}
