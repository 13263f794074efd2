/** The scanner on JavaScript / TypeScript / JSX: each SDK call, each rule of issue 12 §1. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanSource } from '../../src/code';
import { dynamic, keys, refs } from './scan';

const IMPORT = "import posthog from 'posthog-js'\n";

describe('scanSource: JavaScript and TypeScript', () => {
  it('finds a call inside a template substitution even when the template starts far before it', () => {
    const text = [
      "import posthog from 'posthog-js';",
      'const banner = `Welcome back! Here is a long sentence before the check, well past a lexing window, and on for quite a bit longer still: ${posthog.getFeatureFlag(',
      "  'spring-banner',",
      ')} and after`;',
    ].join('\n');
    assert.deepEqual(
      scanSource(text, 'src/banner.ts').references.map((r) => `${r.kind} ${r.key} ${r.line}:${r.column}`),
      ['flag spring-banner 3:3'],
    );
  });

  it('finds every posthog-js flag call and the React hooks, with the position of the opening quote', () => {
    const src = `${IMPORT}import { useFeatureFlagEnabled, useFeatureFlagVariantKey, useFeatureFlagPayload } from 'posthog-js/react'
posthog.isFeatureEnabled('a')
posthog.getFeatureFlag("b")
posthog.getFeatureFlagPayload('c')
const x = useFeatureFlagEnabled('d')
const y = useFeatureFlagVariantKey('e')
const z = useFeatureFlagPayload<Banner>('f')
`;
    assert.deepEqual(refs(src, 'a.tsx'), ['flag a 3:26', 'flag b 4:24', 'flag c 5:31', 'flag d 6:33', 'flag e 7:36', 'flag f 8:41']);
  });

  it('finds the useFeatureFlagResult hook of @posthog/react', () => {
    const src = "import { useFeatureFlagResult } from '@posthog/react'\nconst r = useFeatureFlagResult('checkout-v2')\n";
    assert.deepEqual(refs(src, 'a.tsx'), ['flag checkout-v2 2:32']);
  });

  it('resolves a `var` nothing assigns again (how tsc ES5 output writes a const), and only then', () => {
    const es5 = `${IMPORT}var RATE_LIMIT_EVENT = '$$client_ingestion_warning';\nfunction warn() {\n  posthog.capture(RATE_LIMIT_EVENT, {});\n}\n`;
    assert.deepEqual(refs(es5, 'a.js'), ['event $$client_ingestion_warning 2:24']);
    for (const change of ['RATE_LIMIT_EVENT = other;', "RATE_LIMIT_EVENT += '!';", 'RATE_LIMIT_EVENT ??= x;', 'RATE_LIMIT_EVENT++;']) {
      const text = `${es5}function later() { ${change} }\n`;
      assert.deepEqual(refs(text, 'a.js'), [], change);
      assert.deepEqual(dynamic(text, 'a.js'), ['event capture 4:19'], change);
    }
    // An assignment far outside the lexing windows still counts: the whole file is read.
    const far = `${es5}${'// filler line without any call in it\n'.repeat(200)}function later() { RATE_LIMIT_EVENT = other }\n`;
    assert.deepEqual(refs(far, 'a.js'), []);
    // Only the name itself: a member of the same name is another thing.
    assert.deepEqual(refs(`${es5}obj.RATE_LIMIT_EVENT = 'x'\n`, 'a.js'), ['event $$client_ingestion_warning 2:24']);
  });

  it('does not read a method definition after a modifier, or an overload signature, as a call', () => {
    const src = `${IMPORT}class Client {
  async getFeatureFlag(
    key: string,
    distinctId: string,
  ): Promise<string | boolean | undefined> {
    return this.getFeatureFlagResult(key, distinctId)
  }
  public getFeatureFlagResult(key: string): Promise<Result>;
  private capture(event: string): void {}
  static isFeatureEnabled(key) { return true }
}
await posthog.getFeatureFlag('real-one')
`;
    assert.deepEqual(refs(src, 'client.ts'), ['flag real-one 13:30']);
    assert.deepEqual(dynamic(src, 'client.ts'), ['flag getFeatureFlagResult 7:38']);
  });

  it('gives the call, the language and the offsets of the contents', () => {
    const src = `${IMPORT}posthog.capture('signed up')`;
    const [r] = scanSource(src, 'src/app.js').references;
    assert.equal(src.slice(r.start, r.end), 'signed up');
    assert.deepEqual({ call: r.call, language: r.language, file: r.file }, { call: 'capture', language: 'javascript', file: 'src/app.js' });
    assert.equal(scanSource(src, 'a.ts').references[0].language, 'typescript');
  });

  it('finds events through capture(event, ...) and posthog-node capture({ distinctId, event })', () => {
    const src = `const { PostHog } = require('posthog-node')
const client = new PostHog('phc_x')
posthog.capture('one', { plan: 'pro' })
client.capture({ distinctId: user.id, event: 'two', properties: { a: 1 } })
client.capture({
  distinctId: 'u',
  event: "three",
})
`;
    assert.deepEqual(refs(src, 'a.js'), ['event one 3:17', 'event two 4:46', 'event three 7:10']);
  });

  it('reads <PostHogFeature flag="..."> with a string or an expression holding one', () => {
    const src = `import { PostHogFeature } from 'posthog-js/react'
const a = <PostHogFeature flag="new-nav" match={true}><Nav /></PostHogFeature>
const b = <PostHogFeature match="test" flag={'beta'} />
const c = <Other flag="not-ours" />
`;
    assert.deepEqual(keys(src, 'a.jsx'), ['flag new-nav', 'flag beta']);
  });

  it("reads posthog-node 5's evaluateFlags() snapshot, and no other isEnabled/getFlag", () => {
    const src = `import { PostHog } from 'posthog-node'
const flags = await client.evaluateFlags(distinctId)
if (flags.isEnabled('snap-a')) {}
const v = flags.getFlag('snap-b')
const p = flags.getFlagPayload('snap-c')
const w = (await client.evaluateFlags('u')).isEnabled('snap-d')
settings.isEnabled('not-a-flag')
config.getFlag('not-a-flag')
`;
    assert.deepEqual(keys(src, 'a.ts'), ['flag snap-a', 'flag snap-b', 'flag snap-c', 'flag snap-d']);
  });

  it('accepts single, double and backtick quotes; a template with a substitution is dynamic', () => {
    const src = `${IMPORT}posthog.capture('a')\nposthog.capture("b")\nposthog.capture(\`c\`)\nposthog.capture(\`d-\${step}\`)\n`;
    assert.deepEqual(keys(src, 'a.js'), ['event a', 'event b', 'event c']);
    assert.deepEqual(dynamic(src, 'a.js'), ['event capture 5:17']);
  });

  it('finds a key on a later line of a multi-line call', () => {
    const src = `${IMPORT}const on = posthog.isFeatureEnabled(\n  // the nav\n  'new-nav',\n  { send_event: false },\n)\n`;
    assert.deepEqual(refs(src, 'a.ts'), ['flag new-nav 4:3']);
  });

  it('sees nothing in comments, strings or regular expressions', () => {
    const src = `${IMPORT}// posthog.capture('line-comment')
/* posthog.isFeatureEnabled('block')
   posthog.capture('block-2') */
