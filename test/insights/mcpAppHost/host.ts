/**
 * A minimal MCP Apps host for the view test (bundled by esbuild in the test): the ext-apps SDK's
 * host side (AppBridge) in a page, the view in a sandboxed iframe, the tool result handed over once
 * the view has initialised. Records what the view asked for (size changes, links) on `window.__host`.
 */
import { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';

interface HostState {
  sizes: Array<{ width?: number; height?: number }>;
  links: string[];
  initialized: boolean;
}

const w = window as unknown as { __host: HostState; __viewHtml: string; __result: unknown; __args: Record<string, unknown> };
w.__host = { sizes: [], links: [], initialized: false };

const frame = document.createElement('iframe');
frame.setAttribute('sandbox', 'allow-scripts');
frame.style.width = '720px';
frame.style.height = '300px';
document.body.append(frame);

const bridge = new AppBridge(
  null,
  { name: 'posthog-test-host', version: '1.0.0' },
  { openLinks: {} },
  {
    hostContext: {
      theme: 'dark',
      displayMode: 'inline',
      styles: { variables: { '--color-text-primary': '#eeeeee', '--color-background-primary': '#1e1e1e', '--font-sans': 'sans-serif' } },
    } as never,
  },
);
bridge.oninitialized = () => {
  w.__host.initialized = true;
  void bridge.sendToolInput({ arguments: w.__args });
  void bridge.sendToolResult(w.__result as never);
};
bridge.onsizechange = (p) => {
  w.__host.sizes.push(p);
};
bridge.onopenlink = async (p) => {
  w.__host.links.push(p.url);
  return {};
};
// Listen before the view loads: it sends ui/initialize as soon as its script runs.
void bridge.connect(new PostMessageTransport(frame.contentWindow!, frame.contentWindow!)).then(() => {
  frame.srcdoc = w.__viewHtml;
});
