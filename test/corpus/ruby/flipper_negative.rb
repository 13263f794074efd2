# Corpus negative: written for the scanner tests. Flipper and an Ahoy tracker with methods named like
# posthog-ruby's; PostHog is not used here.
class FeaturesController < ApplicationController
  def index
    @enabled = Flipper.enabled?(:search, current_user)
    ahoy.track 'features_viewed'
    Tracker.capture(event: 'tracker_event', user: current_user.id)
  end

  def is_feature_enabled(name)
    Flipper.enabled?(name.to_sym)
  end

  def beta
    render plain: is_feature_enabled('beta').to_s
  end
end
