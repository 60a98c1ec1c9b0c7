// Monte Carlo and sensitivities of a box: distributions of NPV, IRRs, DSCR and covenant
// events over random paths (run in a Web Worker, with progress and a cancel button), a
// tornado of one-at-a-time swings and a two-input grid, all computed by the core (the
// sensitivities in the same worker: 40 evaluations of the box an edit).

import { evaluate, montecarlo_typical } from "gpuecon";

import { chart, custom, metrics, Needs, note, table } from "../lib/block.js";
import { choice, dec, el, group, int, list, optional, rows } from "../lib/form.js";
import { format, toNumber } from "../lib/format.js";
import { latest } from "../lib/latest.js";
import { joinPath } from "../lib/paths.js";
import { callWorker } from "../montecarlo/calls.js";
import { worker } from "../montecarlo/connect.js";
import { MonteCarloRun, partialLabel } from "../montecarlo/run.js";
import { COMPANY, portfolioOf } from "./box.js";

/** Where the run's scenario comes from: another panel's state. */
const SOURCES = [
  ["box", "The box panel's scenario"],
  ["scenario", "The scenario panel's scenario"],
];

/** The run's sources: a scenario, or the box panel's portfolio (each box's lender reported). */
const RUN_SOURCES = [...SOURCES, ["company", "The box panel's portfolio (the company)"]];

/** The run's model: `{ scenario }`, or `{ portfolio }` when the source is the company. */
function modelOf(input, ctx) {
  if (input.source !== "company") return { scenario: scenarioOf(input, ctx) };
  const { portfolio } = portfolioOf(ctx.stateOf(COMPANY));
  if (!portfolio.boxes.length) throw new Needs("No boxes: pick a portfolio or tick boxes in the Box panel's company block.");
  return { portfolio };
}

function scenarioOf(input, ctx) {
  const scenario = ctx.stateOf(input.source ?? "box")?.scenario;
  if (!scenario) throw new Needs("No scenario: open the Scenario or the Box panel first.");
  return scenario;
}

const INPUTS = [
  ["on_demand_price", "On-demand price", "USD/GPU-hour"],
  ["market_utilization", "On-demand utilization", "fraction"],
  ["contract_price", "Contract price", "USD/GPU-hour"],
  ["usage_share", "Buyers' usage share", "fraction"],
  ["power_price", "Power price", "USD/kWh"],
  ["pue", "PUE", "ratio"],
  ["capex_per_gpu", "Capex per GPU", "USD"],
  ["colocation_per_kw_month", "Colocation", "USD/kW-month"],
  ["residual_annual_factor", "Residual factor", "× a year"],
  ["discount_rate", "Discount rate", "fraction a year"],
  ["sofr", "SOFR (flat)", "fraction a year"],
  ["advance_rate", "Advance rate", "fraction"],
  ["target_dscr", "Target DSCR", "×"],
];
const INPUT_CHOICES = INPUTS.map(([key, label, unit]) => [key, `${label} (${unit})`]);
const inputLabel = (id) => INPUTS.find(([key]) => key === id)?.[1] ?? id;
const inputUnit = (id) => INPUTS.find(([key]) => key === id)?.[2] ?? "value";
/** The format of an input's values, from its unit: fractions as percentages, dollars as dollars. */
function inputFormat(id) {
  const unit = INPUTS.find(([key]) => key === id)?.[2] ?? "";
  if (unit.startsWith("fraction")) return "pct";
  if (unit.startsWith("USD")) return "usd";
  return unit === "×" || unit === "ratio" ? "ratio" : "num4";
}

const OUTPUTS = [
  ["equity_irr_annual", "Equity IRR", "pct"],
  ["equity_value_usd", "Equity value (NPV)", "usd0"],
  ["npv_usd", "Project NPV", "usd0"],
  ["project_irr_annual", "Project IRR", "pct"],
  ["minimum_dscr", "Minimum DSCR", "ratio"],
  ["gross_margin_usd", "Gross margin", "usd0"],
  ["debt_usd", "Debt", "usd0"],
];
const outputFormat = (id) => OUTPUTS.find(([key]) => key === id)?.[2] ?? "num";

