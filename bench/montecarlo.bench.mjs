// Monte Carlo in wasm (single-threaded) against native single-threaded, in the same run:
// 100,000 paths × 144 months of the coreweave-box-ig preset stretched to 12 years (its
// contract and sculpted loan over the whole term), every random input at its typical value,
// seed 2026 — the workload of core/benches/montecarlo.rs (`one_thread`).
//
// Run with `cargo xtask bench` (which passes criterion's native mean in
// GPUECON_NATIVE_MONTECARLO_NS), or `node bench/montecarlo.bench.mjs` once bindings/pkg is
// built and `npm ci` ran here. Target (issue 6): wasm within 2.5x of native.
import * as gpuecon from "gpuecon";

const PATHS = 100_000;
const scenario = structuredClone(gpuecon.presets().find((p) => p.id === "coreweave-box-ig").scenario);
scenario.horizon_months = 144;
scenario.contracts[0].contract.term_months = 144;
scenario.financing.tenor_months = 144;
const run = { scenario, options: { paths: PATHS, seed: 2026, stochastic: gpuecon.montecarlo_typical() } };

// Warm up (compilation, tiering) on a small run, then the median of three full runs.
gpuecon.montecarlo({ scenario, options: { ...run.options, paths: 2_000 } });
const seconds = [];
let report;
for (let round = 0; round < 3; round++) {
  const start = process.hrtime.bigint();
  report = gpuecon.montecarlo(run);
  seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
}
seconds.sort((a, b) => a - b);
const wasm = seconds[1];
const nativeNs = Number(process.env.GPUECON_NATIVE_MONTECARLO_NS);
console.log(
  `\nmontecarlo, ${PATHS} paths × 144 months (node ${process.version}): ${wasm.toFixed(3)} s in wasm` +
    ` (runs ${seconds.map((s) => s.toFixed(3)).join(", ")}); mean NPV ${report.npv_usd.mean}`,
);
if (nativeNs > 0) {
  const ratio = (wasm * 1e9) / nativeNs;
  console.log(
    `native single-threaded (criterion, same run): ${(nativeNs / 1e9).toFixed(3)} s; wasm ÷ native ${ratio.toFixed(2)}x` +
      ` (target within 2.5x: ${ratio <= 2.5 ? "met" : "MISSED"})`,
  );
}
