/**
 * Chart colours from the page's CSS variables. In a VS Code webview these are VS Code's theme
 * colours (--vscode-*, set for light, dark and high-contrast themes); a host without them (the MCP
 * App view) passes its own through `ChartTheme`, and the fallbacks below are readable on white.
 */
export interface ChartTheme {
  foreground: string;
  muted: string;
  grid: string;
  background: string;
  /** Series colours, in order; they repeat (with a dash) past the end. */
  palette: string[];
  font: string;
}

/** VS Code's own chart colours first (theme-tuned, high contrast included), then distinct fallbacks. */
const PALETTE_VARS: [string, string][] = [
  ['--vscode-charts-blue', '#1a85ff'],
  ['--vscode-charts-orange', '#d18616'],
  ['--vscode-charts-green', '#388a34'],
  ['--vscode-charts-purple', '#652d90'],
  ['--vscode-charts-red', '#e51400'],
  ['--vscode-charts-yellow', '#bf8803'],
];

/** Further hues after VS Code's six, mid-lightness so they read on light and dark backgrounds. */
const EXTRA = ['#17a2b8', '#c2185b', '#7cb342', '#8d6e63', '#5c6bc0', '#00897b', '#f4511e', '#9e9d24'];

export function readTheme(element: Element = document.body, override?: Partial<ChartTheme>): ChartTheme {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const theme: ChartTheme = {
    foreground: v('--vscode-editor-foreground', v('--vscode-foreground', '#333333')),
    muted: v('--vscode-descriptionForeground', '#717171'),
    grid: v('--vscode-charts-lines', 'rgba(128,128,128,0.35)'),
    background: v('--vscode-editor-background', '#ffffff'),
    palette: [...PALETTE_VARS.map(([name, fallback]) => v(name, fallback)), ...EXTRA],
    font: v('--vscode-font-family', 'system-ui, sans-serif'),
  };
  return { ...theme, ...override };
}

export function seriesColour(theme: ChartTheme, index: number): string {
  return theme.palette[index % theme.palette.length];
}
