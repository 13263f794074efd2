// Corpus file: written for the scanner tests, modelled on HTTP handlers that each enqueue an event
// with posthog-go. No third-party code is copied.
package api

import (
	"net/http"

	"github.com/posthog/posthog-go"
)

type API struct{ ph posthog.Client }

func (a *API) Login(w http.ResponseWriter, r *http.Request) {
	_ = a.ph.Enqueue(posthog.Capture{DistinctId: user(r), Event: "login_succeeded"}) // @ph event login_succeeded
}

func (a *API) Logout(w http.ResponseWriter, r *http.Request) {
	_ = a.ph.Enqueue(posthog.Capture{DistinctId: user(r), Event: "logout"}) // @ph event logout
}

func (a *API) Upload(w http.ResponseWriter, r *http.Request) {
	if on, _ := a.ph.IsFeatureEnabled(posthog.FeatureFlagPayload{Key: "large-uploads", DistinctId: user(r)}); on == true { // @ph flag large-uploads
		_ = a.ph.Enqueue(posthog.Capture{DistinctId: user(r), Event: "large_upload_started"}) // @ph event large_upload_started
	}
	_ = a.ph.Enqueue(posthog.Capture{
		Event:      "upload_finished", // @ph event upload_finished
		DistinctId: user(r),
	})
}

func (a *API) Search(w http.ResponseWriter, r *http.Request) {
	v, _ := a.ph.GetFeatureFlag(posthog.FeatureFlagPayload{DistinctId: user(r), Key: "search-ranking"}) // @ph flag search-ranking
	_ = a.ph.Enqueue(posthog.Capture{DistinctId: user(r), Event: "search", Properties: posthog.Properties{"ranking": v}}) // @ph event search
}

func user(r *http.Request) string { return r.Header.Get("X-User") }
