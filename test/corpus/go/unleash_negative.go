// Corpus negative: written for the scanner tests. Unleash's Go client and a local type named Capture:
// posthog-go is not imported, so nothing here is a reference.
package features

import (
	"github.com/Unleash/unleash-client-go/v4"
)

type Capture struct {
	Event string
}

type FeatureFlagPayload struct {
	Key string
}

func Enabled() bool {
	_ = Capture{Event: "local_capture"}
	_ = FeatureFlagPayload{Key: "local-flag"}
	return unleash.IsEnabled("new-feature")
}
