# Corpus file: written for the scanner tests, modelled on background jobs reporting through a posthog
# client object, with a multi-line call. No third-party code is copied.
require 'posthog'

class WeeklyDigestJob
  include Sidekiq::Job

  def perform(user_id)
    posthog = PostHog::Client.new(api_key: ENV.fetch('POSTHOG_API_KEY'))
    return unless posthog.is_feature_enabled('weekly-digest', user_id) # @ph flag weekly-digest

    variant = posthog.get_feature_flag(
      'digest-subject-line', # @ph flag digest-subject-line
      user_id,
      person_properties: { plan: 'pro' }
    )
    DigestMailer.weekly(user_id, variant).deliver_now
    posthog.capture(
      distinct_id: user_id,
      event: 'weekly_digest_sent', # @ph event weekly_digest_sent
      properties: { variant: variant }
    )
  ensure
    posthog&.shutdown
  end
end
