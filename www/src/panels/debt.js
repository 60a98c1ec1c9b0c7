// Debt and GPU-collateralized lending: a loan month by month (draws, capitalized interest,
// level, straight, bullet or sculpted repayment, SOFR + a spread by credit tier, fees), the
// sculpted debt capacity of a cash flow, and the loan's LTV against the GPUs' residual value.

import { collateral_schedule, debt_schedule, sculpted_debt_capacity } from "gpuecon";

import { chart, metrics, Needs, table } from "../lib/block.js";
import { dec, group, int, list, variant } from "../lib/form.js";
import { columns, curve, loanInterest, months, repeat, seriesOf } from "./common.js";

const amortization = variant("amortization", "Repayment", [
  { kind: "level_payment", label: "Level payment (annuity)", make: () => ({ kind: "level_payment" }), fields: [] },
  { kind: "straight", label: "Straight (equal principal)", make: () => ({ kind: "straight" }), fields: [] },
  { kind: "bullet", label: "Bullet (interest only)", make: () => ({ kind: "bullet" }), fields: [] },
  {
    kind: "sculpted",
    label: "Sculpted to a cash flow",
    make: () => ({ kind: "sculpted", cfads_usd: repeat(48, "1500000"), target_dscr: "1.3" }),
    fields: [list("cfads_usd", "Cash flow available for debt service, by month", "USD"), dec("target_dscr", "Target DSCR", "×")],
  },
]);

const draws = variant("draws", "Draws", [
  { kind: "at_close", label: "All at the close", make: () => ({ kind: "at_close" }), fields: [] },
  { kind: "amounts", label: "Amounts by month", make: () => ({ kind: "amounts", usd: ["20000000", "10000000", "8400000"] }), fields: [list("usd", "Drawn each month", "USD")] },
  { kind: "shares", label: "Shares of the commitment by month", make: () => ({ kind: "shares", of_commitment: ["0.5", "0.3", "0.2"] }), fields: [list("of_commitment", "Drawn each month", "fractions")] },
]);

