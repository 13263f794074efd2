/**
 * The governed gateway through the MCP SDK's client: PostHog's approvals decide what an agent sees
 * and may run, calls reach the upstream with the installation's credentials (never the personal
 * key), approval flips produce notifications/tools/list_changed, and broken installations or
 * upstreams are answered in words, inside the call deadline.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startStandin, type Standin } from '../standin/server';
import { mcpProxyThrottle } from '../standin/routes/mcpProxy';
import { startUpstreamMcp, type UpstreamMcp } from '../helpers/upstreamMcp';
import { INSTALLATION_TOKEN, addUpstreamInstallation, installationRow, setApproval } from '../helpers/gatewayInstall';
import { startGateway, textOf } from '../helpers/gatewayHarness';

let standin: Standin;
let upstream: UpstreamMcp;

const APPROVALS = { echo: 'approved', create_issue: 'needs_approval', delete_project: 'do_not_use' };

before(async () => {
  standin = await startStandin({ seed: 'empty' });
  upstream = await startUpstreamMcp();
});
after(async () => {
  await upstream.close();
  await standin.close();
});

const approvalOf = (id: string, tool: string) =>
  (installationRow(standin, id).tools as Array<Record<string, unknown>>).find((t) => t.tool_name === tool)!.approval_state;

describe('gateway for one installation', () => {
  it('lists approved and needs-approval tools with their installation and upstream annotations, not do_not_use', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const g = await startGateway(standin, { installationId: id });
    try {
      const { tools } = await g.mcp.listTools();
      assert.deepEqual(tools.map((t) => t.name).sort(), ['create_issue', 'echo']);
      const echo = tools.find((t) => t.name === 'echo')!;
      assert.match(echo.description!, /^\[Linear, through PostHog\] Say the text back\./);
      assert.equal(echo.annotations?.readOnlyHint, true);
      assert.equal(echo.title, 'Echo');
      const create = tools.find((t) => t.name === 'create_issue')!;
      assert.deepEqual(create.annotations, { readOnlyHint: false, destructiveHint: false, openWorldHint: true });
      assert.match(create.description!, /Needs approval in PostHog/);
    } finally {
      await g.close();
    }
  });

  it('runs an approved tool upstream with the installation credentials, never the personal key', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const g = await startGateway(standin, { installationId: id });
    try {
      const result = await g.mcp.callTool({ name: 'echo', arguments: { text: 'hello' } });
      assert.equal(result.isError, undefined);
      assert.equal(textOf(result), 'echo: hello');
      const call = upstream.calls().at(-1)!;
      assert.deepEqual([call.name, call.headers.authorization], ['echo', `Bearer ${INSTALLATION_TOKEN}`]);
      for (const r of upstream.requests) assert.ok(!JSON.stringify(r.headers).includes(standin.key), 'personal key reached the upstream');
    } finally {
      await g.close();
    }
  });

  it('asks before a needs-approval tool, approves it in PostHog on yes, then runs it', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const asked: string[] = [];
    const g = await startGateway(standin, {
      installationId: id,
      confirm: async (tool, server) => (asked.push(`${tool} of ${server}`), true),
    });
    try {
      const result = await g.mcp.callTool({ name: 'create_issue', arguments: { title: 'Bug' } });
      assert.equal(textOf(result), 'created issue "Bug"');
      assert.deepEqual(asked, ['create_issue of Linear']);
      assert.equal(approvalOf(id, 'create_issue'), 'approved');
      assert.equal(standin.requestsTo(`/mcp_server_installations/${id}/tools/create_issue`, 'PATCH').length, 1);
    } finally {
      await g.close();
    }
  });

  it('runs nothing and changes nothing when the person cancels', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const g = await startGateway(standin, { installationId: id, confirm: async () => false });
    try {
      const before = upstream.calls().length;
      const result = await g.mcp.callTool({ name: 'create_issue', arguments: { title: 'Bug' } });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /approval was cancelled/);
      assert.equal(upstream.calls().length, before);
      assert.equal(approvalOf(id, 'create_issue'), 'needs_approval');
    } finally {
      await g.close();
    }
  });

  it('without a host to ask (the CLI), says where to approve', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const g = await startGateway(standin, { installationId: id });
    try {
      const result = await g.mcp.callTool({ name: 'create_issue', arguments: { title: 'Bug' } });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /Approve create_issue in PostHog .* or in the VS Code PostHog MCP Installations view/);
      assert.equal(approvalOf(id, 'create_issue'), 'needs_approval');
    } finally {
      await g.close();
    }
  });

  it('refuses a do_not_use tool clearly, without reaching the upstream', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const g = await startGateway(standin, { installationId: id });
    try {
      const before = upstream.calls().length;
      const result = await g.mcp.callTool({ name: 'delete_project', arguments: { id: 'p' } });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /"delete_project" of "Linear" is set to "Do not use" in PostHog/);
      assert.equal(upstream.calls().length, before);
    } finally {
      await g.close();
    }
  });

  it('sends tools/list_changed within a second of an approval change through the registry', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const g = await startGateway(standin, { installationId: id });
    try {
      const started = Date.now();
      const changed = g.nextListChanged(1_000);
      await g.registry.run('set_mcp_tool_approval', { installation_id: id, tool_name: 'echo', approval_state: 'do_not_use' });
      await changed;
      assert.ok(Date.now() - started < 1_000);
      assert.deepEqual(
        (await g.mcp.listTools()).tools.map((t) => t.name),
        ['create_issue'],
      );
    } finally {
      await g.close();
    }
  });

  it('shows a change made elsewhere at the next tools/list, and by polling', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const g = await startGateway(standin, { installationId: id, pollMs: 200 });
    try {
      const changed = g.nextListChanged(1_500);
      setApproval(standin, id, 'delete_project', 'approved'); // as another PostHog user would
      await changed;
      assert.deepEqual((await g.mcp.listTools()).tools.map((t) => t.name).sort(), ['create_issue', 'delete_project', 'echo']);
      setApproval(standin, id, 'delete_project', 'do_not_use');
      await new Promise((r) => setTimeout(r, 300)); // the list is re-read at each tools/list
      assert.ok(!(await g.mcp.listTools()).tools.some((t) => t.name === 'delete_project'));
    } finally {
      await g.close();
    }
  });

  it('a disabled installation starts, lists nothing, and says to enable it', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, name: 'Notion', approvals: APPROVALS, enabled: false });
    const g = await startGateway(standin, { installationId: id });
    try {
      assert.deepEqual((await g.mcp.listTools()).tools, []);
      assert.match(g.mcp.getInstructions() ?? '', /"Notion" is disabled in PostHog: enable it/);
      const result = await g.mcp.callTool({ name: 'echo', arguments: { text: 'x' } });
      assert.equal(result.isError, true);
      assert.match(textOf(result), /"Notion" is disabled in PostHog: enable it/);
    } finally {
      await g.close();
    }
  });

  it('an installation that needs re-authorization, or whose OAuth is pending, says to authorize it', async () => {
    const reauth = addUpstreamInstallation(standin, {
      url: upstream.url,
      name: 'Acme',
      authType: 'oauth',
      needsReauth: true,
      approvals: APPROVALS,
    });
    const pending = addUpstreamInstallation(standin, {
      url: upstream.url,
      name: 'Jira',
      authType: 'oauth',
      pendingOauth: true,
      approvals: APPROVALS,
    });
    const a = await startGateway(standin, { installationId: reauth });
    const b = await startGateway(standin, { installationId: pending });
    try {
      assert.deepEqual((await a.mcp.listTools()).tools, []);
      assert.match(a.mcp.getInstructions() ?? '', /"Acme" needs to be authorized again: use Authorize/);
      assert.match(textOf(await a.mcp.callTool({ name: 'echo', arguments: { text: 'x' } })), /authorized again/);
      assert.deepEqual((await b.mcp.listTools()).tools, []);
      assert.match(b.mcp.getInstructions() ?? '', /"Jira" is waiting for its OAuth sign-in/);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('answers an upstream error, and a hung upstream inside the call deadline', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const g = await startGateway(standin, { installationId: id, callTimeoutMs: 1_500 });
    try {
      await g.mcp.listTools();
      upstream.mode = 'error';
      const failed = await g.mcp.callTool({ name: 'echo', arguments: { text: 'x' } });
      assert.equal(failed.isError, true);
      assert.match(textOf(failed), /"echo" of "Linear" failed on the MCP server: upstream exploded/);
      upstream.mode = 'hang';
      const started = Date.now();
      const hung = await g.mcp.callTool({ name: 'echo', arguments: { text: 'x' } });
      const took = Date.now() - started;
      assert.equal(hung.isError, true);
      assert.match(textOf(hung), /1\.5 s/);
      assert.ok(took >= 1_400 && took < 3_000, `answered after ${took} ms`);
    } finally {
      upstream.mode = 'ok';
      await g.close();
    }
  });
});

describe("gateway under PostHog's proxy throttle", () => {
  it('waits out a 429 inside the call deadline, and past it says when to try again', async () => {
    const id = addUpstreamInstallation(standin, { url: upstream.url, approvals: APPROVALS });
    const throttle = mcpProxyThrottle(standin.state);
    const g = await startGateway(standin, { installationId: id, callTimeoutMs: 6_000 });
    try {
      await g.mcp.listTools(); // the session is open: each call is one proxy request now
      throttle.reset();
      throttle.burst = { limit: 1, windowMs: 2_000 };
      assert.equal(textOf(await g.mcp.callTool({ name: 'echo', arguments: { text: 'first' } })), 'echo: first');
      const started = Date.now();
      assert.equal(textOf(await g.mcp.callTool({ name: 'echo', arguments: { text: 'second' } })), 'echo: second');
      assert.ok(Date.now() - started >= 900, 'the second call waited for the throttle');

      throttle.burst = { limit: 1, windowMs: 30_000 };
      throttle.reset();
      await g.mcp.callTool({ name: 'echo', arguments: { text: 'uses the window' } });
      const refused = await g.mcp.callTool({ name: 'echo', arguments: { text: 'too soon' } });
      assert.equal(refused.isError, true);
      assert.match(textOf(refused), /\b(2\d|30) s(econds)?\b/, textOf(refused));
    } finally {
      throttle.burst = { limit: 60, windowMs: 60_000 };
      throttle.reset();
      await g.close();
    }
  });
});

describe('gateway for every enabled installation', () => {
  it('prefixes tool names with a slug per installation, lists the prefixes, and leaves disabled ones out', async () => {
    const s = await startStandin({ seed: 'empty' });
    try {
      addUpstreamInstallation(s, { url: upstream.url, name: 'Linear', approvals: APPROVALS });
      addUpstreamInstallation(s, {
        url: upstream.url,
        name: 'Google Drive',
        approvals: { echo: 'approved', create_issue: 'do_not_use', delete_project: 'do_not_use' },
      });
      addUpstreamInstallation(s, { url: upstream.url, name: 'Off', approvals: { echo: 'approved' }, enabled: false });
      const g = await startGateway(s);
      try {
        const names = (await g.mcp.listTools()).tools.map((t) => t.name).sort();
        assert.deepEqual(names, ['google_drive__echo', 'linear__create_issue', 'linear__echo']);
        const instructions = g.mcp.getInstructions() ?? '';
        assert.match(instructions, /linear__ = Linear/);
        assert.match(instructions, /google_drive__ = Google Drive/);
        assert.doesNotMatch(instructions, /Off/);
        assert.equal(textOf(await g.mcp.callTool({ name: 'google_drive__echo', arguments: { text: 'doc' } })), 'echo: doc');
        assert.match(textOf(await g.mcp.callTool({ name: 'linear__delete_project', arguments: { id: '1' } })), /Do not use/);
      } finally {
        await g.close();
      }
    } finally {
      await s.close();
    }
  });
});
