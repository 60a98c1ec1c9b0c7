// Take-or-pay: a contract settled against the buyer's usage month by month (true-ups,
// make-up credits, caps, ramps, escalators, termination), and its contracted backlog.

import { contract_backlog, settle_contract } from "gpuecon";

import { chart, metrics, table } from "../lib/block.js";
import { dec, group, int, list } from "../lib/form.js";
import { columns, contractFields, months, seriesOf } from "./common.js";

/** The contract the backlog block values too. */
const SETTLE = "take-or-pay.settle";

export default {
  id: "take-or-pay",
  title: "Take-or-pay contracts",
  intro: "A minimum of GPU-hours (or megawatts, or dollars) the buyer pays for whether it uses them or not, settled each true-up period; credits for paid shortfalls usable later; the backlog lenders size debt on.",
  blocks: [
    {
      id: "settle",
      title: "The bill, month by month",
      state: SETTLE,
      gloss: "settle_contract",
      defaults: () => ({
        contract: {
          name: "inference customer",
          gpus: "100",
          start_month: 1,
          term_months: 12,
          price_usd_per_gpu_hour: "2.35",
          commitment: { unit: "gpu_hours", quantity_per_month: "58400" },
          true_up: "quarterly",
          make_up: { window_periods: 2 },
          ramp: ["0.5", "0.75"],
        },
        usage_gpu_hours: ["30000", "42000", "50000", "52000", "61000", "66000", "58000", "40000", "45000", "60000", "70000", "72000"],
      }),
      fields: [
        group("Contract", contractFields, { path: "contract" }),
        list("usage_gpu_hours", "The buyer's usage, month by month", "GPU-hours"),
      ],
      compute: (input) => settle_contract(input),
      outputs: [
        metrics([
          { key: "revenue", label: "Revenue", get: (r) => r.totals.revenue_usd, format: "usd", gloss: "settle_contract.result.totals.revenue_usd" },
          { key: "minimum_payment", label: "Minimum payments", get: (r) => r.totals.minimum_payment_usd, format: "usd", gloss: "settle_contract.result.totals.minimum_payment_usd" },
          { key: "shortfall_paid", label: "Shortfall paid", get: (r) => r.totals.shortfall_paid_usd, format: "usd", gloss: "settle_contract.result.totals.shortfall_paid_usd" },
          { key: "make_up_used", label: "Make-up used", get: (r) => r.totals.make_up_used_gpu_hours, format: "num", gloss: "settle_contract.result.totals.make_up_used_gpu_hours" },
          { key: "make_up_expired", label: "Make-up expired", get: (r) => r.totals.make_up_expired_gpu_hours, format: "num", gloss: "settle_contract.result.totals.make_up_expired_gpu_hours" },
        ]),
        chart("Usage against the minimum (GPU-hours)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "num",
          yLabel: "GPU-hours",
          series: seriesOf(r.months, [
            ["usage", "usage_gpu_hours", { type: "bars" }],
            ["minimum", "minimum_gpu_hours", { type: "step", color: 1 }],
            ["make-up balance", "make_up_balance_gpu_hours", { dash: true, color: 2 }],
          ]),
        }), { key: "usage" }),
        chart("Revenue against the minimum payment (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["usage billed", "usage_billed_usd", { type: "bars", stack: true }],
            ["shortfall paid", "shortfall_paid_usd", { type: "bars", stack: true, color: 3 }],
            ["overage", "overage_usd", { type: "bars", stack: true, color: 4 }],
            ["minimum payment", "minimum_payment_usd", { type: "step", color: 1 }],
          ]),
        }), { key: "revenue" }),
        table("Month by month", "take-or-pay-months.csv", columns([
          ["Month", "month", "int"],
          ["Contract month", "contract_month", "int"],
          ["Price", "price_usd_per_gpu_hour", "usd4"],
          ["Minimum GPU-hours", "minimum_gpu_hours", "num"],
          ["Usage", "usage_gpu_hours", "num"],
          ["Billed GPU-hours", "billed_gpu_hours", "num"],
          ["Usage billed", "usage_billed_usd", "usd"],
          ["Overage", "overage_usd", "usd"],
          ["Shortfall GPU-hours", "shortfall_gpu_hours", "num"],
          ["Shortfall paid", "shortfall_paid_usd", "usd"],
          ["Make-up earned", "make_up_earned_gpu_hours", "num"],
          ["Make-up used", "make_up_used_gpu_hours", "num"],
          ["Make-up expired", "make_up_expired_gpu_hours", "num"],
          ["Make-up balance", "make_up_balance_gpu_hours", "num"],
          ["Termination fee", "termination_fee_usd", "usd"],
          ["Revenue", "revenue_usd", "usd"],
        ], { gloss: "settle_contract.result.months[]" }), months),
        table("True-up periods", "take-or-pay-true-ups.csv", columns([
          ["Period", "period", "int"],
          ["First month", "first_month", "int"],
          ["Last month", "last_month", "int"],
          ["Minimum GPU-hours", "minimum_gpu_hours", "num"],
          ["Usage counted", "usage_counted_gpu_hours", "num"],
          ["Shortfall GPU-hours", "shortfall_gpu_hours", "num"],
          ["Shortfall paid", "shortfall_paid_usd", "usd"],
          ["Make-up used", "make_up_used_gpu_hours", "num"],
          ["Minimum payment", "minimum_payment_usd", "usd"],
          ["Revenue", "revenue_usd", "usd"],
        ], { gloss: "settle_contract.result.true_ups[]" }), (r) => r.true_ups),
      ],
    },
    {
      id: "backlog",
      gloss: "contract_backlog",
      title: "The contracted backlog",
      uses: ["settle"],
      intro: "The minimum payments still to come on the contract above, and their present value.",
      defaults: () => ({ as_of_month: 0, annual_discount_rate: "0.10" }),
      fields: [int("as_of_month", "As of the end of month", "month", { hint: "0: the whole contract" }), dec("annual_discount_rate", "Discount rate", "fraction a year")],
      compute: (input, ctx) => contract_backlog({ contract: ctx.stateOf(SETTLE).contract, ...input }),
      outputs: [
        metrics([
          { key: "remaining", label: "Remaining minimum payments", get: (r) => r.remaining_minimum_usd, format: "usd", gloss: "contract_backlog.result.remaining_minimum_usd" },
          { key: "present_value", label: "Present value", get: (r) => r.present_value_usd, format: "usd", gloss: "contract_backlog.result.present_value_usd" },
          { key: "months", label: "Months remaining", get: (r) => r.months_remaining, format: "int", gloss: "contract_backlog.result.months_remaining" },
        ]),
      ],
    },
  ],
};
