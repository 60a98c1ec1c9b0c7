// Power: the electricity bill under a PPA (fixed, indexed, virtual, collar), IT against
// facility energy, and what curtailment costs or pays.

import { curtailment_cost, energy_cost, energy_split } from "gpuecon";

import { chart, metrics, table } from "../lib/block.js";
import { dec, int, list, variant } from "../lib/form.js";
import { columns, months, seriesOf } from "./common.js";

const ppa = variant("ppa", "Power purchase agreement", [
  { kind: "market", label: "None: market price", make: () => ({ kind: "market" }), fields: [] },
  { kind: "fixed_price", label: "Fixed price", make: () => ({ kind: "fixed_price", usd_per_mwh: "60" }), fields: [dec("usd_per_mwh", "Price", "USD/MWh")] },
  { kind: "indexed", label: "Indexed: market + adder", make: () => ({ kind: "indexed", adder_usd_per_mwh: "5" }), fields: [dec("adder_usd_per_mwh", "Adder", "USD/MWh")] },
  {
    kind: "virtual",
    label: "Virtual PPA (contract for difference)",
    make: () => ({ kind: "virtual", strike_usd_per_mwh: "60", volume_mwh_per_month: "500" }),
    fields: [dec("strike_usd_per_mwh", "Strike", "USD/MWh"), dec("volume_mwh_per_month", "Hedged volume", "MWh/month")],
  },
  {
    kind: "collar",
    label: "Collar: floor and cap",
    make: () => ({ kind: "collar", floor_usd_per_mwh: "45", cap_usd_per_mwh: "70" }),
    fields: [dec("floor_usd_per_mwh", "Floor", "USD/MWh"), dec("cap_usd_per_mwh", "Cap", "USD/MWh")],
  },
]);

const load = variant("load", "IT load", [
  {
    kind: "fleet",
    label: "A fleet at a load factor",
    make: () => ({ kind: "fleet", gpus: "1024", it_kw_per_gpu: "1.275", load_factor: "0.8" }),
    fields: [dec("gpus", "GPUs", "GPUs"), dec("it_kw_per_gpu", "IT power per GPU", "kW"), dec("load_factor", "Load factor", "fraction")],
  },
  {
    kind: "metered",
    label: "Metered IT energy",
    make: () => ({ kind: "metered", it_mwh: ["700", "720", "740"], gpus: "1024" }),
    fields: [list("it_mwh", "IT energy by month (one per market price)", "MWh"), dec("gpus", "GPUs (for the cost per GPU-hour)", "GPUs", { optional: true })],
  },
]);

