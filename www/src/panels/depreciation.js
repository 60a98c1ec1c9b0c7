// Depreciation, residual value and the cascade: book against economic value, a GPU moving
// from training to inference to batch, its economic end of life, and the refresh decision.

import { cascade, economic_end_of_life, refresh_decision, value_schedule } from "gpuecon";

import { chart, metrics, note, table } from "../lib/block.js";
import { dec, group, int, optional, rows, text } from "../lib/form.js";
import { format } from "../lib/format.js";
import { bookMethod, columns, curve, months, seriesOf } from "./common.js";

export default {
  id: "depreciation",
  title: "Depreciation and residual value",
  intro: "Book value falls by the accounting method; economic value follows the market for used GPUs. The gap is what a lender or a buyer of the fleet has to price.",
  blocks: [
    {
      id: "value",
      gloss: "value_schedule",
      title: "Book against economic value",
      defaults: () => ({
        book: { cost_usd: "50000", salvage_usd: "5000", life_years: "6", method: { kind: "straight_line" }, months: 72 },
        residual: { kind: "exponential", annual_factor: "0.724" },
      }),
      fields: [
        group("Book", [
          dec("book.cost_usd", "Cost", "USD"),
          dec("book.salvage_usd", "Salvage", "USD", { optional: true }),
          dec("book.life_years", "Book life", "years"),
          int("book.months", "Months shown", "months"),
          bookMethod("book.method"),
        ]),
        curve("residual", "Economic value (× cost)"),
      ],
      compute: (input) => value_schedule(input),
      outputs: [
        metrics([
          { key: "book_end", label: "Book value at the end", get: (r) => r.months.at(-1).book_value_usd, format: "usd", gloss: "value_schedule.result.months[].book_value_usd" },
          { key: "economic_end", label: "Economic value at the end", get: (r) => r.months.at(-1).economic_value_usd, format: "usd", gloss: "value_schedule.result.months[].economic_value_usd" },
          { key: "gap_end", label: "Gap at the end", get: (r) => r.months.at(-1).gap_usd, format: "usd", gloss: "value_schedule.result.months[].gap_usd" },
        ]),
        chart("Book value against economic value (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          zero: true,
          series: seriesOf(r.months, [
            ["book value", "book_value_usd"],
            ["economic value", "economic_value_usd"],
            ["gap", "gap_usd", { dash: true }],
          ]),
        }), { key: "book_vs_economic" }),
        table("Month by month", "book-vs-economic.csv", columns([
          ["Month", "month", "int"],
          ["Book value", "book_value_usd", "usd"],
          ["Economic value", "economic_value_usd", "usd"],
          ["Gap", "gap_usd", "usd"],
        ], { gloss: "value_schedule.result.months[]" }), months),
      ],
    },
    {
      id: "cascade",
      gloss: "cascade",
      title: "The cascade: training, then inference, then batch",
      defaults: () => ({
        stages: [
          { name: "training", price_usd_per_gpu_hour: "2.50", utilization: "0.80", months: 24 },
          { name: "inference", price_usd_per_gpu_hour: "1.60", utilization: "0.70", months: 24 },
          { name: "batch", price_usd_per_gpu_hour: "0.90", utilization: "0.60", months: 24 },
        ],
      }),
      fields: [
        rows("stages", "Stages", (i) => ({ name: `stage ${i + 1}`, price_usd_per_gpu_hour: "1", utilization: "0.5", months: 12 }), [
          text("name", "Name"),
          dec("price_usd_per_gpu_hour", "Price", "USD/GPU-hour"),
          dec("utilization", "Billed utilization", "fraction"),
          int("months", "Length", "months"),
          curve("price_curve", "Price path in the stage"),
        ], { item: "Stage", min: 1 }),
      ],
      compute: (input) => cascade(input),
      outputs: [
        metrics([{ key: "revenue", label: "Revenue per GPU over the cascade", get: (r) => r.revenue_usd_per_gpu, format: "usd", gloss: "cascade.result.revenue_usd_per_gpu" }]),
        chart("Revenue per GPU a month (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          zero: true,
          series: seriesOf(r.months, [["revenue per GPU", "revenue_usd_per_gpu", { type: "step" }]]),
        }), { key: "cascade" }),
        table("Stages", "cascade-stages.csv", columns([
          ["Stage", "name"],
          ["First month", "first_month", "int"],
          ["Last month", "last_month", "int"],
          ["Billed GPU-hours per GPU", "billed_gpu_hours_per_gpu", "num"],
          ["Revenue per GPU", "revenue_usd_per_gpu", "usd"],
        ], { gloss: "cascade.result.stages[]" }), (r) => r.stages),
      ],
    },
    {
      id: "end-of-life",
      gloss: "economic_end_of_life",
      title: "Economic end of life",
      intro: "The first month keeping a GPU fails: its revenue below the cash cost of running it, or its margin below what a newer GPU nets in the same kilowatts.",
      defaults: () => ({
        price_usd_per_gpu_hour: "2.99",
        price_curve: { kind: "exponential", annual_factor: "0.724" },
        utilization: "0.70",
        running_cost: { power_usd_per_gpu_hour: "0.13", facility_usd_per_gpu_hour: "0.26", operations_usd_per_gpu_hour: "0.05" },
        kw_per_gpu: "1.275",
        newer: { net_margin_usd_per_gpu_hour: "2.20", kw_per_gpu: "1.7875", margin_curve: { kind: "exponential", annual_factor: "0.724" } },
        horizon_months: 120,
      }),
      fields: [
        dec("price_usd_per_gpu_hour", "Price at the start", "USD/GPU-hour"),
        dec("utilization", "Billed utilization", "fraction"),
        int("horizon_months", "Horizon", "months"),
        dec("kw_per_gpu", "This GPU's IT power", "kW", { optional: true }),
        curve("price_curve", "Price path"),
        group("Cash cost of running it (capital is sunk)", [
          dec("running_cost.power_usd_per_gpu_hour", "Power", "USD/GPU-hour", { optional: true }),
          dec("running_cost.facility_usd_per_gpu_hour", "Facility", "USD/GPU-hour", { optional: true }),
          dec("running_cost.operations_usd_per_gpu_hour", "Operations", "USD/GPU-hour", { optional: true }),
        ]),
        optional("newer", "A newer GPU competing for the power", () => ({ net_margin_usd_per_gpu_hour: "2.20", kw_per_gpu: "1.7875" }), [
          dec("net_margin_usd_per_gpu_hour", "Its net margin", "USD/GPU-hour"),
          dec("kw_per_gpu", "Its IT power", "kW"),
          curve("margin_curve", "Its margin path"),
        ]),
      ],
      compute: (input) => economic_end_of_life(input),
      outputs: [
        metrics([
          { key: "month", label: "End of life (month)", get: (r) => r.month, format: "int", gloss: "economic_end_of_life.result.month" },
          { key: "reason", label: "Why", get: (r) => ({ below_cash_cost: "revenue below cash cost", below_newer_gpu: "a newer GPU nets more" })[r.reason] ?? null, format: "text", gloss: "economic_end_of_life.result.reason" },
        ]),
        chart("Per GPU-hour: revenue, cash cost, and what a newer GPU nets in the same kW (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["revenue", "revenue_usd_per_gpu_hour"],
            ["cash cost", "cash_cost_usd_per_gpu_hour"],
            ["net margin", "net_margin_usd_per_gpu_hour"],
            ["newer GPU's margin", "newer_margin_usd_per_gpu_hour", { dash: true }],
          ]),
          markers: r.month ? [{ x: r.month, label: `end of life: month ${r.month}` }] : [],
        }), { key: "end_of_life" }),
      ],
    },
    {
      id: "refresh",
      gloss: "refresh_decision",
      title: "Refresh: keep the fleet, or sell it and fill the power with the new generation?",
      defaults: () => ({
        power_envelope_kw: "1000",
        horizon_months: 36,
        annual_discount_rate: "0.10",
        current: { kw_per_gpu: "1.275", net_margin_usd_per_gpu_month: "600", sale_value_usd_per_gpu: "12000", residual_at_horizon_usd_per_gpu: "4000" },
        new_generation: { capex_usd_per_gpu: "45000", kw_per_gpu: "1.7875", net_margin_usd_per_gpu_month: "2200", residual_at_horizon_usd_per_gpu: "15000" },
      }),
      fields: [
        dec("power_envelope_kw", "Power envelope", "kW of IT"),
        int("horizon_months", "Horizon", "months"),
        dec("annual_discount_rate", "Discount rate", "fraction a year"),
        group("The current fleet", [
          dec("current.kw_per_gpu", "IT power", "kW/GPU"),
          dec("current.net_margin_usd_per_gpu_month", "Net margin", "USD/GPU-month"),
          dec("current.sale_value_usd_per_gpu", "Sale value now", "USD/GPU"),
          dec("current.residual_at_horizon_usd_per_gpu", "Residual at the horizon", "USD/GPU"),
        ]),
        group("The new generation", [
          dec("new_generation.capex_usd_per_gpu", "Capex", "USD/GPU"),
          dec("new_generation.kw_per_gpu", "IT power", "kW/GPU"),
          dec("new_generation.net_margin_usd_per_gpu_month", "Net margin", "USD/GPU-month"),
          dec("new_generation.residual_at_horizon_usd_per_gpu", "Residual at the horizon", "USD/GPU"),
        ]),
      ],
      compute: (input) => refresh_decision(input),
      outputs: [
        metrics([
          { key: "decision", label: "Decision", get: (r) => r.decision, format: "text", gloss: "refresh_decision.result.decision" },
          { key: "keep_npv", label: "Keep: NPV", get: (r) => r.keep.npv_usd, format: "usd0", gloss: "refresh_decision.result.keep.npv_usd" },
          { key: "replace_npv", label: "Replace: NPV", get: (r) => r.replace.npv_usd, format: "usd0", gloss: "refresh_decision.result.replace.npv_usd" },
          { key: "difference", label: "Replace − keep", get: (r) => r.npv_difference_usd, format: "usd0", gloss: "refresh_decision.result.npv_difference_usd" },
          { key: "keep_gpus", label: "GPUs kept", get: (r) => r.keep.gpus, format: "int", gloss: "refresh_decision.result.keep.gpus" },
          { key: "replace_gpus", label: "New GPUs in the envelope", get: (r) => r.replace.gpus, format: "int", gloss: "refresh_decision.result.replace.gpus" },
        ]),
        note((r) => `Replacing sells ${r.keep.gpus} GPUs for ${format(r.replace.sale_proceeds_usd, "usd0")} and buys ${r.replace.gpus} for ${format(r.replace.capex_usd, "usd0")}, at a monthly discount rate of ${r.monthly_discount_rate}.`),
      ],
    },
  ],
};
