// Charts with uPlot (canvas, small and fast; www/package.json says why): time series, bars
// (plain, stacked, over categories), horizontal bars for tornado charts and vertical markers
// for percentiles. A chart takes a spec; the numbers come from the core's results.
//
// spec = {
//   x: numbers, or categories: labels (then x is their index),
//   xLabel, yLabel, yFormat: "usd" | "num" | "pct" | "ratio", xFormat (idem, for horizontal charts),
//   series: [{ label, values, type: "line" | "bars" | "step" | "limit", color: index, format }],
//   stacked: sum the bar series on each other (or `stack: true` on a series), horizontal: bars along x,
//   markers: [{ x, label }], zero: keep 0 in view, height,
//   dates: the date of each x (month axes: the axis and the tooltip show dates),
//   shade: a boolean for each x (months shaded: breaches), shadeLabel: what the shading means,
//   y2Label, y2Format: the right axis, for the series with `right: true` (balances beside flows)
// }
// Every chart labels both axes (the y axis by its format when the spec names no label: USD,
// percent, times) and offers its numbers as a table (for screen readers, and to read exact
// values), made when opened.

import uPlot from "uplot";

import { download } from "./csv.js";
import { el } from "./form.js";
import { format } from "./format.js";
import { onScreen } from "./on-screen.js";

/** The y axis's label when the spec names none: the unit its format shows. */
const Y_LABELS = { usd: "USD", pct: "percent", ratio: "times (x)", num: "" };

/**
 * The axis labels a spec is drawn with: `[x, y]`, x's the axis of the x values or categories
 * (at the left when horizontal), y's the values' (at the bottom when horizontal).
 */
export function axisLabels(spec) {
  const x = spec.xLabel ?? (spec.dates ? "month" : "");
  const y = spec.yLabel ?? Y_LABELS[spec.yFormat ?? "num"] ?? "";
  return [x, y];
}

/** The format kind a series' values are shown in, from its own or the chart's. */
function seriesFormat(spec, s) {
  const y = spec.yFormat ?? "num";
  return s.format ?? (y === "ratio" ? "ratio" : y === "pct" ? "pct" : y === "usd" ? "usd" : "num");
}

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

let palette = null; // the colours, and the theme they were read for

