import type uPlot from 'uplot';

/**
 * uPlot path builders for bars, drawn ourselves so that bars of several series can stand side by
 * side (grouped) or on one another (stacked, from `base`), which uPlot's own bar builder does not do.
 */
export function groupedBars(slot: number, slots: number): uPlot.Series.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const ys = u.data[seriesIdx];
    const { colWidth, centre } = columns(u);
    const barWidth = Math.max((colWidth * 0.8) / slots, 1);
    const fill = new Path2D();
    const y0 = u.valToPos(0, 'y', true);
    for (let i = idx0; i <= idx1; i++) {
      const y = ys[i];
      if (y === null || y === undefined) continue;
      const x = centre(i) - colWidth * 0.4 + slot * barWidth;
      const yv = u.valToPos(y, 'y', true);
      fill.rect(x, Math.min(yv, y0), Math.max(barWidth - 1, 1), Math.abs(y0 - yv));
    }
    return { stroke: fill, fill };
  };
}

export function stackedBars(base: number[]): uPlot.Series.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const tops = u.data[seriesIdx];
    const { colWidth, centre } = columns(u);
    const barWidth = Math.max(colWidth * 0.8, 1);
    const fill = new Path2D();
    for (let i = idx0; i <= idx1; i++) {
      const top = tops[i];
      if (top === null || top === undefined) continue;
      const y1 = u.valToPos(top, 'y', true);
      const y0 = u.valToPos(base[i], 'y', true);
      fill.rect(centre(i) - barWidth / 2, Math.min(y0, y1), barWidth, Math.abs(y0 - y1));
    }
    return { stroke: fill, fill };
  };
}

function columns(u: uPlot): { colWidth: number; centre: (i: number) => number } {
  const xs = u.data[0];
  const colWidth = xs.length > 1 ? Math.abs(u.valToPos(xs[1], 'x', true) - u.valToPos(xs[0], 'x', true)) : u.bbox.width * 0.5;
  return { colWidth, centre: (i) => u.valToPos(xs[i], 'x', true) };
}
