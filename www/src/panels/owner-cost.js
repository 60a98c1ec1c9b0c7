// Owner cost: the itemized cost of a GPU-hour (models::owner_cost), the cost stack across
// utilization, and the GPU catalog.

import { gpus, owner_cost } from "gpuecon";

import { chart, metrics, summary, table } from "../lib/block.js";
import { choice, dec, group } from "../lib/form.js";
import { format } from "../lib/format.js";
import { facilityGroup, operationsGroup, powerGroup } from "./common.js";

/** The owner-cost inputs; the pricing panel prices from the same state. */
export const OWNER_COST = "owner-cost.cost";

export const ownerCostDefaults = () => ({
  capital: { capex_usd_per_gpu: "50000", salvage_usd_per_gpu: "0", life_years: "6", annual_rate: "0.10", method: "capital_recovery" },
  power: { it_kw_per_gpu: "1.275", idle_fraction: "0.12", pue: "1.3", usd_per_kwh: "0.08" },
  facility: { contracted_kw_per_gpu: "1.275", usd_per_kw_month: "150" },
  operations: { staff_usd_per_gpu_hour: "0.05", insurance_rate_per_year: "0.005", sga_share_of_revenue: "0.08" },
  usage: { utilization: "0.80", price_usd_per_gpu_hour: "2.99" },
});

const ITEMS = [
  ["Capital", "capital_usd_per_gpu_hour"],
  ["Power", "power_usd_per_gpu_hour"],
  ["Facility", "facility_usd_per_gpu_hour"],
  ["Staff", "staff_usd_per_gpu_hour"],
  ["Support", "support_usd_per_gpu_hour"],
  ["Software", "software_usd_per_gpu_hour"],
  ["Insurance", "insurance_usd_per_gpu_hour"],
  ["SG&A", "sga_usd_per_gpu_hour"],
  ["Operations (staff to SG&A)", "operations_usd_per_gpu_hour"],
  ["Total per available GPU-hour", "total_usd_per_gpu_hour"],
  ["Total per utilized GPU-hour", "total_usd_per_utilized_gpu_hour"],
];

/** Utilizations the stack is drawn at: 30 % to 100 %. */
const UTILIZATIONS = ["0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"];
const UTILIZATION_LABELS = UTILIZATIONS.map((u) => format(u, "pct0"));

