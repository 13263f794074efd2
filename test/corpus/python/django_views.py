# Corpus file: written for the scanner tests, modelled on Django views using posthog-python's
# module-level API (the pre-6.0 capture signature). No third-party code is copied.
import posthog
from django.http import JsonResponse
from django.views.decorators.http import require_POST

NEW_DASHBOARD = "new-dashboard"


@require_POST
def signup(request):
    user = request.user
    posthog.capture(str(user.id), "user_signed_up", {"plan": request.POST.get("plan")})  # @ph event user_signed_up
    return JsonResponse({"ok": True})


def dashboard(request):
    enabled = posthog.feature_enabled(NEW_DASHBOARD, str(request.user.id))  # @ph flag new-dashboard const
    variant = posthog.get_feature_flag("dashboard-layout", str(request.user.id))  # @ph flag dashboard-layout
    posthog.capture(
        str(request.user.id),
        "dashboard_viewed",  # @ph event dashboard_viewed
        properties={"enabled": enabled, "variant": variant},
    )
    return JsonResponse({"enabled": enabled, "variant": variant})


def export(request):
    """Calls posthog.capture('export_clicked') -- documented here, not called."""
    payload = posthog.get_feature_flag_payload("export-limits", str(request.user.id))  # @ph flag export-limits
    return JsonResponse(payload or {})
