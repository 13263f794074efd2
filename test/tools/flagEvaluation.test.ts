import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../helpers/harness';
import type { FlagAnswer, FlagVariant } from '../helpers/answers';
import { cohortRow, personCohortFilters } from '../helpers/builders';
import { flagHash, matchProperty } from '../standin/routes/flagEvaluation';
import { setSwitches } from '../standin/switches';

const flagsOf = (h: Harness, pid = 1) => h.standin.state.table(pid, 'feature_flags');
const byKey = (h: Harness, key: string) => flagsOf(h).find((f) => f.key === key && !f.deleted)!;

/** posthog-python's `test_simple_flag_consistency` (45%, key "simple-flag"), distinct_id_0..19. */
const SIMPLE_VECTOR = [
  false,
  true,
  true,
  false,
  true,
  false,
  false,
  true,
  false,
  true,
  false,
  true,
  true,
  false,
  true,
  false,
  false,
  false,
  true,
  true,
];
/** posthog-python's `test_multivariate_flag_consistency` (55%; 50/20/20/5/5), distinct_id_0..19. */
const MULTI_VECTOR = [
  'second-variant',
  'second-variant',
  'first-variant',
  false,
  false,
  'second-variant',
  'first-variant',
  false,
  false,
  false,
  'first-variant',
  'third-variant',
  false,
  'first-variant',
  'second-variant',
  'first-variant',
  false,
  false,
  'fourth-variant',
  'first-variant',
];

/** What check_feature_flag answers (also its structured content). */
interface FlagCheckAnswer {
  flag_key: string;
  enabled: boolean;
  variant?: string;
  reason: string;
}

/** The stand-in's /flags?v=2 (and /decide?v=4) answer. */
interface FlagsV2 {
  flags: Record<string, { enabled: boolean; variant?: string; reason: { code: string } }>;
  errorsWhileComputingFlags: boolean;
  requestId: string;
  evaluatedAt: number;
}

/** The older /decide and /flags answers: flag values by key, or (plain /decide/) the enabled keys. */
interface DecideLegacy {
  featureFlags: Record<string, string | boolean>;
  featureFlagPayloads: Record<string, unknown>;
  flags?: unknown;
}

