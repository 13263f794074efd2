# Corpus file: written for the scanner tests, modelled on a service class wrapping the posthog client;
# a second library (Sentry) with capture_* methods sits beside it. No third-party code is copied.
import sentry_sdk
from posthog import Posthog


class AnalyticsService:
    ONBOARDING_FLAG = "onboarding-checklist"

    def __init__(self, api_key: str):
        self.posthog = Posthog(api_key, host="https://eu.i.posthog.com")

    def capture(self, event: str, user_id: str) -> None:
        self.posthog.capture(event, distinct_id=user_id)

    def onboarding(self, user_id: str) -> bool:
        return bool(self.posthog.feature_enabled(self.ONBOARDING_FLAG, user_id))  # @ph flag onboarding-checklist const

    def report_error(self, error: Exception, user_id: str) -> None:
        sentry_sdk.capture_exception(error)
        self.posthog.capture("error_reported", distinct_id=user_id, properties={"type": type(error).__name__})  # @ph event error_reported

    def welcome(self, user_id: str) -> None:
        self.capture("welcome_email_sent", user_id)  # our own method above, not the SDK's
        self.posthog.capture(
            distinct_id=user_id,
            event="welcome_flow_started",  # @ph event welcome_flow_started
        )
