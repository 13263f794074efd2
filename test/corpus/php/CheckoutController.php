<?php
// Corpus file: written for the scanner tests, modelled on Laravel controllers calling posthog-php's
// static PostHog facade. No third-party code is copied.

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use PostHog\PostHog;

class CheckoutController extends Controller
{
    const CHECKOUT_FLAG = 'checkout-v2';

    public function show(Request $request)
    {
        $userId = (string) $request->user()->id;
        $v2 = PostHog::isFeatureEnabled(self::CHECKOUT_FLAG, $userId); // @ph flag checkout-v2 const
        $copy = PostHog::getFeatureFlag('checkout-copy', $userId); // @ph flag checkout-copy
        PostHog::capture([
            'distinctId' => $userId,
            'event' => 'checkout_viewed', // @ph event checkout_viewed
            'properties' => ['v2' => $v2, 'copy' => $copy],
        ]);
        return view('checkout', compact('v2', 'copy'));
    }

    public function store(Request $request)
    {
        PostHog::capture(['distinctId' => (string) $request->user()->id, 'event' => 'order_placed']); // @ph event order_placed
        return redirect()->route('orders.index');
    }
}