export default {
  id: "power",
  title: "Power",
  intro: "PUE applies once, to IT energy. Prices in USD per MWh; month 1 is the first month, 730 hours each.",
  blocks: [
    {
      id: "energy",
      title: "The electricity bill",
      gloss: "energy_cost",
      defaults: () => ({
        market_usd_per_mwh: ["62", "58", "55", "50", "48", "55", "75", "82", "64", "55", "58", "66"],
        load: { kind: "fleet", gpus: "1024", it_kw_per_gpu: "1.275", load_factor: "0.8" },
        pue: "1.3",
        ppa: { kind: "virtual", strike_usd_per_mwh: "60", volume_mwh_per_month: "500" },
      }),
      fields: [list("market_usd_per_mwh", "Market price by month", "USD/MWh"), dec("pue", "PUE", "facility ÷ IT"), load, ppa],
      compute: (input) => energy_cost(input),
      outputs: [
        metrics([
          { key: "net_cost", label: "Net cost", get: (r) => r.totals.net_cost_usd, format: "usd", gloss: "energy_cost.result.totals.net_cost_usd" },
          { key: "usd_per_mwh", label: "Net cost per MWh", get: (r) => r.totals.usd_per_mwh, format: "usd", gloss: "energy_cost.result.totals.usd_per_mwh" },
          { key: "usd_per_gpu_hour", label: "Per available GPU-hour", get: (r) => r.totals.usd_per_gpu_hour, format: "usd4", gloss: "energy_cost.result.totals.usd_per_gpu_hour" },
          { key: "facility_mwh", label: "Facility energy", get: (r) => r.totals.facility_mwh, format: "num", gloss: "energy_cost.result.totals.facility_mwh" },
          { key: "settlement", label: "PPA settlement received", get: (r) => r.totals.ppa_settlement_usd, format: "usd", gloss: "energy_cost.result.totals.ppa_settlement_usd" },
        ]),
        chart("Energy bought, PPA settlement and net cost a month (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["energy bought", "energy_bought_usd", { type: "bars" }],
            ["PPA settlement", "ppa_settlement_usd", { color: 2 }],
            ["net cost", "net_cost_usd", { color: 1 }],
          ]),
        }), { key: "bill" }),
        chart("Market price against the price paid (USD/MWh)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["market", "market_usd_per_mwh"],
            ["paid under the PPA", "price_usd_per_mwh", { dash: true }],
          ]),
        }), { key: "prices" }),
        table("Month by month", "energy-cost.csv", columns([
          ["Month", "month", "int"],
          ["Market USD/MWh", "market_usd_per_mwh", "num"],
          ["IT MWh", "it_mwh", "num"],
          ["Facility MWh", "facility_mwh", "num"],
          ["Paid USD/MWh", "price_usd_per_mwh", "num"],
          ["Energy bought", "energy_bought_usd", "usd"],
          ["PPA settlement", "ppa_settlement_usd", "usd"],
          ["Net cost", "net_cost_usd", "usd"],
          ["USD per GPU-hour", "usd_per_gpu_hour", "usd4"],
        ], { gloss: "energy_cost.result.months[]" }), months),
      ],
    },
    {
      id: "split",
      gloss: "energy_split",
      title: "IT against facility energy",
      defaults: () => ({ it_kwh: "1000", pue: "1.3" }),
      fields: [dec("it_kwh", "IT energy", "kWh"), dec("pue", "PUE", "facility ÷ IT")],
      compute: (input) => energy_split(input),
      outputs: [
        metrics([
          { key: "overhead", label: "Overhead (cooling, conversion)", get: (r) => r.overhead_kwh, format: "num", gloss: "energy_split.result.overhead_kwh" },
          { key: "facility", label: "Facility energy", get: (r) => r.facility_kwh, format: "num", gloss: "energy_split.result.facility_kwh" },
        ]),
      ],
    },
    {
      id: "curtailment",
      gloss: "curtailment_cost",
      title: "Curtailment: switching off when power is dear",
      defaults: () => ({
        gpus: "1024",
        it_kw_per_gpu: "1.275",
        pue: "1.3",
        curtailed: { kind: "events", hours_per_month: ["0", "0", "4", "0", "0", "12", "20", "16", "2", "0", "0", "6"] },
        margin_usd_per_gpu_hour: "1.20",
        power_price_usd_per_mwh: "1000",
        demand_response_usd_per_mwh: "50",
        capital_usd_per_gpu_hour: "1.31",
      }),
      fields: [
        dec("gpus", "GPUs", "GPUs"),
        dec("it_kw_per_gpu", "IT power per GPU", "kW"),
        dec("pue", "PUE", "facility ÷ IT"),
        dec("margin_usd_per_gpu_hour", "Margin an hour earns before power", "USD/GPU-hour"),
        dec("power_price_usd_per_mwh", "Power price in the hours cut", "USD/MWh"),
        dec("demand_response_usd_per_mwh", "Demand-response payment", "USD/MWh", { optional: true }),
        dec("capital_usd_per_gpu_hour", "Capital cost of an hour", "USD/GPU-hour", { optional: true }),
        variant("curtailed", "Hours cut", [
          { kind: "events", label: "Events, month by month", make: () => ({ kind: "events", hours_per_month: ["10"] }), fields: [list("hours_per_month", "Hours cut each month", "hours (0-730)")] },
          { kind: "share", label: "A share of every month", make: () => ({ kind: "share", share_of_hours: "0.01", months: 12 }), fields: [dec("share_of_hours", "Share of hours", "fraction"), int("months", "Months", "months")] },
        ]),
      ],
      compute: (input) => curtailment_cost(input),
      outputs: [
        metrics([
          { key: "break_even", label: "Curtailing pays above", get: (r) => r.break_even_usd_per_mwh, format: "usd", gloss: "curtailment_cost.result.break_even_usd_per_mwh" },
          { key: "pays", label: "Curtailing pays at this price", get: (r) => r.curtailing_pays, format: "bool", gloss: "curtailment_cost.result.curtailing_pays" },
          { key: "net_cost", label: "Net cost of curtailing", get: (r) => r.totals.net_cost_usd, format: "usd", gloss: "curtailment_cost.result.totals.net_cost_usd" },
          { key: "draw", label: "Facility draw", get: (r) => r.draw_mw, format: "num4", gloss: "curtailment_cost.result.draw_mw" },
          { key: "capital_break_even", label: "Capital break-even", get: (r) => r.capital_break_even_usd_per_mwh, format: "usd", gloss: "curtailment_cost.result.capital_break_even_usd_per_mwh" },
        ]),
        chart("Lost margin against power saved and demand response (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["lost margin", "lost_margin_usd", { type: "bars", color: 1 }],
            ["power saved", "power_saved_usd", { color: 0 }],
            ["demand response", "demand_response_usd", { color: 2 }],
            ["net cost", "net_cost_usd", { dash: true, color: 4 }],
          ]),
        }), { key: "curtailment" }),
      ],
    },
  ],
};
