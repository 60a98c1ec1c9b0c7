// Rental pricing: break-even, target-margin and target-IRR prices from the owner cost;
// the capacity book (on demand, reserved, spot, dedicated); published discounts.

import { break_even_price, capacity_book, published_discounts, target_irr_price, target_margin_price } from "gpuecon";

import { chart, metrics, table } from "../lib/block.js";
import { dec, group, int, optional, rows, text } from "../lib/form.js";
import { OWNER_COST } from "./owner-cost.js";

const PRODUCTS = [
  ["On demand", "on_demand_usd", "on_demand_gpu_hours"],
  ["Reserved", "reserved_usd", "reserved_gpu_hours"],
  ["Spot", "spot_usd", "spot_gpu_hours"],
  ["Dedicated", "dedicated_usd", "dedicated_gpu_hours"],
];

export default {
  id: "pricing",
  title: "Rental pricing",
  intro: "Prices from the owner's cost (the inputs of the Owner cost panel), and a month of a fleet sold as on-demand, reserved, spot and dedicated capacity.",
  blocks: [
    {
      id: "prices",
      title: "Break-even, target-margin and target-IRR prices",
      intro: "Priced from the Owner cost panel's inputs: its utilization, SG&A share and life (whole years for the IRR price).",
      defaults: () => ({ target_gross_margin: "0.50", target_annual_irr: "0.15" }),
      fields: [
        dec("target_gross_margin", "Target gross margin", "fraction of revenue", { hint: "in [0, 1)", gloss: "target_margin_price.inputs.target_gross_margin" }),
        dec("target_annual_irr", "Target project IRR", "fraction a year", { gloss: "target_irr_price.inputs.target_annual_irr" }),
      ],
      compute: (input, ctx) => {
        const cost = ctx.stateOf(OWNER_COST);
        return {
          breakEven: break_even_price(cost),
          margin: target_margin_price({ cost, target_gross_margin: input.target_gross_margin }),
          irr: target_irr_price({ cost, target_annual_irr: input.target_annual_irr }),
        };
      },
      outputs: [
        metrics([
          { key: "break_even", label: "Break-even price", get: (r) => r.breakEven.price_usd_per_gpu_hour, format: "usd4", gloss: "break_even_price.result.price_usd_per_gpu_hour" },
          { key: "target_margin", label: "Target-margin price", get: (r) => r.margin.price_usd_per_gpu_hour, format: "usd4", gloss: "target_margin_price.result.price_usd_per_gpu_hour" },
          { key: "target_irr", label: "Target-IRR price", get: (r) => r.irr.price_usd_per_gpu_hour, format: "usd4", gloss: "target_irr_price.result.price_usd_per_gpu_hour" },
          { key: "revenue_per_year", label: "Revenue a year at the IRR price", get: (r) => r.irr.revenue_usd_per_year, format: "usd", gloss: "target_irr_price.result.revenue_usd_per_year" },
        ]),
        chart("Annual cash flows at the target-IRR price (per GPU)", (r) => ({
          categories: r.irr.annual_cash_flows_usd.map((_, i) => `year ${i}`),
          xLabel: "year (0: the purchase)",
          yFormat: "usd",
          series: [{ label: "Cash flow", values: r.irr.annual_cash_flows_usd.map(Number), type: "bars" }],
        }), { key: "irr_flows" }),
      ],
    },
    {
      id: "book",
      title: "The capacity book: one month of a fleet",
      gloss: "capacity_book",
      defaults: () => ({
        gpus: "1024",
        hours: "730",
        on_demand: { price_usd_per_gpu_hour: "2.99", utilization: "0.70" },
        reserved: [{ gpus: "128", on_demand_price_usd_per_gpu_hour: "2.99", discount: "0.3844", term_months: 12 }],
        spot: { discount: "0.5833", share_of_idle_sold: "0.5", preemption_rate: "0.1" },
        dedicated: [{ gpus: "512", price_usd_per_gpu_hour: "2.35" }],
      }),
      fields: [
        dec("gpus", "GPUs in the fleet", "GPUs"),
        dec("hours", "Hours in the period", "hours", { optional: true }),
        group("On demand (the GPUs left)", [
          dec("on_demand.price_usd_per_gpu_hour", "Price", "USD/GPU-hour"),
          dec("on_demand.utilization", "Billed utilization", "fraction"),
        ]),
        rows("reserved", "Reserved blocks (billed every hour)", () => ({ gpus: "64", on_demand_price_usd_per_gpu_hour: "2.99", discount: "0.40", term_months: 12 }), [
          dec("gpus", "GPUs", "GPUs"),
          dec("on_demand_price_usd_per_gpu_hour", "On-demand price", "USD/h"),
          dec("discount", "Discount", "fraction"),
          int("term_months", "Term", "months"),
        ], { layout: "table", item: "Block" }),
        optional("spot", "Spot from idle on-demand hours", () => ({ discount: "0.6", share_of_idle_sold: "0.5", preemption_rate: "0.1" }), [
          dec("discount", "Discount", "fraction"),
          dec("share_of_idle_sold", "Idle hours sold", "fraction"),
          dec("preemption_rate", "Pre-empted", "fraction"),
        ]),
        rows("dedicated", "Dedicated GPUs", () => ({ gpus: "64", price_usd_per_gpu_hour: "2.50" }), [
          dec("gpus", "GPUs", "GPUs"),
          dec("price_usd_per_gpu_hour", "Price", "USD/h"),
        ], { layout: "table", item: "Block" }),
      ],
      compute: (input) => capacity_book(input),
      outputs: [
        metrics([
          { key: "total", label: "Revenue", get: (r) => r.total_usd, format: "usd", gloss: "capacity_book.result.total_usd" },
          { key: "billed_utilization", label: "Billed utilization", get: (r) => r.billed_utilization, format: "pct", gloss: "capacity_book.result.billed_utilization" },
          { key: "per_available_hour", label: "Revenue per available GPU-hour", get: (r) => r.usd_per_available_gpu_hour, format: "usd4", gloss: "capacity_book.result.usd_per_available_gpu_hour" },
          { key: "idle", label: "Idle GPU-hours", get: (r) => r.idle_gpu_hours, format: "int", gloss: "capacity_book.result.idle_gpu_hours" },
        ]),
        chart("Revenue by product", (r) => ({
          categories: PRODUCTS.map(([label]) => label),
          xLabel: "product",
          yFormat: "usd",
          series: [{ label: "Revenue", values: PRODUCTS.map(([, key]) => Number(r[key])), type: "bars" }],
        }), { key: "products" }),
        table("Revenue and billed hours by product", "capacity-book.csv", [
          { label: "Product", get: (row) => row[0] },
          { label: "Revenue (USD)", get: (row) => row[1], format: "usd" },
          { label: "Billed GPU-hours", get: (row) => row[2], format: "num" },
        ], (r) => [...PRODUCTS.map(([label, usd, hours]) => [label, r[usd], r[hours]]), ["Total", r.total_usd, r.billed_gpu_hours]]),
      ],
    },
    {
      id: "discounts",
      gloss: "published_discounts",
      title: "Published prices as discounts to on demand",
      defaults: () => ({
        on_demand_usd_per_hour: "32.773",
        offers: [
          { name: "spot", usd_per_hour: "13.655" },
          { name: "reserved 1 year", usd_per_hour: "20.175" },
          { name: "reserved 3 years", usd_per_hour: "12.499" },
        ],
      }),
      fields: [
        dec("on_demand_usd_per_hour", "On-demand price", "USD/hour", { hint: "AWS p4d, 2023, per instance-hour" }),
        rows("offers", "Offers", () => ({ name: "offer", usd_per_hour: "20" }), [text("name", "Name"), dec("usd_per_hour", "Price", "USD/hour")], { layout: "table", item: "Offer" }),
      ],
      compute: (input) => published_discounts(input),
      outputs: [
        table("Discounts", "discounts.csv", [
          { label: "Offer", get: (o) => o.name, gloss: "published_discounts.result[].name" },
          { label: "Discount", get: (o) => o.discount, format: "pct", gloss: "published_discounts.result[].discount" },
        ], (r) => r),
      ],
    },
  ],
};
