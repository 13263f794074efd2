/** Tool-name prefixes, VS Code server labels and the SSE reader of the gateway. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverLabels, slugOf, uniqueSlugs } from '../../src/mcp/gateway/names';
import { sseMessages } from '../../src/mcp/gateway/sse';

describe('gateway names', () => {
  it('makes short slugs from installation names, unique per gateway', () => {
    assert.equal(slugOf('Linear'), 'linear');
    assert.equal(slugOf('Google Drive (work)'), 'google_drive_work');
    assert.equal(slugOf('Ça marche'), 'ca_marche');
    assert.equal(slugOf('!!!'), 'server');
    assert.ok(slugOf('A very long installation name indeed').length <= 20);
    assert.deepEqual(uniqueSlugs(['Linear', 'linear', 'Notion', 'LINEAR']), ['linear', 'linear_2', 'notion', 'linear_3']);
  });

  it('labels VS Code servers "PostHog · <name>", telling repeated names apart', () => {
    assert.deepEqual(serverLabels(['Linear', 'Sentry', 'Linear', ' ']), [
      'PostHog · Linear',
      'PostHog · Sentry',
      'PostHog · Linear (2)',
      'PostHog · MCP server',
    ]);
  });

  it('reads JSON-RPC messages from an SSE body, skipping comments and keep-alives', () => {
    const body =
      ': keep-alive\n\nevent: message\ndata: {"jsonrpc":"2.0","id":1,\ndata: "result":{}}\n\nevent: message\r\ndata: not json\r\n\r\ndata: {"jsonrpc":"2.0","method":"x"}\n\n';
    assert.deepEqual(sseMessages(body), [
      { jsonrpc: '2.0', id: 1, result: {} },
      { jsonrpc: '2.0', method: 'x' },
    ]);
  });
});
