/** The scanner on PHP (posthog-php): PostHog:: flag calls, capture(['event' => ...]), constants, comments, heredocs. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanSource } from '../../src/code';
import { dynamic, keys, refs } from './scan';

const HEADER = '<?php\nuse PostHog\\PostHog;\n';

describe('scanSource: PHP', () => {
  it('finds PostHog::isFeatureEnabled, getFeatureFlag and getFeatureFlagPayload', () => {
    const src = `${HEADER}PostHog::isFeatureEnabled('a', 'u');
PostHog::getFeatureFlag("b", $id);
PostHog::getFeatureFlagPayload(
    'c',
    $id
);
`;
    assert.deepEqual(refs(src, 'a.php'), ['flag a 3:27', 'flag b 4:25', 'flag c 6:5']);
  });

  it("reads capture's 'event' in [] and array(), across lines", () => {
    const src = `${HEADER}PostHog::capture(['distinctId' => 'u', 'event' => 'short']);
PostHog::capture(array('distinctId' => 'u', 'event' => "long"));
PostHog::capture([
    'distinctId' => $user->id,
    'event' => 'multi',
]);
`;
    assert.deepEqual(keys(src, 'a.php'), ['event short', 'event long', 'event multi']);
  });

  it('sees nothing in comments, heredocs, nowdocs or HTML outside <?php', () => {
    const src = `<p>PostHog::capture(['event' => 'html'])</p>
<?php
use PostHog\\PostHog;
// PostHog::capture(['event' => 'line'])
# PostHog::capture(['event' => 'hash'])
/* PostHog::capture(['event' => 'block']) */
$a = <<<EOT
PostHog::capture(['event' => 'heredoc']);
EOT;
$b = <<<'EOT'
PostHog::capture(['event' => 'nowdoc']);
EOT;
PostHog::capture(['event' => 'real']);
`;
    assert.deepEqual(keys(src, 'a.php'), ['event real']);
  });

  it('resolves const, class constants and define(); interpolation and variables are dynamic', () => {
    const src = `${HEADER}const NEW_NAV = 'new-nav';
define('BETA', 'beta');
class Flags { const GAMMA = 'gamma'; }
PostHog::isFeatureEnabled(NEW_NAV, 'u');
PostHog::isFeatureEnabled(BETA, 'u');
PostHog::isFeatureEnabled(Flags::GAMMA, 'u');
PostHog::capture(['event' => "step-$n"]);
PostHog::isFeatureEnabled($flag, 'u');
`;
    assert.deepEqual(keys(src, 'a.php'), ['flag new-nav', 'flag beta', 'flag gamma']);
    assert.deepEqual(dynamic(src, 'a.php'), ['event capture 9:30', 'flag isFeatureEnabled 10:27']);
  });

  it('ignores files without PostHog, other receivers and definitions', () => {
    assert.deepEqual(scanSource(`<?php\n$optimizely->isFeatureEnabled('x', 'u');\n`, 'a.php'), { references: [], dynamic: [] });
    const src = `${HEADER}class T { public function capture($event) {} }\n$telemetry->capture('mine');\n`;
    assert.deepEqual(scanSource(src, 'a.php'), { references: [], dynamic: [] });
  });
});
