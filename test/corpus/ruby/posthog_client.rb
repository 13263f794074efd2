# Corpus file: written for the scanner tests, modelled on Ruby apps that build a PostHog::Client and
# call it without parentheses; heredocs and =begin blocks hold no code. No third-party code is copied.
require 'posthog'

module Analytics
  FLAG_BETA = "beta-program"

  def self.client
    @client ||= PostHog::Client.new(api_key: ENV['POSTHOG_API_KEY'], on_error: proc { |status, msg| warn msg })
  end

  def self.beta?(user)
    client.is_feature_enabled FLAG_BETA, user.id # @ph flag beta-program const
  end

  def self.payload(user)
    client.get_feature_flag_payload('beta-payload', user.id) # @ph flag beta-payload
  end

  def self.signed_in(user)
    client.capture distinct_id: user.id, event: 'signed_in' # @ph event signed_in
  end

  HELP = <<~TEXT
    Use client.capture(distinct_id: id, event: 'from_heredoc') to track.
  TEXT

=begin
  client.capture(distinct_id: 1, event: 'from_begin_block')
=end

  def self.legacy(user)
    client.capture(:distinct_id => user.id, :event => 'legacy_hash_rocket') # @ph event legacy_hash_rocket
    client.capture('distinct_id' => user.id, 'event' => 'string_keys') # @ph event string_keys
  end
end