const utilizationProcess = (path, label, make) =>
  optional(path, label, make, [
    dec("mean_reversion_per_month", "Mean reversion κ", "share a month"),
    dec("volatility_per_month", "Volatility σ", "share a month"),
    optional("lulls", "Lulls (demand stops)", () => ({ start_probability_per_month: "0.05", end_probability_per_month: "0.25", level: "0.3" }), [
      dec("start_probability_per_month", "Start", "chance a month"),
      dec("end_probability_per_month", "End", "chance a month"),
      dec("level", "Level in a lull", "share of busy"),
    ]),
  ]);

/** The tornado and the grid of `{ scenario, output, swings, grid }`, in the worker; the latest edit's only. */
const sensitivities = latest(async ({ scenario, output, swings, grid }) => {
  const w = await worker();
  const [tornadoResult, gridResult] = await Promise.all([
    callWorker(w, "tornado", { scenario, output, swings }),
    callWorker(w, "sensitivity_grid", { scenario, output, x: grid.x, y: grid.y }).catch((error) => {
      throw under("grid", error);
    }),
  ]);
  return { output, tornado: tornadoResult, grid: gridResult };
});

/**
 * `error` with its paths put under `base`: the grid's inputs sit under `grid` in the form
 * (`grid.x.values`), and the core names them from its own input (`x.values[2]`).
 */
function under(base, error) {
  error.problems = (error.problems ?? [{ field: error.field, message: error.message }]).map((p) => ({ ...p, own: p.own ?? p.field, field: joinPath(base, p.field) }));
  error.field = joinPath(base, error.field);
  return error;
}

/** Why the lender's figures are blank: not run yet, or a scenario without debt. */
const NO_LENDER = "Not run yet, or the scenario has no debt (no lender).";

/** The core's typical random inputs (`Stochastic::typical`, documented in the core). */
const typical = () => montecarlo_typical();

/**
 * The last run's report (a cancelled run's of the paths it did): it stays shown while the
 * inputs change, until the next run.
 */
let lastReport = null;
/** `{ done, total }` when the last report is a cancelled run's, else null. */
let lastPartial = null;
/** The last complete run's speed in paths a second, timed on the page from Run to its report. */
let lastSpeed = null;

/**
 * Why the box's own numbers can show no breach while the paths breach: the deterministic
 * case (the scenario's inputs, evaluated once) beside the share of paths that breach.
 */
function teach(r) {
  const lesson = explain(r);
  return r.partial && r.report ? `${partialLabel(r.partial)}: every figure here is of these paths. ${lesson}` : lesson;
}

function explain(r) {
  if (!r.report) return "Run the paths to see how often the box breaches a covenant when demand, prices, residual values, buyers and SOFR move at random.";
  if (!r.deterministic) {
    // A portfolio: its boxes' lenders are in the table below.
    return `Across ${format(r.report.paths, "int")} random paths of the portfolio's boxes, ${format(r.report.covenant_breach.probability, "pct")} breach a covenant at least once; each box's lender is in the table below.`;
  }
  const months = r.deterministic.financing?.summary?.months_in_breach ?? 0;
  const own = months > 0 ? `breaches a covenant in ${months} month${months === 1 ? "" : "s"}` : "never breaches a covenant";
  const chance = format(r.report.covenant_breach.probability, "pct");
  const se = format(r.report.covenant_breach.standard_error, "pct");
  return `With the scenario's own inputs (one path: every price and utilization at its expected value), the box ${own}. Across ${format(r.report.paths, "int")} random paths, ${chance} (± ${se}) breach at least once: the deterministic case is a single, average path and says nothing of the bad ones, which is what a lender prices.`;
}

const DISTRIBUTIONS = [
  ["Project NPV", "npv_usd", "usd0"],
  ["Project IRR", "project_irr_annual", "pct"],
  ["Equity value", "equity_value_usd", "usd0"],
  ["Equity IRR", "equity_irr_annual", "pct"],
  ["Minimum DSCR", "minimum_dscr", "ratio"],
];

const EVENTS = [
  ["Covenant breach", "covenant_breach"],
  ["Default (payment, or a breach past the cure)", "covenant_default"],
  ["A buyer defaults", "customer_default"],
];

