/**
 * Each toolset's `scopes` (src/mcp/toolsets.ts) against the stand-in's scope rules (the `scope` of
 * each route, test/standin/scopes.ts): every tool of the toolset is called once with the demo key
 * (scope `*`), each request it made is matched to its stand-in route, and the scopes those routes
 * check must be exactly the toolset's: `read` for the tools that change nothing, `write` what the
 * others need besides.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TOOLSET_INFO } from '../../src/mcp/toolsets';
import { ALL_TOOLS } from '../../src/mcp/tools';
import { startHarness, type Harness } from '../helpers/harness';
import { sourceIndex } from '../helpers/codeWorkspace';

const UUID = '0190a1b2-0000-7000-8000-0000000b0b00';
const INSTALLATION = '01900000-0000-7000-8000-000000000001';

/** Arguments that pass each tool's input schema, so that it reaches PostHog. */
const ARGS: Record<string, Record<string, unknown>> = {
  create_action: { name: 'Scopes check', steps: [{ event: '$pageview' }] },
  get_action: { action_id: 1 },
  update_action: { action_id: 1, description: 'x' },
  capture_event: { distinct_id: 'd', event: 'e' },
  identify_user: { distinct_id: 'd', properties: { a: 1 } },
  group_identify: { group_type: 'company', group_key: 'k', properties: { a: 1 } },
  capture_group_event: { distinct_id: 'd', event: 'e', group_type: 'company', group_key: 'k' },
  check_feature_flag: { distinct_id: 'd', flag_key: 'f' },
  get_feature_flag_payload: { distinct_id: 'd', flag_key: 'f' },
  get_all_flags: { distinct_id: 'd' },
  get_feature_flag: { flag_id: 1 },
  create_feature_flag: { key: 'scopes-check' },
  update_feature_flag: { flag_id: 1, name: 'x' },
  delete_feature_flag: { flag_id: 4242 },
  create_annotation: { content: 'x', date_marker: '2026-01-01T00:00:00Z' },
  get_annotation: { annotation_id: 1 },
  update_annotation: { annotation_id: 1, content: 'y' },
  create_cohort: { name: 'Scopes check' },
  get_cohort: { cohort_id: 1 },
  update_cohort: { cohort_id: 1, description: 'x' },
  delete_cohort: { cohort_id: 4242 },
  create_dashboard: { name: 'Scopes check' },
  get_dashboard: { dashboard_id: 1 },
  update_dashboard: { dashboard_id: 1, description: 'x' },
  delete_dashboard: { dashboard_id: 4242 },
  list_dashboard_collaborators: { dashboard_id: 2 },
  add_dashboard_collaborator: { dashboard_id: 2, user_uuid: UUID },
  get_dashboard_sharing: { dashboard_id: 1 },
  get_person: { person_id: 'd' },
  create_experiment: { name: 'Scopes check', feature_flag_key: 'scopes-check-exp' },
  get_experiment: { experiment_id: 1 },
  update_experiment: { experiment_id: 1, description: 'x' },
  check_experiments_requiring_flag: {},
  create_insight: { name: 'Scopes check' },
  get_insight: { insight_id: 1 },
  update_insight: { insight_id: 1, description: 'x' },
  get_insight_sharing: { insight_id: 1 },
  get_insight_activity: { insight_id: 1 },
  mark_insight_viewed: { insight_id: 1 },
  get_trend_insights: { events: ['$pageview'] },
  create_trend_insight: { name: 'Scopes check', events: ['$pageview'] },
  get_mcp_server_installation: { installation_id: INSTALLATION },
  update_mcp_server_installation: { installation_id: INSTALLATION, display_name: 'x' },
  delete_mcp_server_installation: { installation_id: INSTALLATION },
  list_mcp_installation_tools: { installation_id: INSTALLATION },
  set_mcp_tool_approval: { installation_id: INSTALLATION, tool_name: 't', approval_state: 'approved' },
  refresh_mcp_installation_tools: { installation_id: INSTALLATION },
  install_custom_mcp_server: { name: 'x', url: 'https://mcp.example.com/mcp', auth_type: 'api_key', api_key: 'k' },
  install_mcp_server_template: { template_id: 'linear' },
  run_hogql_query: { query: 'SELECT 1' },
};

describe('toolset scopes match the stand-in scope rules', () => {
  let h: Harness;
  const seen = new Map<string, { read: Set<string>; write: Set<string> }>();

  before(async () => {
    // The code tools need code to read before they ask PostHog anything.
    h = await startHarness({ code: () => sourceIndex() });
    for (const tool of ALL_TOOLS) {
      h.standin.requests.length = 0;
      await h.call(tool.name, ARGS[tool.name] ?? {});
      const scopes = new Set<string>();
      for (const req of h.standin.requests) {
        const match = h.standin.router.match(req.method, req.path);
        if (!match || 'methodMismatch' in match || !match.route.options.scope) continue;
        const { scope, scopeAction } = match.route.options;
        scopes.add(`${scope}:${scopeAction ?? (req.method === 'GET' ? 'read' : 'write')}`);
      }
      // The project lookup (/api/users/@me/) runs once per client, so only the first call shows it.
      const entry = seen.get(tool.toolset) ?? { read: new Set(['user:read']), write: new Set() };
      for (const s of scopes) (tool.annotations.readOnlyHint ? entry.read : entry.write).add(s);
      seen.set(tool.toolset, entry);
    }
  });
  after(() => h.close());

  it('every tool needs user:read: the project lookup reads /api/users/@me/', () => {
    const match = h.standin.router.match('GET', '/api/users/@me/');
    assert.ok(match && 'route' in match);
    assert.equal(match.route.options.scope, 'user');
  });

  for (const t of TOOLSET_INFO) {
    it(t.name, () => {
      const entry = seen.get(t.name)!;
      const read = [...entry.read].sort();
      const write = [...entry.write].filter((s) => !entry.read.has(s)).sort();
      assert.deepEqual([...t.scopes.read].sort(), read, `${t.name}: read scopes`);
      assert.deepEqual([...t.scopes.write].sort(), write, `${t.name}: write scopes`);
    });
  }
});
