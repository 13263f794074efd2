/** keySlotAt: where completion offers flag keys and event names, while the literal is still being typed. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { keySlotAt } from '../../src/code';

/** The slot at the `|` marker (removed from the text). */
function at(marked: string, file: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return keySlotAt(text, file, offset);
}

describe('keySlotAt', () => {
  it('finds a flag key slot in a terminated literal, with the prefix typed so far', () => {
    const slot = at(`import posthog from 'posthog-js'\nposthog.isFeatureEnabled('new-|nav')\n`, 'a.ts');
    assert.deepEqual(slot && { kind: slot.kind, call: slot.call, prefix: slot.prefix }, {
      kind: 'flag',
      call: 'isFeatureEnabled',
      prefix: 'new-',
    });
    assert.equal(slot!.end - slot!.start, 'new-nav'.length);
  });

  it('finds an unterminated literal being typed at the end of a line or of the file', () => {
    const mid = at(`import posthog from 'posthog-js'\nposthog.capture('sig|\nconst x = 1\n`, 'a.ts');
    assert.deepEqual(mid && { kind: mid.kind, prefix: mid.prefix }, { kind: 'event', prefix: 'sig' });
    const end = at(`import { useFeatureFlagEnabled } from 'posthog-js/react'\nuseFeatureFlagEnabled("|`, 'a.tsx');
    assert.deepEqual(end && { kind: end.kind, prefix: end.prefix }, { kind: 'flag', prefix: '' });
  });

  it("finds capture's event property and the other languages' slots", () => {
    assert.equal(at(`import { PostHog } from 'posthog-node'\nclient.capture({ distinctId: 'u', event: 'e|' })`, 'a.ts')?.kind, 'event');
    assert.equal(at(`import posthog\nposthog.capture('e|', distinct_id='u')`, 'a.py')?.kind, 'event');
    assert.equal(at(`import posthog\nposthog.feature_enabled("|`, 'a.py')?.kind, 'flag');
    assert.equal(
      at(`package m\nimport "github.com/posthog/posthog-go"\nvar _ = posthog.FeatureFlagPayload{Key: "x|"}`, 'a.go')?.kind,
      'flag',
    );
    assert.equal(at(`require 'posthog'\nposthog.capture(distinct_id: 'u', event: 'x|')`, 'a.rb')?.kind, 'event');
    assert.equal(at(`<?php\nPostHog::capture(['event' => 'x|']);`, 'a.php')?.kind, 'event');
  });

  it('is undefined outside a key slot', () => {
    assert.equal(at(`import posthog from 'posthog-js'\nposthog.capture('e', { plan: 'p|' })`, 'a.ts'), undefined, 'a property value');
    assert.equal(at(`import posthog from 'posthog-js'\nconst s = 'posthog|'`, 'a.ts'), undefined, 'any other string');
    assert.equal(at(`import posthog from 'posthog-js'\n// posthog.capture('x|')`, 'a.ts'), undefined, 'a comment');
    assert.equal(
      at(`import posthog from 'posthog-js'\nposthog.capture(\`a-\${b}|\`)`, 'a.ts'),
      undefined,
      'a template with a substitution',
    );
    assert.equal(at(`optimizely.isFeatureEnabled('x|')`, 'a.ts'), undefined, 'not PostHog code');
    assert.equal(at(`import posthog from 'posthog-js'\nposthog.capture('x')|`, 'a.ts'), undefined, 'after the closing quote');
  });
});
