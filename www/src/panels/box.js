// The box: a scenario financed with debt secured by its GPUs and its contract (an SPV).
// Debt sized by advance rate and DSCR, monthly statements, covenant tests (DSCR, LTV),
// the equity's returns, and a company roll-up of boxes.

import { evaluate, evaluate_portfolio } from "gpuecon";

import { chart, custom, metrics, Needs, summary, table } from "../lib/block.js";
import { format, toNumber } from "../lib/format.js";
import { choice, details, el, multi } from "../lib/form.js";
import { sourceItem } from "../lib/sources.js";
import { columns, seriesOf } from "./common.js";
import { compareControls, pinnedReport, renderComparison } from "./compare.js";
import { financingField, PORTFOLIO_PRESETS, presetState, SCENARIO_PRESETS, scenarioControls, scenarioFields, syncScenarioControls } from "./scenario-editor.js";

const BOX = "box";
const FINANCED = SCENARIO_PRESETS.filter((p) => p.scenario.financing);

/** The state of the company block (the box panel's portfolio). */
export const COMPANY = "box.company";

/**
 * The portfolio the company block's `input` names: its preset's, or the financed presets
 * ticked; with the preset (null for the ticked boxes).
 */
export function portfolioOf(input) {
  const preset = PORTFOLIO_PRESETS.find((p) => p.id === input.preset) ?? null;
  const portfolio = preset ? preset.portfolio : { boxes: (input.boxes ?? []).map((id) => FINANCED.find((p) => p.id === id)?.scenario).filter(Boolean) };
  return { portfolio, preset };
}

/** Each month of the report beside its financing month. */
function statements(report) {
  const byMonth = new Map(report.financing.months.map((f) => [f.month, f]));
  return report.months.map((m) => ({ ...m, financing: byMonth.get(m.month) ?? null }));
}

/**
 * The uses of a month's CFADS, in the order the waterfall pays them (core/src/scenario/
 * financing/waterfall.rs): `[label, financing month key]`. Income tax is paid before CFADS,
 * so it is a column of the table, not a use.
 */
const WATERFALL = [
  ["Interest", "interest_usd"],
  ["Principal", "principal_usd"],
  ["Fees", "fees_usd"],
  ["Hedges", "hedges_usd"],
  ["DSRA top-up", "dsra_top_up_usd"],
  ["Swept to the lender", "sweep_usd"],
  ["Trapped (lock-up)", "trapped_usd"],
  ["Equity distribution", "distribution_usd"],
];

const fin = (key) => (row) => row.financing?.[key] ?? null;

/** "good", "near" (within `near` of the limit) or "bad" (past it) for `value` against `limit`, higher better when `floor`. */
function against(value, limit, near, floor) {
  if (limit === null || limit === undefined) return "";
  const room = floor ? Number(value) - Number(limit) : Number(limit) - Number(value);
  return room < 0 ? "bad" : room < near ? "near" : "good";
}

/** The headroom of `value` to `limit`, in words: "0.22x above the 1.20x covenant". */
function headroom(value, limit, kind, floor) {
  if (value === null || value === undefined || limit === null || limit === undefined) return "";
  const room = floor ? Number(value) - Number(limit) : Number(limit) - Number(value);
  const side = room >= 0 ? (floor ? "above" : "below") : floor ? "below" : "above";
  const size = kind === "pct" ? `${(Math.abs(room) * 100).toFixed(2)} points` : format(Math.abs(room), kind);
  return `${size} ${side} the ${format(limit, kind)} covenant`;
}

/** The date of month `m` of a report's months, or "". */
const dateOf = (r, m) => r.rows.find((row) => row.month === m)?.date ?? "";

/**
 * The box's answer: the equity's IRR, the worst DSCR and LTV against their covenants
 * (near: within 0.1x of DSCR or 5 points of LTV, the scenario warnings' thresholds), and
 * the month of the default, if any.
 */
