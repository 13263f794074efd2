/** The scanner on Python (posthog-python): flag calls, both capture signatures, event=, strings and comments. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scanSource } from '../../src/code';
import { dynamic, keys, refs } from './scan';

describe('scanSource: Python', () => {
  it('finds feature_enabled, get_feature_flag and get_feature_flag_payload (key first or key=)', () => {
    const src = `import posthog
posthog.feature_enabled('a', 'user')
posthog.get_feature_flag("b", distinct_id)
posthog.get_feature_flag_payload(key='c', distinct_id='u')
`;
    assert.deepEqual(refs(src, 'a.py'), ['flag a 2:25', 'flag b 3:26', 'flag c 4:38']);
  });

  it('reads capture in both signatures and with event= as a keyword', () => {
    const src = `from posthog import Posthog
posthog = Posthog('phc_x', host='https://us.i.posthog.com')
posthog.capture('user-1', 'old-style', {'plan': 'pro'})
posthog.capture(user.id, 'old-style-2')
posthog.capture('new-style', distinct_id='user-1', properties={'a': 1})
posthog.capture('new-style-2')
posthog.capture(distinct_id='u', event='keyword')
`;
    assert.deepEqual(keys(src, 'a.py'), ['event old-style', 'event old-style-2', 'event new-style', 'event new-style-2', 'event keyword']);
  });

  it('handles string prefixes, triple quotes and f-strings', () => {
    const src = `import posthog
posthog.capture(r'raw', distinct_id='u')
posthog.capture(f'plain-f', distinct_id='u')
posthog.capture(f'with-{x}', distinct_id='u')
posthog.capture(f'braces-{{x}}', distinct_id='u')
posthog.capture("""triple""", distinct_id='u')
`;
    assert.deepEqual(keys(src, 'a.py'), ['event raw', 'event plain-f', 'event braces-{{x}}', 'event triple']);
    assert.deepEqual(dynamic(src, 'a.py'), ['event capture 4:17']);
    assert.equal(scanSource(src, 'a.py').references[1].column, 18, 'column of the opening quote, after the f');
  });

  it('sees nothing in comments, docstrings or strings', () => {
    const src = `import posthog
# posthog.capture('comment', distinct_id='u')
def track():
    """posthog.capture('docstring', distinct_id='u')"""
    s = "posthog.feature_enabled('in-string', 'u')"
    posthog.capture('real', distinct_id='u')  # posthog.capture('trailing')
`;
    assert.deepEqual(keys(src, 'a.py'), ['event real']);
  });

  it('finds a key on a later line of a multi-line call', () => {
    const src = `import posthog\nenabled = posthog.feature_enabled(\n    "multi",\n    user.distinct_id,\n)\n`;
    assert.deepEqual(refs(src, 'a.py'), ['flag multi 3:5']);
  });

  it('resolves module and class constants; other names are dynamic', () => {
    const src = `import posthog
NEW_NAV = "new-nav"
class Events:
    SIGNED_UP = 'signed up'
posthog.feature_enabled(NEW_NAV, 'u')
posthog.capture(Events.SIGNED_UP, distinct_id='u')
posthog.feature_enabled(flag_name, 'u')
posthog.capture(event_name, distinct_id='u')
`;
    assert.deepEqual(keys(src, 'a.py'), ['flag new-nav', 'event signed up']);
    assert.deepEqual(dynamic(src, 'a.py'), ['flag feature_enabled 7:25', 'event capture 8:17']);
  });

  it("is not fooled by a project's own capture or a file without PostHog", () => {
    assert.deepEqual(scanSource(`import telemetry\ntelemetry.capture('opened', 'x')\n`, 'a.py'), { references: [], dynamic: [] });
    assert.deepEqual(scanSource(`from optimizely import optimizely\nclient.is_feature_enabled('x', 'u')\n`, 'a.py'), {
      references: [],
      dynamic: [],
    });
    const mixed = `import posthog\nimport sentry_sdk\nsentry_sdk.capture_message('x')\ntelemetry.capture('mine', 'x')\ndef capture(event, distinct_id=None):\n    pass\n`;
    assert.deepEqual(scanSource(mixed, 'a.py'), { references: [], dynamic: [] });
  });

  it("reads calls inside an f-string's fields (the SDK's own example prints flags that way), not inside {{ }} or a plain string", () => {
    const src = `import posthog
print(f"beta: {posthog.feature_enabled('beta', uid)}")
print(f"{{posthog.feature_enabled('doubled-braces', uid)}}")
print("{posthog.feature_enabled('plain-string', uid)}")
log(f"""payload: {posthog.get_feature_flag_payload('multi', uid,
    person_properties={'plan': 'pro'})}, {posthog.capture(f'evt-{n}')}""")
`;
    assert.deepEqual(refs(src, 'a.py'), ['flag beta 2:40', 'flag multi 5:52']);
    assert.deepEqual(dynamic(src, 'a.py'), ['event capture 6:59']);
  });

  it("reads get_remote_config_payload (a remote config flag's key)", () => {
    assert.deepEqual(refs("import posthog\nposthog.get_remote_config_payload('remote-cfg')\n", 'a.py'), ['flag remote-cfg 2:35']);
  });
});
