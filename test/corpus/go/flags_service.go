// Corpus file: written for the scanner tests, modelled on Go services that check flags with
// posthog-go's FeatureFlagPayload and enqueue Capture events. No third-party code is copied.
package flags

import (
	"fmt"
	"log"

	"github.com/posthog/posthog-go"
)

const RewardsFlag = "sats-reward"

type Service struct {
	client posthog.Client
}

func (s *Service) RewardsEnabled(userID string) bool {
	enabled, err := s.client.IsFeatureEnabled(posthog.FeatureFlagPayload{
		Key:        RewardsFlag, // @ph flag sats-reward const
		DistinctId: userID,
	})
	if err != nil {
		log.Printf("flag error: %v", err)
		return false
	}
	return enabled == true
}

func (s *Service) Variant(userID string) string {
	v, _ := s.client.GetFeatureFlag(posthog.FeatureFlagPayload{Key: "multivariate-test", DistinctId: userID}) // @ph flag multivariate-test
	return fmt.Sprint(v)
}

func (s *Service) Track(userID string) error {
	return s.client.Enqueue(posthog.Capture{
		DistinctId: userID,
		Event:      "reward_granted", // @ph event reward_granted
		Properties: posthog.NewProperties().Set("amount", 21),
	})
}

func (s *Service) Generic(userID, key string) bool {
	payload := posthog.FeatureFlagPayload{
		Key:        key,
		DistinctId: userID,
	}
	ok, _ := s.client.IsFeatureEnabled(payload)
	return ok == true
}
