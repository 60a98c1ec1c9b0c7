// A whole scenario (a preset or your own): the fleet, its costs, its contracts and its
// curves evaluated month by month by `evaluate`, with revenue by product, cash flows, and
// book against economic value.

import { evaluate } from "gpuecon";

import { chart, metrics, summary, table } from "../lib/block.js";
import { format } from "../lib/format.js";
import { columns, months, seriesOf } from "./common.js";
import { financingField, presetState, scenarioControls, scenarioFields, syncScenarioControls } from "./scenario-editor.js";

/** The monthly statement's columns, shared with the box panel's. */
export const monthColumns = columns([
  ["Month", "month", "int"],
  ["Date", "date"],
  ["Available GPU-hours", "available_gpu_hours", "num"],
  ["Billed GPU-hours", "billed_gpu_hours", "num"],
  ["Billed utilization", "billed_utilization", "pct"],
  ["On-demand price", "on_demand_usd_per_gpu_hour", "usd4"],
  ["Contracts", (m) => m.revenue.contracts_usd, "usd"],
  ["Reserved", (m) => m.revenue.reserved_usd, "usd"],
  ["On demand", (m) => m.revenue.on_demand_usd, "usd"],
  ["Spot", (m) => m.revenue.spot_usd, "usd"],
  ["Revenue", (m) => m.revenue.total_usd, "usd"],
  ["Power", (m) => m.costs.power_usd, "usd"],
  ["Facility", (m) => m.costs.facility_usd, "usd"],
  ["Staff", (m) => m.costs.staff_usd, "usd"],
  ["Support", (m) => m.costs.support_usd, "usd"],
  ["Software", (m) => m.costs.software_usd, "usd"],
  ["Insurance", (m) => m.costs.insurance_usd, "usd"],
  ["SG&A", (m) => m.costs.sga_usd, "usd"],
  ["Cash costs", (m) => m.costs.total_usd, "usd"],
  ["Gross margin", "gross_margin_usd", "usd"],
  ["Depreciation", "depreciation_usd", "usd"],
  ["Book value", "book_value_usd", "usd"],
  ["Economic value", "economic_value_usd", "usd"],
  ["Sale", "sale_usd", "usd"],
  ["Cash flow", "cash_flow_usd", "usd"],
  ["Cumulative cash flow", "cumulative_cash_flow_usd", "usd"],
]);

export default {
  id: "scenario",
  title: "Scenario",
  intro: "A fleet month by month: contracts first, then reserved blocks, on demand and spot; cash costs, depreciation, the fleet's economic value and its sale at the horizon. Pick a preset built from public figures, edit it, or import your own.",
  blocks: [
    {
      id: "evaluate",
      title: "The scenario",
      state: "scenario",
      errorBase: "scenario",
      defaults: () => presetState("h100-cluster-1024"),
      controls: scenarioControls,
      refreshControls: syncScenarioControls,
      fields: [...scenarioFields, financingField(false)],
      compute: (input) => ({ ...evaluate(input.scenario), scenario: input.scenario }),
      outputs: [
        // The answer: does the fleet earn its cost of capital, and when is it paid back?
        summary([
          {
            key: "npv", label: "NPV", get: (r) => r.summary.metrics.npv_usd, format: "usd0", gloss: "report.summary.metrics.npv_usd",
            detail: (r) => `at ${format(r.scenario?.annual_discount_rate, "pct")} a year`,
            judge: (v) => (Number(v) >= 0 ? "good" : "bad"),
          },
          {
            key: "irr", label: "IRR", get: (r) => r.summary.metrics.irr_annual, format: "pct", gloss: "report.summary.metrics.irr_annual",
            none: "No IRR: the cash flows never change sign (the fleet never earns back its cost, or costs nothing).",
            detail: (r) => `against the ${format(r.scenario?.annual_discount_rate, "pct")} discount rate`,
            judge: (v, r) => (Number(v) >= Number(r.scenario?.annual_discount_rate) ? "good" : "bad"),
          },
          {
            key: "payback", label: "Payback (month)", get: (r) => r.summary.metrics.payback_month, format: "int", gloss: "report.summary.metrics.payback_month",
            none: "No payback: the cumulative cash flow never turns positive over the horizon.",
            detail: (r, v) => `${r.months.find((m) => m.month === v)?.date ?? ""} of ${r.months.length} months`,
          },
          { key: "gross_margin_share", label: "Gross margin share", get: (r) => r.summary.gross_margin_share, format: "pct", gloss: "report.summary.gross_margin_share", none: "No margin share: no revenue." },
        ]),
        metrics([
          { key: "revenue", label: "Revenue", get: (r) => r.summary.revenue.total_usd, format: "usd0", gloss: "report.summary.revenue.total_usd" },
          { key: "gross_margin", label: "Gross margin", get: (r) => r.summary.gross_margin_usd, format: "usd0", gloss: "report.summary.gross_margin_usd" },
          { key: "capex", label: "Capex", get: (r) => r.summary.capex_usd, format: "usd0", gloss: "report.summary.capex_usd" },
          { key: "billed_utilization", label: "Billed utilization", get: (r) => r.summary.billed_utilization, format: "pct", gloss: "report.summary.billed_utilization" },
          { key: "yield_on_cost", label: "Yield on cost", get: (r) => r.summary.yield_on_cost, format: "pct", gloss: "report.summary.yield_on_cost" },
          { key: "backlog", label: "Contracted backlog", get: (r) => r.summary.contracted_backlog_usd, format: "usd0", gloss: "report.summary.contracted_backlog_usd" },
          { key: "backlog_pv", label: "Backlog, present value", get: (r) => r.summary.contracted_backlog_pv_usd, format: "usd0", gloss: "report.summary.contracted_backlog_pv_usd" },
          { key: "book_value", label: "Book value at the end", get: (r) => r.summary.book_value_usd, format: "usd0", gloss: "report.summary.book_value_usd" },
        ]),
        chart("Revenue by product and cash costs a month (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          dates: r.months.map((m) => m.date),
          xLabel: "month",
          yFormat: "usd",
          series: [
            ...seriesOf(r.months, [
              ["contracts", (m) => m.revenue.contracts_usd, { type: "bars", stack: true, color: 0 }],
              ["reserved", (m) => m.revenue.reserved_usd, { type: "bars", stack: true, color: 2 }],
              ["on demand", (m) => m.revenue.on_demand_usd, { type: "bars", stack: true, color: 3 }],
              ["spot", (m) => m.revenue.spot_usd, { type: "bars", stack: true, color: 4 }],
              ["cash costs", (m) => m.costs.total_usd, { color: 1 }],
            ]),
          ],
        }), { key: "revenue" }),
        chart("Cash flow a month and cumulative (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          dates: r.months.map((m) => m.date),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["cash flow", "cash_flow_usd", { type: "bars" }],
            ["cumulative", "cumulative_cash_flow_usd", { color: 1 }],
          ]),
        }), { key: "cash_flow" }),
        chart("Book value against economic value of the fleet (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          dates: r.months.map((m) => m.date),
          xLabel: "month",
          yFormat: "usd",
          zero: true,
          series: seriesOf(r.months, [
            ["book value", "book_value_usd"],
            ["economic value", "economic_value_usd"],
          ]),
        }), { key: "value" }),
        // Exported with the close as month 0 (the capex), so that IRR() of the cash flow column is the page's IRR.
        table("Monthly statements", "scenario-months.csv", monthColumns, months, { close: (r) => ({ month: 0, date: r.scenario?.start ?? "", cash_flow_usd: r.summary.close_cash_flow_usd }) }),
      ],
    },
  ],
};
