// Charts with uPlot (canvas, small and fast; www/package.json says why): time series, bars
// (plain, stacked, over categories), horizontal bars for tornado charts and vertical markers
// for percentiles. A chart takes a spec; the numbers come from the core's results.
//
// spec = {
//   x: numbers, or categories: labels (then x is their index),
//   xLabel, yLabel, yFormat: "usd" | "num" | "pct" | "ratio", xFormat (idem, for horizontal charts),
//   series: [{ label, values, type: "line" | "bars" | "step" | "limit", color: index, format }],
//   stacked: sum the bar series on each other (or `stack: true` on a series), horizontal: bars along x,
//   markers: [{ x, label }], zero: keep 0 in view, height
// }

import uPlot from "uplot";

import { format } from "./format.js";

const axisFormats = {
  usd: new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact", maximumSignificantDigits: 3 }),
  num: new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 }),
  pct: new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 }),
  ratio: { format: (v) => `${v.toFixed(2)}x` },
};

function axisValues(kind) {
  const fmt = axisFormats[kind] ?? axisFormats.num;
  return (u, splits) => splits.map((v) => (v == null ? "" : fmt.format(v)));
}

/** The theme's colours, read from the CSS custom properties at draw time. */
function colours() {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => style.getPropertyValue(name).trim();
  return {
    axis: read("--muted"),
    grid: read("--line"),
    ink: read("--ink"),
    series: Array.from({ length: 8 }, (_, i) => read(`--series-${i + 1}`)),
  };
}

function withAlpha(colour, alpha) {
  // #rrggbb → rgba, for bar fills.
  const match = /^#([0-9a-f]{6})$/i.exec(colour);
  if (!match) return colour;
  const n = Number.parseInt(match[1], 16);
  return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function zeroRange(u, min, max) {
  const [lo, hi] = uPlot.rangeNum(Math.min(0, min), Math.max(0, max), 0.1, true);
  return [Math.min(0, lo), Math.max(0, hi)];
}

/** uPlot options and data for a spec at a width. */
function build(spec, width) {
  const theme = colours();
  const categories = spec.categories;
  const xs = categories ? categories.map((_, i) => i) : spec.x;
  const yFormat = spec.yFormat ?? "num";
  const bars = uPlot.paths.bars({ size: [0.7, 60], align: 0 });
  const horizontal = Boolean(spec.horizontal);
  const valuesSoFar = [];

  // Stacked series (`stack: true`, or every bar series when `spec.stacked`) are drawn on
  // the sum of the stacked series before them; the legend shows each one's own value.
  const originals = spec.series.map((s) => s.values);
  const stacks = spec.series.map((s) => s.stack ?? Boolean(spec.stacked && s.type === "bars"));
  const bands = [];
  let below = null; // index of the previous stacked series
  const values = originals.map((vs, i) => {
    if (!stacks[i]) return vs;
    const base = below === null ? null : valuesSoFar[below];
    const cumulative = vs.map((v, j) => (v ?? 0) + (base ? base[j] : 0));
    if (below !== null) bands.push({ series: [i + 1, below + 1], fill: "rgba(0,0,0,0)" });
    below = i;
    valuesSoFar[i] = cumulative;
    return cumulative;
  });

  const series = [
    { label: spec.xLabel ?? "", value: (u, v) => (v == null ? "—" : categories ? categories[v] : format(v, "int")) },
    ...spec.series.map((s, i) => {
      const colour = theme.series[(s.color ?? i) % theme.series.length];
      const kind = s.type ?? "line";
      const shown = (u, v, si, idx) => format(idx == null ? v : originals[i][idx], s.format ?? (yFormat === "ratio" ? "ratio" : yFormat === "pct" ? "pct" : yFormat === "usd" ? "usd" : "num"));
      const common = { label: s.label, stroke: colour, width: kind === "limit" ? 1.5 : 2, value: shown, spanGaps: false };
      if (kind === "bars") return { ...common, width: 1, fill: withAlpha(colour, 0.75), paths: bars, points: { show: false } };
      if (kind === "step") return { ...common, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } };
      if (kind === "limit") return { ...common, dash: [6, 4], points: { show: false } };
      return { ...common, dash: s.dash ? [4, 3] : undefined, points: { show: xs.length < 40 } };
    }),
  ];

  const axisCommon = { stroke: theme.axis, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } };
  const xAxis = {
    ...axisCommon,
    label: spec.xLabel,
    side: horizontal ? 3 : 2,
    values: categories ? (u, splits) => splits.map((v) => categories[v] ?? "") : axisValues(spec.xFormat ?? "num"),
    splits: categories ? () => xs : undefined,
    size: horizontal && categories ? Math.min(260, 16 + 7 * Math.max(...categories.map((c) => c.length))) : undefined,
    grid: categories ? { show: false } : axisCommon.grid,
  };
  const yAxis = { ...axisCommon, label: spec.yLabel, side: horizontal ? 2 : 3, values: axisValues(yFormat), size: horizontal ? undefined : 70 };

  const markers = spec.markers ?? [];
  const hooks = markers.length
    ? {
        draw: [
          (u) => {
            const { ctx } = u;
            ctx.save();
            ctx.strokeStyle = theme.ink;
            ctx.fillStyle = theme.ink;
            ctx.setLineDash([3, 3]);
            ctx.font = `${11 * uPlot.pxRatio}px system-ui, sans-serif`;
            markers.forEach((m, i) => {
              const x = Math.round(u.valToPos(m.x, "x", true));
              ctx.beginPath();
              ctx.moveTo(x, u.bbox.top);
              ctx.lineTo(x, u.bbox.top + u.bbox.height);
              ctx.stroke();
              // Labels right of their line in the left half, left of it in the right half.
              const right = x > u.bbox.left + u.bbox.width / 2;
              ctx.textAlign = right ? "right" : "left";
              ctx.fillText(m.label, x + (right ? -3 : 3) * uPlot.pxRatio, u.bbox.top + (12 + 13 * (i % 3)) * uPlot.pxRatio);
            });
            ctx.restore();
          },
        ],
      }
    : {};

  const anyBars = spec.series.some((s) => s.type === "bars");
  const options = {
    width,
    height: spec.height ?? 260,
    scales: {
      x: {
        time: false,
        ori: horizontal ? 1 : 0,
        dir: horizontal ? -1 : 1,
        range: categories ? [-0.5, xs.length - 0.5] : anyBars && xs.length > 0 ? [xs[0] - 0.5, xs.at(-1) + 0.5] : undefined,
      },
      y: { ori: horizontal ? 0 : 1, range: spec.zero || anyBars ? zeroRange : undefined },
    },
    series,
    bands,
    axes: [xAxis, yAxis],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { show: !anyBars } },
    hooks,
  };
  return { options, data: [xs, ...values] };
}

