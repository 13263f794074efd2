<?php
// Corpus file: written for the scanner tests, modelled on code holding a posthog-php Client instance
// and using PHP 8 named arguments. No third-party code is copied.

use PostHog\Client;

$posthog = new Client('phc_example', ['host' => 'https://eu.i.posthog.com']);

$enabled = $posthog->isFeatureEnabled(key: 'eu-data-residency', distinctId: 'user-1'); // @ph flag eu-data-residency
$variant = $posthog->getFeatureFlag('eu-banner', 'user-1'); // @ph flag eu-banner
$posthog->capture([
    'distinctId' => 'user-1',
    'event' => 'eu_banner_shown', // @ph event eu_banner_shown
    'properties' => ['variant' => $variant],
]);
