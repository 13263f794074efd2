<?php
// Corpus file: written for the scanner tests, modelled on queued jobs reporting to posthog-php.
// No third-party code is copied.

namespace App\Jobs;

use PostHog\PostHog;

class SendWelcomeEmail
{
    public function handle(): void
    {
        PostHog::capture(['distinctId' => $this->userId, 'event' => 'welcome_email_queued']); // @ph event welcome_email_queued
        if (PostHog::isFeatureEnabled('welcome-email-v2', $this->userId)) { // @ph flag welcome-email-v2
            PostHog::capture(['distinctId' => $this->userId, 'event' => 'welcome_email_v2_sent']); // @ph event welcome_email_v2_sent
            return;
        }
        PostHog::capture(['distinctId' => $this->userId, 'event' => "welcome_email_sent"]); // @ph event welcome_email_sent
    }
}

class SyncInvoices
{
    public function handle(): void
    {
        $limit = PostHog::getFeatureFlagPayload('invoice-sync-limit', 'system'); // @ph flag invoice-sync-limit
        PostHog::capture([
            'distinctId' => 'system',
            'event' => 'invoices_synced', // @ph event invoices_synced
            'properties' => ['limit' => $limit],
        ]);
        $mode = PostHog::getFeatureFlag('invoice-sync-mode', 'system'); // @ph flag invoice-sync-mode
        PostHog::capture(['distinctId' => 'system', 'event' => 'invoice_sync_mode', 'properties' => ['mode' => $mode]]); // @ph event invoice_sync_mode
    }
}
