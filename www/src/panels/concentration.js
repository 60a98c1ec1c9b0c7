// Customer concentration: HHI, top-1 and top-3 shares, revenue at risk, and counterparties
// that are investor, supplier and customer at once.

import { customer_concentration } from "gpuecon";

import { chart, metrics, note, table } from "../lib/block.js";
import { dec, multi, rows, text } from "../lib/form.js";
import { format } from "../lib/format.js";

const ROLES = [
  ["investor", "investor"],
  ["supplier", "supplier"],
  ["customer", "customer"],
  ["lender", "lender"],
];

export default {
  id: "concentration",
  title: "Concentration",
  intro: "How much of the revenue hangs on one customer, and which counterparties play several roles (investor, supplier, customer): the circularity lenders look for.",
  blocks: [
    {
      id: "customers",
      title: "Customers and counterparties",
      gloss: "customer_concentration",
      defaults: () => ({
        counterparties: [
          { name: "Microsoft", revenue_usd: "62", roles: ["customer"] },
          { name: "OpenAI", revenue_usd: "15", roles: ["customer", "investor"] },
          { name: "Nvidia", revenue_usd: "5", roles: ["investor", "supplier", "customer"] },
          { name: "Others", revenue_usd: "18", roles: ["customer"] },
          { name: "Banks", revenue_usd: "0", roles: ["lender"] },
        ],
        default_recovery_rate: "0.40",
      }),
      fields: [
        rows("counterparties", "Counterparties (revenue over the period)", (i) => ({ name: `customer ${i + 1}`, revenue_usd: "1", roles: ["customer"] }), [
          text("name", "Name"),
          dec("revenue_usd", "Revenue", "USD", { optional: true }),
          multi("roles", "Roles", ROLES),
        ], { item: "Counterparty", min: 1 }),
        dec("default_recovery_rate", "Recovered if the largest defaults", "fraction", { optional: true }),
      ],
      compute: (input) => customer_concentration(input),
      outputs: [
        metrics([
          { key: "hhi_points", label: "HHI (0-10,000)", get: (r) => r.hhi_points, format: "int", gloss: "customer_concentration.result.hhi_points" },
          { key: "top1", label: "Largest customer's share", get: (r) => r.top1_share, format: "pct", gloss: "customer_concentration.result.top1_share" },
          { key: "top3", label: "Top three's share", get: (r) => r.top3_share, format: "pct", gloss: "customer_concentration.result.top3_share" },
          { key: "at_risk", label: "Revenue at risk", get: (r) => r.revenue_at_risk_usd, format: "num", gloss: "customer_concentration.result.revenue_at_risk_usd" },
          { key: "default_loss", label: "Lost if it defaults", get: (r) => r.default_loss_usd, format: "num", gloss: "customer_concentration.result.default_loss_usd" },
        ]),
        chart("Share of revenue by customer", (r) => ({
          categories: r.customers.map((c) => c.name),
          xLabel: "customer",
          yFormat: "pct",
          yLabel: "share of revenue (percent)",
          series: [{ label: "share", values: r.customers.map((c) => Number(c.share)), type: "bars" }],
        }), { key: "shares" }),
        note((r) => (r.circular.length
          ? `Circular: ${r.circular.map((c) => `${c.name} (${c.roles.join(", ")}; ${format(c.revenue_share, "pct")} of revenue)`).join("; ")}.`
          : "No counterparty plays two of investor, supplier and customer.")),
        table("Customers, largest first", "concentration.csv", [
          { label: "Customer", get: (c) => c.name },
          { label: "Revenue", get: (c) => c.revenue_usd, format: "num" },
          { label: "Share", get: (c) => c.share, format: "pct" },
        ], (r) => r.customers),
      ],
    },
  ],
};
