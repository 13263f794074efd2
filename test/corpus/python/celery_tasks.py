# Corpus file: written for the scanner tests, modelled on background jobs that report events through
# the posthog module; keys in f-strings and variables are dynamic. No third-party code is copied.
from celery import shared_task
import posthog

IMPORT_FINISHED = 'import_finished'


@shared_task
def run_import(user_id: str, source: str) -> None:
    posthog.capture(user_id, 'import_started', {'source': source})  # @ph event import_started
    try:
        rows = _do_import(source)
    except Exception:
        posthog.capture(user_id, f'import_failed_{source}')
        raise
    posthog.capture(user_id, IMPORT_FINISHED, {'rows': rows})  # @ph event import_finished const
    r'''posthog.capture(user_id, "raw_docstring")'''


@shared_task
def nightly_report(user_id: str) -> None:
    if posthog.feature_enabled('nightly-report', user_id, send_feature_flag_events=False):  # @ph flag nightly-report
        posthog.capture('nightly_report_sent', distinct_id=user_id)  # @ph event nightly_report_sent


def _do_import(source: str) -> int:
    return len(source)