export default {
  id: "montecarlo",
  title: "Monte Carlo and sensitivities",
  intro: "The box under uncertainty: demand, prices, residual values, buyers, curtailment and SOFR drawn month by month over thousands of paths (in a Web Worker, so the page stays responsive); and each input swung one at a time through the exact model.",
  blocks: [
    {
      id: "run",
      title: "Monte Carlo",
      // Its options are explained under "montecarlo.inputs.options" (the scenario is the box's).
      gloss: "montecarlo",
      // 5,000 paths: a 10 % breach probability to ± 0.42 points (one standard error,
      // √(0.1 × 0.9 / 5000)), in about a second in the worker (5,194 paths a second measured
      // on the box preset in headless Chromium on a loaded 2-core machine).
      defaults: () => ({ source: "box", options: { paths: 5000, seed: 1, histogram_bins: 30, stochastic: typical() } }),
      fields: [
        choice("source", "Scenario", RUN_SOURCES),
        group("Run", [
          int("paths", "Paths", "paths"),
          int("seed", "Seed", "the same seed, the same paths"),
          int("histogram_bins", "Histogram bins", "bins"),
          dec("target_standard_error_usd", "Stop at a standard error of the mean NPV", "USD", { optional: true }),
        ], { path: "options" }),
        group("Random inputs (each left out stays at the scenario's value)", [
          utilizationProcess("market_utilization", "On-demand utilization", () => typical().market_utilization),
          utilizationProcess("contract_usage", "Each buyer's usage", () => typical().contract_usage),
          optional("price", "On-demand price", () => typical().price, [
            dec("mean_reversion_per_month", "Mean reversion κ", "share a month"),
            dec("volatility_per_month", "Volatility σ", "log, a month"),
            optional("jumps", "Jumps", () => typical().price.jumps, [
              dec("probability_per_month", "Chance", "chance a month"),
              dec("mean_log_size", "Mean size", "log"),
              dec("log_size_volatility", "Size σ", "log"),
            ]),
            optional("regimes", "A collapse regime", () => typical().price.regimes, [
              dec("log_level", "Level", "log"),
              dec("start_probability_per_month", "Entered", "chance a month"),
              dec("end_probability_per_month", "Left", "chance a month"),
            ]),
          ]),
          optional("residual", "Residual value shocks at launches", () => typical().residual, [
            int("first_month", "First launch", "month"),
            int("every_months", "Then every", "months"),
            dec("median_drop", "Median drop", "share of value"),
            dec("volatility", "σ", "log"),
          ]),
          optional("customer_default", "Buyer defaults", () => typical().customer_default, [
            dec("annual_probability", "Chance", "chance a year"),
            dec("recovery", "Recovered", "share of the minimums left"),
          ]),
          optional("curtailment", "Curtailment events", () => typical().curtailment, [
            dec("probability_per_month", "Chance", "chance a month"),
            dec("share_of_hours", "Hours cut", "share of the month"),
          ]),
          optional("sofr", "SOFR", () => typical().sofr, [
            dec("mean_reversion_per_month", "Mean reversion κ", "share a month"),
            dec("volatility_per_month", "Volatility σ", "a month, annual rate"),
            dec("floor_annual_rate", "Floor", "annual rate", { optional: true }),
          ]),
        ], { path: "options.stochastic" }),
      ],
      compute: (input, ctx) => {
        const model = modelOf(input, ctx);
        // The deterministic case, for the sentence that compares it with the paths (after a
        // run of one box only).
        const deterministic = lastReport && model.scenario ? evaluate(model.scenario) : null;
        return { run: { ...model, options: input.options }, report: lastReport, partial: lastPartial, deterministic, speed: lastSpeed };
      },
      outputs: [
        custom((host, block) => {
          let started = null;
          // Timed from the click on Run (the run's own control) to the report.
          host.addEventListener("click", (event) => {
            if (event.target.closest("button.primary")) started = performance.now();
          }, { capture: true });
          block.montecarlo = new MonteCarloRun(host, () => (block.ok ? block.result.run : null), {
            onReport: (report, partial) => {
              lastReport = report;
              lastPartial = partial;
              lastSpeed = started === null ? null : report.paths / ((performance.now() - started) / 1000);
              block.app.changed(block);
            },
            onError: (problems) => block.fail(problems),
          });
        }),
        metrics([
          { key: "paths", label: "Paths run", get: (r) => r.report?.paths ?? null, format: "int", gloss: "montecarlo.paths", none: "Not run yet: press Run." },
          { key: "partial", label: "Run", get: (r) => (r.report ? (r.partial ? partialLabel(r.partial) : "Complete") : null), format: "text", none: "Not run yet: press Run." },
          { key: "speed", label: "Paths a second", get: (r) => (r.report && r.speed ? Math.round(r.speed) : null), format: "int", none: "Not run yet, or not timed on this page." },
          { key: "npv_mean", label: "Mean NPV", get: (r) => r.report?.npv_usd.mean ?? null, format: "usd0", gloss: "montecarlo.npv_usd.mean" },
          { key: "npv_se", label: "± standard error", get: (r) => r.report?.npv_usd.standard_error ?? null, format: "usd0", gloss: "montecarlo.npv_usd.standard_error" },
          { key: "npv_p5", label: "NPV P5", get: (r) => r.report?.npv_usd.p5 ?? null, format: "usd0", gloss: "montecarlo.npv_usd.p5" },
          { key: "npv_p50", label: "NPV P50", get: (r) => r.report?.npv_usd.p50 ?? null, format: "usd0", gloss: "montecarlo.npv_usd.p50" },
          { key: "npv_p95", label: "NPV P95", get: (r) => r.report?.npv_usd.p95 ?? null, format: "usd0", gloss: "montecarlo.npv_usd.p95" },
          { key: "breach", label: "Chance of a covenant breach", get: (r) => r.report?.covenant_breach.probability ?? null, format: "pct", gloss: "montecarlo.covenant_breach.probability" },
          { key: "default", label: "Chance of a default", get: (r) => r.report?.covenant_default.probability ?? null, format: "pct", gloss: "montecarlo.covenant_default.probability" },
          { key: "shortfall", label: "Equity: mean of the worst 5 %", get: (r) => r.report?.equity_expected_shortfall_usd ?? null, format: "usd0", gloss: "montecarlo.equity_expected_shortfall_usd" },
          { key: "lock_up", label: "Chance of a lock-up", get: (r) => r.report?.credit?.lock_up.probability ?? null, format: "pct", gloss: "montecarlo.credit.lock_up.probability", none: NO_LENDER },
          { key: "expected_loss", label: "Lender: expected loss (PD × LGD)", get: (r) => r.report?.credit?.expected_loss_share ?? null, format: "pct", gloss: "montecarlo.credit.expected_loss_share", none: NO_LENDER },
          { key: "expected_loss_usd", label: "Lender: expected loss a path", get: (r) => r.report?.credit?.expected_loss_usd ?? null, format: "usd0", gloss: "montecarlo.credit.expected_loss_usd", none: NO_LENDER },
          { key: "lender_irr_p50", label: "Lender IRR P50", get: (r) => r.report?.credit?.lender_irr_annual?.p50 ?? null, format: "pct", gloss: "montecarlo.credit.lender_irr_annual", none: NO_LENDER },
        ]),
        note(teach),
        chart("NPV over the paths, with P5, P50 and P95", (r) => r.report && histogram(r.report.npv_usd, "usd"), { key: "npv_histogram" }),
        chart("Equity IRR over the paths, with P5, P50 and P95", (r) => r.report?.equity_irr_annual && histogram(r.report.equity_irr_annual, "pct"), { key: "irr_histogram" }),
        table("Distributions", "montecarlo-distributions.csv", [
          { label: "Outcome", get: (row) => row.label },
          { label: "Paths", get: (row) => row.d.paths, format: "int" },
          { label: "Mean", get: (row) => row.d.mean, format: "num" },
          { label: "Std. error", get: (row) => row.d.standard_error, format: "num" },
          { label: "P5", get: (row) => row.d.p5, format: "num" },
          { label: "P25", get: (row) => row.d.p25, format: "num" },
          { label: "P50", get: (row) => row.d.p50, format: "num" },
          { label: "P75", get: (row) => row.d.p75, format: "num" },
          { label: "P95", get: (row) => row.d.p95, format: "num" },
          { label: "Minimum", get: (row) => row.d.minimum, format: "num" },
          { label: "Maximum", get: (row) => row.d.maximum, format: "num" },
        ], (r) => (r.report ? DISTRIBUTIONS.filter(([, key]) => r.report[key]).map(([label, key]) => ({ label, d: r.report[key] })) : [])),
        table("Events", "montecarlo-events.csv", [
          { label: "Event", get: (row) => row.label },
          { label: "Paths", get: (row) => row.e.paths, format: "int" },
          { label: "Probability", get: (row) => row.e.probability, format: "pct" },
          { label: "Std. error", get: (row) => row.e.standard_error, format: "pct" },
          { label: "First month, median", get: (row) => row.e.first_month?.p50 ?? null, format: "num" },
        ], (r) => (r.report ? EVENTS.map(([label, key]) => ({ label, e: r.report[key] })) : [])),
        // A portfolio's lenders, box by box (the core reports them for two boxes or more).
        table("Each box's lender", "montecarlo-box-credit.csv", [
          { label: "Box", get: (row) => row.name, gloss: "montecarlo.credit.boxes[].name" },
          { label: "Chance of a default", get: (row) => row.default_probability, format: "pct", gloss: "montecarlo.credit.boxes[].default_probability" },
          { label: "Loss given default", get: (row) => row.loss_given_default, format: "pct", gloss: "montecarlo.credit.boxes[].loss_given_default", none: "The box never defaulted on these paths." },
          { label: "Expected loss a path", get: (row) => row.expected_loss_usd, format: "usd0", gloss: "montecarlo.credit.boxes[].expected_loss_usd" },
        ], (r) => r.report?.credit?.boxes ?? []),
      ],
    },
    {
      id: "sensitivity",
      title: "Sensitivities: a tornado and a grid",
      intro: "Each input at its low and its high value, the others at the scenario's (the exact model, not the paths).",
      defaults: () => ({
        source: "box",
        output: "equity_irr_annual",
        swings: [
          { input: "contract_price", low: "2.2", high: "3.0" },
          { input: "usage_share", low: "0.7", high: "1" },
          { input: "power_price", low: "0.06", high: "0.12" },
          { input: "capex_per_gpu", low: "42000", high: "58000" },
          { input: "residual_annual_factor", low: "0.6", high: "0.85" },
          { input: "colocation_per_kw_month", low: "150", high: "230" },
          { input: "sofr", low: "0.02", high: "0.06" },
        ],
        grid: {
          x: { input: "contract_price", values: ["2.2", "2.4", "2.6", "2.8", "3.0"] },
          y: { input: "usage_share", values: ["0.6", "0.7", "0.8", "0.9", "1"] },
        },
      }),
      fields: [
        choice("source", "Scenario", SOURCES),
        choice("output", "Output", OUTPUTS.map(([key, label]) => [key, label])),
        // Low and high in the chosen input's unit: fractions typed and shown as percentages.
        rows("swings", "Swings", () => ({ input: "pue", low: "1.2", high: "1.5" }), [
          choice("input", "Input", INPUT_CHOICES, { restructure: true }),
          dec("low", "Low", "value", { unitOf: (row) => inputUnit(row.input) }),
          dec("high", "High", "value", { unitOf: (row) => inputUnit(row.input) }),
        ], { layout: "table", item: "Swing", min: 1 }),
        group("Grid", [
          choice("x.input", "Across", INPUT_CHOICES, { restructure: true }),
          list("x.values", "Values across", "values", { unitOf: (axis) => inputUnit(axis.input) }),
          choice("y.input", "Down", INPUT_CHOICES, { restructure: true }),
          list("y.values", "Values down", "values", { unitOf: (axis) => inputUnit(axis.input) }),
        ], { path: "grid" }),
      ],
      compute: (input, ctx) => sensitivities({ scenario: scenarioOf(input, ctx), output: input.output, swings: input.swings, grid: input.grid }),
      outputs: [
        metrics([{ key: "base", label: "The scenario's value", get: (r) => r.tornado.base, format: (r) => outputFormat(r.output) }]),
        chart("Tornado: the change from the scenario's value at each input's low and high", (r) => ({
          categories: r.tornado.rows.map((row) => `${inputLabel(row.input)} ${format(row.low, inputFormat(row.input))}–${format(row.high, inputFormat(row.input))}`),
          horizontal: true,
          xLabel: "input, low–high",
          yLabel: `change in ${OUTPUTS.find(([key]) => key === r.output)?.[1] ?? r.output}`,
          yFormat: outputFormat(r.output) === "pct" ? "pct" : outputFormat(r.output) === "ratio" ? "ratio" : "usd",
          height: 60 + 34 * r.tornado.rows.length,
          series: [
            { label: "at the low value", values: r.tornado.rows.map((row) => toNumber(row.change_at_low)), type: "bars", color: 1 },
            { label: "at the high value", values: r.tornado.rows.map((row) => toNumber(row.change_at_high)), type: "bars", color: 0 },
          ],
        }), { key: "tornado" }),
        // In the output's format (104.32 %, not 1.0432) and each input's.
        table("Tornado", "tornado.csv", [
          { label: "Input", get: (row) => inputLabel(row.input) },
          { label: "Low", get: (row) => row.low, format: (row) => inputFormat(row.input) },
          { label: "High", get: (row) => row.high, format: (row) => inputFormat(row.input) },
          { label: "At low", get: (row) => row.output_at_low, format: (row) => row.kind, none: "Not defined at the low value (an IRR whose cash flows never change sign, say)" },
          { label: "At high", get: (row) => row.output_at_high, format: (row) => row.kind, none: "Not defined at the high value (an IRR whose cash flows never change sign, say)" },
          { label: "Swing", get: (row) => row.swing, format: (row) => row.kind, none: "Not defined: the output is not defined at the low or the high value" },
        ], (r) => r.tornado.rows.map((row) => ({ ...row, kind: outputFormat(r.output) }))),
        custom(null, renderGrid),
      ],
    },
  ],
};

