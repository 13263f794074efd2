# Corpus file: written for the scanner tests, modelled on Flask apps that keep flag keys on a class and
# pass the key by keyword. No third-party code is copied.
from flask import Flask, g, render_template
from posthog import Posthog

app = Flask(__name__)
client = Posthog(project_api_key="phc_example")


class Flags:
    CHECKOUT_V2 = "checkout-v2"
    GIFT_CARDS = 'gift-cards'


@app.route("/checkout")
def checkout():
    v2 = client.feature_enabled(Flags.CHECKOUT_V2, g.user.id)  # @ph flag checkout-v2 const
    gifts = client.feature_enabled(key=Flags.GIFT_CARDS, distinct_id=g.user.id)  # @ph flag gift-cards const
    copy = client.get_feature_flag(
        key="checkout-copy",  # @ph flag checkout-copy
        distinct_id=g.user.id,
        person_properties={"country": g.user.country},
    )
    client.capture(g.user.id, event="checkout_viewed")  # @ph event checkout_viewed
    return render_template("checkout.html", v2=v2, gifts=gifts, copy=copy)