/** POSTs to the stand-in's ingestion host; `T` is the JSON the test expects back. */
async function post<T = unknown>(h: Harness, path: string, body: unknown) {
  const res = await fetch(`${h.standin.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: T | undefined;
  try {
    json = JSON.parse(text) as T;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json: json as T, type: res.headers.get('content-type') ?? '' };
}

describe("the stand-in's property matching (PostHog flag semantics)", () => {
  it('exact / is_not with a value or a list, case-insensitively', () => {
    assert.equal(matchProperty({ key: 'plan', operator: 'exact', value: 'Pro' }, { plan: 'pro' }), true);
    assert.equal(matchProperty({ key: 'plan', operator: 'exact', value: ['free', 'pro'] }, { plan: 'pro' }), true);
    assert.equal(matchProperty({ key: 'plan', operator: 'exact', value: ['free'] }, { plan: 'pro' }), false);
    assert.equal(matchProperty({ key: 'plan', value: 'pro' }, { plan: 'pro' }), true, 'exact is the default');
    assert.equal(matchProperty({ key: 'n', operator: 'exact', value: '5' }, { n: 5 }), true, 'numbers compare as text');
    assert.equal(matchProperty({ key: 'plan', operator: 'is_not', value: ['free'] }, { plan: 'pro' }), true);
    assert.equal(matchProperty({ key: 'plan', operator: 'is_not', value: 'pro' }, { plan: 'PRO' }), false);
  });

  it('contains, regex, set / not set', () => {
    assert.equal(matchProperty({ key: 'email', operator: 'icontains', value: '@HEDGEBOX.net' }, { email: 'ada@hedgebox.net' }), true);
    assert.equal(matchProperty({ key: 'email', operator: 'not_icontains', value: '@hedgebox.net' }, { email: 'ada@hedgebox.net' }), false);
    assert.equal(matchProperty({ key: 'email', operator: 'not_icontains', value: '@hedgebox.net' }, { email: 'x@acme.com' }), true);
    assert.equal(matchProperty({ key: 'email', operator: 'regex', value: '^ada@' }, { email: 'ada@hedgebox.net' }), true);
    assert.equal(matchProperty({ key: 'email', operator: 'regex', value: '^bob@' }, { email: 'ada@hedgebox.net' }), false);
    assert.equal(
      matchProperty({ key: 'email', operator: 'regex', value: '([' }, { email: 'ada' }),
      false,
      'an invalid regex matches nothing',
    );
    assert.equal(matchProperty({ key: 'email', operator: 'is_set', value: 'is_set' }, { email: 'a' }), true);
    assert.equal(matchProperty({ key: 'email', operator: 'is_set', value: 'is_set' }, {}), false);
    assert.equal(matchProperty({ key: 'email', operator: 'is_not_set', value: 'is_not_set' }, {}), true);
    assert.equal(matchProperty({ key: 'email', operator: 'is_not_set', value: 'is_not_set' }, { email: 'a' }), false);
  });

  it('gt / lt compare numbers as numbers, dates and semver too', () => {
    assert.equal(matchProperty({ key: 'files', operator: 'gt', value: '9' }, { files: 10 }), true, '10 > 9 numerically, not as text');
    assert.equal(matchProperty({ key: 'files', operator: 'lt', value: 9 }, { files: '10' }), false);
    assert.equal(matchProperty({ key: 'files', operator: 'gte', value: 10 }, { files: 10 }), true);
    assert.equal(matchProperty({ key: 'signup', operator: 'is_date_before', value: '2024-01-01' }, { signup: '2023-06-01' }), true);
    assert.equal(matchProperty({ key: 'signup', operator: 'is_date_after', value: '-7d' }, { signup: new Date().toISOString() }), true);
    assert.equal(matchProperty({ key: 'app', operator: 'semver_gte', value: '1.10.0' }, { app: '1.9.3' }), false);
    assert.equal(matchProperty({ key: 'app', operator: 'semver_gt', value: '1.9.0' }, { app: '1.10.0' }), true);
  });

  describe("a missing property matches nothing but is_not_set (the flags service's rule)", () => {
    for (const operator of ['exact', 'is_not', 'icontains', 'not_icontains', 'regex', 'gt', 'lt']) {
      it(operator, () => {
        assert.equal(matchProperty({ key: 'plan', operator, value: 'x' }, {}), false, operator);
      });
    }
  });

  it("the bucketing hash is PostHog's", () => {
    // sha1("simple-flag.distinct_id_0") → first 15 hex digits / 0xFFFFFFFFFFFFFFF
    assert.ok(flagHash('simple-flag', 'distinct_id_0') > 0.45);
    assert.ok(flagHash('simple-flag', 'distinct_id_1') <= 0.45);
    assert.notEqual(flagHash('simple-flag', 'distinct_id_1'), flagHash('simple-flag', 'distinct_id_1', 'variant'));
  });
});

describe('flag evaluation tools', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('check_feature_flag: a 100% flag is on, with the reason, as text and structured content', async () => {
    const out = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'visitor-123', flag_key: 'dark-mode' });
    assert.equal(out.isError, false, out.text);
    assert.deepEqual(out.data, { flag_key: 'dark-mode', enabled: true, reason: 'Matched condition set 1' });
    assert.deepEqual(out.structured, out.data);
    const req = h.standin.requestsTo('/flags', 'POST').at(-1)!;
    assert.equal(req.path, '/flags/');
    assert.equal(req.query.v, '2');
    assert.equal(req.body.api_key, h.standin.projectToken, 'the project token, looked up by the server');
    assert.equal(req.body.distinct_id, 'visitor-123');
    assert.equal(req.auth, undefined, 'no personal key on the ingestion host');
  });

  it('check_feature_flag output schema is advertised', async () => {
    const { tools } = await h.mcp.listTools();
    const tool = tools.find((t) => t.name === 'check_feature_flag')!;
    assert.deepEqual(Object.keys(tool.outputSchema!.properties!).sort(), ['enabled', 'flag_key', 'reason', 'variant']);
  });

  it("rollouts and variants follow PostHog's hashing (SDK consistency vectors)", async () => {
    const simple = await h.call<FlagAnswer>('create_feature_flag', { key: 'simple-flag', rollout_percentage: 45 });
    assert.equal(simple.isError, false, simple.text);
    const multi = await h.call<FlagAnswer>('create_feature_flag', {
      key: 'multivariate-flag',
      filters: {
        groups: [{ properties: [], rollout_percentage: 55 }],
        multivariate: {
          variants: [
            { key: 'first-variant', rollout_percentage: 50 },
            { key: 'second-variant', rollout_percentage: 20 },
            { key: 'third-variant', rollout_percentage: 20 },
            { key: 'fourth-variant', rollout_percentage: 5 },
            { key: 'fifth-variant', rollout_percentage: 5 },
          ],
        },
      },
    });
    assert.equal(multi.isError, false, multi.text);
    const simpleGot: Array<string | boolean> = [];
    const multiGot: Array<string | boolean> = [];
    for (let i = 0; i < 20; i++) {
      const all = await h.call<{ distinct_id: string; flags: Record<string, string | boolean> }>('get_all_flags', {
        distinct_id: `distinct_id_${i}`,
      });
      simpleGot.push(all.data.flags['simple-flag']);
      multiGot.push(all.data.flags['multivariate-flag']);
    }
    assert.deepEqual(simpleGot, SIMPLE_VECTOR);
    assert.deepEqual(multiGot, MULTI_VECTOR);

    const out = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'distinct_id_0', flag_key: 'simple-flag' });
    assert.deepEqual(out.data, { flag_key: 'simple-flag', enabled: false, reason: 'Out of rollout bound' });
    const variant = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'distinct_id_11', flag_key: 'multivariate-flag' });
    assert.deepEqual(variant.data, {
      flag_key: 'multivariate-flag',
      enabled: true,
      variant: 'third-variant',
      reason: 'Matched condition set 1',
    });
  });

  it("person-property targeting: from the call's person_properties, else the stored person's", async () => {
    const off = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'stranger-1', flag_key: 'internal-admin-tools' });
    assert.equal(off.data.enabled, false);
    assert.equal(off.data.reason, 'No matching condition set');
    const on = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: 'stranger-1',
      flag_key: 'internal-admin-tools',
      person_properties: { email: 'ada@hedgebox.net' },
    });
    assert.equal(on.data.enabled, true);
    assert.deepEqual(h.standin.requestsTo('/flags', 'POST').at(-1)!.body.person_properties, { email: 'ada@hedgebox.net' });

    // Stored persons: an enterprise customer gets large-file-uploads, a free one does not.
    const persons = h.standin.state.table(1, 'persons').all();
    const enterprise = persons.find((p) => p.properties.plan === 'enterprise')!;
    const free = persons.find((p) => p.properties.plan === 'free')!;
    assert.ok(enterprise && free, 'the seed has enterprise and free persons');
    const big = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: enterprise.distinct_ids[0],
      flag_key: 'large-file-uploads',
    });
    assert.equal(big.data.enabled, true, big.text);
    const small = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: free.distinct_ids[0],
      flag_key: 'large-file-uploads',
    });
    assert.equal(small.data.enabled, false);
    // The call's properties win over stored ones.
    const override = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: free.distinct_ids[0],
      flag_key: 'large-file-uploads',
      person_properties: { plan: 'enterprise' },
    });
    assert.equal(override.data.enabled, true);
  });

  it('several condition sets: the reason names the set that matched', async () => {
    const pro = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: 'someone',
      flag_key: 'annual-billing-discount',
      person_properties: { plan: 'pro' },
    });
    assert.deepEqual(pro.data, { flag_key: 'annual-billing-discount', enabled: true, reason: 'Matched condition set 1' });
    // Second set: free/starter at 20%. Find a user inside and one outside that rollout.
    const key = 'annual-billing-discount';
    const inside = Array.from({ length: 50 }, (_, i) => `user-${i}`).find((id) => flagHash(key, id) <= 0.2)!;
    const outside = Array.from({ length: 50 }, (_, i) => `user-${i}`).find((id) => flagHash(key, id) > 0.2)!;
    const yes = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: inside,
      flag_key: key,
      person_properties: { plan: 'free' },
    });
    assert.deepEqual(yes.data, { flag_key: key, enabled: true, reason: 'Matched condition set 2' });
    const no = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: outside,
      flag_key: key,
      person_properties: { plan: 'free' },
    });
    assert.deepEqual(no.data, { flag_key: key, enabled: false, reason: 'Out of rollout bound' });
  });

  it('unknown, inactive and deleted flags are off, and the reason says which', async () => {
    const unknown = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'u', flag_key: 'no-such-flag' });
    assert.equal(unknown.isError, false);
    assert.equal(unknown.data.enabled, false);
    assert.match(unknown.data.reason, /No feature flag with key 'no-such-flag' exists/);
    const inactive = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'u', flag_key: 'holiday-theme' });
    assert.deepEqual(inactive.data, { flag_key: 'holiday-theme', enabled: false, reason: 'Feature flag is disabled' });
    const deleted = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'u', flag_key: 'old-sharing-dialog' });
    assert.equal(deleted.data.enabled, false);
    assert.match(deleted.data.reason, /not found/);
  });

  it("a flag left out of PostHog's answer (inactive flags are not served) is looked up to say why", async () => {
    h.standin.faults.add({
      method: 'POST',
      path: '/flags',
      status: 200,
      body: { errorsWhileComputingFlags: false, flags: {}, requestId: 'r', evaluatedAt: 1 },
      times: 1,
    });
    const out = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'u', flag_key: 'checkout-v1' });
    assert.equal(out.data.enabled, false);
    assert.match(out.data.reason, /'checkout-v1' is inactive/);
    assert.equal(h.standin.requestsTo('/feature_flags', 'GET').at(-1)!.query.search, 'checkout-v1');
  });

  it("group flags need the group: without it the flag is off, with it the group's properties decide", async () => {
    const groups = h.standin.state.table(1, 'groups').all();
    const enterprise = groups.find((g) => g.group_type === 'company' && g.properties.plan === 'enterprise')!;
    const other = groups.find((g) => g.group_type === 'company' && g.properties.plan !== 'enterprise')!;
    assert.ok(enterprise && other, 'the seed has companies on different plans');
    const none = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'u', flag_key: 'company-sso' });
    assert.equal(none.data.enabled, false);
    assert.equal(none.data.reason, 'No group type');
    const yes = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: 'u',
      flag_key: 'company-sso',
      groups: { company: enterprise.group_key },
    });
    assert.equal(yes.data.enabled, true, yes.text);
    assert.deepEqual(h.standin.requestsTo('/flags', 'POST').at(-1)!.body.groups, { company: enterprise.group_key });
    const no = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: 'u',
      flag_key: 'company-sso',
      groups: { company: other.group_key },
    });
    assert.equal(no.data.enabled, false);
  });

  it("cohort conditions are evaluated from the cohort's person filters; event-based cohorts are refused", async () => {
    const cohorts = h.standin.state.table(1, 'cohorts');
    const staff = cohorts.insert(cohortRow('Flag test staff', personCohortFilters('email', 'icontains', '@hedgebox.net')));
    const created = await h.call<FlagAnswer>('create_feature_flag', {
      key: 'staff-cohort-flag',
      filters: { groups: [{ properties: [{ type: 'cohort', key: 'id', value: staff.id, operator: 'in' }], rollout_percentage: 100 }] },
    });
    assert.equal(created.isError, false, created.text);
    const inCohort = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: 'x',
      flag_key: 'staff-cohort-flag',
      person_properties: { email: 'bob@hedgebox.net' },
    });
    assert.equal(inCohort.data.enabled, true);
    const outside = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: 'x',
      flag_key: 'staff-cohort-flag',
      person_properties: { email: 'bob@acme.com' },
    });
    assert.equal(outside.data.enabled, false);

    const behavioral = cohorts.insert(
      cohortRow('Uploaders', {
        properties: { type: 'OR', values: [{ type: 'behavioral', key: 'uploaded_file', value: 'performed_event', event_type: 'events' }] },
      }),
    );
    const refused = await h.error('create_feature_flag', {
      key: 'uploaders-flag',
      filters: { groups: [{ properties: [{ type: 'cohort', key: 'id', value: behavioral.id }], rollout_percentage: 100 }] },
    });
    assert.match(refused, /Cohort 'Uploaders' with filters on events cannot be used in feature flags/);
  });

  it('flag dependencies: a flag can require another flag to be on', async () => {
    const base = byKey(h, 'internal-admin-tools');
    const created = await h.call<FlagAnswer>('create_feature_flag', {
      key: 'admin-tools-extras',
      filters: {
        groups: [
          { properties: [{ type: 'flag', key: String(base.id), operator: 'flag_evaluates_to', value: true }], rollout_percentage: 100 },
        ],
      },
    });
    assert.equal(created.isError, false, created.text);
    const staff = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: 'y',
      flag_key: 'admin-tools-extras',
      person_properties: { email: 'ada@hedgebox.net' },
    });
    assert.equal(staff.data.enabled, true);
    const outsider = await h.call<FlagCheckAnswer>('check_feature_flag', {
      distinct_id: 'y',
      flag_key: 'admin-tools-extras',
      person_properties: { email: 'eve@evil.example' },
    });
    assert.equal(outsider.data.enabled, false);
  });

  it("get_feature_flag_payload returns the parsed JSON payload for the user's variant, or an explicit null", async () => {
    const banner = await h.call<FlagCheckAnswer & { payload: unknown }>('get_feature_flag_payload', {
      distinct_id: 'u',
      flag_key: 'announcement-banner',
    });
    assert.equal(banner.isError, false, banner.text);
    assert.deepEqual(banner.data.payload, JSON.parse(byKey(h, 'announcement-banner').filters.payloads.true));
    assert.equal(banner.data.enabled, true);

    const key = 'upload-flow-redesign';
    const inRollout = Array.from({ length: 50 }, (_, i) => `uploader-${i}`).find((id) => flagHash(key, id) <= 0.5)!;
    const v = await h.call<FlagCheckAnswer & { payload: unknown }>('get_feature_flag_payload', { distinct_id: inRollout, flag_key: key });
    const variant = v.data.variant ?? '';
    assert.ok(['control', 'test'].includes(variant), v.text);
    assert.deepEqual(v.data.payload, JSON.parse(byKey(h, key).filters.payloads[variant]));

    const none = await h.call<FlagCheckAnswer & { payload: unknown }>('get_feature_flag_payload', {
      distinct_id: 'u',
      flag_key: 'dark-mode',
    });
    assert.equal(none.data.enabled, true);
    assert.equal(none.data.payload, null);
    assert.match(none.text, /"payload":null/, 'the null is kept, not dropped');

    const off = await h.call<FlagCheckAnswer & { payload: unknown }>('get_feature_flag_payload', {
      distinct_id: 'u',
      flag_key: 'holiday-theme',
    });
    assert.equal(off.data.enabled, false);
    assert.equal(off.data.payload, null);
  });

  it('get_all_flags: every live flag of the project, true/false or the variant', async () => {
    const out = await h.json<{ distinct_id: string; flags: Record<string, string | boolean> }>('get_all_flags', {
      distinct_id: 'all-flags-user',
    });
    assert.equal(out.distinct_id, 'all-flags-user');
    const live = flagsOf(h)
      .all()
      .filter((f) => !f.deleted);
    assert.deepEqual(Object.keys(out.flags).sort(), live.map((f) => f.key).sort());
    for (const f of live) {
      const value = out.flags[f.key];
      if (f.active === false) assert.equal(value, false, `${f.key} is inactive`);
      const variants = (f.filters?.multivariate?.variants ?? []).map((v: FlagVariant) => v.key);
      if (typeof value === 'string') assert.ok(variants.includes(value), `${f.key}: ${value} is one of its variants`);
      else assert.equal(typeof value, 'boolean');
    }
    assert.equal(out.flags['maintenance-mode'], false, 'no condition sets: nobody');
    assert.equal(out.flags['public-folder-links'], false, '0% rollout');
    assert.equal(out.flags['dark-mode'], true);
  });

  it('bad input is rejected before anything is sent', async () => {
    const before = h.standin.requests.length;
    const missing = await h.error('check_feature_flag', { flag_key: 'dark-mode' });
    assert.match(missing, /'distinct_id' is required/);
    const blank = await h.call<{ distinct_id: string; flags: Record<string, string | boolean> }>('get_all_flags', { distinct_id: '   ' });
    assert.equal(blank.isError, true);
    const groups = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'u', flag_key: 'x', groups: { company: 42 } });
    assert.equal(groups.isError, true);
    assert.match(groups.text, /groups/);
    assert.equal(h.standin.requests.length, before);
  });

  it('a rejected project token is reported as such, not as a bad personal key', async () => {
    const team = h.standin.team();
    const token = team.api_token;
    team.api_token = 'phc_rotated_token';
    try {
      const out = await h.error('check_feature_flag', { distinct_id: 'u', flag_key: 'dark-mode' });
      assert.match(out, /rejected the project API token \(401\)/);
      assert.doesNotMatch(out, /personal API key/);
    } finally {
      team.api_token = token;
    }
  });

  it('an older PostHog answering in the legacy shape still gives values and payloads', async () => {
    h.standin.faults.add({
      method: 'POST',
      path: '/flags',
      status: 200,
      body: { featureFlags: { 'old-style': 'test', 'old-off': false }, featureFlagPayloads: { 'old-style': '{"a":1}' } },
      times: 2,
    });
    const check = await h.call<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'u', flag_key: 'old-style' });
    assert.equal(check.data.enabled, true);
    assert.equal(check.data.variant, 'test');
    const payload = await h.call<FlagCheckAnswer & { payload: unknown }>('get_feature_flag_payload', {
      distinct_id: 'u',
      flag_key: 'old-style',
    });
    assert.deepEqual(payload.data.payload, { a: 1 });
  });
});

describe('flag payloads and old PostHogs', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    // PostHog keeps payloads JSON-encoded and answers them so (get_matching_payload): "\"hello\"", "42", "true".
    const payloads: Record<string, string> = {
      'payload-string': '"hello"',
      'payload-number': '42',
      'payload-bool': 'true',
      'payload-object': '{"a":1}',
    };
    for (const [key, payload] of Object.entries(payloads)) {
      await h.json('create_feature_flag', {
        key,
        filters: { groups: [{ properties: [], rollout_percentage: 100 }], payloads: { true: payload } },
      });
    }
  });
  after(() => h.close());

  const payloadOf = async (flag_key: string) =>
    (await h.json<{ payload: unknown }>('get_feature_flag_payload', { distinct_id: 'payload-user', flag_key })).payload;

  it('every JSON-encoded payload is decoded, not only objects; a string that is not JSON stays as it is', async () => {
    assert.equal(await payloadOf('payload-string'), 'hello');
    assert.equal(await payloadOf('payload-number'), 42);
    assert.equal(await payloadOf('payload-bool'), true);
    assert.deepEqual(await payloadOf('payload-object'), { a: 1 });
    // PostHog refuses a payload that is not JSON ("Payload value is not valid JSON"), but a proxy or an
    // older server may still send one: it is shown as it came.
    h.standin.faults.add({
      method: 'POST',
      path: '/flags',
      status: 200,
      body: { flags: { 'odd-payload': { key: 'odd-payload', enabled: true, metadata: { payload: 'plain words' } } } },
      times: 1,
    });
    assert.equal(await payloadOf('odd-payload'), 'plain words');
  });

  it('an old PostHog without /flags (404): the tools use /decide/?v=3, and from then on go straight to it', async () => {
    setSwitches(h.standin.state, { flagsEndpointMissing: true });
    try {
      const flagsBefore = h.standin.requestsTo('/flags', 'POST').length;
      assert.equal(await payloadOf('payload-string'), 'hello', 'payload from featureFlagPayloads');
      assert.equal(h.standin.requestsTo('/flags', 'POST').length, flagsBefore + 1, 'tried /flags once');
      const decide = h.standin.requestsTo('/decide', 'POST');
      assert.equal(decide.at(-1)!.query.v, '3');
      assert.equal(decide.at(-1)!.body.distinct_id, 'payload-user', 'the same body');

      const all = await h.json<{ flags: Record<string, string | boolean> }>('get_all_flags', { distinct_id: 'payload-user' });
      assert.equal(all.flags['payload-number'], true);
      assert.equal(all.flags['holiday-theme'], false, 'inactive flags are false');
      const check = await h.json<FlagCheckAnswer>('check_feature_flag', { distinct_id: 'payload-user', flag_key: 'dark-mode' });
      assert.equal(check.enabled, true);
      assert.equal(h.standin.requestsTo('/flags', 'POST').length, flagsBefore + 1, 'the later calls went straight to /decide');
      assert.equal(h.standin.requestsTo('/decide', 'POST').length, decide.length + 2);
    } finally {
      setSwitches(h.standin.state, { flagsEndpointMissing: false });
    }
  });
});

describe("the stand-in's /flags and /decide endpoints", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  it('/flags?v=2 answers FlagDetails with reasons and metadata', async () => {
    const res = await post<FlagsV2>(h, '/flags/?v=2', { api_key: h.standin.projectToken, distinct_id: 'd1' });
    assert.equal(res.status, 200);
    const flag = byKey(h, 'announcement-banner');
    assert.deepEqual(res.json.flags['announcement-banner'], {
      key: 'announcement-banner',
      enabled: true,
      variant: null,
      reason: { code: 'condition_match', condition_index: 0, description: 'Matched condition set 1' },
      // As stored, JSON-encoded (rust/feature-flags flag_matching.rs, get_matching_payload).
      metadata: { id: flag.id, version: 1, description: null, payload: flag.filters.payloads.true },
    });
    assert.equal(res.json.flags['holiday-theme'].reason.code, 'flag_disabled');
    assert.equal(res.json.flags['maintenance-mode'].reason.code, 'no_condition_match');
    assert.equal(res.json.errorsWhileComputingFlags, false);
    assert.equal(typeof res.json.requestId, 'string');
    assert.equal(typeof res.json.evaluatedAt, 'number');
    assert.equal(res.json.flags['old-sharing-dialog'], undefined, 'deleted flags are not served');
  });

  it('/flags without v and /decide?v=3 answer the legacy shape; /decide without v an array of enabled keys', async () => {
    const body = { token: h.standin.projectToken, distinct_id: 'd2' };
    const legacy = await post<DecideLegacy>(h, '/flags', body);
    assert.equal(legacy.json.featureFlags['holiday-theme'], false, 'disabled flags appear as false');
    assert.equal(legacy.json.featureFlags['dark-mode'], true);
    assert.deepEqual(legacy.json.featureFlagPayloads['storage-limits'], byKey(h, 'storage-limits').filters.payloads.true, 'as stored');
    assert.equal(legacy.json.featureFlagPayloads['dark-mode'], undefined);
    assert.equal(legacy.json.flags, undefined);
    const v3 = await post<DecideLegacy>(h, '/decide/?v=3', body);
    assert.deepEqual(v3.json.featureFlags, legacy.json.featureFlags);
    const keys = await post<{ featureFlags: string[] }>(h, '/decide/', body);
    assert.ok(Array.isArray(keys.json.featureFlags));
    assert.ok(keys.json.featureFlags.includes('dark-mode'));
    assert.ok(!keys.json.featureFlags.includes('holiday-theme'));
    const v2 = await post<DecideLegacy>(h, '/decide?v=2', body);
    assert.equal(v2.json.featureFlags['dark-mode'], true);
    assert.equal(v2.json.featureFlags['holiday-theme'], undefined, 'enabled flags only');
    const v4 = await post<FlagsV2>(h, '/decide?v=4', body);
    assert.equal(v4.json.flags['dark-mode'].enabled, true);
  });

  it('flag_keys limits the answer; $-prefixed aliases and numeric distinct ids are accepted', async () => {
    const res = await post<FlagsV2>(h, '/flags?v=2', {
      $token: h.standin.projectToken,
      $distinct_id: 12345,
      flag_keys: ['dark-mode'],
      $properties: { plan: 'pro' },
    });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.json.flags), ['dark-mode']);
  });

  it('errors are plain text: no token 401, unknown token 401, no distinct_id 400', async () => {
    const noToken = await post(h, '/flags?v=2', { distinct_id: 'a' });
    assert.equal(noToken.status, 401);
    assert.match(noToken.type, /text\/plain/);
    assert.match(noToken.text, /No API token provided/);
    const badToken = await post(h, '/flags?v=2', { api_key: 'phc_nope', distinct_id: 'a' });
    assert.equal(badToken.status, 401);
    assert.match(badToken.text, /invalid or has expired/);
    const personalKey = await post(h, '/flags?v=2', { api_key: h.standin.key, distinct_id: 'a' });
    assert.equal(personalKey.status, 401);
    const noId = await post(h, '/flags?v=2', { api_key: h.standin.projectToken });
    assert.equal(noId.status, 400);
    assert.match(noId.text, /distinct_id/);
    assert.match(noId.type, /text\/plain/);
  });

  it('each project evaluates its own flags', async () => {
    const staging = h.standin.team(2).api_token;
    const res = await post<FlagsV2>(h, '/flags?v=2', { api_key: staging, distinct_id: 'd3' });
    assert.deepEqual(
      Object.keys(res.json.flags).sort(),
      flagsOf(h, 2)
        .all()
        .filter((f) => !f.deleted)
        .map((f) => f.key)
        .sort(),
    );
    assert.equal(res.json.flags['staging-debug-toolbar'].enabled, true);
  });
});