/** A histogram's bins as bars, with the percentiles as markers. */
function histogram(d, kind) {
  return {
    x: d.histogram.map((b) => (Number(b.from) + Number(b.to)) / 2),
    xFormat: kind,
    yFormat: "num",
    yLabel: "paths",
    xLabel: kind === "pct" ? "annual rate (percent)" : "USD",
    series: [{ label: "paths", values: d.histogram.map((b) => b.paths), type: "bars", format: "int" }],
    markers: [
      { x: Number(d.p5), label: `P5 ${format(d.p5, kind === "pct" ? "pct" : "usd0")}` },
      { x: Number(d.p50), label: `P50 ${format(d.p50, kind === "pct" ? "pct" : "usd0")}` },
      { x: Number(d.p95), label: `P95 ${format(d.p95, kind === "pct" ? "pct" : "usd0")}` },
    ],
  };
}

/** The grid as a table: one row per value down, one column per value across. */
function renderGrid(host, r) {
  const { grid, output } = r;
  const kind = outputFormat(output);
  const outputLabel = OUTPUTS.find(([key]) => key === output)?.[1] ?? output;
  const head = el("tr", {}, [el("th", { scope: "col", text: `${inputLabel(grid.y.input)} ↓ ${inputLabel(grid.x.input)} →` }), ...grid.x.values.map((x) => el("th", { scope: "col", text: format(x, inputFormat(grid.x.input)) }))]);
  const body = grid.values.map((values, j) =>
    el("tr", {}, [
      el("th", { scope: "row", text: format(grid.y.values[j], inputFormat(grid.y.input)) }),
      ...values.map((v) => el("td", { className: `number${v !== null && Number(v) < 0 ? " negative" : ""}`, "data-value": v ?? "", text: format(v, kind) })),
    ]),
  );
  host.replaceChildren(
    el("div", { className: "scroll", tabindex: "0", role: "region", "aria-label": `Grid: ${outputLabel}` }, [
      el("table", { className: "results-table", "data-grid": output }, [el("caption", { text: `Grid: ${outputLabel}` }), el("thead", {}, [head]), el("tbody", {}, body)]),
    ]),
  );
}
