/**
 * The MCP App view (ui://posthog/insight-chart.html): receives a tool result and the host's theme
 * through the MCP Apps protocol (./bridge), and draws the result with the insight view's renderer
 * (../chart). Built by scripts/build.mjs into one self-contained HTML page: nothing from the network.
 */
import { renderChart, type ChartHandle } from '../chart';
import { applyTheme, ViewBridge } from './bridge';
import { contentOf } from './model';
import './view.css';

const root = document.getElementById('root') as HTMLElement;
let current: ChartHandle | undefined;
let lastResult: unknown;

function draw(result: unknown): void {
  lastResult = result;
  current?.destroy();
  current = undefined;
  const content = contentOf(result);
  if ('text' in content) {
    const p = document.createElement('p');
    p.className = content.error ? 'error' : 'text';
    p.textContent = content.text;
    root.replaceChildren(p);
    return;
  }
  const header = document.createElement('header');
  const title = document.createElement('h1');
  title.textContent = content.title;
  header.append(title);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = [content.computedAt ? `Computed ${new Date(content.computedAt).toLocaleString()}` : '', content.note ?? '']
    .filter(Boolean)
    .join(' · ');
  if (content.url) {
    const link = document.createElement('a');
    link.href = content.url;
    link.textContent = 'Open in PostHog';
    // Hosts open links through ui/open-link; a plain navigation would leave the view.
    link.addEventListener('click', (e) => {
      e.preventDefault();
      void bridge.openLink(content.url!).catch(() => undefined);
    });
    meta.append(meta.textContent ? ' · ' : '', link);
  }
  if (meta.childNodes.length) header.append(meta);
  const box = document.createElement('div');
  box.className = 'chart';
  root.replaceChildren(header, box);
  // Colours come from the page's --vscode-* variables: VS Code's own, or the host's mapped in view.css.
  current = renderChart(box, content.model, { title: content.title, openInPostHog: { url: content.url } });
}

const bridge = new ViewBridge(
  { name: 'PostHog insight chart', version: '1.0.0' },
  {
    onToolResult: draw,
    onHostContext(ctx) {
      applyTheme(ctx);
      // Colours are read when drawing: a theme change redraws.
      if (lastResult !== undefined && (ctx.theme || ctx.styles)) draw(lastResult);
    },
  },
);
root.textContent = 'Waiting for the result…';
bridge.connect().catch((e: unknown) => {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = `The host did not start the view: ${e instanceof Error ? e.message : String(e)}`;
  root.replaceChildren(p);
});
