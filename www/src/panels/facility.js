// Facility: rack density and cooling, MW ↔ GPUs, colocation and hyperscale leases, the
// rent a published deal implies, and the cost of waiting for a grid connection.

import { gpus_to_mw, implied_lease_rate, interconnection_delay, lease_schedule, mw_to_gpus, rack_density } from "gpuecon";

import { chart, metrics, table } from "../lib/block.js";
import { choice, dec, int, optional, variant } from "../lib/form.js";
import { columns, months, seriesOf } from "./common.js";

const passThrough = (path, label) =>
  optional(path, label, () => ({ usd_per_kw_month: "5" }), [
    dec("usd_per_kw_month", "On the kW", "USD/kW-month", { optional: true }),
    dec("usd_per_year", "Fixed", "USD a year", { optional: true }),
    dec("annual_escalator", "Escalator", "fraction a year", { optional: true }),
  ]);

export default {
  id: "facility",
  title: "Facility",
  intro: "Capacities are critical IT kW or MW, before PUE.",
  blocks: [
    {
      id: "racks",
      gloss: "rack_density",
      title: "Racks and cooling",
      defaults: () => ({ node_kw: "10.2", nodes: 128, nodes_per_rack: 4, racks_per_row: 10, air_cooling_pue: "1.4", liquid_cooling: { capex_usd_per_kw: "1500", pue: "1.15" } }),
      fields: [
        dec("node_kw", "IT power of a node", "kW", { hint: "DGX H100 10.2, DGX B200 14.3" }),
        int("nodes", "Nodes", "nodes"),
        int("nodes_per_rack", "Nodes in a rack", "nodes"),
        int("racks_per_row", "Racks in a row", "racks"),
        dec("air_cooling_limit_kw_per_rack", "Air cooling limit", "kW/rack", { optional: true, hint: "default 35" }),
        dec("air_cooling_pue", "PUE with air", "ratio", { optional: true }),
        optional("liquid_cooling", "Liquid cooling, when needed", () => ({ capex_usd_per_kw: "1500", pue: "1.15" }), [
          dec("capex_usd_per_kw", "Capex", "USD/kW of IT"),
          dec("pue", "PUE", "ratio"),
        ]),
      ],
      compute: (input) => rack_density(input),
      outputs: [
        metrics([
          { key: "kw_per_rack", label: "kW per rack", get: (r) => r.kw_per_rack, format: "num", gloss: "rack_density.result.kw_per_rack" },
          { key: "racks", label: "Racks", get: (r) => r.racks, format: "int", gloss: "rack_density.result.racks" },
          { key: "rows", label: "Rows", get: (r) => r.rows, format: "int", gloss: "rack_density.result.rows" },
          { key: "liquid", label: "Liquid cooling required", get: (r) => r.liquid_cooling_required, format: "bool", gloss: "rack_density.result.liquid_cooling_required" },
          { key: "liquid_capex", label: "Liquid cooling capex", get: (r) => r.liquid_cooling_capex_usd, format: "usd0", gloss: "rack_density.result.liquid_cooling_capex_usd" },
          { key: "pue", label: "PUE", get: (r) => r.pue, format: "num", gloss: "rack_density.result.pue" },
        ]),
      ],
    },
    {
      id: "capacity",
      title: "Megawatts and GPUs",
      defaults: () => ({ critical_it_mw: "100", kw_per_gpu: "1.275", gpus: "65536" }),
      // Two models share the fields: each explained under its own.
      fields: [
        dec("critical_it_mw", "Critical IT capacity", "MW", { gloss: "mw_to_gpus.inputs.critical_it_mw" }),
        dec("kw_per_gpu", "IT power per GPU", "kW", { gloss: "mw_to_gpus.inputs.kw_per_gpu" }),
        dec("gpus", "GPUs to house", "GPUs", { gloss: "gpus_to_mw.inputs.gpus" }),
      ],
      compute: (input) => ({
        fit: mw_to_gpus({ critical_it_mw: input.critical_it_mw, kw_per_gpu: input.kw_per_gpu }),
        need: gpus_to_mw({ gpus: input.gpus, kw_per_gpu: input.kw_per_gpu }),
      }),
      outputs: [
        metrics([
          { key: "gpus", label: "GPUs the capacity holds", get: (r) => r.fit.gpus, format: "int", gloss: "mw_to_gpus.result.gpus" },
          { key: "spare_kw", label: "kW left over", get: (r) => r.fit.spare_kw, format: "num", gloss: "mw_to_gpus.result.spare_kw" },
          { key: "needed_mw", label: "MW the GPUs need", get: (r) => r.need.critical_it_mw, format: "num4", gloss: "gpus_to_mw.result.critical_it_mw" },
        ]),
      ],
    },
    {
      id: "lease",
      gloss: "lease_schedule",
      title: "A colocation or hyperscale lease",
      defaults: () => ({
        contracted_kw: "20000",
        usd_per_kw_month: "150",
        term_months: 120,
        annual_escalator: "0.03",
        structure: { kind: "triple_net", taxes: { usd_per_kw_month: "5" }, insurance: { usd_per_year: "600000" }, maintenance: { usd_per_kw_month: "8", annual_escalator: "0.03" } },
        annual_discount_rate: "0.08",
      }),
      fields: [
        dec("contracted_kw", "Contracted critical IT", "kW"),
        dec("usd_per_kw_month", "First-year rent", "USD/kW-month"),
        int("term_months", "Term", "months"),
        int("start_month", "First month", "month", { optional: true }),
        dec("annual_escalator", "Escalator", "fraction a year", { optional: true }),
        dec("annual_discount_rate", "Discount rate (for the PV)", "fraction a year", { optional: true }),
        variant("structure", "Structure", [
          { kind: "modified_gross", label: "Modified gross", make: () => ({ kind: "modified_gross" }), fields: [] },
          { kind: "triple_net", label: "Triple net (NNN)", make: () => ({ kind: "triple_net" }), fields: [passThrough("taxes", "Taxes"), passThrough("insurance", "Insurance"), passThrough("maintenance", "Maintenance")] },
        ]),
      ],
      compute: (input) => lease_schedule(input),
      outputs: [
        metrics([
          { key: "total", label: "Contract value", get: (r) => r.totals.total_usd, format: "usd0", gloss: "lease_schedule.result.totals.total_usd" },
          { key: "per_kw_month", label: "All-in average", get: (r) => r.totals.usd_per_kw_month, format: "usd", gloss: "lease_schedule.result.totals.usd_per_kw_month" },
          { key: "present_value", label: "Present value", get: (r) => r.totals.present_value_usd, format: "usd0", gloss: "lease_schedule.result.totals.present_value_usd" },
        ]),
        chart("The tenant's monthly cost (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          series: seriesOf(r.months, [
            ["rent", "rent_usd", { type: "bars", stack: true }],
            ["taxes", "taxes_usd", { type: "bars", stack: true }],
            ["insurance", "insurance_usd", { type: "bars", stack: true }],
            ["maintenance", "maintenance_usd", { type: "bars", stack: true }],
          ]),
        }), { key: "lease" }),
        table("Month by month", "lease.csv", columns([
          ["Month", "month", "int"],
          ["Lease month", "lease_month", "int"],
          ["Rent USD/kW-month", "rent_usd_per_kw_month", "usd4"],
          ["Rent", "rent_usd", "usd"],
          ["Taxes", "taxes_usd", "usd"],
          ["Insurance", "insurance_usd", "usd"],
          ["Maintenance", "maintenance_usd", "usd"],
          ["Total", "total_usd", "usd"],
        ], { gloss: "lease_schedule.result.months[]" }), months),
      ],
    },
    {
      id: "implied",
      gloss: "implied_lease_rate",
      title: "The rent a published deal implies",
      intro: "Core Scientific ↔ CoreWeave: $8.7B over 12 years for ~500 MW.",
      defaults: () => ({ total_contract_value_usd: "8700000000", term_months: 144, contracted_mw: "500" }),
      fields: [dec("total_contract_value_usd", "Total contract value", "USD"), int("term_months", "Term", "months"), dec("contracted_mw", "Contracted capacity", "MW")],
      compute: (input) => implied_lease_rate(input),
      outputs: [
        metrics([
          { key: "per_kw_month", label: "Average rent", get: (r) => r.usd_per_kw_month, format: "usd", gloss: "implied_lease_rate.result.usd_per_kw_month" },
          { key: "annual", label: "A year", get: (r) => r.annual_value_usd, format: "usd0", gloss: "implied_lease_rate.result.annual_value_usd" },
        ]),
      ],
    },
    {
      id: "interconnection",
      gloss: "interconnection_delay",
      title: "Waiting for the grid",
      defaults: () => ({
        expected_connection_month: 12,
        delay_months: 6,
        operating_months: 120,
        monthly_net_cash_flow_usd: "1000000",
        upgrade_cost_usd: "5000000",
        upgrade_paid: "upfront",
        holding_cost_usd_per_month: "150000",
        annual_discount_rate: "0.10",
      }),
      fields: [
        int("expected_connection_month", "Expected connection", "month"),
        int("delay_months", "Delay", "months"),
        int("operating_months", "Operation once connected", "months"),
        dec("monthly_net_cash_flow_usd", "Net cash flow once connected", "USD/month"),
        dec("upgrade_cost_usd", "Network upgrades", "USD", { optional: true }),
        choice("upgrade_paid", "Upgrades paid", [
          ["upfront", "Up front"],
          ["at_connection", "At connection"],
        ]),
        dec("holding_cost_usd_per_month", "Holding cost while waiting", "USD/month", { optional: true }),
        dec("annual_discount_rate", "Discount rate", "fraction a year"),
      ],
      compute: (input) => interconnection_delay(input),
      outputs: [
        metrics([
          { key: "cost_of_delay", label: "Cost of the delay", get: (r) => r.cost_of_delay_usd, format: "usd0", gloss: "interconnection_delay.result.cost_of_delay_usd" },
          { key: "cost_of_one_month", label: "Cost of one month", get: (r) => r.cost_of_one_month_usd, format: "usd0", gloss: "interconnection_delay.result.cost_of_one_month_usd" },
          { key: "npv_on_schedule", label: "NPV on schedule", get: (r) => r.npv_on_schedule_usd, format: "usd0", gloss: "interconnection_delay.result.npv_on_schedule_usd" },
          { key: "npv_delayed", label: "NPV delayed", get: (r) => r.npv_delayed_usd, format: "usd0", gloss: "interconnection_delay.result.npv_delayed_usd" },
        ]),
        chart("Cumulative cost of each month of delay (USD)", (r) => ({
          categories: r.delays.map((d) => String(d.delay_months)),
          xLabel: "months of delay",
          yFormat: "usd",
          series: seriesOf(r.delays, [
            ["marginal", "marginal_cost_usd", { type: "bars" }],
            ["cumulative", "cumulative_cost_usd", { color: 1 }],
          ]),
        }), { key: "delay" }),
      ],
    },
  ],
};
