// Corpus file: written for the scanner tests, modelled on CLIs that send usage events through an
// aliased posthog-go import; commented-out calls are not references. No third-party code is copied.
package telemetry

import (
	"os"

	ph "github.com/posthog/posthog-go"
)

const (
	EventCommandRun   = "cli_command_run"
	EventCommandError string = "cli_command_error"
)

type Telemetry struct {
	client ph.Client
	did    string
}

func (t *Telemetry) CommandRun(name string) {
	_ = t.client.Enqueue(ph.Capture{DistinctId: t.did, Event: EventCommandRun, Properties: ph.Properties{"command": name}}) // @ph event cli_command_run const
}

func (t *Telemetry) CommandError(name string, err error) {
	_ = t.client.Enqueue(ph.Capture{
		DistinctId: t.did,
		Event:      EventCommandError, // @ph event cli_command_error const
		Properties: ph.Properties{"command": name, "error": err.Error()},
	})
}

// func (t *Telemetry) GetFeatureFlag(key string) interface{} {
//	payload := ph.FeatureFlagPayload{
//		Key:        "commented-out",
//	}
//	return nil
// }

func (t *Telemetry) Upgrade() bool {
	on, _ := t.client.IsFeatureEnabled(ph.FeatureFlagPayload{Key: `cli-auto-upgrade`, DistinctId: t.did}) // @ph flag cli-auto-upgrade
	return on == true && os.Getenv("CI") == ""
}
