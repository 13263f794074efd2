# Corpus file: written for the scanner tests, modelled on Rails controllers using posthog-ruby through
# a $posthog global (hash argument and keyword forms). No third-party code is copied.
class CheckoutsController < ApplicationController
  NEW_CHECKOUT = 'new-checkout'.freeze

  def show
    @new_checkout = $posthog.is_feature_enabled(NEW_CHECKOUT, current_user.id) # @ph flag new-checkout const
    @copy = $posthog.get_feature_flag('checkout-copy', current_user.id) # @ph flag checkout-copy
    $posthog.capture({
      distinct_id: current_user.id,
      event: 'checkout_viewed', # @ph event checkout_viewed
      properties: { new_checkout: @new_checkout }
    })
  end

  def create
    order = Order.create!(order_params)
    $posthog.capture(distinct_id: current_user.id, event: "order_placed", properties: { total: order.total }) # @ph event order_placed
    redirect_to order
  end

  def cancel
    $posthog.capture(distinct_id: current_user.id, event: "order_cancelled_#{params[:reason]}")
    head :ok
  end
end