/** The theme's colours, from the CSS custom properties, read once per theme (html[data-theme]). */
function colours() {
  const theme = document.documentElement.dataset.theme;
  if (palette?.theme !== theme) {
    const style = getComputedStyle(document.documentElement);
    const read = (name) => style.getPropertyValue(name).trim();
    palette = {
      theme,
      axis: read("--muted"),
      grid: read("--line"),
      ink: read("--ink"),
      shade: read("--error"),
      series: Array.from({ length: 8 }, (_, i) => read(`--series-${i + 1}`)),
    };
  }
  return palette;
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

/**
 * For each series, the index of the stacked series it is drawn on: stacked series (`stack:
 * true`, or every bar series when `spec.stacked`) sit on the sum of those before them. null
 * for the first stacked series, undefined for a series not stacked.
 */
function stackedOn(spec) {
  let below = null;
  return spec.series.map((s, i) => {
    if (!(s.stack ?? Boolean(spec.stacked && s.type === "bars"))) return undefined;
    const on = below;
    below = i;
    return on;
  });
}

/** uPlot's data for a spec: x, then each series as drawn (stacked ones summed). */
function dataOf(spec) {
  const xs = spec.categories ? spec.categories.map((_, i) => i) : spec.x;
  const values = [];
  stackedOn(spec).forEach((on, i) => {
    const own = spec.series[i].values;
    values.push(on === undefined ? own : own.map((v, j) => (v ?? 0) + (on === null ? 0 : values[on][j])));
  });
  return [xs, ...values];
}

/**
 * uPlot options for a spec's shape at a width. `current()` is the spec drawn now: the
 * legend shows each series' own value (not its stacked sum) from it.
 */
function optionsOf(spec, width, current) {
  const theme = colours();
  const categories = spec.categories;
  const xs = categories ? categories.map((_, i) => i) : spec.x;
  const yFormat = spec.yFormat ?? "num";
  const bars = uPlot.paths.bars({ size: [0.7, 60], align: 0 });
  const horizontal = Boolean(spec.horizontal);

  const bands = stackedOn(spec).flatMap((on, i) => (on == null ? [] : [{ series: [i + 1, on + 1], fill: "rgba(0,0,0,0)" }]));

  const series = [
    { label: spec.xLabel ?? (spec.dates ? "month" : ""), value: (u, v, si, idx) => (v == null ? "—" : categories ? categories[v] : spec.dates && idx != null ? `${format(v, "int")} (${current().dates?.[idx] ?? ""})` : format(v, "int")) },
    ...spec.series.map((s, i) => {
      const colour = theme.series[(s.color ?? i) % theme.series.length];
      const kind = s.type ?? "line";
      const shown = (u, v, si, idx) => format(idx == null ? v : current().series[i].values[idx], s.right ? seriesFormat({ yFormat: spec.y2Format ?? yFormat }, s) : seriesFormat(spec, s));
      const common = { label: s.label, stroke: colour, width: kind === "limit" ? 1.5 : 2, value: shown, spanGaps: false, scale: s.right ? "y2" : "y" };
      if (kind === "bars") return { ...common, width: 1, fill: withAlpha(colour, 0.75), paths: bars, points: { show: false } };
      if (kind === "step") return { ...common, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } };
      if (kind === "limit") return { ...common, dash: [6, 4], points: { show: false } };
      return { ...common, dash: s.dash ? [4, 3] : undefined, points: { show: xs.length < 40 } };
    }),
  ];

  const axisCommon = { stroke: theme.axis, grid: { stroke: theme.grid, width: 1 }, ticks: { stroke: theme.grid, width: 1 } };
  const [xLabel, yLabel] = axisLabels(spec);
  // Month axes show the month's date ("2027-01") where the spec gives dates.
  const dateOf = (v) => {
    const { x, dates } = current() ?? spec;
    const i = x?.indexOf(v) ?? -1;
    if (i >= 0 && dates?.[i]) return dates[i].slice(0, 7);
    return Number.isInteger(v) ? format(v, "int") : "";
  };
  const xAxis = {
    ...axisCommon,
    label: xLabel,
    side: horizontal ? 3 : 2,
    values: categories ? (u, splits) => splits.map((v) => categories[v] ?? "") : spec.dates ? (u, splits) => splits.map(dateOf) : axisValues(spec.xFormat ?? "num"),
    splits: categories ? () => xs : undefined,
    size: horizontal && categories ? Math.min(260, 16 + 7 * Math.max(...categories.map((c) => c.length))) : undefined,
    grid: categories ? { show: false } : axisCommon.grid,
  };
  // uPlot takes an option set to undefined as given (an axis of size undefined is not drawn):
  // the keys left undefined go, so that uPlot's defaults apply.
  for (const key of Object.keys(xAxis)) if (xAxis[key] === undefined) delete xAxis[key];
  const yAxis = { ...axisCommon, label: yLabel, side: horizontal ? 2 : 3, values: axisValues(yFormat), ...(horizontal ? {} : { size: 70 }) };

  const markers = spec.markers ?? [];
  const hooks = {};
  // Shaded months (breaches), behind the series: drawn after the canvas is cleared.
  if (spec.shade) {
    hooks.drawClear = [
      (u) => {
        const { shade, x } = current() ?? spec;
        if (!shade) return;
        const { ctx } = u;
        ctx.save();
        ctx.fillStyle = withAlpha(theme.shade, 0.16);
        const half = x.length > 1 ? Math.abs(u.valToPos(x[1], "x", true) - u.valToPos(x[0], "x", true)) / 2 : 4;
        shade.forEach((on, i) => {
          if (!on) return;
          const at = u.valToPos(x[i], "x", true);
          ctx.fillRect(at - half, u.bbox.top, 2 * half, u.bbox.height);
        });
        ctx.restore();
      },
    ];
  }
  if (markers.length) Object.assign(hooks, {
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
      });

  const anyBars = spec.series.some((s) => s.type === "bars");
  const right = !horizontal && spec.series.some((s) => s.right);
  const options = {
    width,
    height: spec.height ?? 260,
    scales: {
      x: {
        time: false,
        ori: horizontal ? 1 : 0,
        dir: horizontal ? -1 : 1,
        range: categories ? [-0.5, xs.length - 0.5] : anyBars ? (u, min, max) => (min == null ? [0, 1] : [min - 0.5, max + 0.5]) : undefined,
      },
      y: { ori: horizontal ? 0 : 1, range: spec.zero || anyBars ? zeroRange : undefined },
      ...(right ? { y2: { ori: 1, range: zeroRange } } : {}),
    },
    series,
    bands,
    axes: right ? [xAxis, yAxis, { ...axisCommon, scale: "y2", side: 1, label: spec.y2Label ?? Y_LABELS[spec.y2Format ?? yFormat], values: axisValues(spec.y2Format ?? yFormat), grid: { show: false }, size: 70 }] : [xAxis, yAxis],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false }, points: { show: !anyBars } },
    hooks,
  };
  return options;
}

/**
 * A chart in `figure` (a <figure>): created once, then only its data replaced (uPlot's
 * setData, drawn at once) while its shape stays; resized with its box. Its width comes from
 * a ResizeObserver, so an update reads no layout; out of view, it is drawn when it comes
 * into view.
 */
export class Chart {
  constructor(figure) {
    this.figure = figure;
    this.holder = document.createElement("div");
    this.holder.className = "chart";
    this.note = el("p", { className: "chart-note" });
    // The numbers as a table, made when opened (and kept up to date while open).
    this.dataTable = el("div", { className: "chart-data" });
    this.dataBox = el("details", { className: "chart-data-box" }, [el("summary", { text: "Data table" }), this.dataTable]);
    this.dataBox.addEventListener("toggle", () => this.dataBox.open && this.fillTable());
    const png = el("button", { type: "button", className: "small", text: "Download PNG" });
    png.addEventListener("click", () => this.savePng());
    figure.append(this.holder, this.note, el("div", { className: "chart-actions" }, [this.dataBox, png]));
    this.plot = null;
    this.shape = "";
    this.width = 600; // until the observer reports the figure's
    this.observer = new ResizeObserver(([entry]) => this.resize(entry.contentRect.width));
    this.observer.observe(figure);
    this.shown = onScreen(figure, () => this.drawn !== this.spec && this.draw());
    this.drawn = null; // the spec on the canvas
  }

