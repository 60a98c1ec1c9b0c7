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
console.log("esm: ok");
