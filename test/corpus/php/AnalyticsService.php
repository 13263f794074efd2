<?php
// Corpus file: written for the scanner tests, modelled on service classes that wrap posthog-php; the
// wrapper's own capture() is a definition and its forwarded event is dynamic. No third-party code is copied.

namespace App\Services;

use PostHog\PostHog;
use Illuminate\Support\Facades\Log;

define('ONBOARDING_FLAG', 'onboarding-tour');

final class AnalyticsService
{
    public function capture(string $distinctId, string $event, array $properties = []): void
    {
        try {
            PostHog::capture([
                'distinctId' => $distinctId,
                'event' => $event,
                'properties' => $properties,
            ]);
        } catch (\Throwable $e) {
            Log::warning('PostHog capture failed', ['error' => $e->getMessage()]);
        }
    }

    public function onboarding(string $distinctId): bool
    {
        return (bool) PostHog::isFeatureEnabled(ONBOARDING_FLAG, $distinctId); // @ph flag onboarding-tour const
    }

    public function identifyUser(string $distinctId, string $name): void
    {
        PostHog::capture(array(
            'distinctId' => $distinctId,
            'event' => '$set', // @ph event $set
            'properties' => array('$set' => array('name' => $name)),
        ));
        PostHog::capture(['distinctId' => $distinctId, 'event' => "profile_{$name}"]);
    }

    public function export(string $distinctId): void
    {
        $text = <<<EOT
        PostHog::capture(['event' => 'in_heredoc']);
        EOT;
        Log::info($text);
        PostHog::capture(['distinctId' => $distinctId, 'event' => 'export_requested']); // @ph event export_requested
        # PostHog::capture(['event' => 'hash_comment']);
        /* PostHog::isFeatureEnabled('block-comment', $distinctId); */
    }
}
