/** The scanner on Ruby (posthog-ruby): flag calls with and without parentheses, capture's event in every hash form. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanSource } from '../../src/code';
import { dynamic, keys, refs } from './scan';

describe('scanSource: Ruby', () => {
  it('finds is_feature_enabled, get_feature_flag and get_feature_flag_payload, with or without parentheses', () => {
    const src = `require 'posthog'
posthog = PostHog::Client.new(api_key: 'phc_x')
posthog.is_feature_enabled('a', 'user')
posthog.get_feature_flag "b", user.id
posthog.get_feature_flag_payload('c', 'u')
if posthog.is_feature_enabled('d', 'u') then go end
`;
    assert.deepEqual(refs(src, 'a.rb'), ['flag a 3:28', 'flag b 4:26', 'flag c 5:34', 'flag d 6:31']);
  });

  it("reads capture's event as a keyword, a hash, a hash rocket, across lines", () => {
    const src = `require 'posthog'
$posthog.capture(distinct_id: 'u', event: 'kw')
$posthog.capture({ distinct_id: 'u', event: "hash" })
$posthog.capture(:distinct_id => 'u', :event => 'rocket')
$posthog.capture distinct_id: 'u', event: 'no-parens'
$posthog.capture(
  distinct_id: user.id,
  event: 'multi',
  properties: { plan: 'pro' }
)
`;
    assert.deepEqual(keys(src, 'a.rb'), ['event kw', 'event hash', 'event rocket', 'event no-parens', 'event multi']);
  });

  it('sees nothing in comments, =begin blocks, heredocs or %-strings', () => {
    const src = `require 'posthog'
# posthog.capture(event: 'comment')
=begin
posthog.capture(event: 'begin-block')
=end
text = <<~EOS
  posthog.capture(event: 'heredoc')
EOS
words = %w[posthog.capture(event: 'words')]
posthog.capture(distinct_id: 'u', event: 'real')
`;
    assert.deepEqual(keys(src, 'a.rb'), ['event real']);
  });

  it('resolves constants (with .freeze, in a module); interpolation and variables are dynamic', () => {
    const src = `require 'posthog'
module Flags
  NEW_NAV = 'new-nav'.freeze
end
posthog.is_feature_enabled(Flags::NEW_NAV, 'u')
posthog.capture(distinct_id: 'u', event: "step-#{n}")
posthog.is_feature_enabled(flag, 'u')
`;
    assert.deepEqual(keys(src, 'a.rb'), ['flag new-nav']);
    assert.deepEqual(dynamic(src, 'a.rb'), ['event capture 6:42', 'flag is_feature_enabled 7:28']);
  });

  it('ignores files without PostHog and method definitions', () => {
    assert.deepEqual(scanSource(`Analytics.capture(event: 'x')\nflipper.is_feature_enabled('x')\n`, 'a.rb'), {
      references: [],
      dynamic: [],
    });
    assert.deepEqual(scanSource(`require 'posthog'\ndef capture(event:, distinct_id:)\nend\n`, 'a.rb'), { references: [], dynamic: [] });
  });

  it('reads calls inside #{...} of a double-quoted string, across lines, not inside a single-quoted one', () => {
    const src = `require 'posthog'
puts "on: #{posthog.is_feature_enabled('beta', uid)}"
puts 'single: #{posthog.is_feature_enabled("not-code", uid)}'
puts "nested: #{posthog.get_feature_flag('multi', uid,
  groups: { 'team' => 'ops' })}"
`;
    assert.deepEqual(refs(src, 'a.rb'), ['flag beta 2:40', 'flag multi 4:42']);
  });

  it("reads get_remote_config_payload (a remote config flag's key)", () => {
    assert.deepEqual(refs("require 'posthog'\nposthog.get_remote_config_payload('remote-cfg')\n", 'a.rb'), ['flag remote-cfg 2:35']);
  });
});
