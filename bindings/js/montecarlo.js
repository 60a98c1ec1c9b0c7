// `gpuecon/montecarlo` in browsers and bundlers: a Monte Carlo run step by step, with
// progress and cancellation, on the calling thread or in a Web Worker; and `montecarlo`,
// `tornado` and `sensitivity_grid`. Its own .wasm (`gpuecon_montecarlo_bg.wasm`), fetched
// and compiled when first used, not at import: `runMonteCarlo` and `serveMonteCarlo` load
// it themselves (a run in a `worker` loads it there only); the functions that answer at
// once (`new MonteCarloRun`, `montecarlo`, `tornado`, `sensitivity_grid`,
// `montecarlo_typical`) need `await ready()` first.
//
//   import { runMonteCarlo } from "gpuecon/montecarlo";
//   const controller = new AbortController();
//   const report = await runMonteCarlo(
//     { scenario, options: { paths: 20000, seed: 1, stochastic } },
//     { batchSize: 2000, onProgress: ({ done, total }) => bar(done / total), signal: controller.signal },
//   );
//
// In a worker (module) script, two lines serve the runs:
//
//   import { serveMonteCarlo } from "gpuecon/montecarlo";
//   serveMonteCarlo();
//
// and `runMonteCarlo(run, { worker: new Worker(url, { type: "module" }) })` runs there.
// With `keepPartial: true` an abort does not reject: the run resolves to
// `{ report, cancelled, progress }`, the report of the paths done before the cancel
// (null when none ran), which equals a complete run of that many paths. The
// run is a `MonteCarloRun`, held by whichever thread computes: the scenario is
// compiled once, the paths' outcomes stay in the module, and only progress numbers and one
// report cross (to the page, from a worker). The paths do not depend on the batch size: the
// same seed gives the same report however the run is cut, here, in a worker, or natively.
import init, * as glue from "./gpuecon_montecarlo.js";
import { monteCarloExports } from "./montecarlo_exports.js";

let loading = null;
let loaded = false;

// The module is built for speed with WebAssembly's 128-bit SIMD (Chrome and Edge 91+,
// Firefox 89+, Safari 16.4+, Node 16.4+): its Monte Carlo in 0.84-0.86x of the CPU time of the
// size build without SIMD (docs/size.md). The probe is a function that returns a v128
// (`i8x16.popcnt` of a splat), the wasm-feature-detect package's: a browser without SIMD is
// told so here, rather than by a compile error of the module.
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

function simd() {
  return WebAssembly.validate(SIMD_PROBE)
    ? Promise.resolve()
    : Promise.reject(
        new Error("gpuecon/montecarlo needs WebAssembly SIMD (Chrome and Edge 91+, Firefox 89+, Safari 16.4+), which this browser lacks"),
      );
}

/** Fetches and compiles the module, once; resolves when the functions can be called. */
function ready() {
  loading ??= simd().then(() => init()).then(
    () => {
      loaded = true;
    },
    (error) => {
      loading = null; // a failed fetch may be retried
      throw error;
    },
  );
  return loading;
}

function load() {
  if (!loaded) {
    throw new Error("gpuecon/montecarlo: its module is not loaded yet: `await ready()` first (runMonteCarlo and serveMonteCarlo load it themselves)");
  }
}

export const {
  MonteCarloRun,
  montecarlo,
  tornado,
  sensitivity_grid,
  montecarlo_typical,
  runMonteCarlo,
  serveMonteCarlo,
  GpueconError,
} = monteCarloExports(glue, load, ready);
export { ready };