/** A chart in `figure` (a <figure>): created once, updated with new specs, resized with its box. */
export class Chart {
  constructor(figure) {
    this.figure = figure;
    this.holder = document.createElement("div");
    this.holder.className = "chart";
    figure.append(this.holder);
    this.plot = null;
    this.shape = "";
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(figure);
  }

  width() {
    return Math.max(240, Math.floor(this.figure.clientWidth || 600));
  }

  /** Draws `spec`; rebuilds the chart only when its shape (series, kinds) changed. */
  update(spec) {
    this.spec = spec;
    const shape = JSON.stringify([spec.series.map((s) => [s.label, s.type, s.color]), spec.categories, spec.markers, spec.stacked, spec.horizontal, spec.yFormat, spec.x?.length]);
    const { options, data } = build(spec, this.width());
    if (this.plot && shape === this.shape) {
      this.plot.setData(data);
    } else {
      this.plot?.destroy();
      this.plot = new uPlot(options, data, this.holder);
      this.shape = shape;
    }
    // Until the pointer is on the chart, its legend shows the last point's values
    // (after uPlot's own redraw, which it queues as a microtask)
    const plot = this.plot;
    queueMicrotask(() => {
      if (plot.cursor.idx == null && data[0].length > 0) plot.setLegend({ idx: data[0].length - 1 });
    });
    this.figure.dataset.points = String(data[0].length);
    this.figure.dataset.signature = signature(data);
  }

  /** Redraws with the current theme's colours. */
  restyle() {
    if (!this.spec) return;
    this.shape = "";
    this.update(this.spec);
  }

  resize() {
    if (!this.plot) return;
    const width = this.width();
    if (Math.abs(width - this.plot.width) > 2) this.plot.setSize({ width, height: this.plot.height });
  }
}

/** A short fingerprint of the plotted numbers, so tests can see that a chart changed. */
function signature(data) {
  let hash = 0;
  for (const column of data.slice(1)) {
    for (const v of column) {
      const text = v == null ? "n" : v.toPrecision(8);
      for (let i = 0; i < text.length; i += 1) hash = (hash * 31 + text.charCodeAt(i)) | 0;
    }
  }
  return (hash >>> 0).toString(16);
}
