// Decentralized compute networks: io.net's hourly emissions, Render's burn-mint
// equilibrium, a marketplace's take rate (Akash), and a node operator's ROI in fiat.

import { burn_mint, emission_schedule, operator_roi, take_rate_settlement } from "gpuecon";

import { chart, metrics, table } from "../lib/block.js";
import { dec, int, list, rows, text, variant } from "../lib/form.js";
import { columns, curve, powerGroup, seriesOf } from "./common.js";

const pricePath = variant("price", "Token price", [
  {
    kind: "curve",
    label: "A start price on a curve",
    make: () => ({ kind: "curve", start_usd_per_token: "2", curve: { kind: "constant" } }),
    fields: [dec("start_usd_per_token", "Start price", "USD/token"), curve("curve", "Path")],
  },
  {
    kind: "series",
    label: "Prices by month",
    make: () => ({ kind: "series", usd_per_token: ["2", "1.8", "1.6"] }),
    fields: [list("usd_per_token", "Price from month 0 (the last carried forward)", "USD/token")],
  },
]);

export default {
  id: "networks",
  title: "Decentralized networks",
  intro: "Token emissions and burns, a marketplace's take, and whether running a node pays in dollars.",
  blocks: [
    {
      id: "emissions",
      gloss: "emission_schedule",
      title: "Emissions on a disinflationary schedule (io.net)",
      defaults: () => ({
        initial_supply_tokens: "500000000",
        max_supply_tokens: "800000000",
        initial_annual_inflation_rate: "0.08",
        disinflation_rate_per_epoch: "0.0000138869523959793",
        epochs_per_period: 730,
        periods: 12,
      }),
      fields: [
        dec("initial_supply_tokens", "Supply at launch", "tokens"),
        dec("max_supply_tokens", "Supply cap", "tokens"),
        dec("initial_annual_inflation_rate", "First year's inflation", "fraction"),
        dec("disinflation_rate_per_epoch", "Fall of the rate each hour", "fraction"),
        int("epochs_per_period", "Hours in a row", "hours", { hint: "730 monthly, 8760 yearly" }),
        int("periods", "Rows", "rows"),
      ],
      compute: (input) => emission_schedule(input),
      outputs: [
        metrics([
          { key: "emitted", label: "Emitted", get: (r) => r.emitted_tokens, format: "int", gloss: "emission_schedule.result.emitted_tokens" },
          { key: "supply", label: "Supply at the end", get: (r) => r.total_supply_tokens, format: "int", gloss: "emission_schedule.result.total_supply_tokens" },
          { key: "cap_epoch", label: "Cap reached (hour)", get: (r) => r.cap_reached_epoch, format: "int", gloss: "emission_schedule.result.cap_reached_epoch" },
        ]),
        chart("Tokens emitted each period", (r) => ({
          x: r.periods.map((p) => p.period),
          xLabel: "period",
          yFormat: "num",
          yLabel: "tokens",
          series: seriesOf(r.periods, [["emitted", "emitted_tokens", { type: "bars" }]]),
        }), { key: "emissions" }),
      ],
    },
    {
      id: "burn-mint",
      gloss: "burn_mint",
      title: "Burn and mint (Render)",
      defaults: () => ({
        initial_supply_tokens: "530000000",
        minted_tokens_per_period: "760567",
        node_operator_tokens_per_period: "190142",
        fee_rate: "0.05",
        periods: [
          { jobs_usd: "1000000", token_price_usd: "5" },
          { jobs_usd: "2000000", token_price_usd: "5" },
          { jobs_usd: "3000000", token_price_usd: "4.5" },
          { jobs_usd: "4000000", token_price_usd: "4" },
          { jobs_usd: "5000000", token_price_usd: "4" },
          { jobs_usd: "6000000", token_price_usd: "4.5" },
        ],
      }),
      fields: [
        dec("initial_supply_tokens", "Supply before", "tokens"),
        dec("minted_tokens_per_period", "Minted each period", "tokens"),
        dec("node_operator_tokens_per_period", "Of which node operators", "tokens", { optional: true }),
        dec("fee_rate", "Fee kept, not burned", "fraction of jobs"),
        rows("periods", "Periods", () => ({ jobs_usd: "1000000", token_price_usd: "5" }), [dec("jobs_usd", "Jobs", "USD"), dec("token_price_usd", "Token price", "USD")], { layout: "table", item: "Period", min: 1 }),
      ],
      compute: (input) => burn_mint(input),
      outputs: [
        metrics([
          { key: "burned", label: "Burned", get: (r) => r.burned_tokens, format: "int", gloss: "burn_mint.result.burned_tokens" },
          { key: "minted", label: "Minted", get: (r) => r.minted_tokens, format: "int", gloss: "burn_mint.result.minted_tokens" },
          { key: "net", label: "Net supply change", get: (r) => r.net_supply_change_tokens, format: "int", gloss: "burn_mint.result.net_supply_change_tokens" },
        ]),
        chart("Tokens burned against tokens minted", (r) => ({
          x: r.periods.map((p) => p.period),
          xLabel: "period",
          yFormat: "num",
          yLabel: "tokens",
          series: seriesOf(r.periods, [
            ["burned", "burned_tokens", { type: "bars" }],
            ["minted", "minted_tokens", { type: "step", color: 1 }],
          ]),
        }), { key: "burn_mint" }),
        table("Period by period", "burn-mint.csv", columns([
          ["Period", "period", "int"],
          ["Jobs", "jobs_usd", "usd"],
          ["Fee", "fee_usd", "usd"],
          ["Burned USD", "burned_usd", "usd"],
          ["Burned tokens", "burned_tokens", "num"],
          ["Minted", "minted_tokens", "num"],
          ["Net supply change", "net_supply_change_tokens", "num"],
          ["Supply", "supply_tokens", "num"],
          ["Equilibrium price", "equilibrium_token_price_usd", "usd4"],
          ["Node operator rewards", "node_operator_rewards_usd", "usd"],
        ], { gloss: "burn_mint.result.periods[]" }), (r) => r.periods),
      ],
    },
    {
      id: "take-rate",
      gloss: "take_rate_settlement",
      title: "A marketplace's take (Akash)",
      defaults: () => ({ leases: [{ usd_per_gpu_hour: "1.50", gpu_hours: "730", take_rate: "0.20" }, { usd_per_gpu_hour: "2.10", gpu_hours: "2000", take_rate: "0.04" }] }),
      fields: [
        rows("leases", "Leases", () => ({ usd_per_gpu_hour: "1.5", gpu_hours: "730", take_rate: "0.2" }), [
          dec("usd_per_gpu_hour", "Price", "USD/GPU-hour"),
          dec("gpu_hours", "GPU-hours", "hours"),
          dec("take_rate", "Take rate", "fraction"),
        ], { layout: "table", item: "Lease", min: 1 }),
      ],
      compute: (input) => take_rate_settlement(input),
      outputs: [
        metrics([
          { key: "buyer", label: "Buyers pay", get: (r) => r.buyer_pays_usd, format: "usd", gloss: "take_rate_settlement.result.buyer_pays_usd" },
          { key: "network", label: "Network takes", get: (r) => r.network_take_usd, format: "usd", gloss: "take_rate_settlement.result.network_take_usd" },
          { key: "provider", label: "Providers receive", get: (r) => r.provider_receives_usd, format: "usd", gloss: "take_rate_settlement.result.provider_receives_usd" },
          { key: "effective", label: "Effective take rate", get: (r) => r.effective_take_rate, format: "pct", gloss: "take_rate_settlement.result.effective_take_rate" },
        ]),
      ],
    },
    {
      id: "operator",
      gloss: "operator_roi",
      title: "A node operator's return in dollars",
      defaults: () => ({
        months: 24,
        hardware_usd: "30000",
        salvage_usd: "8000",
        gpus: "1",
        utilization: "0.7",
        power: { it_kw_per_gpu: "1", idle_fraction: "0.1", pue: "1.2", usd_per_kwh: "0.137" },
        other_usd_per_month: "100",
        rental_income_usd_per_month: "600",
        reward_tokens_per_month: "600",
        reward_curve: { kind: "exponential", annual_factor: "0.7" },
        stake_tokens: "1000",
        slashed_share: "0",
        annual_discount_rate: "0.15",
        scenarios: [
          { name: "flat", price: { kind: "curve", start_usd_per_token: "2", curve: { kind: "constant" } } },
          { name: "halves each year", price: { kind: "curve", start_usd_per_token: "2", curve: { kind: "exponential", annual_factor: "0.5" } } },
          { name: "doubles each year", price: { kind: "curve", start_usd_per_token: "2", curve: { kind: "exponential", annual_factor: "2" } } },
        ],
      }),
      fields: [
        int("months", "Months", "months"),
        dec("hardware_usd", "Hardware", "USD"),
        dec("salvage_usd", "Sold at the end for", "USD", { optional: true }),
        dec("gpus", "GPUs", "GPUs"),
        dec("utilization", "Busy share of hours", "fraction"),
        powerGroup(),
        dec("other_usd_per_month", "Hosting, bandwidth, staff", "USD/month", { optional: true }),
        dec("rental_income_usd_per_month", "Rental income after the take", "USD/month", { optional: true }),
        dec("reward_tokens_per_month", "Rewards", "tokens/month"),
        curve("reward_curve", "Reward path"),
        dec("stake_tokens", "Stake", "tokens", { optional: true }),
        dec("slashed_share", "Share of the stake slashed", "fraction", { optional: true }),
        dec("annual_discount_rate", "Discount rate", "fraction a year"),
        rows("scenarios", "Token price scenarios", (i) => ({ name: `scenario ${i + 1}`, price: { kind: "curve", start_usd_per_token: "2", curve: { kind: "constant" } } }), [
          text("name", "Name"),
          pricePath,
        ], { item: "Scenario", min: 1 }),
      ],
      compute: (input) => operator_roi(input),
      outputs: [
        metrics([
          { key: "break_even", label: "Break-even token price", get: (r) => r.break_even_usd_per_token, format: "usd4", gloss: "operator_roi.result.break_even_usd_per_token" },
          { key: "power", label: "Power a month", get: (r) => r.power_usd_per_month, format: "usd", gloss: "operator_roi.result.power_usd_per_month" },
          { key: "fiat_margin", label: "Fiat margin a month", get: (r) => r.fiat_margin_usd_per_month, format: "usd", gloss: "operator_roi.result.fiat_margin_usd_per_month" },
        ]),
        chart("Cumulative cash flow by token price scenario (USD)", (r) => ({
          x: r.scenarios[0].months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: r.scenarios.map((s, i) => ({ label: s.name, values: s.months.map((m) => Number(m.cumulative_cash_flow_usd)), color: i })),
        }), { key: "operator" }),
        table("Scenarios", "operator-roi.csv", columns([
          ["Scenario", "name"],
          ["Investment", "investment_usd", "usd"],
          ["Rewards", "reward_usd", "usd"],
          ["Net cash", "net_cash_usd", "usd"],
          ["ROI", "roi", "pct"],
          ["NPV", "npv_usd", "usd"],
          ["IRR", "irr_annual", "pct"],
          ["Payback (month)", "payback_month", "int"],
        ], { gloss: "operator_roi.result.scenarios[]" }), (r) => r.scenarios),
      ],
    },
  ],
};
