# Corpus negative: written for the scanner tests. A project's own telemetry client and LaunchDarkly:
# same method names as posthog-python, but nothing here imports or names PostHog.
import ldclient
from ldclient import Context

from .telemetry import Telemetry

telemetry = Telemetry()


def on_login(user):
    telemetry.capture("login", user.id)
    context = Context.builder(user.id).build()
    if ldclient.get().variation("new-login", context, False):
        telemetry.capture(user.id, "new_login_shown")


def feature_enabled(name, user):
    return ldclient.get().variation(name, Context.builder(user).build(), False)


legacy = feature_enabled("legacy-ui", "user-1")
