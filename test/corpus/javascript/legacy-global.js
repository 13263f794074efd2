/* Corpus file: written for the scanner tests, modelled on plain-script sites that load the posthog
   snippet and call the window.posthog global. No third-party code is copied. */
function saveNotes(sessionCode, rating, tags) {
  fetch('/api/notes', { method: 'POST', body: JSON.stringify({ sessionCode, rating, tags }) }).then(function () {
    if (window.posthog) {
      window.posthog.capture('interview_notes_saved', { // @ph event interview_notes_saved
        session_code: sessionCode,
        has_rating: rating > 0,
      })
    }
  })
}

function showBetaBanner() {
  if (window.posthog && window.posthog.isFeatureEnabled('beta-banner')) { // @ph flag beta-banner
    document.getElementById('beta').hidden = false
  }
  var variant = posthog.getFeatureFlag("pricing-page-test") // @ph flag pricing-page-test
  if (variant === 'test') document.body.classList.add('pricing-v2')
  var payload = posthog.getFeatureFlagPayload(
    'homepage-hero' // @ph flag homepage-hero
  )
  return payload
}

var re = /posthog\.capture\('not-an-event'\)/
var help = "call posthog.capture('also-not-an-event') to track"
