// Node, ES modules: `import` from the installed package, as the README shows.
import assert from "node:assert/strict";
import { evaluate, GpueconError, owner_cost, presets, sln } from "gpuecon";

assert.equal(sln(30000, 7500, 10), "2250");
const cost = owner_cost({
  capital: { capex_usd_per_gpu: "50000", life_years: 6, annual_rate: "0.10" },
  power: { it_kw_per_gpu: "1.275", idle_fraction: "0.1", pue: "1.3", usd_per_kwh: "0.08" },
  facility: { contracted_kw_per_gpu: "1.275", usd_per_kw_month: "150" },
  usage: { utilization: "0.8", price_usd_per_gpu_hour: "2.50" },
});
assert.match(cost.total_usd_per_gpu_hour, /^\d+\.\d+$/);
const { scenario } = presets().find((p) => p.id === "h100-cluster-1024");
assert.ok(evaluate(scenario).months.length > 0);
assert.throws(() => sln(1, 0, 0), (e) => e instanceof GpueconError && e.code === "DOMAIN" && e.field === "life");
// `gpuecon/finance`: its own module, the same strings as the full package's (Excel's
// documented XIRR example: 0.373362535), and the same GpueconError class.
const finance = await import("gpuecon/finance");
const { xirr } = await import("gpuecon");
assert.equal(finance.xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]), xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]));
assert.equal(finance.xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]).slice(0, 10), "0.37336253");
assert.throws(() => finance.sln(1, 0, 0), (e) => e instanceof GpueconError && e.code === "DOMAIN");
assert.equal(finance.GpueconError, GpueconError);
console.log("esm: ok");