export default {
  id: "owner-cost",
  title: "Owner cost",
  intro: "What one GPU-hour costs its owner, item by item: capital recovered over the life at the cost of capital, power at the PUE, the contracted colocation, and operations.",
  blocks: [
    {
      id: "cost",
      title: "Itemized cost per GPU-hour",
      state: OWNER_COST,
      gloss: "owner_cost",
      defaults: ownerCostDefaults,
      fields: [
        group("Capital", [
          dec("capital.capex_usd_per_gpu", "Capex per GPU, all-in", "USD"),
          dec("capital.salvage_usd_per_gpu", "Salvage value", "USD", { optional: true }),
          dec("capital.life_years", "Economic life", "years"),
          dec("capital.annual_rate", "Cost of capital", "fraction a year"),
          choice("capital.method", "Capital charge", [
            ["capital_recovery", "Capital recovery factor"],
            ["straight_line", "Straight line + interest"],
          ]),
        ]),
        powerGroup(),
        facilityGroup(),
        operationsGroup(),
        group("Usage", [
          dec("usage.utilization", "Billed utilization", "fraction of hours"),
          dec("usage.price_usd_per_gpu_hour", "Price (for SG&A)", "USD/GPU-hour", { optional: true }),
        ]),
      ],
      compute: (input) => ({
        cost: owner_cost(input),
        utilization: input.usage?.utilization,
        stack: UTILIZATIONS.map((u) => owner_cost({ ...input, usage: { ...input.usage, utilization: u } })),
      }),
      outputs: [
        // The answer: what an hour of the GPU costs its owner, available and sold.
        summary([
          { key: "total", label: "Cost per available GPU-hour", get: (r) => r.cost.total_usd_per_gpu_hour, format: "usd4", gloss: "owner_cost.result.total_usd_per_gpu_hour", detail: () => "every hour of the month, sold or not" },
          {
            key: "per_utilized", label: "Cost per sold GPU-hour", get: (r) => r.cost.total_usd_per_utilized_gpu_hour, format: "usd4", gloss: "owner_cost.result.total_usd_per_utilized_gpu_hour",
            none: "Not defined: no hour is sold at 0 % billed utilization.",
            detail: (r) => `at ${format(r.utilization, "pct0")} billed utilization`,
          },
        ]),
        metrics([
          { key: "capital", label: "Capital", get: (r) => r.cost.capital_usd_per_gpu_hour, format: "usd4", gloss: "owner_cost.result.capital_usd_per_gpu_hour" },
          { key: "power", label: "Power", get: (r) => r.cost.power_usd_per_gpu_hour, format: "usd4", gloss: "owner_cost.result.power_usd_per_gpu_hour" },
        ]),
        chart(
          "The cost stack: USD per available GPU-hour, by billed utilization",
          (r) => ({
            categories: UTILIZATION_LABELS,
            xLabel: "billed utilization",
            yFormat: "usd",
            series: stackSeries(r.stack),
          }),
          { key: "stack" },
        ),
        chart(
          "Cost per utilized (sold) GPU-hour, by billed utilization",
          (r) => ({
            categories: UTILIZATION_LABELS,
            xLabel: "billed utilization",
            yFormat: "usd",
            zero: true,
            series: [{ label: "per utilized hour", values: r.stack.map((c) => Number(c.total_usd_per_utilized_gpu_hour)), color: 5 }],
          }),
          { key: "per_utilized" },
        ),
        table("The cost stack", "owner-cost.csv", [
          { label: "Item", get: (row) => row[0] },
          { label: "USD per GPU-hour", get: (row) => row[1], format: "usd4" },
        ], (r) => ITEMS.map(([label, key]) => [label, r.cost[key]])),
      ],
    },
    {
      id: "catalog",
      title: "The GPU catalog",
      intro: "The core's built-in figures: defaults to override with your own quotes.",
      compute: () => gpus(),
      outputs: [
        table("GPUs", "gpu-catalog.csv", [
          { label: "GPU", get: (g) => g.name, gloss: "gpus.result[].name" },
          { label: "Vendor", get: (g) => g.vendor, gloss: "gpus.result[].vendor" },
          { label: "TDP (W)", get: (g) => g.tdp_watts, format: "int", gloss: "gpus.result[].tdp_watts" },
          { label: "GPUs a node", get: (g) => g.gpus_per_node, format: "int", gloss: "gpus.result[].gpus_per_node" },
          { label: "Node IT kW", get: (g) => g.node_it_kw, format: "num", gloss: "gpus.result[].node_it_kw" },
          { label: "Node capex", get: (g) => g.node_capex_usd, format: "usd0", gloss: "gpus.result[].node_capex_usd" },
          { label: "As of", get: (g) => g.as_of, gloss: "gpus.result[].as_of" },
          { label: "Source", get: (g) => g.source, gloss: "gpus.result[].source" },
        ], (r) => r),
      ],
    },
  ],
};

/** Capital, power, facility and operations stacked (the chart adds them, as bars on bars). */
function stackSeries(stack) {
  const parts = [
    ["Capital", "capital_usd_per_gpu_hour"],
    ["Power", "power_usd_per_gpu_hour"],
    ["Facility", "facility_usd_per_gpu_hour"],
    ["Operations", "operations_usd_per_gpu_hour"],
  ];
  return parts.map(([label, key], i) => ({ label, values: stack.map((c) => Number(c[key])), type: "bars", stack: true, color: i }));
}
