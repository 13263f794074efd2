/** The scanner on Go (posthog-go): FeatureFlagPayload{Key:} and Capture{Event:}, aliases, constants, comments, raw strings. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanSource } from '../../src/code';
import { dynamic, keys, refs } from './scan';

const HEADER = 'package main\n\nimport "github.com/posthog/posthog-go"\n\n';

describe('scanSource: Go', () => {
  it('finds the Key of a FeatureFlagPayload and the Event of a Capture, across lines', () => {
    const src = `${HEADER}func f() {
	on, _ := client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "new-nav", DistinctId: "u"})
	client.Enqueue(posthog.Capture{
		DistinctId: "u",
		Event:      "signed up",
	})
	p, _ := client.GetFeatureFlagPayload(posthog.FeatureFlagPayload{
		DistinctId: id,
		Key:        \`raw-key\`,
	})
}
`;
    assert.deepEqual(refs(src, 'main.go'), ['flag new-nav 6:67', 'event signed up 9:15', 'flag raw-key 13:15']);
    assert.equal(scanSource(src, 'main.go').references[0].call, 'posthog.FeatureFlagPayload');
  });

  it('follows an import alias, and needs the import', () => {
    const aliased = `package x\nimport (\n\t"fmt"\n\tph "github.com/posthog/posthog-go"\n)\nvar _ = ph.Capture{Event: "e"}\n`;
    assert.deepEqual(keys(aliased, 'x.go'), ['event e']);
    assert.equal(scanSource(aliased, 'x.go').references[0].call, 'ph.Capture');
    const other = `package x\nimport "example.com/analytics/posthog"\nvar _ = posthog.Capture{Event: "not-ours"}\n`;
    assert.deepEqual(keys(other, 'x.go'), []);
  });

  it('resolves const and const blocks; variables are dynamic', () => {
    const src = `${HEADER}const NewNav = "new-nav"
const (
	Beta  string = "beta"
	Other        = "other"
)
func f() {
	client.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: NewNav})
	client.GetFeatureFlag(posthog.FeatureFlagPayload{Key: Beta})
	client.Enqueue(posthog.Capture{Event: eventName})
	client.Enqueue(posthog.Capture{DistinctId: "u"})
}
`;
    assert.deepEqual(keys(src, 'x.go'), ['flag new-nav', 'flag beta']);
    assert.deepEqual(dynamic(src, 'x.go'), ['event posthog.Capture 13:40', 'event posthog.Capture 14:25']);
  });

  it('sees nothing in comments, raw strings or after a quote rune', () => {
    const src = `${HEADER}// posthog.Capture{Event: "comment"}
/* posthog.FeatureFlagPayload{Key: "block"} */
var s = \`posthog.Capture{Event: "raw"}\`
var q = '"'
var _ = posthog.Capture{Event: "real"}
`;
    assert.deepEqual(keys(src, 'x.go'), ['event real']);
  });

  it('reads the EvaluateFlags snapshot (IsEnabled, GetFlag, GetFlagPayload) and GetRemoteConfigPayload, not another IsEnabled', () => {
    const src = `package main

import "github.com/posthog/posthog-go"

func handler(client posthog.Client, id string, key string) {
	flags, err := client.EvaluateFlags(posthog.EvaluateFlagsPayload{DistinctId: id})
	if err == nil && flags.IsEnabled("fresh-layout") {
		v := flags.GetFlag("hero-variant")
		_ = flags.GetFlagPayload(key)
	}
	payload, _ := client.GetRemoteConfigPayload("remote-settings")
	other := cache.IsEnabled("not-a-flag")
	_, _ = payload, other
}
`;
    assert.deepEqual(refs(src, 'a.go'), ['flag fresh-layout 7:35', 'flag hero-variant 8:22', 'flag remote-settings 11:46']);
    assert.deepEqual(dynamic(src, 'a.go'), ['flag GetFlagPayload 9:28']);
  });
});
