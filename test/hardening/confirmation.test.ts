/**
 * Confirmation: agent hosts ask before a tool changes or removes something only if the tool says
 * so (`destructiveHint`). test/core/server.test.ts checks the hints by name (update_/delete_/set_
 * are destructive, creates are not, read-only tools are not). This checks them by behaviour:
 * - every tool is called with valid arguments against the stand-in, and the HTTP methods it sends
 *   are recorded: a tool that sends PATCH, PUT or DELETE (changes or removes something that
 *   exists) must carry destructiveHint: true;
 * - a tool marked readOnlyHint changes nothing in the stand-in (every table compared before and
 *   after) and sends nothing but GETs and read-only POSTs;
 * - the hints reach a client as published by the built server (dist/cli.js over stdio).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { startHarness, type Harness } from '../helpers/harness';
import { sourceIndex } from '../helpers/codeWorkspace';
import { ALL_TOOLS } from '../../src/mcp/tools';
import type { RequestOptions } from '../../src/posthog/client';
import { templatesTable } from '../standin/routes/mcpStore';
import { personCohortFilters } from '../helpers/builders';
import { CLI, cleanEnv } from './helpers';

const TABLES = [
  'events',
  'persons',
  'groups',
  'cohorts',
  'feature_flags',
  'actions',
  'annotations',
  'insights',
  'dashboards',
  'experiments',
  'mcp_installations',
];
/** POST endpoints that read (evaluate flags, run a query). */
const READ_POSTS = [/\/flags\/?$/, /\/decide\/?$/, /\/query\/?$/];

