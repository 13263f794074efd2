<?php
// Corpus negative: written for the scanner tests. Laravel Pennant and a Segment client: methods shaped
// like posthog-php's, but PostHog is not used in this file.

use Laravel\Pennant\Feature;
use Segment\Segment;

function showBeta(string $userId): bool
{
    Segment::track(['userId' => $userId, 'event' => 'beta_checked']);
    return Feature::active('beta') && FeatureFlags::isFeatureEnabled('beta-banner', $userId);
}

$tracker->capture(['event' => 'tracker_event']);
