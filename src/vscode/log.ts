/** The "PostHog" log channel: each PostHog request and each tool call, never a key or a secret. */
import type * as vscode from 'vscode';
import type { ToolRegistry } from '../mcp/registry';
import type { RequestLog } from '../posthog/client';

export function requestLogger(log: vscode.LogOutputChannel): (r: RequestLog) => void {
  return (r) => {
    const outcome = r.status !== undefined ? String(r.status) : (r.error ?? 'no answer');
    const retry = r.attempt > 0 ? `, attempt ${r.attempt + 1}` : '';
    const line = `${r.method} ${r.path} → ${outcome} (${r.durationMs} ms${retry})`;
    if (r.status === undefined || r.status >= 400) log.warn(line);
    else log.info(line);
  };
}

export function logToolCalls(registry: ToolRegistry, log: vscode.LogOutputChannel): () => void {
  return registry.onDidCall((e) => {
    if (e.ok) log.info(`tool ${e.tool} ok (${e.durationMs} ms)`);
    else log.warn(`tool ${e.tool} failed (${e.durationMs} ms): ${e.error ?? 'unknown error'}`);
    // Arguments (secrets already redacted) only at debug level: they may hold personal data.
    log.debug(`tool ${e.tool} arguments: ${JSON.stringify(e.args)}`);
  });
}
