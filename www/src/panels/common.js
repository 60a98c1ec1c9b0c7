// Field specs shared by several panels: the parts of the core's inputs that recur (power,
// facility and operations of a GPU, curves, book methods, contracts, loan rates).

import { check, choice, dec, group, int, list, optional, rows, text, variant } from "../lib/form.js";
import { toNumber } from "../lib/format.js";

/** The rows of a month-by-month table, for `table(...)` outputs. */
export const months = (result) => result.months;

/** A default input list of `n` copies of `value` (months of usage, prices, uptime). */
export const repeat = (n, value) => Array.from({ length: n }, () => value);

export const powerGroup = (base = "power") =>
  group("Power", [
    dec(`${base}.it_kw_per_gpu`, "IT power per GPU at full load", "kW", { hint: "1.275 for an H100 in a 10.2 kW DGX of 8" }),
    dec(`${base}.idle_fraction`, "Idle power", "fraction of full", { hint: "0.10-0.14 for an H100" }),
    dec(`${base}.pue`, "PUE", "facility ÷ IT", { hint: "at least 1; AI designs 1.1-1.3" }),
    dec(`${base}.usd_per_kwh`, "Electricity price", "USD/kWh"),
  ]);

export const facilityGroup = (base = "facility") =>
  group("Facility", [
    dec(`${base}.contracted_kw_per_gpu`, "Contracted critical IT per GPU", "kW"),
    dec(`${base}.usd_per_kw_month`, "Colocation price", "USD/kW-month", { hint: "CBRE primary markets $184-195" }),
  ]);

export const operationsGroup = (base = "operations") =>
  group("Operations (each defaults to 0)", [
    dec(`${base}.staff_usd_per_gpu_hour`, "Staff", "USD/GPU-hour", { optional: true }),
    dec(`${base}.support_usd_per_gpu_hour`, "Support", "USD/GPU-hour", { optional: true }),
    dec(`${base}.software_usd_per_gpu_hour`, "Software", "USD/GPU-hour", { optional: true }),
    dec(`${base}.insurance_rate_per_year`, "Insurance", "fraction of capex a year", { optional: true }),
    dec(`${base}.sga_share_of_revenue`, "SG&A", "fraction of revenue", { optional: true }),
  ]);

/** A multiplier path over the months (`Curve`). */
export const curve = (path, label, opts = {}) =>
  variant(
    path,
    label,
    [
      { kind: "constant", label: "Constant", make: () => ({ kind: "constant" }), fields: [] },
      {
        kind: "exponential",
        label: "Exponential",
        make: () => ({ kind: "exponential", annual_factor: "0.724" }),
        fields: [dec("annual_factor", "Factor a year", "× a year", { hint: "0.724: 0.14 orders of magnitude a year" })],
      },
      {
        kind: "generational_step",
        label: "Generational steps",
        make: () => ({ kind: "generational_step", annual_factor: "0.9", steps: [{ month: 24, factor: "0.6" }] }),
        fields: [
          dec("annual_factor", "Decline between steps", "× a year", { optional: true }),
          rows("steps", "Steps (a new generation ships)", (i) => ({ month: 24 * (i + 1), factor: "0.6" }), [int("month", "Month", "month"), dec("factor", "Factor", "×")], {
            layout: "table",
            item: "Step",
          }),
        ],
      },
      {
        kind: "points",
        label: "Points (linear between)",
        make: () => ({ kind: "points", points: [{ month: 0, value: "1" }, { month: 60, value: "0.2" }] }),
        fields: [
          rows("points", "Points", (i) => ({ month: 12 * i, value: "1" }), [int("month", "Month", "month"), dec("value", "Value", "×")], { layout: "table", item: "Point" }),
        ],
      },
    ],
    opts,
  );

/** A book depreciation method (`BookMethod`). */
export const bookMethod = (path) =>
  variant(path, "Book method", [
    { kind: "straight_line", label: "Straight line (SLN)", make: () => ({ kind: "straight_line" }), fields: [] },
    {
      kind: "declining_balance",
      label: "Declining balance (DB)",
      make: () => ({ kind: "declining_balance" }),
      fields: [int("month_of_first_year", "Months in the first year", "1-12", { optional: true })],
    },
    { kind: "double_declining", label: "Double declining (DDB)", make: () => ({ kind: "double_declining" }), fields: [dec("factor", "Factor", "×", { optional: true })] },
    { kind: "sum_of_years_digits", label: "Sum of years' digits (SYD)", make: () => ({ kind: "sum_of_years_digits" }), fields: [] },
    {
      kind: "vdb",
      label: "Variable declining (VDB)",
      make: () => ({ kind: "vdb" }),
      fields: [dec("factor", "Factor", "×", { optional: true }), check("no_switch", "Never switch to straight line")],
    },
    {
      kind: "macrs",
      label: "MACRS (GDS, half year)",
      make: () => ({ kind: "macrs", class: 5 }),
      fields: [choice("class", "Class", [3, 5, 7, 10, 15, 20].map((c) => [c, `${c}-year`]))],
    },
    {
      kind: "units_of_production",
      label: "Units of production",
      make: () => ({ kind: "units_of_production", total_units: "72", units_per_month: ["1", "1", "1"] }),
      fields: [dec("total_units", "Total units", "units"), list("units_per_month", "Units each month", "units")],
    },
  ]);