  /** Shows `spec`: its points and signature at once, its drawing when on screen. */
  update(spec) {
    this.spec = spec;
    const data = dataOf(spec);
    this.figure.dataset.points = String(data[0].length);
    this.figure.dataset.signature = signature(data);
    const [xLabel, yLabel] = axisLabels(spec);
    this.figure.dataset.xLabel = xLabel;
    this.figure.dataset.yLabel = yLabel;
    if (spec.series.some((s) => s.right)) this.figure.dataset.y2Label = spec.y2Label ?? Y_LABELS[spec.y2Format ?? spec.yFormat ?? "num"];
    const note = spec.shade?.some(Boolean) ? `Shaded: ${spec.shadeLabel ?? "months in breach"}.` : "";
    if (this.note.textContent !== note) this.note.textContent = note; // unchanged: no layout
    if (this.dataBox.open) this.fillTable();
    if (this.shown() || !this.plot) this.draw(data);
  }

  /** Draws the spec; rebuilds the chart only when its shape (series, kinds, theme) changed. */
  draw(data = dataOf(this.spec)) {
    const { spec } = this;
    this.drawn = spec;
    const shape = JSON.stringify([spec.series.map((s) => [s.label, s.type, s.color]), spec.categories, spec.markers, spec.stacked, spec.horizontal, spec.yFormat, spec.x?.length, Boolean(spec.shade), Boolean(spec.dates), colours().theme]);
    if (this.plot && shape === this.shape) {
      this.plot.batch(() => this.plot.setData(data));
    } else {
      this.plot?.destroy();
      // Drawn at once (uPlot's batch) rather than in a microtask, as setData is above.
      this.plot = new uPlot(optionsOf(spec, this.width, () => this.drawn), data, (plot, init) => {
        this.holder.append(plot.root);
        plot.batch(init);
      });
      this.shape = shape;
    }
    // Until the pointer is on the chart, its legend shows the last point's values.
    if (this.plot.cursor.idx == null && data[0].length > 0) this.plot.setLegend({ idx: data[0].length - 1 });
  }

  /** The spec's numbers as a table in the data box: one row per x, one column per series. */
  fillTable() {
    const { spec } = this;
    if (!spec) return;
    const xs = spec.categories ?? spec.x;
    const [xLabel] = axisLabels(spec);
    const head = el("tr", {}, [el("th", { scope: "col", text: spec.horizontal ? "" : xLabel || "x" }), ...(spec.dates ? [el("th", { scope: "col", text: "date" })] : []), ...spec.series.map((s) => el("th", { scope: "col", text: s.label }))]);
    const rows = xs.map((x, i) =>
      el("tr", {}, [
        el("th", { scope: "row", text: spec.categories ? x : format(x, spec.xFormat ?? "num") }),
        ...(spec.dates ? [el("td", { text: spec.dates[i] ?? "" })] : []),
        ...spec.series.map((s) => el("td", { className: "number", text: format(s.values[i], seriesFormat(spec, s)) })),
      ]),
    );
    this.dataTable.replaceChildren(el("div", { className: "scroll", tabindex: "0", role: "region", "aria-label": `${this.figure.querySelector("figcaption")?.textContent ?? "Chart"}: data` }, [el("table", { className: "results-table" }, [el("thead", {}, [head]), el("tbody", {}, rows)])]));
  }

  /** Saves the chart's canvas (axes, labels and series; the legend is the page's) as a PNG, named by the chart. */
  savePng() {
    if (this.drawn !== this.spec) this.draw();
    const name = `${(this.figure.dataset.chart ?? "chart").replace(/[^A-Za-z0-9]+/g, "-")}.png`;
    this.plot?.ctx.canvas.toBlob((blob) => blob && download(name, blob, "image/png"), "image/png");
  }

  /** Redraws with the current theme's colours (out of view: when it comes into view). */
  restyle() {
    this.drawn = null;
    if (this.spec) this.update(this.spec);
  }

  resize(width) {
    if (width <= 0) return; // hidden
    this.width = Math.max(240, Math.floor(width));
    if (this.plot && Math.abs(this.width - this.plot.width) > 2) this.plot.setSize({ width: this.width, height: this.plot.height });
  }
}

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/** A short fingerprint of the plotted numbers (their bits), so tests can see that a chart changed. */
function signature(data) {
  let hash = 0;
  for (const column of data.slice(1)) {
    for (const v of column) {
      bits[0] = v ?? Number.NaN;
      hash = (Math.imul(hash, 31) + words[0]) | 0;
      hash = (Math.imul(hash, 31) + words[1]) | 0;
    }
  }
  return (hash >>> 0).toString(16);
}