const boxSummary = summary([
  { key: "equity_irr", label: "Equity IRR", get: (r) => r.report.financing.summary.equity.irr_annual, format: "pct", gloss: "report.financing.summary.equity.irr_annual", none: "No IRR: the equity's cash flows never change sign (it never gets back what it put in, or never puts anything in)." },
  {
    key: "minimum_dscr", label: "Minimum DSCR", get: (r) => r.report.financing.summary.minimum_dscr, format: "ratio", gloss: "report.financing.summary.minimum_dscr",
    none: "No DSCR: no month has debt service to cover.",
    detail: (r, v) => (r.financing.min_dscr == null ? "no DSCR covenant" : headroom(v, r.financing.min_dscr, "ratio", true)),
    judge: (v, r) => against(v, r.financing.min_dscr, 0.1, true),
  },
  {
    key: "peak_ltv", label: "Peak LTV", get: (r) => r.report.financing.summary.peak_ltv, format: "pct", gloss: "report.financing.summary.peak_ltv",
    none: "No LTV: the GPUs have no value to set the debt against.",
    detail: (r, v) => headroom(v, r.financing.max_ltv, "pct", false),
    judge: (v, r) => against(v, r.financing.max_ltv, 0.05, false),
  },
  {
    key: "first_default", label: "Default", get: (r) => r.report.financing.summary.first_default_month, format: "int", gloss: "report.financing.summary.first_default_month",
    none: "No default: no covenant breach lasted past the cure period, and every payment was made.",
    detail: (r, v) => (v === null || v === undefined ? "none over the horizon" : `month ${v}, ${dateOf(r, v)}`),
    judge: () => "bad",
  },
]);

/**
 * What every month chart of the box shares: month numbers with their dates, the months in
 * breach shaded and the default month marked.
 */
function monthAxis(r) {
  const month = r.report.financing.summary.first_default_month;
  return {
    x: r.rows.map((m) => m.month),
    dates: r.rows.map((m) => m.date),
    xLabel: "month",
    shade: r.rows.map((m) => Boolean(m.financing?.in_breach)),
    shadeLabel: "months in breach of a covenant",
    markers: month == null ? [] : [{ x: month, label: `default (month ${month})` }],
  };
}

const covenantLine = (label, value, colour) => (rows) => (value == null ? [] : [{ label, values: rows.map(() => Number(value)), type: "limit", color: colour }]);

