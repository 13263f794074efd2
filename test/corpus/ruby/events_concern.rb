# Corpus file: written for the scanner tests, modelled on a Rails concern that reports model callbacks
# to PostHog. No third-party code is copied.
module PosthogTracked
  extend ActiveSupport::Concern

  included do
    after_create { PosthogTracked.client.capture(distinct_id: owner_id, event: 'record_created') } # @ph event record_created
    after_destroy { PosthogTracked.client.capture(distinct_id: owner_id, event: 'record_destroyed') } # @ph event record_destroyed
  end

  def self.client
    $posthog
  end

  def publish!
    update!(published: true)
    PosthogTracked.client.capture(distinct_id: owner_id, event: 'record_published') # @ph event record_published
    PosthogTracked.client.capture(distinct_id: owner_id, event: "record_#{state}")
  end

  def archive!
    return unless PosthogTracked.client.is_feature_enabled('archiving', owner_id) # @ph flag archiving
    update!(archived: true)
    PosthogTracked.client.capture({ distinct_id: owner_id, event: 'record_archived' }) # @ph event record_archived
  end

  def share_variant
    PosthogTracked.client.get_feature_flag("share-dialog", owner_id) # @ph flag share-dialog
  end
end
