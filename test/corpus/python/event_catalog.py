# Corpus file: written for the scanner tests, modelled on modules that send many server-side events
# with posthog-python 6 (event first, distinct_id keyword). No third-party code is copied.
from posthog import Posthog

ph = Posthog("phc_example")


def on_invoice_paid(customer_id: str, amount: int) -> None:
    ph.capture("invoice_paid", distinct_id=customer_id, properties={"amount": amount})  # @ph event invoice_paid


def on_invoice_failed(customer_id: str) -> None:
    ph.capture("invoice_failed", distinct_id=customer_id)  # @ph event invoice_failed


def on_trial_started(customer_id: str) -> None:
    ph.capture('trial_started', distinct_id=customer_id)  # @ph event trial_started


def on_trial_ended(customer_id: str, converted: bool) -> None:
    ph.capture('trial_ended', distinct_id=customer_id, properties={'converted': converted})  # @ph event trial_ended


def on_seat_added(customer_id: str) -> None:
    ph.capture("seat_added", distinct_id=customer_id)  # @ph event seat_added


def on_seat_removed(customer_id: str) -> None:
    ph.capture("seat_removed", distinct_id=customer_id)  # @ph event seat_removed


def on_refund(customer_id: str) -> None:
    ph.capture(
        "refund_issued",  # @ph event refund_issued
        distinct_id=customer_id,
    )


def limits(customer_id: str):
    if ph.feature_enabled("usage-based-billing", customer_id):  # @ph flag usage-based-billing
        return ph.get_feature_flag_payload("usage-limits", customer_id)  # @ph flag usage-limits
    return ph.get_feature_flag("legacy-limits", customer_id)  # @ph flag legacy-limits
