/**
 * A minimal MCP Apps host for the view test (bundled by esbuild in the test): the ext-apps SDK's
 * host side (AppBridge) in a page. `__show(result, args)` puts a fresh view (`__viewHtml`) in a new
 * sandboxed iframe with a new bridge, and hands it the tool result once the view has initialised;
 * the page and this script load once for every test (a page and its script per test were most of
 * each test's time). Records what the view asked for (size changes, links) on `window.__host`.
 */
import { AppBridge, PostMessageTransport } from '@modelcontextprotocol/ext-apps/app-bridge';

interface HostState {
  /** The iframe's name, for the test to find the view's frame. */
  frame: string;
  sizes: Array<{ width?: number; height?: number }>;
  links: string[];
  initialized: boolean;
  /** performance.now() when the view was put in its frame, and when each size report came (for the bench). */
  shownAt: number;
  sizedAt: number[];
}

const w = window as unknown as {
  __host?: HostState;
  __viewHtml: string;
  __show(result: unknown, args: Record<string, unknown>): string;
  __teardown(): Promise<unknown>;
  __setContext(context: Record<string, unknown>): void;
};

let shown = 0;
let current: { frame: HTMLIFrameElement; bridge: AppBridge } | undefined;

w.__show = (result, args) => {
  if (current) {
    void current.bridge.close();
    current.frame.remove();
  }
  const state: HostState = { frame: `view-${++shown}`, sizes: [], links: [], initialized: false, shownAt: performance.now(), sizedAt: [] };
  w.__host = state;
  const frame = document.createElement('iframe');
  frame.name = state.frame;
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
    state.initialized = true;
    void bridge.sendToolInput({ arguments: args });
    void bridge.sendToolResult(result as never);
  };
  bridge.onsizechange = (p) => {
    state.sizes.push(p);
    state.sizedAt.push(performance.now());
  };
  bridge.onopenlink = async (p) => {
    state.links.push(p.url);
    return {};
  };
  current = { frame, bridge };
  // Listen before the view loads: it sends ui/initialize as soon as its script runs.
  void bridge.connect(new PostMessageTransport(frame.contentWindow!, frame.contentWindow!)).then(() => {
    frame.srcdoc = w.__viewHtml;
  });
  return state.frame;
};

/** A new host context (a theme change): the bridge sends the view what changed. */
w.__setContext = (context) => current!.bridge.setHostContext(context as never);

/** Asks the current view to tear down (ui/resource-teardown), as a host does before removing it. */
w.__teardown = () => current!.bridge.teardownResource({});
