// An example consumer in TypeScript, type-checked with `tsc --noEmit` (strict) against the
// installed package's index.d.ts by `cargo xtask test package`. It compiles only if the
// declared types accept what a user writes and give back what a user reads.
import {
  evaluate,
  GpueconError,
  owner_cost,
  presets,
  sln,
  xirr,
  type DecimalString,
  type GpueconErrorCode,
  type OwnerCost,
  type OwnerCostInputs,
  type Report,
} from "gpuecon";
import * as finance from "gpuecon/finance";

const financeIrr: DecimalString = finance.xirr([-10000, 2750], ["2008-01-01", new Date("2009-04-01")]);
const financeError: GpueconError | undefined = undefined as finance.GpueconError | undefined;

const perYear: DecimalString = sln(30000, "7500", 10);
const irr: DecimalString = xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", new Date("2009-04-01")]);

const inputs: OwnerCostInputs = {
  capital: { capex_usd_per_gpu: "50000", life_years: 6, annual_rate: "0.10" },
  power: { it_kw_per_gpu: "1.275", idle_fraction: "0.1", pue: "1.3", usd_per_kwh: "0.08" },
  facility: { contracted_kw_per_gpu: "1.275", usd_per_kw_month: "150" },
  usage: { utilization: "0.8", price_usd_per_gpu_hour: "2.50" },
};
const cost: OwnerCost = owner_cost(inputs);
const total: DecimalString = cost.total_usd_per_gpu_hour;

for (const preset of presets()) {
  // A preset is a scenario or a portfolio of them: `kind` says which.
  if (preset.kind === "scenario") {
    const report: Report = evaluate(preset.scenario);
    const months: number = report.months.length;
    console.log(preset.id, months, report.summary.revenue.total_usd, report.financing?.summary.equity.irr_annual);
  }
}

try {
  sln(1, 0, 0);
} catch (e) {
  if (e instanceof GpueconError) {
    const code: GpueconErrorCode = e.code;
    const field: string = e.field;
    const problems: readonly { readonly field: string; readonly message: string }[] = e.problems;
    console.log(perYear, irr, total, code, field, e.excel, problems.length, financeIrr, financeError);
  }
}