/** The fields of a take-or-pay `Contract`, relative to it. */
export const contractFields = [
  text("name", "Name"),
  dec("gpus", "GPUs", "GPUs"),
  int("start_month", "First month", "month"),
  int("term_months", "Term", "months"),
  dec("price_usd_per_gpu_hour", "Price", "USD/GPU-hour"),
  choice("commitment.unit", "Commitment unit", [
    ["gpu_hours", "GPU-hours"],
    ["megawatts", "Megawatts"],
    ["usd", "US dollars"],
  ]),
  dec("commitment.quantity_per_month", "Minimum a month", "in that unit"),
  dec("commitment.kw_per_gpu", "kW per GPU (megawatt commitments)", "kW", { optional: true }),
  choice("true_up", "True-up", [
    ["monthly", "Monthly"],
    ["quarterly", "Quarterly"],
    ["annual", "Annual"],
  ]),
  dec("shortfall_price_usd_per_gpu_hour", "Shortfall price (default: the price)", "USD/GPU-hour", { optional: true }),
  dec("cap_gpu_hours_per_month", "Cap (default none)", "GPU-hours/month", { optional: true }),
  dec("overage_price_usd_per_gpu_hour", "Overage price (with a cap)", "USD/GPU-hour", { optional: true }),
  list("ramp", "Ramp: share of the minimum in the first months", "fractions", { optional: true }),
  optional("make_up", "Make-up credits", () => ({ window_periods: 2 }), [int("window_periods", "Usable for", "true-up periods")]),
  optional("escalator", "Price escalator", () => ({ annual_rate: "0.03", every_months: 12 }), [
    dec("annual_rate", "Rate", "fraction a year"),
    int("every_months", "Every", "months", { optional: true }),
  ]),
  optional("termination", "Early termination", () => ({ month: 6, fee_usd: "100000" }), [int("month", "After month", "month"), dec("fee_usd", "Fee", "USD")]),
];

/** A loan's rate (`LoanInterest`). */
export const loanInterest = (path) =>
  variant(path, "Interest", [
    { kind: "fixed", label: "Fixed", make: () => ({ kind: "fixed", annual_rate: "0.10" }), fields: [dec("annual_rate", "Rate", "fraction a year")] },
    {
      kind: "floating",
      label: "SOFR + spread",
      make: () => ({ kind: "floating", sofr_annual_rates: ["0.04"], credit_tier: "named_investment_grade" }),
      fields: [
        list("sofr_annual_rates", "SOFR by month (the last holds)", "fractions a year"),
        choice("credit_tier", "Counterparty credit", [
          ["named_investment_grade", "Named investment grade (+6.00 %)"],
          ["other_investment_grade", "Other investment grade (+6.50 %)"],
          ["sub_investment_grade", "Sub-investment grade (+13.00 %)"],
        ]),
        dec("spread_annual_rate", "Spread (default: the tier's)", "fraction a year", { optional: true }),
      ],
    },
  ]);

/**
 * The columns of a month-by-month series: `[label, key, format, field]` into column specs.
 * With `opts.gloss`, the glossary key of a row ("lease_schedule.result.months[]"), each
 * column's header explains `<gloss>.<key>` (or `<gloss>.<field>` for a column computed by a
 * function).
 */
export function columns(specs, opts = {}) {
  return specs.map(([label, get, format, field]) => {
    const name = field ?? (typeof get === "function" ? null : get);
    return {
      label,
      get: typeof get === "function" ? get : (row) => row[get],
      format,
      gloss: opts.gloss && name ? `${opts.gloss}.${name}` : undefined,
    };
  });
}

/** Chart series from a result's months: `[label, key, opts]`. */
export function seriesOf(rows, specs) {
  return specs.map(([label, get, opts = {}]) => ({
    label,
    values: rows.map((row) => toNumber(typeof get === "function" ? get(row) : row[get])),
    ...opts,
  }));
}