export default {
  id: "debt",
  title: "Debt and GPU-backed lending",
  intro: "Month 1 is the first month after the close: draws at the start of their month, debt service at its end, interest at the annual rate ÷ 12 (30/360).",
  blocks: [
    {
      id: "loan",
      gloss: "debt_schedule",
      title: "A loan, month by month",
      defaults: () => ({
        commitment_usd: "38400000",
        tenor_months: 48,
        capitalize_until_month: 0,
        draws: { kind: "at_close" },
        interest: { kind: "floating", sofr_annual_rates: ["0.04"], credit_tier: "named_investment_grade" },
        amortization: { kind: "level_payment" },
        fees: { upfront_fee_share_of_commitment: "0.02", commitment_fee_annual_rate: "0.005" },
      }),
      fields: [
        dec("commitment_usd", "Commitment", "USD"),
        int("tenor_months", "Tenor", "months"),
        int("capitalize_until_month", "Interest capitalized through", "month", { optional: true }),
        int("availability_months", "Availability period", "months", { optional: true }),
        draws,
        loanInterest("interest"),
        amortization,
        group("Fees", [
          dec("fees.upfront_fee_share_of_commitment", "Upfront fee", "fraction of commitment", { optional: true }),
          dec("fees.commitment_fee_annual_rate", "Commitment fee on undrawn", "fraction a year", { optional: true }),
        ]),
      ],
      compute: (input) => debt_schedule(input),
      outputs: [
        metrics([
          { key: "drawn", label: "Drawn", get: (r) => r.totals.drawn_usd, format: "usd0", gloss: "debt_schedule.result.totals.drawn_usd" },
          { key: "interest", label: "Interest", get: (r) => r.totals.interest_usd, format: "usd0", gloss: "debt_schedule.result.totals.interest_usd" },
          { key: "fees", label: "Fees", get: (r) => r.totals.fees_usd, format: "usd0", gloss: "debt_schedule.result.totals.fees_usd" },
          { key: "all_in", label: "All-in annual rate", get: (r) => r.all_in_annual_rate, format: "pct", gloss: "debt_schedule.result.all_in_annual_rate" },
          { key: "maturity", label: "Repaid in month", get: (r) => r.maturity_month, format: "int", gloss: "debt_schedule.result.maturity_month" },
        ]),
        chart("Debt service and the balance (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["interest paid", "interest_paid_usd", { type: "bars", stack: true, color: 1 }],
            ["principal", "principal_usd", { type: "bars", stack: true, color: 0 }],
            ["balance", "closing_balance_usd", { color: 2 }],
          ]),
        }), { key: "loan" }),
        table("Month by month", "loan.csv", columns([
          ["Month", "month", "int"],
          ["Annual rate", "annual_rate", "pct"],
          ["Opening balance", "opening_balance_usd", "usd"],
          ["Draw", "draw_usd", "usd"],
          ["Interest", "interest_usd", "usd"],
          ["Capitalized", "capitalized_interest_usd", "usd"],
          ["Interest paid", "interest_paid_usd", "usd"],
          ["Principal", "principal_usd", "usd"],
          ["Debt service", "debt_service_usd", "usd"],
          ["Upfront fee", "upfront_fee_usd", "usd"],
          ["Commitment fee", "commitment_fee_usd", "usd"],
          ["Closing balance", "closing_balance_usd", "usd"],
        ], { gloss: "debt_schedule.result.months[]" }), months),
      ],
    },
    {
      id: "collateral",
      gloss: "collateral_schedule",
      title: "The GPUs as collateral: LTV, covenants and recovery",
      uses: ["loan"],
      intro: "The loan above secured by the fleet, worth its capex × the residual curve.",
      defaults: () => ({
        collateral: { kind: "fleet", gpus: "1024", capex_usd_per_gpu: "50000", residual: { kind: "exponential", annual_factor: "0.724" } },
        advance_rate: "0.75",
        covenants: { max_ltv: "0.85", cure_months: 2 },
        liquidation: { haircut: "0.20", costs_usd: "500000" },
      }),
      fields: [
        group("The fleet", [dec("gpus", "GPUs pledged", "GPUs"), dec("capex_usd_per_gpu", "Capex", "USD/GPU"), curve("residual", "Value (× capex)")], { path: "collateral" }),
        dec("advance_rate", "Advance rate", "fraction of value"),
        group("Covenants", [dec("max_ltv", "Maximum LTV", "fraction"), int("cure_months", "Cure period", "months", { optional: true })], { path: "covenants" }),
        group("Forced sale", [dec("haircut", "Haircut", "fraction", { optional: true }), dec("costs_usd", "Costs", "USD", { optional: true })], { path: "liquidation" }),
      ],
      compute: (input, ctx) => {
        const loan = ctx.result("loan");
        if (!loan) throw new Needs("The balances come from the loan above: correct its inputs first.");
        return collateral_schedule({ ...input, balance_usd: loan.months.map((m) => m.closing_balance_usd) });
      },
      outputs: [
        metrics([
          { key: "loan", label: "Loan at the advance rate", get: (r) => r.summary.loan_usd, format: "usd0", gloss: "collateral_schedule.result.summary.loan_usd" },
          { key: "peak_ltv", label: "Peak LTV", get: (r) => r.summary.peak_ltv, format: "pct", gloss: "collateral_schedule.result.summary.peak_ltv" },
          { key: "months_in_breach", label: "Months in breach", get: (r) => r.summary.months_in_breach, format: "int", gloss: "collateral_schedule.result.summary.months_in_breach" },
          { key: "first_default", label: "First default (month)", get: (r) => r.summary.first_default_month, format: "int", gloss: "collateral_schedule.result.summary.first_default_month" },
          { key: "loss_at_default", label: "Lender's loss at default", get: (r) => r.summary.recovery_at_default?.loss_usd ?? null, format: "usd0", gloss: "collateral_schedule.result.summary.recovery_at_default.loss_usd" },
        ]),
        chart("LTV against the covenant", (r, ctx) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "pct",
          zero: true,
          series: [
            ...seriesOf(r.months, [["LTV", "ltv"]]),
            { label: "maximum LTV", values: r.months.map(() => Number(ctx.stateOf("debt.collateral").covenants.max_ltv)), type: "limit", color: 5 },
          ],
        }), { key: "ltv" }),
        table("Month by month", "collateral.csv", columns([
          ["Month", "month", "int"],
          ["Balance", "balance_usd", "usd"],
          ["Collateral value", "collateral_value_usd", "usd"],
          ["LTV", "ltv", "pct"],
          ["LTV test", (m) => m.ltv_test.status, undefined, "ltv_test.status"],
          ["In breach", "in_breach", "bool"],
          ["In default", "in_default", "bool"],
          ["Recovery if defaulted", (m) => m.recovery.recovery_usd, "usd", "recovery.recovery_usd"],
          ["Loss if defaulted", (m) => m.recovery.loss_usd, "usd", "recovery.loss_usd"],
        ], { gloss: "collateral_schedule.result.months[]" }), months),
      ],
    },
    {
      id: "capacity",
      gloss: "sculpted_debt_capacity",
      title: "Sculpted debt capacity",
      intro: "The largest loan that debt service of CFADS ÷ the target DSCR repays by maturity.",
      defaults: () => ({ cfads_usd: repeat(12, "1300000"), target_dscr: "1.3", interest: { kind: "fixed", annual_rate: "0.10" }, tenor_months: 12 }),
      fields: [list("cfads_usd", "Cash flow available for debt service, by month", "USD"), dec("target_dscr", "Target DSCR", "×"), int("tenor_months", "Tenor", "months"), int("capitalize_until_month", "Interest capitalized through", "month", { optional: true }), loanInterest("interest")],
      compute: (input) => sculpted_debt_capacity(input),
      outputs: [metrics([{ key: "capacity", label: "Debt capacity", get: (r) => r.debt_capacity_usd, format: "usd0", gloss: "sculpted_debt_capacity.result.debt_capacity_usd" }])],
    },
  ],
};
