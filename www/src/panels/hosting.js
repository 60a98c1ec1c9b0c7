// Hosting agreements: a host's fee (fixed per kW, or a share of the tenant's revenue),
// topped up to a minimum, less SLA credits for missed uptime, capped.

import { hosting_fees } from "gpuecon";

import { chart, custom, metrics, summary, table } from "../lib/block.js";
import { el } from "../lib/form.js";
import { link, sectionHref } from "../lib/sources.js";
import { format } from "../lib/format.js";
import { dec, int, list, optional, rows, variant } from "../lib/form.js";
import { columns, months, repeat, seriesOf } from "./common.js";

/**
 * The host's gross margin the strip judges against: 75 %, the low end of the 75-80 % that
 * Core Scientific gives for its CoreWeave hosting (TeraWulf gives ~85 % for Fluidstack's);
 * "near" within 5 points below it (as the box's LTV), "bad" further below.
 */
const MARGIN_THRESHOLD = 0.75;
const MARGIN_NEAR = 0.05;

/** The default host cost and where it comes from (an assumption, said so on the page). */
const HOST_COST_USD_PER_KW_MONTH = "27";
const HOST_COST_SOURCES = [
  ["Core Scientific ↔ CoreWeave: ~500 MW of critical IT, 12 years, $8.7B (≈ $121 per kW-month)", "https://www.sec.gov/Archives/edgar/data/1839341/000162828024043341/corescientifichpcoption3re.htm"],
  ["TeraWulf ↔ Fluidstack: ~85 % site NOI margin, 10 years, $3.7B", "https://blockspace.media/insight/terawulf-signs-10-year-200-mw-hosting-deals-google-takes-8-stake"],
  ["the project's domain reference, section 14 (75-80 % gross margin for Core Scientific; section 7: ~$121 per kW-month)", sectionHref("14")],
];

/** The assumption behind the default host cost, with links to its sources. */
function hostCostNote(host) {
  host.append(el("p", { className: "note", "data-note": "host-cost" }, [
    `Assumption: the host's cost is $${HOST_COST_USD_PER_KW_MONTH} per kW-month, 22.5 % of the $120.83 fee, the midpoint of the 75-80 % gross margin Core Scientific gives for hosting CoreWeave (power is passed through to the tenant). The strip judges the margin against ${MARGIN_THRESHOLD * 100} %, the low end of that range. Sources: `,
    ...HOST_COST_SOURCES.flatMap(([text, href], i) => [i ? "; " : "", link(href, text)]),
    ".",
  ]));
}

