// A page bundled by Vite against the installed package: the browser entry loads its .wasm
// with top-level await (Vite emits the .wasm as an asset from `new URL(..., import.meta.url)`).
import { evaluate, GpueconError, owner_cost, presets, sln } from "gpuecon";

const show = (id, text) => {
  document.getElementById(id).textContent = text;
};

show("sln", sln(30000, 7500, 10));
show(
  "owner-cost",
  owner_cost({
    capital: { capex_usd_per_gpu: "50000", life_years: 6, annual_rate: "0.10" },
    power: { it_kw_per_gpu: "1.275", idle_fraction: "0.1", pue: "1.3", usd_per_kwh: "0.08" },
    facility: { contracted_kw_per_gpu: "1.275", usd_per_kw_month: "150" },
    usage: { utilization: "0.8", price_usd_per_gpu_hour: "2.50" },
  }).total_usd_per_gpu_hour,
);
const { scenario } = presets().find((p) => p.id === "h100-cluster-1024");
show("revenue", evaluate(scenario).summary.revenue.total_usd);
try {
  sln(1, 0, 0);
} catch (e) {
  show("error", e instanceof GpueconError ? `${e.code} ${e.field}` : String(e));
}
// `gpuecon/finance` loaded on demand, its own .wasm: the same class for its errors.
const finance = await import("gpuecon/finance");
show("finance-xirr", finance.xirr([-10000, 2750, 4250, 3250, 2750], ["2008-01-01", "2008-03-01", "2008-10-30", "2009-02-15", "2009-04-01"]).slice(0, 10));
try {
  finance.sln(1, 0, 0);
} catch (e) {
  show("finance-error", e instanceof GpueconError ? `${e.code} ${e.field}` : String(e));
}
document.body.dataset.ready = "true";
