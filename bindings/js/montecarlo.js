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

/** Fetches and compiles the module, once; resolves when the functions can be called. */
function ready() {
  loading ??= init().then(
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
