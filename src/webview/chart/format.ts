/** Exact values for tooltips and tables; short ones for axes. */
export function exact(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${trim(value / 1e9)}B`;
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}K`;
  return exact(value);
}

export function percent(share: number): string {
  return `${(share * 100).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

function trim(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** A table cell as text: objects as JSON, nothing as a dash. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return exact(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
