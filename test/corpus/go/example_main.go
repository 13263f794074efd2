// Corpus file: written for the scanner tests, modelled on posthog-go example programs exercising
// every flag call, one argument per line. No third-party code is copied.
package main

import (
	"fmt"
	"time"

	"github.com/posthog/posthog-go"
)

func main() {
	client, _ := posthog.NewWithConfig("phc_example", posthog.Config{
		PersonalApiKey:                     "phx_example",
		DefaultFeatureFlagsPollingInterval: 5 * time.Second,
	})
	defer client.Close()

	boolResult, _ := client.IsFeatureEnabled(
		posthog.FeatureFlagPayload{
			Key:        "multivariate-test", // @ph flag multivariate-test
			DistinctId: "hello",
		})
	fmt.Println("bool:", boolResult)

	simple, _ := client.GetFeatureFlag(posthog.FeatureFlagPayload{
		Key:                 "simple-test", // @ph flag simple-test
		DistinctId:          "hello",
		OnlyEvaluateLocally: true,
	})
	fmt.Println("simple:", simple)

	payload, _ := client.GetFeatureFlagPayload(posthog.FeatureFlagPayload{Key: "json-payload", DistinctId: "hello"}) // @ph flag json-payload
	fmt.Println("payload:", payload)

	_ = client.Enqueue(posthog.Capture{DistinctId: "hello", Event: "example_ran"}) // @ph event example_ran
	_ = client.Enqueue(posthog.Capture{
		DistinctId: "hello",
		Event:      "$pageview", // @ph event $pageview
	})
	fmt.Println(`posthog.Capture{Event: "in-raw-string"}`)
}