export default {
  id: "hosting",
  title: "Hosting agreements",
  intro: "What a host bills a tenant (Core Scientific hosting CoreWeave's GPUs): the fee, the minimum, and the credits owed when uptime misses the SLA.",
  blocks: [
    {
      id: "fees",
      title: "The host's fees, month by month",
      gloss: "hosting_fees",
      defaults: () => ({
        months: 12,
        fee: { kind: "fixed_per_kw", contracted_kw: "20000", usd_per_kw_month: "120.83" },
        minimum_fee_usd_per_month: "2000000",
        uptime_by_month: ["0.9995", "0.9992", "0.998", "0.9995", "0.985", "0.9997", "0.9999", "0.94", "0.9995", "0.9991", "0.9996", "0.9999"],
        sla_tiers: [
          { below_uptime: "0.999", credit_share: "0.05" },
          { below_uptime: "0.99", credit_share: "0.10" },
          { below_uptime: "0.95", credit_share: "0.25" },
        ],
        credit_cap: { share_of_monthly_fee: "0.20", usd_per_contract_year: "1000000" },
        host_cost: { usd_per_kw_month: HOST_COST_USD_PER_KW_MONTH },
      }),
      fields: [
        int("months", "Months", "months"),
        dec("minimum_fee_usd_per_month", "Minimum fee", "USD/month", { optional: true }),
        variant("fee", "Fee", [
          {
            kind: "fixed_per_kw",
            label: "Fixed per kW",
            make: () => ({ kind: "fixed_per_kw", contracted_kw: "20000", usd_per_kw_month: "120.83" }),
            fields: [dec("contracted_kw", "Contracted critical IT", "kW"), dec("usd_per_kw_month", "Price", "USD/kW-month")],
          },
          {
            kind: "revenue_share",
            label: "A share of the tenant's revenue",
            make: () => ({ kind: "revenue_share", share: "0.15", model_revenue_usd: repeat(12, "15000000") }),
            fields: [dec("share", "Host's share", "fraction"), list("model_revenue_usd", "Tenant's revenue by month", "USD")],
          },
        ]),
        list("uptime_by_month", "Uptime by month (missing months: 100 %)", "fractions", { optional: true }),
        rows("sla_tiers", "SLA tiers, highest threshold first", () => ({ below_uptime: "0.9", credit_share: "0.5" }), [
          dec("below_uptime", "Uptime below", "fraction"),
          dec("credit_share", "Credit", "fraction of fee"),
        ], { layout: "table", item: "Tier" }),
        optional("credit_cap", "A cap on credits", () => ({ share_of_monthly_fee: "0.2" }), [
          dec("share_of_monthly_fee", "A month's credit at most", "fraction of its fee", { optional: true }),
          dec("usd_per_contract_year", "A contract year's credits at most", "USD", { optional: true }),
        ]),
        optional("host_cost", "The host's own cost (for its margin)", () => ({ usd_per_kw_month: HOST_COST_USD_PER_KW_MONTH }), [
          dec("usd_per_kw_month", "Per contracted kW", "USD/kW-month", { optional: true }),
          dec("usd_per_month", "Fixed a month", "USD/month", { optional: true }),
        ]),
      ],
      compute: (input) => ({ ...hosting_fees(input), fee: input.fee }),
      outputs: [
        // The answer: the deal's price in the unit hosts quote (USD per kW of critical IT a
        // month, an input here) and what the host nets after the SLA's credits.
        summary([
          {
            key: "per_kw_month", label: "Price per kW-month", get: (r) => (r.fee?.kind === "fixed_per_kw" ? r.fee.usd_per_kw_month : null), format: "usd",
            none: "A share of the tenant's revenue: the fee is not priced per kW.",
            detail: (r) => (r.fee?.kind === "fixed_per_kw" ? `on ${format(r.fee.contracted_kw, "int")} kW of critical IT` : ""),
          },
          { key: "net_total", label: "Net fees", get: (r) => r.totals.net_fee_usd, format: "usd0", gloss: "hosting_fees.result.totals.net_fee_usd", detail: (r) => `after ${format(r.totals.sla_credit_usd, "usd0")} of SLA credits` },
          // The host's gross margin on what it keeps (net fees after credits), against the
          // published deals' margins.
          {
            key: "margin", label: "Host's margin", get: (r) => r.totals.margin_share, format: "pct", gloss: "hosting_fees.result.totals.margin_share",
            none: (r) => (r.totals.host_cost_usd == null
              ? "Not computed: no host cost is given (switch on \"The host's own cost\"). Without it the net fees are the host's revenue, before its costs."
              : "Not defined: the net fees are 0 (every month's fee credited back), so there is nothing to take a share of."),
            detail: (r) => (r.totals.margin_usd == null
              ? "net fees are revenue, before the host's costs"
              : `${format(r.totals.margin_usd, "usd0")} after ${format(r.totals.host_cost_usd, "usd0")} of costs; threshold ${MARGIN_THRESHOLD * 100} % (Core Scientific's 75-80 %)`),
            judge: (v) => (Number(v) >= MARGIN_THRESHOLD ? "good" : Number(v) >= MARGIN_THRESHOLD - MARGIN_NEAR ? "near" : "bad"),
          },
        ]),
        custom(hostCostNote),
        metrics([
          { key: "fee", label: "Fees billed", get: (r) => r.totals.fee_usd, format: "usd0" },
          { key: "credits", label: "SLA credits", get: (r) => r.totals.sla_credit_usd, format: "usd0" },
          { key: "credits_before_cap", label: "Credits before the cap", get: (r) => r.totals.credit_before_cap_usd, format: "usd0" },
          { key: "net", label: "Net fees", get: (r) => r.totals.net_fee_usd, format: "usd0" },
          { key: "host_cost", label: "Host's costs", get: (r) => r.totals.host_cost_usd, format: "usd0", gloss: "hosting_fees.result.totals.host_cost_usd", none: "No host cost given." },
          { key: "margin_usd", label: "Host's margin", get: (r) => r.totals.margin_usd, format: "usd0", gloss: "hosting_fees.result.totals.margin_usd", none: "No host cost given." },
        ]),
        chart("Fee, credit and net fee a month (USD)", (r) => ({
          x: r.months.map((m) => m.month),
          xLabel: "month",
          yFormat: "usd",
          zero: true,
          series: seriesOf(r.months, [
            ["net fee", "net_fee_usd", { type: "bars", stack: true, color: 0 }],
            ["SLA credit", "sla_credit_usd", { type: "bars", stack: true, color: 1 }],
            ["credit before the cap", "credit_before_cap_usd", { color: 5, dash: true }],
          ]),
        }), { key: "fees" }),
        table("Month by month", "hosting.csv", columns([
          ["Month", "month", "int"],
          ["Uptime", "uptime", "pct"],
          ["Base fee", "base_fee_usd", "usd"],
          ["Minimum top-up", "minimum_top_up_usd", "usd"],
          ["Fee", "fee_usd", "usd"],
          ["Credit share", "credit_share", "pct"],
          ["Credit before cap", "credit_before_cap_usd", "usd"],
          ["SLA credit", "sla_credit_usd", "usd"],
          ["Net fee", "net_fee_usd", "usd"],
          ["Host cost", "host_cost_usd", "usd"],
          ["Margin", "margin_usd", "usd"],
          ["Margin share", "margin_share", "pct"],
        ]), months),
      ],
    },
  ],
};
