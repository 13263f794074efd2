<?php
// Corpus file: written for the scanner tests, modelled on plain PHP pages that init posthog-php and
// capture a pageview before the HTML. No third-party code is copied.
require_once __DIR__ . '/vendor/autoload.php';

use PostHog\PostHog;

PostHog::init('phc_example', ['host' => 'https://us.i.posthog.com']);

$distinctId = $_COOKIE['uid'] ?? 'anonymous';

PostHog::capture([
    'distinctId' => $distinctId,
    'event' => '$pageview' // @ph event $pageview
]);

$hero = PostHog::getFeatureFlagPayload('landing-hero', $distinctId); // @ph flag landing-hero
?>
<html>
  <body>
    <!-- PostHog::capture(['event' => 'in_html']) is not PHP -->
    <h1><?= htmlspecialchars($hero['title'] ?? 'Welcome') ?></h1>
    <?php if (PostHog::isFeatureEnabled("landing-signup-cta", $distinctId)): ?> <!-- @ph flag landing-signup-cta -->
      <a href="/signup">Sign up</a>
    <?php endif; ?>
  </body>
</html>
