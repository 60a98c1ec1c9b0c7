// Utilization yield: three utilizations a month (billed, activity, effective) and what a
// GPU earns on its cost and capex; a buyer's reserved against on-demand cost.

import { buyer_cost, utilization_yield } from "gpuecon";

import { chart, metrics, table } from "../lib/block.js";
import { dec, rows } from "../lib/form.js";
import { columns, months, seriesOf } from "./common.js";

const START = [
  ["0.55", "0.50", "0.30"], ["0.65", "0.60", "0.35"], ["0.75", "0.70", "0.40"], ["0.85", "0.80", "0.45"],
  ["0.90", "0.85", "0.45"], ["0.90", "0.85", "0.45"], ["0.92", "0.88", "0.48"], ["0.92", "0.88", "0.48"],
  ["0.88", "0.84", "0.46"], ["0.85", "0.80", "0.44"], ["0.80", "0.76", "0.42"], ["0.80", "0.76", "0.42"],
];

export default {
  id: "utilization",
  title: "Utilization yield",
  intro: "Three utilizations, never one: billed (what the billing system sells), activity (a kernel ran: nvidia-smi's GPU-Util) and effective (SM activity or MFU). Revenue follows the billed one; the cost per hour of work follows the others.",
  blocks: [
    {
      id: "yield",
      title: "A GPU's monthly yield",
      gloss: "utilization_yield",
      defaults: () => ({
        price_usd_per_gpu_hour: "2.49",
        cost_usd_per_available_gpu_hour: "1.45",
        capex_usd_per_gpu: "50000",
        months: START.map(([billed, activity, effective]) => ({ billed, activity, effective })),
      }),
      fields: [
        dec("price_usd_per_gpu_hour", "Price per billed GPU-hour", "USD"),
        dec("cost_usd_per_available_gpu_hour", "Cost per available GPU-hour", "USD", { hint: "the Owner cost panel's total" }),
        dec("capex_usd_per_gpu", "Capex per GPU", "USD"),
        rows("months", "Utilization by month", () => ({ billed: "0.8", activity: "0.75", effective: "0.4" }), [
          dec("billed", "Billed", "fraction"),
          dec("activity", "Activity", "fraction"),
          dec("effective", "Effective", "fraction"),
        ], { layout: "table", item: "Month", min: 1 }),
      ],
      compute: (input) => utilization_yield(input),
      outputs: [
        metrics([
          { key: "revenue", label: "Revenue", get: (r) => r.totals.revenue_usd, format: "usd", gloss: "utilization_yield.result.totals.revenue_usd" },
          { key: "margin", label: "Margin", get: (r) => r.totals.margin_usd, format: "usd", gloss: "utilization_yield.result.totals.margin_usd" },
          { key: "billed_utilization", label: "Billed utilization", get: (r) => r.totals.billed_utilization, format: "pct", gloss: "utilization_yield.result.totals.billed_utilization" },
          { key: "yield_on_cost", label: "Annualized yield on cost", get: (r) => r.totals.annualized_yield_on_cost, format: "pct", gloss: "utilization_yield.result.totals.annualized_yield_on_cost" },
          { key: "per_utilized", label: "Cost per utilized GPU-hour", get: (r) => r.totals.cost_usd_per_utilized_gpu_hour, format: "usd4", gloss: "utilization_yield.result.totals.cost_usd_per_utilized_gpu_hour" },
        ]),
        chart("Cost per hour of work: billed, active and effective (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["per utilized hour", "cost_usd_per_utilized_gpu_hour"],
            ["per active hour", "cost_usd_per_active_gpu_hour"],
            ["per effective hour", "cost_usd_per_effective_gpu_hour"],
          ]),
        }), { key: "cost_per_hour" }),
        chart("Revenue, cost and margin a month (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          zero: true,
          series: seriesOf(r.months, [
            ["revenue", "revenue_usd", { type: "bars", color: 0 }],
            ["cost", "cost_usd", { color: 1 }],
            ["margin", "margin_usd", { color: 2 }],
          ]),
        }), { key: "monthly" }),
        table("Month by month", "utilization-yield.csv", columns([
          ["Month", "month", "int"],
          ["Billed GPU-hours", "billed_gpu_hours", "num"],
          ["Revenue", "revenue_usd", "usd"],
          ["Cost", "cost_usd", "usd"],
          ["Margin", "margin_usd", "usd"],
          ["Revenue per available hour", "usd_per_available_gpu_hour", "usd4"],
          ["Cost per utilized hour", "cost_usd_per_utilized_gpu_hour", "usd4"],
          ["Cost per active hour", "cost_usd_per_active_gpu_hour", "usd4"],
          ["Cost per effective hour", "cost_usd_per_effective_gpu_hour", "usd4"],
          ["Yield on cost", "annualized_yield_on_cost", "pct"],
        ], { gloss: "utilization_yield.result.months[]" }), months),
      ],
    },
    {
      id: "buyer",
      gloss: "buyer_cost",
      title: "A buyer: reserve, or pay on demand?",
      defaults: () => ({ reserved_usd_per_gpu_hour: "1.80", on_demand_usd_per_gpu_hour: "2.99", activity: "0.50", gpus: "8", hours: "730" }),
      fields: [
        dec("reserved_usd_per_gpu_hour", "Reserved price", "USD/GPU-hour"),
        dec("on_demand_usd_per_gpu_hour", "On-demand price", "USD/GPU-hour"),
        dec("activity", "Share of hours the jobs run", "fraction"),
        dec("gpus", "GPUs needed", "GPUs"),
        dec("hours", "Hours in the period", "hours", { optional: true }),
      ],
      compute: (input) => buyer_cost(input),
      outputs: [
        metrics([
          { key: "reserved_cost", label: "Reserved: cost", get: (r) => r.reserved_cost_usd, format: "usd", gloss: "buyer_cost.result.reserved_cost_usd" },
          { key: "on_demand_cost", label: "On demand: cost", get: (r) => r.on_demand_cost_usd, format: "usd", gloss: "buyer_cost.result.on_demand_cost_usd" },
          { key: "reserved_per_used", label: "Reserved: per used GPU-hour", get: (r) => r.reserved_usd_per_used_gpu_hour, format: "usd4", gloss: "buyer_cost.result.reserved_usd_per_used_gpu_hour" },
          { key: "break_even_activity", label: "Reserving pays above", get: (r) => r.break_even_activity, format: "pct", gloss: "buyer_cost.result.break_even_activity" },
        ]),
      ],
    },
  ],
};