const s = "posthog.capture('in-string')"
const re = /posthog.capture\\('regex'\\)/g
const t = \`posthog.capture('in-template')\`
/**
 * posthog.getFeatureFlag('jsdoc')
 */
posthog.capture('real')
`;
    assert.deepEqual(keys(src, 'a.js'), ['event real']);
  });

  it('ignores same-named methods in files that do not use PostHog', () => {
    const optimizely = `import { createInstance } from '@optimizely/optimizely-sdk'
const optimizely = createInstance({ sdkKey })
optimizely.isFeatureEnabled('price_filter', userId)
telemetry.capture('opened')
`;
    assert.deepEqual(scanSource(optimizely, 'a.ts'), { references: [], dynamic: [] });
    const launchDarkly = `import * as LaunchDarkly from 'launchdarkly-node-server-sdk'\nconst v = await ldClient.getFeatureFlag('x')\n`;
    assert.deepEqual(keys(launchDarkly, 'a.ts'), []);
  });

  it("ignores another library's receiver even in a file that uses PostHog", () => {
    const src = `${IMPORT}optimizely.isFeatureEnabled('opt', user)\ntelemetry.capture('mine')\nposthog.capture('ours')\n`;
    assert.deepEqual(keys(src, 'a.ts'), ['event ours']);
  });

  it('counts usePostHog() and the posthog global as PostHog use', () => {
    const hook = `import { usePostHog } from '@posthog/react'\nconst { capture } = usePostHog()\ncapture('from-hook')\n`;
    assert.deepEqual(keys(hook, 'a.tsx'), ['event from-hook']);
    const global = `window.posthog.capture('from-global')\n`;
    assert.deepEqual(keys(global, 'a.js'), ['event from-global']);
  });

  it('resolves same-file constants (const, object members, enums) and reports where the call uses them', () => {
    const src = `${IMPORT}const NEW_NAV = 'new-nav'
export const FLAGS = { BETA: 'beta', 'GAMMA': "gamma" } as const
enum Events { SignedUp = 'signed up' }
posthog.isFeatureEnabled(NEW_NAV)
posthog.isFeatureEnabled(FLAGS.BETA)
posthog.getFeatureFlag(FLAGS.GAMMA)
posthog.capture(Events.SignedUp)
`;
    const r = scanSource(src, 'a.ts').references;
    assert.deepEqual(
      r.map((x) => `${x.kind} ${x.key} ${x.line}:${x.column} via ${x.constant?.name}@${x.constant?.line}:${x.constant?.column}`),
      [
        'flag new-nav 2:17 via NEW_NAV@5:26',
        'flag beta 3:30 via BETA@6:32',
        'flag gamma 3:47 via GAMMA@7:30',
        'event signed up 4:26 via SignedUp@8:24',
      ],
    );
  });

  it('reports other non-literal keys as dynamic (a `let`, a member, an expression), never guessing', () => {
    const src = `${IMPORT}let flag = 'x'
posthog.isFeatureEnabled(flag)
posthog.capture(props.eventName)
posthog.capture('a' + b)
posthog.capture({ distinctId, event })
`;
    assert.deepEqual(keys(src, 'a.ts'), []);
    assert.deepEqual(dynamic(src, 'a.ts'), [
      'flag isFeatureEnabled 3:26',
      'event capture 4:17',
      'event capture 5:17',
      'event capture 6:31', // the shorthand `event`, where the key is
    ]);
  });

  it('a constant defined twice with different values is dynamic', () => {
    const src = `${IMPORT}function a() { const F = 'one'; posthog.isFeatureEnabled(F) }\nfunction b() { const F = 'two' }\n`;
    assert.deepEqual(keys(src, 'a.ts'), []);
    assert.equal(dynamic(src, 'a.ts').length, 1);
  });

  it('does not take a method definition for a call', () => {
    const src = `${IMPORT}class Analytics {
  capture(event: string): void { posthog.capture(event) }
  isFeatureEnabled(key) { return posthog.isFeatureEnabled(key) }
}
function capture(name) {}
`;
    assert.deepEqual(dynamic(src, 'a.ts'), ['event capture 3:50', 'flag isFeatureEnabled 4:59']);
  });

  it('an apostrophe in JSX text does not hide the rest of the file', () => {
    const src = `import { PostHogFeature } from 'posthog-js/react'
const A = () => <p>Don't forget</p>
const B = () => <PostHogFeature flag="after-text"><b/></PostHogFeature>
`;
    assert.deepEqual(keys(src, 'a.tsx'), ['flag after-text']);
  });

  it('reads .mjs, .cjs, .mts and .cts; not other extensions', () => {
    const src = `${IMPORT}posthog.capture('e')`;
    for (const f of ['a.mjs', 'a.cjs', 'a.mts', 'a.cts', 'A.JS']) assert.deepEqual(keys(src, f), ['event e'], f);
    for (const f of ['a.json', 'a.md', 'Makefile', 'a.js.map']) assert.deepEqual(keys(src, f), [], f);
  });

  it('reads calls inside the ${...} of a template literal, not inside a quoted string', () => {
    const src =
      "import posthog from 'posthog-js'\nconst label = `variant ${posthog.getFeatureFlag('hero')}`\nconst s = 'plain ${posthog.getFeatureFlag(\"no\")}'\nposthog.capture(`step_${n}`)\n";
    assert.deepEqual(refs(src, 'a.ts'), ['flag hero 2:49']);
    assert.deepEqual(dynamic(src, 'a.ts'), ['event capture 4:17']);
  });

  it("reads posthog-node's getRemoteConfigPayload (a remote config flag's key)", () => {
    const src = "import { PostHog } from 'posthog-node'\nconst ph = new PostHog('k')\nawait ph.getRemoteConfigPayload('remote-cfg')\n";
    assert.deepEqual(refs(src, 'a.ts'), ['flag remote-cfg 3:33']);
  });
});
