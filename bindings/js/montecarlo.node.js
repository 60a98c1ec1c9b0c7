// `gpuecon/montecarlo` in Node.js: the Monte Carlo's own .wasm beside this file, compiled
// synchronously when first used (the first `new MonteCarloRun`, `montecarlo`, `tornado`,
// `sensitivity_grid`, `montecarlo_typical` or run), not at import; so every function
// answers at once, as in the main entry, and `require("gpuecon/montecarlo")` works too.
// `ready()` is there for code shared with browsers. See montecarlo.js.
import { readFileSync } from "node:fs";
import * as glue from "./gpuecon_montecarlo.js";
import { monteCarloExports } from "./montecarlo_exports.js";

let loaded = false;

function load() {
  if (!loaded) {
    glue.initSync({ module: readFileSync(new URL("./gpuecon_montecarlo_bg.wasm", import.meta.url)) });
    loaded = true;
  }
}

/** Loads the module now (synchronously in Node); resolves when the functions can be called. */
function ready() {
  try {
    load();
    return Promise.resolve();
  } catch (error) {
    return Promise.reject(error);
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