export default {
  id: "box",
  title: "The box: financing and covenants",
  intro: "One contract, its GPUs, its facility and its debt in a special purpose vehicle. The debt is the lesser of the advance rate on the GPUs and what keeps DSCR at the target; covenants are tested every month, a breach longer than the cure period is a default.",
  blocks: [
    {
      id: "financing",
      title: "The box",
      state: BOX,
      errorBase: "scenario",
      defaults: () => presetState("coreweave-box-ig"),
      controls: (root, block) => {
        scenarioControls(root, block);
        compareControls(root, block);
      },
      refreshControls: syncScenarioControls,
      fields: [financingField(true), details("The scenario inside the box: fleet, costs, market and contracts", scenarioFields)],
      compute: (input) => {
        if (!input.scenario?.financing) throw new Needs("This scenario has no financing: switch it on above, or pick a box preset (CoreWeave-style box).");
        const report = evaluate(input.scenario);
        const pinned = input.compare?.scenario?.financing ? pinnedReport(input) : null;
        return {
          report,
          rows: statements(report),
          financing: input.scenario.financing,
          scenario: input.scenario,
          pinned,
          pinnedScenario: input.compare?.scenario,
          pinnedTitle: input.compare?.title,
        };
      },
      outputs: [
        boxSummary,
        custom((host) => host.classList.add("compare"), renderComparison),
        chart("Compare: DSCR of A (dashed) and B", (r) => (r.pinned ? {
          x: r.rows.map((m) => m.month),
          dates: r.rows.map((m) => m.date),
          xLabel: "month",
          yFormat: "ratio",
          yLabel: "DSCR (times)",
          zero: true,
          series: [
            ...seriesOf(r.rows, [["B: DSCR", fin("dscr"), { color: 0 }]]),
            { label: "A: DSCR", values: r.rows.map((m) => toNumber(r.pinned.financing.months.find((f) => f.month === m.month)?.dscr)), color: 1, dash: true },
            ...covenantLine("minimum DSCR (B)", r.financing.min_dscr, 5)(r.rows),
          ],
        } : null), { key: "compare_dscr" }),
        metrics([
          { key: "debt", label: "Debt", get: (r) => r.report.financing.summary.debt_usd, format: "usd0", gloss: "report.financing.summary.debt_usd" },
          { key: "sized_by", label: "Sized by", get: (r) => ({ advance_rate: "the advance rate", target_dscr: "the target DSCR", llcr: "the minimum LLCR" })[r.report.financing.summary.sized_by], format: "text" },
          { key: "equity", label: "Equity", get: (r) => r.report.financing.summary.equity_usd, format: "usd0", gloss: "report.financing.summary.equity_usd" },
          { key: "equity_npv", label: "Equity NPV", get: (r) => r.report.financing.summary.equity.npv_usd, format: "usd0", gloss: "report.financing.summary.equity.npv_usd" },
          { key: "months_in_breach", label: "Months in breach", get: (r) => r.report.financing.summary.months_in_breach, format: "int", gloss: "report.financing.summary.months_in_breach" },
        ]),
        chart("Monthly cash flows: CFADS, debt service and the equity's (USD)", (r) => ({
          ...monthAxis(r),
          yFormat: "usd",
          series: seriesOf(r.rows, [
            ["CFADS", fin("cfads_usd"), { type: "bars", color: 0 }],
            ["debt service", fin("debt_service_usd"), { color: 1 }],
            ["equity cash flow", fin("equity_cash_flow_usd"), { color: 2 }],
            ["debt balance (right axis)", fin("balance_usd"), { color: 4, right: true }],
          ]),
          y2Label: "debt balance (USD)",
        }), { key: "cash_flows" }),
        chart("Debt balance against the GPUs' economic value (USD)", (r) => ({
          ...monthAxis(r),
          yFormat: "usd",
          zero: true,
          series: seriesOf(r.rows, [
            ["debt balance", fin("balance_usd"), { color: 1 }],
            ["economic value", "economic_value_usd", { color: 0 }],
            ["book value", "book_value_usd", { color: 2, dash: true }],
          ]),
        }), { key: "balance" }),
        chart("DSCR against the covenant and the sizing target", (r) => ({
          ...monthAxis(r),
          yFormat: "ratio",
          zero: true,
          series: [
            ...seriesOf(r.rows, [["DSCR", fin("dscr"), { color: 0 }]]),
            ...covenantLine("minimum DSCR", r.financing.min_dscr, 5)(r.rows),
            ...covenantLine("target DSCR", r.financing.target_dscr, 2)(r.rows),
          ],
          yLabel: "DSCR (times)",
        }), { key: "dscr" }),
        chart("LTV against the covenant", (r) => ({
          ...monthAxis(r),
          yFormat: "pct",
          zero: true,
          series: [...seriesOf(r.rows, [["LTV", fin("ltv"), { color: 0 }]]), ...covenantLine("maximum LTV", r.financing.max_ltv ?? "1", 5)(r.rows)],
          yLabel: "LTV (percent of value)",
        }), { key: "ltv" }),
        chart("Where each month's CFADS went: the waterfall (USD)", (r) => ({
          ...monthAxis(r),
          yFormat: "usd",
          stacked: true,
          series: [
            ...seriesOf(r.rows, WATERFALL.map(([label, key], i) => [label, fin(key), { type: "bars", color: i }])),
            ...seriesOf(r.rows, [["CFADS", fin("cfads_usd"), { color: 3, dash: true }]]),
          ],
        }), { key: "waterfall" }),
        table("The waterfall, month by month", "box-waterfall.csv", columns([
          ["Month", "month", "int"],
          ["Date", "date"],
          ["CFADS", fin("cfads_usd"), "usd"],
          ...WATERFALL.map(([label, key]) => [label, fin(key), "usd"]),
          ["DSRA drawn", fin("dsra_draw_usd"), "usd"],
          ["Trapped released", fin("trapped_release_usd"), "usd"],
          ["Equity support", fin("equity_support_usd"), "usd"],
          ["Income tax", fin("taxes_usd"), "usd"],
          ["DSRA balance", fin("dsra_balance_usd"), "usd"],
          ["Trapped balance", fin("trapped_balance_usd"), "usd"],
          ["Locked up", fin("locked_up"), "bool"],
        ]), (r) => r.rows),
        table("Monthly statements and covenant tests", "box-statements.csv", columns([
          ["Month", "month", "int"],
          ["Date", "date"],
          ["Revenue", (m) => m.revenue.total_usd, "usd"],
          ["Cash costs", (m) => m.costs.total_usd, "usd"],
          ["CFADS", fin("cfads_usd"), "usd"],
          ["Interest", fin("interest_usd"), "usd"],
          ["Principal", fin("principal_usd"), "usd"],
          ["Debt service", fin("debt_service_usd"), "usd"],
          ["Fees", fin("fees_usd"), "usd"],
          ["Debt balance", fin("balance_usd"), "usd"],
          ["Economic value", "economic_value_usd", "usd"],
          ["DSCR", fin("dscr"), "ratio"],
          ["LTV", fin("ltv"), "pct"],
          ["In breach", fin("in_breach"), "bool"],
          ["In default", fin("in_default"), "bool"],
          ["Equity cash flow", fin("equity_cash_flow_usd"), "usd"],
        ]), (r) => r.rows, {
          // Exported with the close as month 0 (the equity's flow at the close, as the core's
          // equity IRR reads it), so that IRR() of the equity column is the page's equity IRR.
          close: (r) => ({ month: 0, date: r.scenario?.start ?? "", financing: { equity_cash_flow_usd: r.report.financing.summary.equity_close_cash_flow_usd } }),
        }),
      ],
    },
    {
      id: "company",
      title: "The company: boxes rolled up",
      intro: "Boxes on one timeline (the same start and horizon): EBITDA against interest, and the first month whose debt service the company's cash flow does not cover.",
      defaults: () => ({ preset: PORTFOLIO_PRESETS[0]?.id ?? null, boxes: FINANCED.map((p) => p.id) }),
      fields: [
        choice("preset", "Portfolio", [[null, "The boxes ticked below"], ...PORTFOLIO_PRESETS.map((p) => [p.id, p.title])]),
        multi("boxes", "Boxes (presets with financing)", FINANCED.map((p) => [p.id, p.title])),
      ],
      compute: (input) => {
        const { portfolio, preset } = portfolioOf(input);
        return { ...evaluate_portfolio(portfolio), preset };
      },
      outputs: [
        metrics([
          { key: "ebitda", label: "EBITDA", get: (r) => r.summary.ebitda_usd, format: "usd0" },
          { key: "interest", label: "Interest", get: (r) => r.summary.interest_usd, format: "usd0" },
          { key: "debt", label: "Debt", get: (r) => r.summary.debt_usd, format: "usd0" },
          { key: "min_coverage", label: "Minimum interest coverage", get: (r) => r.summary.minimum_interest_coverage, format: "ratio" },
          { key: "first_uncovered", label: "First uncovered debt service (month)", get: (r) => r.summary.first_uncovered_debt_service_month, format: "int" },
        ]),
        // What the preset shows, then its sources, each a link that opens.
        custom(null, (host, r) => {
          host.replaceChildren(r.preset
            ? el("div", { className: "note" }, [el("p", { text: r.preset.about }), el("ul", { className: "sources", "aria-label": "Sources" }, r.preset.sources.map(sourceItem))])
            : el("p", { className: "note", text: "The boxes ticked above, on one timeline." }));
        }),
        chart("EBITDA, interest and debt service (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["EBITDA", "ebitda_usd", { type: "bars" }],
            ["interest", "interest_usd", { color: 1 }],
            ["debt service", "debt_service_usd", { color: 2 }],
            ["uncovered", "uncovered_debt_service_usd", { color: 5, dash: true }],
          ]),
        }), { key: "company" }),
      ],
    },
  ],
};