describe('destructive hints match what the tools do', () => {
  let h: Harness;
  const sent: Array<{ tool: string; method: string; path: string }> = [];
  let current = '';
  const methodsOf = new Map<string, Set<string>>();

  before(async () => {
    h = await startHarness({
      rateLimits: { crud: { limit: 100_000, windowMs: 60_000 }, analytics: { limit: 100_000, windowMs: 60_000 } },
      code: () => sourceIndex(),
    });
    const original = h.client.request.bind(h.client);
    h.client.request = ((opts: RequestOptions) => {
      sent.push({ tool: current, method: opts.method, path: opts.path });
      return original(opts);
    }) as typeof h.client.request;
    await h.client.projectToken();
  });
  after(() => h.close());

  function snapshot(): string {
    const st = h.standin.state;
    return JSON.stringify([...[1, 2].flatMap((team) => TABLES.map((t) => st.table(team, t).all())), templatesTable(st).all()]);
  }

  /** Valid arguments for every tool, from the stand-in's demo data. */
  function argsFor(): Record<string, Record<string, unknown>> {
    const st = h.standin.state;
    const installations = st.table(1, 'mcp_installations').all() as Array<{
      id: string;
      display_name?: string;
      name?: string;
      auth_type?: string;
    }>;
    const templates = templatesTable(st).all() as Array<{ id: string; auth_type?: string }>;
    const apiKeyTemplate = templates.find((t) => t.auth_type === 'api_key')!;
    const github = templates.find((t) => (t as { name?: string }).name === 'GitHub')!;
    const person = st.table(1, 'persons').all()[0] as { id: number };
    const cohortIds = (st.table(1, 'cohorts').all() as Array<{ id: number }>).map((c) => c.id);
    const [inst1, inst2, inst3] = installations.map((i) => i.id);
    const filters = personCohortFilters('email', 'icontains', '@conf.dev');
    return {
      list_actions: {},
      create_action: { name: 'Confirmation action', steps: [{ event: '$pageview' }] },
      get_action: { action_id: 1 },
      update_action: { action_id: 1, description: 'changed' },
      capture_event: { distinct_id: 'conf', event: 'conf_event' },
      identify_user: { distinct_id: 'conf', properties: { plan: 'pro' } },
      group_identify: { group_type: 'company', group_key: 'conf-co', properties: { name: 'Conf' } },
      capture_group_event: { distinct_id: 'conf', event: 'conf_event', group_type: 'company', group_key: 'conf-co' },
      check_feature_flag: { distinct_id: 'conf', flag_key: 'new-onboarding-flow' },
      get_feature_flag_payload: { distinct_id: 'conf', flag_key: 'new-onboarding-flow' },
      get_all_flags: { distinct_id: 'conf' },
      list_feature_flags: {},
      list_deleted_feature_flags: {},
      get_feature_flag: { flag_id: 1 },
      create_feature_flag: { key: 'confirmation-flag' },
      update_feature_flag: { flag_id: 5, name: 'changed' },
      delete_feature_flag: { flag_id: 6 },
      list_annotations: {},
      create_annotation: { content: 'Confirmation', date_marker: '2026-01-01T00:00:00Z' },
      get_annotation: { annotation_id: 1 },
      update_annotation: { annotation_id: 1, content: 'changed' },
      list_cohorts: {},
      create_cohort: { name: 'Confirmation cohort', filters },
      get_cohort: { cohort_id: cohortIds[0] },
      update_cohort: { cohort_id: cohortIds[0], description: 'changed' },
      delete_cohort: { cohort_id: -1 }, // filled below with a cohort nothing uses
      list_dashboards: {},
      create_dashboard: { name: 'Confirmation dashboard' },
      get_dashboard: { dashboard_id: 1 },
      update_dashboard: { dashboard_id: 1, description: 'changed' },
      delete_dashboard: { dashboard_id: 8 },
      list_dashboard_collaborators: { dashboard_id: 1 },
      add_dashboard_collaborator: { dashboard_id: 2, user_uuid: '0190a1b2-0000-7000-8000-0000000b0b00', level: 37 },
      get_dashboard_sharing: { dashboard_id: 1 },
      list_persons: {},
      get_person: { person_id: person.id },
      list_experiments: {},
      create_experiment: { name: 'Confirmation experiment', feature_flag_key: 'confirmation-experiment' },
      get_experiment: { experiment_id: 1 },
      update_experiment: { experiment_id: 1, description: 'changed' },
      check_experiments_requiring_flag: {},
      list_insights: {},
      create_insight: {
        name: 'Confirmation insight',
        query: { kind: 'TrendsQuery', series: [{ kind: 'EventsNode', event: '$pageview' }] },
      },
      get_insight: { insight_id: 1 },
      update_insight: { insight_id: 1, description: 'changed' },
      get_insight_sharing: { insight_id: 1 },
      get_insight_activity: { insight_id: 1 },
      mark_insight_viewed: { insight_id: 1 },
      get_insights_activity: {},
      get_trend_insights: { events: ['$pageview'] },
      create_trend_insight: { name: 'Confirmation trend', events: ['$pageview'] },
      list_mcp_server_templates: {},
      list_mcp_server_installations: {},
      get_mcp_server_installation: { installation_id: inst1 },
      update_mcp_server_installation: { installation_id: inst1, description: 'changed' },
      delete_mcp_server_installation: { installation_id: inst3 },
      list_mcp_installation_tools: { installation_id: inst2 },
      set_mcp_tool_approval: { installation_id: inst2, tool_name: '', approval_state: 'approved' }, // tool name filled below
      refresh_mcp_installation_tools: { installation_id: inst1 },
      authorize_mcp_server_installation: { template_id: github.id },
      install_custom_mcp_server: {
        name: 'Confirmation server',
        url: 'https://mcp.confirmation.dev/mcp',
        auth_type: 'api_key',
        api_key: 'conf-key-123456',
      },
      install_mcp_server_template: { template_id: apiKeyTemplate.id, api_key: 'conf-key-123456' },
      list_projects: {},
      run_hogql_query: { query: 'SELECT count() FROM events' },
      list_event_definitions: {},
      list_property_definitions: { event_names: ['$pageview'] },
      find_code_references: {},
      list_stale_flags: {},
      run_insight_query: { insight_id: 1, date_from: '-7d' },
      check_hogql_query: { query: 'SELECT event FROM events' },
      get_hogql_schema: {},
    };
  }

  it('every tool runs with valid arguments; one that changes or removes existing things is destructive; a read-only one changes nothing', async (t) => {
    const args = argsFor();
    assert.deepEqual(Object.keys(args).sort(), ALL_TOOLS.map((x) => x.name).sort(), 'arguments for every tool');
    // A cohort nothing uses, and a tool of an installation, from the tools themselves.
    const created = await h.call<{ id: number }>('create_cohort', { name: 'Unused cohort', filters: args.create_cohort.filters });
    args.delete_cohort.cohort_id = created.data.id;
    const tools = await h.call<{ results: Array<{ tool_name: string }> }>('list_mcp_installation_tools', {
      installation_id: args.set_mcp_tool_approval.installation_id,
    });
    args.set_mcp_tool_approval.tool_name = tools.data.results[0].tool_name;

    const problems: string[] = [];
    // Reads first (each must leave the state as it found it), then the writes.
    const ordered = [...ALL_TOOLS].sort((a, b) => Number(b.annotations.readOnlyHint) - Number(a.annotations.readOnlyHint));
    for (const tool of ordered) {
      current = tool.name;
      const before = tool.annotations.readOnlyHint ? snapshot() : '';
      const from = sent.length;
      const out = await h.call(tool.name, args[tool.name]);
      assert.equal(out.isError, false, `${tool.name} ran: ${out.text}`);
      const methods = new Set(sent.slice(from).map((r) => r.method));
      methodsOf.set(tool.name, methods);
      const changesExisting = ['PATCH', 'PUT', 'DELETE'].some((m) => methods.has(m));
      if (changesExisting && !tool.annotations.destructiveHint)
        problems.push(`${tool.name} sends ${[...methods].join('/')} but has destructiveHint: false`);
      if (tool.annotations.readOnlyHint) {
        if (snapshot() !== before) problems.push(`${tool.name} is read-only but changed the stand-in's data`);
        for (const r of sent.slice(from)) {
          if (r.method !== 'GET' && !(r.method === 'POST' && READ_POSTS.some((re) => re.test(r.path))))
            problems.push(`${tool.name} is read-only but sent ${r.method} ${r.path}`);
        }
      }
    }
    assert.deepEqual(problems, []);
    const destructive = ALL_TOOLS.filter((x) => x.annotations.destructiveHint).map((x) => x.name);
    t.diagnostic(`${ALL_TOOLS.length} tools run; ${destructive.length} destructive: ${destructive.join(', ')}`);
    // Every tool actually reached PostHog, so the methods above are real observations (but the one that reads only local code).
    for (const tool of ALL_TOOLS.filter((x) => x.annotations.openWorldHint))
      assert.ok((methodsOf.get(tool.name)?.size ?? 0) > 0, `${tool.name} sent a request`);
  });

  it('the built server publishes the same hints to a client (dist/cli.js over stdio)', async (t) => {
    if (!existsSync(CLI)) return t.skip(`${CLI} not built`);
    const client = new Client({ name: 'hints', version: '1' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [CLI],
        env: cleanEnv({ POSTHOG_API_KEY: h.standin.key, POSTHOG_HOST: h.standin.url }),
        stderr: 'ignore',
      }),
    );
    try {
      const { tools } = await client.listTools();
      assert.equal(tools.length, ALL_TOOLS.length);
      for (const def of ALL_TOOLS) {
        const published = tools.find((x) => x.name === def.name);
        assert.ok(published, def.name);
        assert.equal(published.annotations?.destructiveHint, def.annotations.destructiveHint, `${def.name} destructiveHint as published`);
        assert.equal(published.annotations?.readOnlyHint, def.annotations.readOnlyHint, `${def.name} readOnlyHint as published`);
        if (
          /^(update_|delete_|set_)/.test(def.name) ||
          (methodsOf.get(def.name) && ['PATCH', 'PUT', 'DELETE'].some((m) => methodsOf.get(def.name)!.has(m)))
        ) {
          assert.equal(published.annotations?.destructiveHint, true, `${def.name} asks for confirmation`);
        }
      }
    } finally {
      await client.close();
    }
  });
});
