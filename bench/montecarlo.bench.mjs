// Monte Carlo in wasm (single-threaded) against native single-threaded, in the same run:
// 100,000 paths × 144 months of the coreweave-box-ig preset stretched to 12 years (its
// contract and sculpted loan over the whole term), every random input at its typical value,
// seed 2026 — the workload of core/benches/montecarlo.rs (`one_thread`).
//
// Run with `cargo xtask bench` (which passes criterion's native mean in
// GPUECON_NATIVE_MONTECARLO_NS), or `node bench/montecarlo.bench.mjs` once bindings/pkg is
// built and `npm ci` ran here. Target (issue 21, item 7; issue 6 asked 2.5x): wasm within
// 1.3x of native.
// The Monte Carlo is `gpuecon/montecarlo`'s, in its own module (issue 21); the presets and
// the typical random inputs are the main entry's.
import * as gpuecon from "gpuecon";
import { montecarlo, runMonteCarlo } from "gpuecon/montecarlo";

const PATHS = 100_000;
const scenario = structuredClone(gpuecon.presets().find((p) => p.id === "coreweave-box-ig").scenario);
scenario.horizon_months = 144;
scenario.contracts[0].contract.term_months = 144;
scenario.financing.tenor_months = 144;
const run = { scenario, options: { paths: PATHS, seed: 2026, stochastic: gpuecon.montecarlo_typical() } };

// Warm up (compilation, tiering) on a small run, then the median of three full runs.
montecarlo({ scenario, options: { ...run.options, paths: 2_000 } });
const seconds = [];
let report;
for (let round = 0; round < 3; round++) {
  const start = process.hrtime.bigint();
  report = montecarlo(run);
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
      ` (target within 1.3x: ${ratio <= 1.3 ? "met" : "MISSED"})`,
  );
}

// `runMonteCarlo` in the calculator's batches of 250 paths against one `montecarlo` call,
// in the same process: 10,000 paths of coreweave-box-ig with the typical random inputs,
// seed 1 (the calculator's run), on the calling thread (the cost of cutting the run into
// batches, with no worker's messages: a worker adds a postMessage per batch). The median
// of nine alternating rounds after a warm-up, each ratio of medians. Target (issue 21):
// ≤ 1.2x.
const BATCH = 250;
const CALCULATOR_PATHS = 10_000;
const box = gpuecon.presets().find((p) => p.id === "coreweave-box-ig").scenario;
const calculator = { scenario: box, options: { paths: CALCULATOR_PATHS, seed: 1, stochastic: gpuecon.montecarlo_typical() } };
const time = async (f) => {
  const start = process.hrtime.bigint();
  const value = await f();
  return [Number(process.hrtime.bigint() - start) / 1e9, value];
};
await runMonteCarlo({ ...calculator, options: { ...calculator.options, paths: 1_000 } }, { batchSize: BATCH });
const [oneCall, batched] = [[], []];
let same = true;
for (let round = 0; round < 9; round++) {
  const [a, whole] = await time(() => montecarlo(calculator));
  const [b, pieces] = await time(() => runMonteCarlo(calculator, { batchSize: BATCH }));
  oneCall.push(a);
  batched.push(b);
  same &&= JSON.stringify(whole) === JSON.stringify(pieces);
}
const median = (xs) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const ratio = median(batched) / median(oneCall);
const best = Math.min(...batched) / Math.min(...oneCall);
console.log(
  `\nrunMonteCarlo, ${CALCULATOR_PATHS} paths of coreweave-box-ig in batches of ${BATCH}: ${median(batched).toFixed(3)} s;` +
    ` one montecarlo call ${median(oneCall).toFixed(3)} s; ratio ${ratio.toFixed(2)}x of the medians` +
    ` (${best.toFixed(2)}x of the fastest runs); target ≤ 1.2x: ${ratio <= 1.2 ? "met" : "missed"};` +
    ` the same report: ${same ? "yes" : "NO"}`,
);
if (!same) process.exitCode = 1;
